package marker

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// keywords are the Logseq and org-mode task words: in capitals at the very
// start of a list item they mark it ("TODO write docs", "NOW review").
var keywords = map[string]State{
	"TODO": Open, "LATER": Open,
	"DOING": Active, "NOW": Active,
	"WAITING":  Blocked,
	"DONE":     Done,
	"CANCELED": Dropped, "CANCELLED": Dropped,
}

// LeadingKeyword returns the Logseq or org task word that opens text (its
// first visible word, in capitals, followed by a space, a colon or the
// end), or todo.txt's "x <date>" of a finished task, and whether there
// is one.
func LeadingKeyword(text string) (Match, bool) {
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	if TodoTxtDone(text[start:]) {
		return Match{State: Done, Kind: Word, Start: start, End: start + 1}, true // "x 2026-11-02 Call Mom"
	}
	end := start
	for end < len(text) && 'A' <= text[end] && text[end] <= 'Z' {
		end++
	}
	st, ok := keywords[text[start:end]]
	if !ok || end < len(text) && text[end] != ' ' && text[end] != '\t' && text[end] != ':' {
		return Match{}, false
	}
	return Match{State: st, Kind: Word, Start: start, End: end}, true
}

// TodoTxtDone reports whether t opens as todo.txt writes a finished task:
// "x", a space, the date it was done and a space.
func TodoTxtDone(t string) bool {
	return len(t) >= 13 && t[0] == 'x' && t[1] == ' ' && isISODate(t[2:12]) && t[12] == ' '
}

// labelPunct may follow an emphasized status label: "Done!", "In progress:",
// "Blocked —".
const labelPunct = " \t!:.-–—"

// Label returns the state an emphasized label declares: text (the label's
// words, as in **In progress:**) that is one status word or phrase in any
// case, or one status emoji, with nothing else but trailing '!', ':', '.'
// or a dash.
func (v *Vocabulary) Label(text string) (Match, bool) {
	t := strings.TrimRight(strings.TrimSpace(text), labelPunct)
	lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	if t == "" {
		return Match{}, false
	}
	m, ok := v.Find(t, Cell)
	if !ok || m.Start != 0 || m.End != len(t) {
		return Match{}, false
	}
	m.Start += lead
	m.End += lead
	return m, true
}

// statusJoiners may follow the status word of a trailing note: "(blocked
// on legal)", "(done in March)", "(planned for Q3)".
var statusJoiners = map[string]bool{
	"on": true, "by": true, "until": true, "since": true, "in": true, "for": true, "at": true,
	"as": true, "from": true, "with": true, "via": true, "after": true, "per": true, "pending": true,
	"this": true, "anymore": true, // "— not needed this release", "(not needed anymore)"
	"already": true, // "— done already"
	"auf":     true, // "— wartet auf IT" (not "bis": "fertig bis Freitag" is a plan)
}

// TrailingStatus returns the state a trailing parenthetical note declares:
// the last thing in text (an ISO date after it aside) is "(…)" whose
// content opens with a status word or phrase in any case, followed by
// nothing, a date, punctuation, or a joining word ("(ongoing)", "(done
// 2026-03-01)", "(blocked on legal)"). "(an ongoing effort)" and "(open
// source)" declare nothing.
func (v *Vocabulary) TrailingStatus(text string) (Match, bool) {
	vw := newView(text)
	defer vw.release()
	e := len(vw.runes)
	for e > 0 && unicode.IsSpace(vw.runes[e-1]) {
		e--
	}
	if e >= 10 && isISODateRunes(vw.runes[e-10:e]) {
		e -= 10
		for e > 0 && unicode.IsSpace(vw.runes[e-1]) {
			e--
		}
	}
	if e == 0 || vw.runes[e-1] != ')' {
		return Match{}, false
	}
	open := -1
	for k, depth := e-1, 0; k >= 0; k-- {
		if vw.runes[k] == ')' {
			depth++
		} else if vw.runes[k] == '(' {
			if depth--; depth == 0 {
				open = k
				break
			}
		}
	}
	if open < 0 {
		return Match{}, false
	}
	base := vw.offs[open+1]
	return v.noteOpens(text[base:vw.offs[e-1]], base)
}

