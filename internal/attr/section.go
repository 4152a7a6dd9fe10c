package attr

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section is what a section's "**Field:** value" lines say.
type Section struct {
	Status string // as written; it changes no count
	Owner  string // handle without "@", or a name as written
	Due    string // YYYY-MM-DD: Due, Deadline, Target date, or Target when it is a date
	Start  string // YYYY-MM-DD
	Risk   string // as written

	Priority Priority

	// Estimate and Actual are as written ("4-6 hours"), with the hours
	// they count for (a range at its upper bound); the hours are 0 when
	// the value does not start with a duration.
	Estimate      string
	EstimateHours float64
	Actual        string
	ActualHours   float64

	// Depends are the ids a Dependencies line lists; DependsAll the
	// prefix of "All P4 tasks" (every id with that prefix on the page);
	// NoDepends is set by "None". DependsLine is the line they were read
	// from, for warnings.
	Depends     []string
	DependsAll  string
	NoDepends   bool
	DependsLine int

	// Fields are the other fields, and known ones whose value did not
	// read (a Target that is not a date), as written.
	Fields []Field
}

// IsZero reports whether s says nothing. It names every field:
// TestSectionIsZeroCoversEveryField fails when one is added without it.
func (s *Section) IsZero() bool {
	return s.Status == "" && s.Owner == "" && s.Due == "" && s.Start == "" && s.Risk == "" && s.Priority == NoPriority &&
		s.Estimate == "" && s.EstimateHours == 0 && s.Actual == "" && s.ActualHours == 0 &&
		len(s.Depends) == 0 && s.DependsAll == "" && !s.NoDepends && s.DependsLine == 0 && len(s.Fields) == 0
}

// Line is one source line and its 1-based number in the file.
type Line struct {
	Number int
	Text   string
}

// ReadSection reads the field lines of a section's own text: the raw
// source lines of its paragraphs before its first sub-heading. The first
// line that sets a field wins; lines that are not field lines are
// skipped. Dates written without their year ("**Due:** Mar 14") or with
// slashes are read as the page's cal says (Calendar; nil reads none).
func ReadSection(lines []Line, cal Calendar) Section {
	var s Section
	byRole, roleKey := false, "" // s.Owner came from a role's field (Tech lead, roleKey as written), which an Owner field beats
	for _, l := range lines {
		key, value, ok := FieldLine(l.Text)
		if ok && strings.ContainsAny(value, "·•|") {
			// "**Owner:** Dana · **Target:** 2026-12-31": several fields in bold on a line
			if fields := PlainFields(strings.TrimSpace(strings.ReplaceAll(l.Text, "**", "")), cal); fields != nil {
				s.setFields(fields, l.Number, cal)
				continue
			}
		}
		if !ok {
			s.setFields(PlainFields(strings.TrimSpace(l.Text), cal), l.Number, cal)
			continue
		}
		if fieldName(sectionKey(key)) == "owner" {
			if v := ownerOf(value); v != "" {
				role := roleOwnerKeys[normKey(key)]
				switch {
				case s.Owner == "":
					s.Owner, byRole, roleKey = v, role, key
					continue
				case byRole && !role:
					s.Fields = append(s.Fields, Field{roleKey, s.Owner}) // kept as written
					s.Owner, byRole = v, false                           // "**Tech lead:** Olu" then "**Owner:** Ana": Ana
					continue
				}
			}
		}
		s.set(key, value, l.Number, cal)
	}
	return s
}

// setFields sets each "**Field:** value" line of fields, read on line.
func (s *Section) setFields(fields []string, line int, cal Calendar) {
	for _, f := range fields {
		key, value, _ := FieldLine(f)
		s.set(key, value, line, cal)
	}
}