// noteOpens reads a note's content (what stands in brackets, or after a
// dash): it declares a state when it opens with a status word or phrase
// in any case, followed by nothing, a date, punctuation or a joining
// word. base is where inner starts in the text the match is for.
func (v *Vocabulary) noteOpens(inner string, base int) (Match, bool) {
	lead := len(inner) - len(strings.TrimLeftFunc(inner, unicode.IsSpace))
	m, ok := v.Find(inner, Cell)
	if !ok || m.Kind != Word || m.Start != lead {
		return Match{}, false
	}
	if rest := strings.TrimSpace(inner[m.End:]); rest != "" && !noteGoesOn(rest) {
		return Match{}, false
	}
	m.Start += base
	m.End += base
	return m, true
}

// Opens returns the state a value declares when it opens with a status
// word or phrase in any case, followed by nothing, a date, punctuation or
// a joining word ("Done", "Blocked on legal", "Complete, with notes"); a
// value that only mentions one ("Done except the API reference") declares
// none.
func (v *Vocabulary) Opens(value string) (Match, bool) { return v.noteOpens(value, 0) }

// NoteStatus returns the state the first note of text declares that
// closes a clause of it, read as a trailing note is (TrailingStatus): a
// note in brackets followed by nothing or a separator ("Alpha (Canceled)
// — merged into Beta", "Juliet [won't do] · 2 pts") or going on with a
// joining word ("SSO (blocked on Okta) for EU"), or a last clause of at
// most eight words after a dash that opens with a status word ("—
// blocked until copy is final", "— on hold.", "— blocked: needs the S3
// bucket"). A note naming the subject ("Refund flow for (cancelled)
// orders"), a long clause ("— waiting on a slow upstream must not hang the
// UI") or a list of states ("— in progress, done") is what the text is
// about. Task boxes read it: a plain list item's
// notes are prose ("Licence (open source)").
func (v *Vocabulary) NoteStatus(text string) (Match, bool) {
	for i := 0; i < len(text); i++ {
		open, closing := noteBracket(text[i:])
		if open == 0 {
			continue
		}
		j := strings.Index(text[i+open:], closing)
		if j < 0 {
			continue
		}
		end := i + open + j // where the closing bracket starts
		after := strings.TrimSpace(text[end+len(closing):])
		r, _ := utf8.DecodeRuneInString(after)
		m, ok := v.noteOpens(text[i+open:end], i+open)
		if !ok {
			continue
		}
		if after == "" || r == '.' || strings.ContainsRune(ClauseSeparators, r) || joined(text[m.End:end]) {
			return v.EarlierClause(text, m), true // "(Canceled) — merged", "SSO (blocked on Okta) for EU tenants"
		}
	}
	return v.DashStatus(text)
}

// EarlierClause returns the status clause after a dash of text when it
// is said before note, a status read from a note in brackets: "— not
// addressed (embargoed until 2027)" is not addressed, the note its reason.
// Else note.
func (v *Vocabulary) EarlierClause(text string, note Match) Match {
	if d, ok := v.DashStatus(text); ok && d.Start < note.Start {
		return d
	}
	return note
}

// noteBracket returns the length of the bracket that opens a note at the
// start of s, ASCII or full-width (`（WIP）`), and the bracket that closes
// it; 0 when s opens with no bracket.
func noteBracket(s string) (open int, closing string) {
	switch {
	case s[0] == '(':
		return 1, ")"
	case s[0] == '[':
		return 1, "]"
	case strings.HasPrefix(s, "（"):
		return len("（"), "）"
	case strings.HasPrefix(s, "［"):
		return len("［"), "］"
	}
	return 0, ""
}