// PlainFields reads a line of known fields written without bold, as
// issues and exported pages write them: "Owner: @oksana", "Due:
// 2026-10-15", or several on one line ("Owner: Lee · Status: Approved ·
// Target: 2027-03-15", "Depends on: P1-1, P1-2"). Each comes back as the
// "**Field:** value" line it means; nil when the line is not all such
// fields with short values (a name, a date, ids), so a sentence with a
// colon is no field. Dates are read as ReadSection reads them.
func PlainFields(line string, cal Calendar) []string {
	key, value, ok := strings.Cut(line, ":")
	if !ok || len(key) > 40 {
		return nil // most lines: no colon
	}
	if f := plainDateField(strings.TrimSpace(key), strings.TrimSpace(value), cal); f != "" {
		return []string{f} // "Deadline: **Thursday 4 February 2027, 16:00** (internal)"
	}
	if !(KnownField(strings.TrimSpace(key)) || strings.EqualFold(strings.TrimSpace(key), "status")) {
		return nil // prose before the colon
	}
	var out []string
	for _, part := range strings.FieldsFunc(line, func(r rune) bool { return r == '·' || r == '|' || r == '•' }) {
		key, value, ok := strings.Cut(strings.TrimSpace(part), ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || value == "" || len(strings.Fields(key)) > 3 || !(KnownField(key) || strings.EqualFold(key, "status")) ||
			strings.Contains(value, ":") || len(strings.Fields(value)) > plainWords(key) { // a name, a date or ids, not a sentence
			return nil
		}
		if !plainReads(key, value, cal) {
			return nil
		}
		out = append(out, "**"+key+":** "+value)
	}
	return out
}

// plainDateField returns the "**Field:** value" line of a date field
// written plain whose value is a date however it is dressed (a weekday, a
// time, bold, a note after it), or a date range under Dates or Timeline;
// "" when it is neither.
func plainDateField(key, value string, cal Calendar) string {
	switch sectionKey(key) {
	case "dates", "date range", "timeline", "timeframe", "duration":
		if _, _, ok := dateRange(plainValue(value), cal); ok {
			return "**" + key + ":** " + value
		}
		return ""
	}
	if name := fieldName(key); name != "due" && name != "start" || len(strings.Fields(key)) > 3 {
		return ""
	}
	if d, ok := ParseDateNear(plainValue(value), cal); ok {
		return "**" + key + ":** " + d
	}
	return ""
}

// plainWords is how many words a field written plain may hold: a few
// for a name or a date, more for dependencies and for a status, which
// may say why ("paused until SSO is done"; the status is read from its
// opening words).
func plainWords(key string) int {
	switch {
	case fieldName(key) == "dependson":
		return math.MaxInt
	case strings.EqualFold(key, "status"):
		return 8
	}
	return 4
}

// plainReads reports whether a field written plain says what its key
// names: a date for a date, ids for dependencies, a priority, an estimate,
// someone for an owner. "Done: nothing else" is prose.
func plainReads(key, value string, cal Calendar) bool {
	switch fieldName(key) {
	case "due", "start", "completion", "cancelled", "scheduled", "created":
		_, ok := ParseDateNear(plainValue(value), cal)
		return ok
	case "dependson":
		_, ok := ParseDependencies(value)
		return ok
	case "priority":
		_, ok := PriorityValue(value)
		return ok
	case "estimate":
		_, _, ok := ParseHours(value)
		return ok
	case "owner":
		return ownerOf(value) != ""
	}
	return strings.EqualFold(key, "status")
}

// FieldLine reads a line "**Field:** value" or "**Field**: value" (or with
// __, optionally as a list item) and returns the field's name and value as
// written. A bold label without a colon ("**Dependencies** list task IDs")
// and a label with no value ("**Description:**") are not fields.
func FieldLine(line string) (key, value string, ok bool) {
	t := strings.TrimLeft(line, " \t")
	for _, bullet := range []string{"- ", "* ", "+ "} {
		if strings.HasPrefix(t, bullet) {
			t = strings.TrimLeft(t[2:], " \t")
			break
		}
	}
	var delim string
	switch {
	case strings.HasPrefix(t, "**"):
		delim = "**"
	case strings.HasPrefix(t, "__"):
		delim = "__"
	default:
		return "", "", false
	}
	rest := t[2:]
	end := strings.Index(rest, delim)
	if end <= 0 {
		return "", "", false
	}
	label := rest[:end]
	after := rest[end+2:]
	switch {
	case strings.HasSuffix(label, ":"):
		label = label[:len(label)-1]
	case strings.HasPrefix(after, ":"):
		after = after[1:]
	default:
		return "", "", false
	}
	label = strings.TrimSpace(label)
	value = strings.TrimSpace(after)
	if !validLabel(label) || value == "" {
		return "", "", false
	}
	return label, value, true
}

// validLabel accepts a field name: a few words of letters and digits
// (with spaces, '-', '/', '&', '(' and ')'), starting with a letter.
func validLabel(l string) bool {
	if l == "" || len(l) > 40 || strings.Count(l, " ") > 4 {
		return false
	}
	for i, c := range l {
		if i == 0 && !unicode.IsLetter(c) {
			return false
		}
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || strings.ContainsRune(" -/&()'", c)) {
			return false
		}
	}
	return true
}