// DashStatus returns the state the last clause of text after a dash
// declares, read as NoteStatus reads it: at most eight words that open
// with a status word ("— done", "— blocked: needs the S3 bucket", "—
// shipped 2026-03-01").
func (v *Vocabulary) DashStatus(text string) (Match, bool) {
	for _, dash := range ClauseDashes {
		i := strings.LastIndex(text, dash)
		if i < 0 {
			continue
		}
		clause := text[i+len(dash):]
		said := WithoutTrailingBracket(clause) // "— blocked (breaks the routing on the build VLAN)": its reason
		if first, _, _ := strings.Cut(strings.TrimSpace(said), " "); strings.EqualFold(first, "open") || strings.EqualFold(first, "closed") {
			said = clause // "Gym — closed (renovation through March, …)": a place's hours, told at length
		}
		if !reasonFollows(said) && !v.droppedThenReason(said) && (len(strings.Fields(said)) > 8 || strings.Contains(said, " and ") || strings.Count(said, ",") > 1) {
			continue // "— cancelled, refunded and returned tabs" lists, it does not say
		}
		m, ok := v.noteOpens(clause, i+len(dash))
		if head, after, comma := strings.Cut(clause, ","); !ok && comma {
			// "— in progress, waiting on the vendor": the word read first
			// is the one that says what holds it up, after the comma
			m, ok = v.noteOpens(head, i+len(dash))
			if !ok && namesWho(head) {
				// "— Ben, blocked on the chart library": who has it, then how it stands
				m, ok = v.noteOpens(after, i+len(dash)+len(head)+1)
			}
		}
		if ok {
			rest := strings.TrimSpace(text[m.End:])
			r, size := utf8.DecodeRuneInString(rest)
			switch {
			case rest == "" || unicode.IsLetter(r) || isISODate(rest) || DayMonth(rest) || SlashDate(rest) || strings.ContainsRune(".!(", r):
				return m, true
			case r == ':' || r == '：':
				return m, true // "— blocked: needs the S3 bucket", "— blocked: the dry run failed": a reason
			case r == ',':
				m2, again := v.Find(rest[size:], Cell)
				switch {
				case !again || m2.State == m.State:
					return m, true // "— blocked, waiting on legal"; "— in progress, done" lists states
				case countBefore(rest[size:], m2.Start):
					return m, true // "— in progress, 31 accepted": a count of what is done so far
				case m2.State == Blocked && m.State != Done:
					// "— in progress, waiting on the vendor": what holds it up
					// wins; after a done word it is about something else
					base := len(text) - len(strings.TrimLeft(text[m.End:], " \t")) + size
					m2.Start, m2.End = m2.Start+base, m2.End+base
					return m2, true
				}
			}
		}
	}
	return Match{}, false
}

// countBefore reports whether the word before position at of s is a
// number ("31 accepted").
func countBefore(s string, at int) bool {
	words := strings.Fields(s[:at])
	if len(words) == 0 {
		return false
	}
	_, err := strconv.Atoi(strings.TrimSuffix(words[len(words)-1], "%"))
	return err == nil
}

// WithoutTrailingBracket returns clause without the note in brackets that
// ends it ("blocked (breaks the routing)" is "blocked "), or clause when
// it ends with none.
func WithoutTrailingBracket(clause string) string {
	t := strings.TrimRight(clause, " \t")
	if !strings.HasSuffix(t, ")") {
		return clause
	}
	depth := 0
	for k := len(t) - 1; k >= 0; k-- {
		switch t[k] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				return t[:k]
			}
		}
	}
	return clause
}

// DayMonth reports whether s opens with a day and a named month,
// either way round, the year left out as notes leave it ("27 Nov!!",
// "3rd March", "Nov 27"): a status clause followed by when ("— done 27
// Nov") still says it.
func DayMonth(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	first, second := strings.TrimRight(words[0], ".,!?)"), strings.TrimRight(words[1], ".,!?)")
	return isDay(first) && IsMonthName(second) || IsMonthName(first) && isDay(second)
}

// SlashDate reports whether s opens with a date written with slashes,
// its day and month in either order and its year left out or not ("11/3",
// "12/4.", "11/27/2026", "29/11/26"), followed by nothing, a space or
// punctuation: "— done 11/3" says when. A fraction ("3/4 done") opens
// with one too; a reader tells them apart by what stands before.
func SlashDate(s string) bool {
	d, ok := SlashNumbers(s, 0)
	if !ok || d.First > 12 && d.Second > 12 {
		return false
	}
	rest := strings.TrimLeft(s[d.End:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(".,;:!?)]—–-|(", r) // not "— done 3/4 of them"
}

// Slashed is a date written with slashes as SlashNumbers reads it: its
// first two numbers, in the order written, its year (HasYear false when
// left out; 2026 for "26") and where it ends.
type Slashed struct {
	First, Second, Year, End int
	HasYear                  bool // a year is written ("12/4/0000" has one)
}

// SlashNumbers reads a date written with slashes at s[i:], "11/27/2026",
// "29/11/26" or "12/4": one or two digits, a slash, one or two digits,
// then a slash and a year of two or four digits or not, followed by
// nothing, a space or punctuation, and not inside a longer run of digits
// and slashes (a path, "1/2/3/4"). ok is false when none stands there.
func SlashNumbers[T string | []byte](s T, i int) (d Slashed, ok bool) {
	digit := func(j int) bool { return j >= 0 && j < len(s) && '0' <= s[j] && s[j] <= '9' }
	num := func(j int) (n, end int) {
		for end = j; digit(end) && end-j < 5; end++ {
			n = n*10 + int(s[end]-'0')
		}
		return n, end
	}
	if i > 0 && (digit(i-1) || s[i-1] == '/') {
		return d, false
	}
	a, j := num(i)
	if j == i || j-i > 2 || j >= len(s) || s[j] != '/' {
		return d, false
	}
	b, k := num(j + 1)
	if k == j+1 || k-j-1 > 2 || a < 1 || b < 1 || a > 31 || b > 31 {
		return d, false
	}
	d = Slashed{First: a, Second: b, End: k}
	if k < len(s) && s[k] == '/' {
		y, e := num(k + 1)
		switch e - k - 1 {
		case 4:
			d.Year = y
		case 2:
			d.Year = 2000 + y
		default:
			return d, false
		}
		d.End, d.HasYear = e, true
	}
	if e := d.End; e < len(s) && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && !strings.ContainsRune(".,;:!?)]*_|", rune(s[e])) {
		return d, false // "1/2/3/4", "3/4th", "1/3-ish"
	}
	return d, true
}

// isDay reports whether w is a day of a month: 1 to 31, with or without
// an English ordinal's letters ("3rd").
func isDay(w string) bool { return DayNumber(w) != 0 }

// DayNumber is w as a day of a month, 1 to 31 in one or two digits, with
// or without an English ordinal's letters ("14", "3rd", "21st"); 0 when
// it is not one.
func DayNumber(w string) int {
	if len(w) >= 3 && w[0] >= '0' && w[0] <= '9' {
		switch strings.ToLower(w[len(w)-2:]) {
		case "st", "nd", "rd", "th":
			w = w[:len(w)-2]
		}
	}
	if len(w) == 0 || len(w) > 2 {
		return 0
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0
		}
		n = n*10 + int(w[i]-'0')
	}
	if n > 31 {
		return 0
	}
	return n
}

// IsWeekday reports whether w names a day of the week in English, in
// full or cut to three letters or more ("Fri", "Thurs", "monday").
func IsWeekday(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".,"))
	if len(w) < 3 {
		return false
	}
	for _, d := range [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.HasPrefix(d, w) {
			return true
		}
	}
	return false
}

// IsMonthName reports whether w names a month in English, in full or cut
// to three letters or more ("Nov", "Sept", "december").
func IsMonthName(w string) bool { return MonthNumber(w) != 0 }

// MonthNumber is the month w names in English, in full or cut to three
// letters or more, in any case, with or without a dot ("Mar", "Sept.",
// "march"); 0 when it names none.
func MonthNumber(w string) time.Month {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 || len(w) > 9 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if name := m.String(); len(w) <= len(name) && strings.EqualFold(name[:len(w)], w) {
			return m
		}
	}
	return 0
}

// namesWho reports whether a clause names a person: a handle, or one or
// two words that open with a capital ("Ben", "Ana Lima", "@sara").
func namesWho(clause string) bool { return NameWords(clause, 2, true) }

// NameWords reports whether s is a name of one to most words, each
// opening with a capital ("Sam", "Dana Smith"), or with handles when they
// may stand for one ("@sara").
func NameWords(s string, most int, handles bool) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > most {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !(handles && r == '@') {
			return false
		}
	}
	return true
}

// reasonFollows reports whether a clause's first word ends with a colon,
// a reason after it ("blocked: waiting on the auth team's pooler change"),
// which may run on.
func reasonFollows(clause string) bool {
	first, _, ok := strings.Cut(strings.TrimSpace(clause), " ")
	return ok && strings.HasSuffix(first, ":")
}

// droppedThenReason reports whether a clause opens with a word that drops
// the work, then a comma or a colon and why, at any length: "— decided
// against, IC card and Shinkansen singles are cheaper".
func (v *Vocabulary) droppedThenReason(clause string) bool {
	m, ok := v.noteOpens(clause, 0)
	if !ok || m.State != Dropped {
		return false
	}
	switch strings.ToLower(clause[m.Start:m.End]) {
	case "cancelled", "canceled", "deferred", "postponed":
		return false // "— cancelled, trainer is off sick so Maria will run it": an event's, often put on again
	}
	rest := strings.TrimSpace(clause[m.End:])
	if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ":") {
		return false
	}
	reason := strings.ToLower(rest[1:])
	next, _, _ := strings.Cut(strings.TrimSpace(reason), " ")
	if strings.HasSuffix(next, "ed") {
		return false // "— cancelled, refunded and returned tabs" lists what happened
	}
	for _, w := range strings.Fields(reason) {
		switch strings.TrimRight(w, ".,;:!") {
		case "new", "moved", "instead", "rescheduled", "postponed", "rebooked":
			return false // "— cancelled, new date is 14 Jan": put off, not called off
		}
		if w = strings.TrimRight(w, ".,;:!"); IsMonthName(w) || isISODate(w) {
			return false // "— cancelled, back on 14 Jan"
		}
	}
	return true
}