// roleOwnerKeys are owner fields that name a role's holder (normKey),
// whom an Owner, Assignee or DRI field beats as the section's owner.
var roleOwnerKeys = map[string]bool{
	"serviceowner": true, "processowner": true, "businessowner": true, "accountowner": true, "accountmanager": true,
	"programmemanager": true, "programmanager": true, "deliverymanager": true, "deliverylead": true,
	"workstreamlead": true, "techlead": true, "technicallead": true, "teamlead": true, "billlead": true,
	"policylead": true, "studylead": true, "csm": true, "releasemanager": true, "projectmanager": true,
}

// sectionKey folds a field name: lower case, single spaces.
func sectionKey(k string) string {
	return strings.Join(strings.Fields(strings.ToLower(k)), " ")
}

// set records one field. Known fields whose value does not read, and a
// known field given a second time, are kept as written.
func (s *Section) set(key, value string, line int, cal Calendar) {
	if !s.setKnown(sectionKey(key), value, line, cal) {
		s.Fields = append(s.Fields, Field{key, value})
	}
}

// setKnown sets a known field that is not set yet, and reports whether it
// did.
func (s *Section) setKnown(key, value string, line int, cal Calendar) bool {
	switch fieldName(key) {
	case "owner":
		return setOnce(&s.Owner, ownerOf(value))
	case "due":
		d, ok := ParseDateNear(plainValue(value), cal)
		return ok && setOnce(&s.Due, d)
	case "start":
		d, ok := ParseDateNear(plainValue(value), cal)
		return ok && setOnce(&s.Start, d)
	case "estimate":
		if !setOnce(&s.Estimate, value) {
			return false
		}
		s.EstimateHours, _, _ = ParseHours(value)
		return true
	case "priority":
		p, ok := PriorityValue(value)
		if !ok || s.Priority != NoPriority {
			return false
		}
		s.Priority = p
		return true
	case "dependson":
		d, ok := ParseDependencies(value)
		if !ok || s.DependsLine != 0 {
			return false
		}
		s.Depends, s.DependsAll, s.NoDepends = d.IDs, d.AllPrefix, d.None
		s.DependsLine = line
		return true
	}
	// Fields only a section has.
	switch key {
	case "status":
		return setOnce(&s.Status, value)
	case "actual effort", "actual time":
		if !setOnce(&s.Actual, value) {
			return false
		}
		s.ActualHours, _, _ = ParseHours(value)
		return true
	case "risk":
		return setOnce(&s.Risk, value)
	case "dates", "date range", "timeline", "timeframe", "duration":
		from, to, ok := dateRange(plainValue(value), cal)
		if !ok || s.Start != "" || s.Due != "" {
			return false
		}
		s.Start, s.Due = from, to // Notion's "Dates: October 1, 2026 → January 15, 2027"
		return true
	}
	return false
}

// dateRange reads a range of two dates ("October 1, 2026 → January 15,
// 2027", "2026-10-01 – 2027-01-15", "2026-10-01 to 2027-01-15"), as
// Notion exports a date property with an end.
func dateRange(v string, cal Calendar) (from, to string, ok bool) {
	for _, sep := range []string{"→", "->", " – ", " — ", " - ", " to ", " until "} {
		a, b, found := strings.Cut(v, sep)
		if !found {
			continue
		}
		from, ok1 := ParseDateNear(a, cal)
		to, ok2 := ParseDateNear(b, cal)
		if ok1 && ok2 && from <= to {
			return from, to, true
		}
	}
	return "", "", false
}

func setOnce(dst *string, v string) bool {
	if *dst != "" || v == "" {
		return false
	}
	*dst = v
	return true
}

// ownerOf reads an owner field's value: the first @handle's name when
// the value starts with one ("@dana, @lee", "@dana.smith"), else the
// value as written; "" when it names no one ("-", "n/a", "TBD",
// "Unassigned"). A value written as a link, a wiki-link or in emphasis
// ("[@bob](https://github.com/bob)", "[[Alice Smith]]", "*Carol*") is
// read as its text.
func ownerOf(v string) string {
	v = plainValue(v)
	if strings.HasPrefix(v, "@") {
		e := handleEnd(v, 1)
		for e > 1 && e+1 < len(v) && v[e] == '.' && afterDot(v, e+1) > e+1 {
			e = afterDot(v, e+1) // "@dana.smith", "@dana.2" in an Owner field
		}
		if e > 1 {
			return v[1:e]
		}
	}
	if name := firstName(withoutEmail(v)); !namesNoOne(name) {
		return name // "TBC / Raj Patel" is Raj Patel
	}
	return ""
}

// firstName is the first of several names an owner value lists ("Priya
// Nair, Marco Rossi" is Priya Nair, as "@dana, @lee" is dana), without the
// note written after it in brackets ("Dana (DRI)" is Dana, "Platform team
// (Dana, Lee)" the Platform team): one person, with one page. "Alice,
// Bob" is Alice: two people are more often listed so than one is written
// last name first.
func firstName(v string) string {
	if i := firstSeparator(v); i > 0 {
		if v[i] == '/' && namesNoOne(v[:i]) {
			return firstName(strings.TrimSpace(v[i+1:])) // "TBC / Raj Patel" is Raj Patel
		}
		v = strings.TrimSpace(v[:i]) // "Ana (DRI), Tom" is Ana (DRI)
	}
	if strings.HasSuffix(v, ")") {
		if i := strings.IndexByte(v, '('); i > 0 {
			if name := strings.TrimSpace(v[:i]); name != "" {
				v = name
			}
		}
	}
	return v
}

// firstSeparator returns where the first comma, semicolon or spaced
// slash ("Linda / Raj") outside brackets stands in v, or -1.
func firstSeparator(v string) int {
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';':
			if depth == 0 {
				return i
			}
		case '/':
			if depth == 0 && i > 0 && i+1 < len(v) && v[i-1] == ' ' && v[i+1] == ' ' {
				return i
			}
		}
	}
	return -1
}