// ClauseDashes set an item's or a heading's last clause off: "Upgrade
// staging — done", "## Phase 2 - shipped", and French typography's
// spaced colon, "Lot 2 : en cours" (a colon set tight, "Status: done",
// is a field).
var ClauseDashes = []string{" — ", " – ", " - ", " -- ", " : "}

// ClauseSeparators end one clause of an item's text and start the next:
// "Training — @yuki — **Open**", "Juliet (won't do) · 2 pts". A colon is
// not one: "Status: **Done**" is a field.
const ClauseSeparators = "—–-|,;·•"

// joined reports whether a note's text after its status word goes on
// with a joining word ("blocked on Okta"): a note, even mid-sentence; "(won't
// fix) bugs" names the subject.
func joined(rest string) bool {
	rest = strings.TrimSpace(rest)
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return end > 0 && statusJoiners[strings.ToLower(rest[:end])]
}

// noteGoesOn reports whether rest, the text after the status word of a
// trailing note, keeps the note a status: punctuation, an ISO date or a
// joining word comes first.
func noteGoesOn(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return true
	}
	if _, ok := FirstDate(rest); ok && len(rest) >= 10 && isISODate(rest[:10]) || DayMonth(rest) || SlashDate(rest) {
		return true
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return statusJoiners[strings.ToLower(rest[:end])] || monthYear(rest[:end], rest[end:])
}

// monthYear reports whether a month's name and a year follow a status
// word ("completed May 2024").
func monthYear(month, after string) bool {
	year := strings.TrimLeft(strings.TrimPrefix(after, "."), " ")
	if !IsMonthName(month) || len(year) < 4 || len(year) > 4 && unicode.IsDigit(rune(year[4])) {
		return false
	}
	n, err := strconv.Atoi(year[:4])
	return err == nil && n >= 1900 && n <= 2199
}

// Cookie is an org-mode progress cookie, "[2/5]" or "[40%]": a claim about
// the items under the heading or item that holds it.
type Cookie struct {
	Done, Total int  // for [done/total]
	Percent     int  // for [percent%]
	IsPercent   bool // the cookie is a percent
	Start, End  int  // byte offsets in the text read
}

// String writes the cookie's claim: "2/5" or "40%".
func (c Cookie) String() string {
	if c.IsPercent {
		return strconv.Itoa(c.Percent) + "%"
	}
	return strconv.Itoa(c.Done) + "/" + strconv.Itoa(c.Total)
}

// FindCookie returns the first progress cookie in text.
func FindCookie(text string) (Cookie, bool) {
	for i := strings.IndexByte(text, '['); i >= 0; {
		if c, ok := cookieAt(text, i); ok {
			return c, true
		}
		next := strings.IndexByte(text[i+1:], '[')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return Cookie{}, false
}

// cookieAt reads a cookie starting with the '[' at text[i].
func cookieAt(text string, i int) (Cookie, bool) {
	j := i + 1
	a, j := digits(text, j)
	if a < 0 || j >= len(text) {
		return Cookie{}, false
	}
	switch text[j] {
	case '%':
		if j+1 < len(text) && text[j+1] == ']' && a <= 100 {
			return Cookie{Percent: a, IsPercent: true, Start: i, End: j + 2}, true
		}
	case '/':
		b, k := digits(text, j+1)
		if b >= 0 && k < len(text) && text[k] == ']' && a <= b {
			return Cookie{Done: a, Total: b, Start: i, End: k + 1}, true
		}
	}
	return Cookie{}, false
}

// digits reads up to six decimal digits at text[i:]; -1 when there are
// none.
func digits(text string, i int) (int, int) {
	n, j := 0, i
	for j < len(text) && j-i < 6 && '0' <= text[j] && text[j] <= '9' {
		n = n*10 + int(text[j]-'0')
		j++
	}
	if j == i {
		return -1, j
	}
	return n, j
}

// Matches reports whether the cookie's claim agrees with done of total
// items: the same numbers, or for a percent, floor or rounded
// 100·done/total.
func (c Cookie) Matches(done, total int) bool {
	if !c.IsPercent {
		return c.Done == done && c.Total == total
	}
	if total == 0 {
		return false
	}
	floor := 100 * done / total
	round := (200*done + total) / (2 * total)
	return c.Percent == floor || c.Percent == round
}