// withoutEmail drops the email address a name is written with, as
// trackers export people: "John Roe <john@contoso.com>", "Jane Doe
// (jane@contoso.com)". An address alone is kept: it is who is named.
func withoutEmail(v string) string {
	// The name before the first address in brackets: "Jane Doe
	// <jane@x.com>, John Roe <john@x.com>" is Jane Doe, the first.
	for i := 0; i < len(v); i++ {
		if v[i] != '<' && v[i] != '(' {
			continue
		}
		closing := byte('>')
		if v[i] == '(' {
			closing = ')'
		}
		if j := strings.IndexByte(v[i:], closing); j > 0 && isEmail(v[i+1:i+j]) {
			if name := strings.TrimSpace(v[:i]); name != "" {
				return name
			}
		}
	}
	// "John Roe john@contoso.com": the brackets of an autolink are gone
	// once the cell is plain text; the name is what comes before the
	// first address
	for i := 1; i < len(v); i++ {
		if v[i-1] != ' ' {
			continue // i starts a word
		}
		word, _, _ := strings.Cut(v[i:], " ")
		if isEmail(strings.TrimRight(word, ",;")) {
			return strings.TrimSpace(v[:i])
		}
	}
	return v
}

// isEmail reports whether s looks like an email address: something, '@',
// a domain with a dot. A handle ("@dana", "@dana.smith") is not one.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.ContainsAny(s, " \t")
}

// afterDot returns where the part of an Owner field's handle after a dot
// ends ("smith" in "@dana.smith", "2" in "@dana.2"): letters and digits
// of any script; i when none stand there.
func afterDot(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || j > i && (r == '_' || r == '-' || unicode.IsMark(r))) {
			break
		}
		j += size
	}
	return j
}

// OwnerValue reads an owner given anywhere a value is (front matter, a
// field): as an Owner field's value is read, "" when it names no one.
func OwnerValue(v string) string { return ownerOf(v) }

// namesNoOne reports whether an owner value says there is none: a dash
// or other mark without letters, or a word such as n/a, TBD, none or
// unassigned.
func namesNoOne(v string) bool {
	if !strings.ContainsFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true
	}
	lower := strings.ToLower(strings.Trim(v, " .()?"))
	switch lower {
	case "n/a", "na", "none", "nobody", "no one", "tbd", "tba", "tbc", "unassigned", "unowned", "unknown", "vacant", "open role", "to be hired":
		return true
	}
	switch first, _, _ := strings.Cut(lower, " "); strings.TrimRight(first, ",:;") {
	case "see", "your", "whoever", "each", "every", "contact", "rotating", "vacant", "tbc", "tbd", "n/a", "not", "ask":
		return true // "see the Owner column", "Whoever is shift supervisor", "Vacant (recruiting)"
	}
	return false
}

// plainValue is a field value written in markdown as the text it shows:
// emphasis and code marks around it go, "[text](url)" is text and
// "[[target|label]]" is label (else target).
func plainValue(v string) string {
	v = strings.TrimSpace(v)
	for {
		trimmed := v
		for _, mark := range []string{"**", "__", "*", "_", "`"} {
			if len(trimmed) > 2*len(mark) && strings.HasPrefix(trimmed, mark) && strings.HasSuffix(trimmed, mark) &&
				!strings.Contains(trimmed[len(mark):len(trimmed)-len(mark)], mark) { // not "*Carol* and *Dan*"
				trimmed = strings.TrimSpace(trimmed[len(mark) : len(trimmed)-len(mark)])
				break
			}
		}
		if trimmed == v {
			break
		}
		v = trimmed
	}
	if strings.HasPrefix(v, "[[") && strings.HasSuffix(v, "]]") && !strings.Contains(v[2:len(v)-2], "]]") {
		inner := v[2 : len(v)-2]
		if _, label, ok := strings.Cut(inner, "|"); ok {
			return strings.TrimSpace(label)
		}
		return strings.TrimSpace(inner)
	}
	if strings.HasPrefix(v, "[") && strings.HasSuffix(v, ")") {
		if text, rest, ok := strings.Cut(v[1:], "]("); ok && !strings.ContainsAny(text, "[]") && !strings.Contains(rest, " ") {
			return strings.TrimSpace(text)
		}
	}
	return v
}

// Dependencies is what a Dependencies value says.
type Dependencies struct {
	IDs       []string
	AllPrefix string // "All P4 tasks" → "P4"
	None      bool
}

// ParseDependencies reads a Dependencies value: a list of ids separated by
// commas, semicolons or "and", each optionally followed by a note in
// parentheses ("P1-7 (routing)"); "None" (with or without a note); or "All
// <prefix> tasks". Anything else does not read (ok is false) and is kept as
// written by the caller.
func ParseDependencies(v string) (Dependencies, bool) {
	v = strings.TrimSpace(stripNotes(v))
	v = strings.TrimRight(v, ". ")
	switch strings.ToLower(v) {
	case "none", "n/a", "-", "—", "no", "nothing":
		return Dependencies{None: true}, true
	}
	if f := strings.Fields(v); len(f) == 3 && strings.EqualFold(f[0], "all") &&
		(strings.EqualFold(f[2], "tasks") || strings.EqualFold(f[2], "task")) && idEnd(f[1], 0) == len(f[1]) {
		return Dependencies{AllPrefix: f[1]}, true
	}
	var ids []string
	for _, p := range splitList(v) {
		p = strings.Trim(strings.TrimSpace(p), "`*_")
		if len(p) > 2 && p[0] == '[' && p[len(p)-1] == ']' && p[1] != '[' {
			p = strings.TrimSpace(p[1 : len(p)-1]) // a link to the task ("[P2-1](#p2-1-billing)"), its URL gone with the notes
		}
		if !sectionIDShaped(p) {
			return Dependencies{}, false
		}
		ids = appendNew(ids, p)
	}
	return Dependencies{IDs: ids}, len(ids) > 0
}

// stripNotes removes every parenthesised note ("(routing)").
func stripNotes(v string) string {
	var b strings.Builder
	depth := 0
	for _, c := range v {
		switch {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// splitList splits a list on commas, semicolons, '&' and the word "and".
func splitList(v string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(v, func(c rune) bool { return c == ',' || c == ';' || c == '&' }) {
		words := strings.Fields(p)
		start := 0
		for i, w := range words {
			if strings.EqualFold(w, "and") {
				out = append(out, strings.Join(words[start:i], " "))
				start = i + 1
			}
		}
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

// sectionIDShaped accepts an id as sections write them: a heading id
// (P4-1, T-12, #12) or a Tasks id that holds a digit (abc123).
func sectionIDShaped(p string) bool {
	if p == "" {
		return false
	}
	if _, n := headingID(p); n == len(p) {
		return true
	}
	return idEnd(p, 0) == len(p) && strings.ContainsAny(p, "0123456789")
}

// HeadingID returns the id a heading's text begins with: letters (and
// digits) then '-' and digits ("P4-1: Git Smart HTTP", "T-12 Login",
// "ENG-204"), or '#' and digits ("#12 Fix login"), followed by the end, a
// space or punctuation. "P0: Critical Blockers" has no id (P0 is a
// priority label), nor has "Phase 4".
func HeadingID(title string) (string, bool) {
	t := strings.TrimSpace(title)
	id, n := headingID(t)
	if n == 0 {
		return "", false
	}
	if n < len(t) {
		switch t[n] {
		case ' ', ':', '.', ')', ',', ';', '\t':
		default:
			return "", false
		}
		if t[n] == '.' && n+1 < len(t) && t[n+1] != ' ' {
			return "", false // "P4-1.2" is a version
		}
	}
	return id, true
}

// headingID reads an id at the start of s and returns it and its length.
func headingID(s string) (string, int) {
	i := 0
	if strings.HasPrefix(s, "#") {
		j := 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == 1 {
			return "", 0
		}
		return s[:j], j
	}
	if i >= len(s) || !isASCIILetter(s[i]) {
		return "", 0
	}
	for i < len(s) && (isASCIILetter(s[i]) || '0' <= s[i] && s[i] <= '9') {
		i++
	}
	if i >= len(s) || s[i] != '-' {
		return "", 0
	}
	j := i + 1
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j == i+1 {
		return "", 0
	}
	return s[:j], j
}
