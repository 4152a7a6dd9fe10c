package attr

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/marker"
)

// Item is what an item's text says besides its state.
type Item struct {
	// Text is the text with its attributes taken out, tidied where they
	// stood (joinCut); the text as given when it holds none.
	Text string

	// Dates, YYYY-MM-DD or "".
	Due, Start, Scheduled, Created, Done, Cancelled string

	Owner    string   // handle without "@", or a name as written in [owner:: …]
	Priority Priority // NoPriority when none is given
	// Estimate is the estimate as written ("2h", "4-6 hours"), and
	// EstimateHours what it counts for (1d = 8h, 1w = 40h, a range at
	// its upper bound); "" and 0 when there is none.
	Estimate      string
	EstimateHours float64
	ID            string
	Depends       []string // ids this item waits for, in text order, each once
	Fields        []Field  // other inline fields, and known ones whose value did not read

	// Mark is the state the Tasks conventions fix: done for "✅ <date>",
	// dropped for "❌ <date>"; HasMark says whether one was found. These
	// emoji are taken out of Text, so a marker read from Text does not
	// see them again.
	Mark    marker.State
	HasMark bool

	// Spans are the parts of the text that were taken out, in text order.
	Spans []Span
}

// Holds reports whether the text held an attribute: one taken out of it
// (Spans) or a handle or P-token inside a sentence, which sets Owner or
// Priority and stays in the text.
func (it *Item) Holds() bool {
	return len(it.Spans) > 0 || len(it.Fields) > 0 || it.Owner != "" || it.Priority != NoPriority
}

// Field is a field as written: its key and value.
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Span is one attribute taken out of a text: text[Start:End] in bytes.
type Span struct {
	Start, End int
	Kind       string // one of the Kind* names
}

// Kinds of spans.
const (
	KindDate     = "date"     // an emoji or word date: 📅 2026-01-03, due 2026-01-03
	KindField    = "field"    // a Dataview inline field: [key:: value], (key:: value)
	KindOwner    = "owner"    // @handle
	KindPriority = "priority" // 🔺 ⏫ 🔼 🔽 ⏬, P0-P3
	KindEstimate = "estimate" // ⏱ 2h
	KindID       = "id"       // 🆔 abc
	KindDepends  = "depends"  // ⛔ abc,def
)

// dateEmoji maps the Tasks date signs to the field they set.
var dateEmoji = map[rune]string{
	'📅': "due", '📆': "due", '🗓': "due",
	'🛫': "start",
	'⏳': "scheduled", '⌛': "scheduled",
	'✅': "done",
	'➕': "created",
	'❌': "cancelled",
}

const (
	idEmoji         = '🆔'
	dependsEmoji    = '⛔'
	estimateEmoji   = '⏱'
	recurrenceEmoji = '🔁'
	onDoneEmoji     = '🏁'
)

// isSign reports whether r is one of the Tasks signs that open an
// attribute: a recurrence rule runs up to the next one.
func isSign(r rune) bool {
	if _, ok := dateEmoji[r]; ok {
		return true
	}
	if _, ok := priorityEmoji[r]; ok {
		return true
	}
	switch r {
	case idEmoji, dependsEmoji, estimateEmoji, recurrenceEmoji, onDoneEmoji:
		return true
	}
	return false
}

// Read reads the attributes of one item's text. text is the item's own
// text as markers are read from it: code spans stand as marker.Opaque, so
// nothing in code is read. See the package doc and docs/status-model.md.
func Read(text string) Item { return ReadNear(text, nil) }

// ReadNear is Read that also reads the dates a page's Calendar lets it:
// without their year ("due Mar 14"), or with slashes ("due 12/4").
func ReadNear(text string, cal Calendar) Item {
	if !mayHold(text) {
		return Item{Text: text} // most texts: nothing made on the heap
	}
	return read(text, cal)
}

// read is ReadNear of a text that may hold attributes.
func read(text string, cal Calendar) Item {
	r := &itemReader{s: text, it: Item{Text: text}, cal: cal}
	r.urls = urlRanges(text)
	r.scan()
	r.labelledOwner()
	r.readDepends()
	r.dropInnerEdges()
	r.finish()
	return r.it
}

// mayHold is a fast test: text with none of these bytes holds no
// attribute.
func mayHold(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '@', c == '[', c == '(':
			return true
		case c == 'P' && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '3':
			return true
		case c == 'S' && i+11 < len(s) && s[i+9] == ':' && s[i+1] == 'C':
			return true // SCHEDULED: <2026-12-04 Fri>
		case c == ':' && i+1 < len(s) && s[i+1] == 'L':
			return true // :LOGBOOK:
		case (c == 'd' || c == 'D') && i+2 < len(s) && (s[i+1]|0x20 == 'u' && s[i+2]|0x20 == 'e' || s[i+1]|0x20 == 'e' && s[i+2]|0x20 == 'a'):
			return true // due, deadline
		case (c == 'b' || c == 'B') && i+3 < len(s) && s[i+1]|0x20 == 'y' && s[i+2] == ' ' && ('0' <= s[i+3] && s[i+3] <= '9' || 'a' <= s[i+3]|0x20 && s[i+3]|0x20 <= 'z'):
			return true // "by 2026-03-01", "by Mar 3, 2026", "by eod 2026-03-01"
		case c == ':' && i+1 < len(s) && s[i+1] == ' ':
			return true // "Pricing page | Owner: Ines"
		case (c == 'e' || c == 'E') && i+2 < len(s) && s[i+1]|0x20 == 't' && s[i+2]|0x20 == 'a':
			return true // ETA
		case (c == 't' || c == 'T') && i+5 < len(s) && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 'r' && s[i+3]|0x20 == 'g':
			return true // target
		}
	}
	return false
}

type itemReader struct {
	s string
	// notOwnerEnd is where the last handle that is not the owner ends
	// ("from @dana"), so that one listed with it is not either.
	notOwnerEnd int
	it          Item // what is read: the reader and it stay off the heap
	urls        [][2]int
	spans       []span
	// blocked holds the offsets of ⛔ signs that may open a dependency
	// list (read once every other attribute is known).
	blocked []int
	cal     Calendar // the year of a date written without one; nil: none read
}

// span is a Span while reading: edge spans (an @handle, a P-token) set
// their field wherever they stand, but leave the text only at either end
// of it.
type span struct {
	Span
	edge bool
}

func (r *itemReader) add(start, end int, kind string, edge bool) {
	start, end = r.bracketed(start, end)
	r.spans = append(r.spans, span{Span{start, end, kind}, edge})
}

// bracketed widens [start,end) over a pair of brackets that hold exactly
// it: "(due 2026-01-03)", "[P1]".
func (r *itemReader) bracketed(start, end int) (int, int) {
	if start > 0 && end < len(r.s) {
		o, c := r.s[start-1], r.s[end]
		if o == '(' && c == ')' || o == '[' && c == ']' {
			return start - 1, end + 1
		}
	}
	return start, end
}

// scan reads every attribute but ⛔ lists, left to right.
func (r *itemReader) scan() {
	s := r.s
	first := firstVisible(s)
	for i := 0; i < len(s); {
		if e := r.urlEnd(i); e > i {
			i = e
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		end := 0
		switch {
		case c == '(' && i == first && todoTxt(s):
			if end = r.todoPriority(i); end == 0 {
				end = r.inlineField(i)
			}
		case c == '[' || c == '(':
			if c == '[' && strings.HasPrefix(s[i:], "[#") {
				end = r.orgPriority(i)
			}
			if end == 0 {
				end = r.inlineField(i)
			}
			if end == 0 {
				r.noteOwners(i)
			}
		case c == ':' && strings.HasPrefix(s[i:], ":LOGBOOK:"):
			end = r.drawer(i)
		case c == 'S' && strings.HasPrefix(s[i:], "SCHEDULED: <") || c == 'D' && strings.HasPrefix(s[i:], "DEADLINE: <") ||
			c == 'C' && strings.HasPrefix(s[i:], "CLOSED: ["):
			end = r.orgStamp(i)
		case c == '@':
			end = r.handle(i)
		case c == 'P':
			end = r.pToken(i)
		case c == 'd' || c == 'D':
			if end = r.dueWord(i, "due"); end == 0 {
				end = r.dueWord(i, "deadline")
			}
		case c == 'b' || c == 'B':
			end = r.dueWord(i, "by")
		case c == 'e' || c == 'E':
			end = r.dueWord(i, "eta")
		case c == 't' || c == 'T':
			end = r.dueWord(i, "target")
		case c == dependsEmoji:
			if i != first {
				r.blocked = append(r.blocked, i)
			}
		case c >= 0x80:
			end = r.emoji(i, c, size)
		}
		if end > i {
			i = end
		} else {
			i += size
		}
	}
}

// emoji reads a Tasks sign at i and what follows it.
func (r *itemReader) emoji(i int, c rune, size int) int {
	s, it := r.s, &r.it
	j := afterSign(s, i+size)
	if name, ok := dateEmoji[c]; ok {
		d, ok := dateAt(s, j)
		if !ok {
			return 0
		}
		end := timeAfter(s, j+10)
		r.add(i, end, KindDate, false)
		r.setDate(name, d)
		return end
	}
	if p, ok := priorityEmoji[c]; ok {
		r.add(i, skipSelectors(s, i+size), KindPriority, false)
		r.setPriority(p)
		return skipSelectors(s, i+size)
	}
	switch c {
	case estimateEmoji:
		h, n, ok := ParseHours(s[j:])
		if !ok {
			return 0
		}
		if it.Estimate == "" {
			it.Estimate, it.EstimateHours = s[j:j+n], h
		}
		r.add(i, j+n, KindEstimate, false)
		return j + n
	case recurrenceEmoji:
		// "🔁 every week when done": the rule runs to the next sign
		if !strings.HasPrefix(strings.ToLower(s[j:]), "every") {
			return 0 // "🔁 Retry failed webhooks" is the task
		}
		e := j
		for e < len(s) {
			c, n := utf8.DecodeRuneInString(s[e:])
			if isSign(c) {
				break
			}
			e += n
		}
		rule := strings.TrimSpace(s[j:e])
		if rule == "" {
			return 0
		}
		it.Fields = append(it.Fields, Field{"recurrence", rule})
		r.add(i, j+len(strings.TrimRight(s[j:e], " \t")), KindField, false)
		return e
	case onDoneEmoji:
		// "🏁 delete", "🏁 keep": what Tasks does with the done task
		e := j
		for e < len(s) && isWordByte(s[e]) {
			e++
		}
		if w := strings.ToLower(s[j:e]); w != "keep" && w != "delete" {
			return 0 // "🏁 Launch day comms" is the task
		}
		it.Fields = append(it.Fields, Field{"on completion", s[j:e]})
		r.add(i, e, KindField, false)
		return e
	case idEmoji:
		e := idEnd(s, j)
		if e == j {
			return 0
		}
		if it.ID == "" {
			it.ID = s[j:e]
		}
		r.add(i, e, KindID, false)
		return e
	}
	return 0
}

func (r *itemReader) setDate(name, d string) {
	it := &r.it
	var dst *string
	switch name {
	case "due":
		dst = &it.Due
	case "start":
		dst = &it.Start
	case "scheduled":
		dst = &it.Scheduled
	case "created":
		dst = &it.Created
	case "done":
		dst = &it.Done
		if !it.HasMark {
			it.Mark, it.HasMark = marker.Done, true
		}
	case "cancelled":
		dst = &it.Cancelled
		if !it.HasMark {
			it.Mark, it.HasMark = marker.Dropped, true
		}
	}
	if *dst == "" {
		*dst = d
	}
}

func (r *itemReader) setPriority(p Priority) {
	if r.it.Priority == NoPriority {
		r.it.Priority = p
	}
}

// inlineField reads a Dataview field "[key:: value]" or "(key:: value)"
// at i.
func (r *itemReader) inlineField(i int) int {
	s := r.s
	open := s[i]
	closing := byte(']')
	if open == '(' {
		closing = ')'
	}
	j := i + 1
	for j < len(s) && j-i <= 64 && !strings.ContainsRune("[]():\n", rune(s[j])) {
		j++
	}
	if !strings.HasPrefix(s[j:], "::") {
		return 0
	}
	key := strings.TrimSpace(s[i+1 : j])
	if !validKey(key) {
		return 0
	}
	depth := 1
	e := j + 2
	for ; e < len(s); e++ {
		if s[e] == open {
			depth++
		} else if s[e] == closing {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	if e >= len(s) {
		return 0
	}
	value := strings.TrimSpace(s[j+2 : e])
	if strings.ContainsRune(value, marker.Opaque) {
		return 0 // code or a link in the value: left in the text as written
	}
	r.field(key, value)
	r.add(i, e+1, KindField, false)
	return e + 1
}

// validKey accepts a Dataview key: letters, digits, spaces, '-' and '_',
// starting with a letter.
func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i, c := range k {
		ok := unicode.IsLetter(c) || i > 0 && (unicode.IsDigit(c) || c == ' ' || c == '-' || c == '_')
		if !ok {
			return false
		}
	}
	return true
}

// normKey folds a key for comparison: lower case, without spaces, '-' or
// '_' ("dependsOn", "Depends on" and "depends-on" are one key).
func normKey(k string) string {
	return strings.Map(func(c rune) rune {
		if c == ' ' || c == '-' || c == '_' {
			return -1
		}
		return unicode.ToLower(c)
	}, k)
}

// fieldName returns the attribute an inline field's key names, by one of
// its names ("Due date" and "deadline" are due), or "" for a key
// milepost does not know.
//
// It is the one list of names, for items and sections alike: a Target
// date column, a Lead row and a **Deadline:** line name what they name
// everywhere. The owner and due names of the languages whose status words
// the vocabulary knows are here too (Verantwortlich, Échéance, 担当).
func fieldName(key string) string {
	k := normKey(key)
	switch k {
	case "due", "deadline", "duedate", "target", "targetdate", "targetrelease", "planned", "planneddate",
		"plannedend", "launchdate", "releasedate", "golive", "golivedate", "eta", "dueby", "end", "enddate",
		"finish", "finishdate", "publishdate", "shipdate", "bywhen",
		"fällig", "fälligkeit", "fechalímite", "échéance", "scadenza", "prazo", "期限", "期日", "截止日期", "마감일":
		return "due"
	case "start", "startdate", "started":
		return "start"
	case "completion", "completed", "done", "completiondate", "completeddate", "donedate",
		"actual", "actualdate", "actualend", "completedat", "completedon":
		return "completion"
	case "canceled", "cancelleddate", "canceleddate":
		return "cancelled"
	case "owners", "assignee", "assignees", "assignedto", "lead", "dri", "responsible", "who", "person",
		"releasemanager", "projectowner", "projectlead", "projectmanager", "epicowner",
		"serviceowner", "processowner", "businessowner", "accountowner", "accountmanager",
		"programmemanager", "programmanager", "deliverymanager", "deliverylead", "workstreamlead",
		"techlead", "technicallead", "teamlead", "billlead", "policylead", "studylead", "csm",
		"projektleitung", "projektleiter", "chefdeprojet", "responsabledeprojet",
		"verantwortlich", "zuständig", "responsable", "responsável", "responsabile", "担当", "担当者", "负责人", "負責人", "담당자":
		return "owner"
	case "estimatedeffort", "estimatedtime", "effort":
		return "estimate"
	case "depends", "dependencies", "dependency", "blockedby", "predecessors":
		return "dependson"
	case "createdat", "createdon", "createddate":
		return "created"
	case "scheduled", "created", "cancelled", "owner", "priority", "estimate", "id", "dependson":
		return k
	}
	if len(k) <= 32 && (strings.HasSuffix(k, "deadline") || strings.HasPrefix(k, "target") && strings.HasSuffix(k, "date")) &&
		!strings.Contains(k, "start") && !superseded(k) {
		return "due" // "Submission deadline", "Target closing date": a deadline with what it is for
	}
	return ""
}

// superseded reports whether a key (normKey) names a date since replaced:
// "Original deadline" beside "Revised deadline".
func superseded(k string) bool {
	for _, p := range [...]string{"original", "initial", "old", "previous", "prior", "baseline"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// EndsWork reports whether a field named key plans when the work ends (End,
// End date, Finish, Publish date, Ship date): a due date while the work is
// open, and when it ended once it is done, as a Gantt chart's, an
// experiment log's or a content calendar's row is read.
func EndsWork(key string) bool {
	switch normKey(key) {
	case "end", "enddate", "finish", "finishdate", "publishdate", "shipdate":
		return true
	}
	return false
}

// KnownField reports whether a field, a record's row or a table's column
// named key sets an attribute when its value reads as one.
func KnownField(key string) bool { return fieldName(key) != "" }

// FieldName returns the attribute a field named key sets ("due" for
// Deadline, "owner" for Lead), or "".
func FieldName(key string) string { return fieldName(key) }

// field sets what an inline field says, or keeps it as written.
func (r *itemReader) field(key, value string) {
	it := &r.it
	switch fieldName(key) {
	case "due":
		if r.dateField("due", value) {
			return
		}
	case "start":
		if r.dateField("start", value) {
			return
		}
	case "scheduled":
		if r.dateField("scheduled", value) {
			return
		}
	case "created":
		if r.dateField("created", value) {
			return
		}
	case "completion":
		if d, ok := ParseDoneDateNear(value, r.cal); ok {
			if it.Done == "" {
				it.Done = d
			}
			return
		}
	case "cancelled":
		if d, ok := ParseDoneDateNear(value, r.cal); ok {
			if it.Cancelled == "" {
				it.Cancelled = d
			}
			return
		}
	case "owner":
		if v := ownerOf(value); v != "" && it.Owner == "" {
			it.Owner = v
		}
		return // a value that names no one ("| Owner | - |") is nothing to keep
	case "priority":
		if p, ok := PriorityValue(value); ok {
			r.setPriority(p)
			return
		}
	case "estimate":
		if h, n, ok := ParseHours(value); ok && strings.TrimSpace(value[n:]) == "" {
			if it.Estimate == "" {
				it.Estimate, it.EstimateHours = value, h
			}
			return
		}
	case "id":
		if value != "" && idEnd(value, 0) == len(value) {
			if it.ID == "" {
				it.ID = value
			}
			return
		}
	case "dependson":
		if ids, ok := idList(value); ok {
			it.Depends = appendNew(it.Depends, ids...)
			return
		}
	}
	it.Fields = append(it.Fields, Field{key, value})
}

func (r *itemReader) dateField(name, value string) bool {
	d, ok := ParseDateNear(value, r.cal)
	if ok {
		r.setDate(name, d)
	}
	return ok
}

// handle reads "@handle" at i: a letter, then letters, digits, '_' and
// '-', not inside a word or an address (dana@example.org) and not a domain
// (@coves.social) or a path (@types/node).
func (r *itemReader) handle(i int) int {
	s := r.s
	if p, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (joinsWord(p) || strings.ContainsRune("+@/\\`", p)) {
		return 0
	}
	j := handleEnd(s, i+1)
	if j == i+1 {
		return 0
	}
	if j < len(s) {
		switch s[j] {
		case '@', '/', '\\', '(':
			return 0 // an address, a path, a decorator ("@Input()")
		case '.':
			if j+1 < len(s) && isWordByte(s[j+1]) {
				return 0
			}
		}
		if c, _ := utf8.DecodeRuneInString(s[j:]); c == marker.Opaque {
			return 0
		}
	}
	if k := surnameEnd(s, i+1, j); k > j {
		j = k // Confluence's "@Wei Zhang": a person's full name, exported as written
	}
	name := s[i+1 : j]
	if handleOfAnother(s, i) || r.notOwnerEnd > 0 && listedWith(s[r.notOwnerEnd:i]) {
		r.notOwnerEnd = j // "feedback from @dana and @lee": neither has the task
		return j
	}
	if annotations[name] || gtdContexts[strings.ToLower(name)] || broadcasts[strings.ToLower(name)] || todoTxt(s) {
		return j // "@deprecated", "@ts-ignore", "@phone", "@here": not who has the task
	}
	if r.it.Owner == "" {
		r.it.Owner = name
	}
	// An item has one owner; any other handle stays in its text, so that
	// "Pair @dana and @cy" does not lose cy.
	if strings.EqualFold(r.it.Owner, name) {
		if l := ownerLabelBefore(s, i); l >= 0 && endsClause(s, j) {
			r.add(l, j, KindOwner, false) // "owner: @dana" is an attribute wherever it stands
		} else if !objectOf(s, i) {
			r.add(i, j, KindOwner, true)
		}
	}
	return j
}

// endsClause reports whether a labelled handle ending at j ends its
// clause: the text ends, or punctuation or another attribute follows
// ("owner: @dana, due …", "Owner: @nadia.", "Owner: @dana 📅 …"); "Tell
// the owner: @dana about it" goes on.
func endsClause(s string, j int) bool {
	rest := strings.TrimLeft(s[j:], " \t")
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(separators+".)]!?[(", r) || isSign(r) // "— Owner: @dana 📅 2026-03-01"
}

// noteOwners reads the owners a note in brackets at i names by a label
// and a plain name: "(Owner: Sam, due 2026-12-11)", "(DRI: Dana)". Each
// such part is an attribute; the rest of the note is read as usual (a
// handle after a label is read by handle).
func (r *itemReader) noteOwners(i int) {
	s := r.s
	closing := byte(')')
	if s[i] == '[' {
		closing = ']'
	}
	end := strings.IndexByte(s[i+1:], closing)
	if end < 0 {
		return
	}
	end += i + 1
	if strings.IndexByte(s[i+1:end], '@') >= 0 {
		return // "(owner: @dana, lead: Sam)": the handle owns it
	}
	start := i + 1
	for start < end {
		stop := strings.IndexAny(s[start:end], ",;")
		if stop < 0 {
			stop = end - start
		}
		part := s[start : start+stop]
		if key, value, ok := strings.Cut(part, ":"); ok && fieldName(strings.TrimSpace(key)) == "owner" {
			name := strings.TrimSpace(value)
			if plainName(name) {
				if who := ownerOf(name); who != "" && r.it.Owner == "" {
					r.it.Owner = who // "(owner: TBD)" names no one, and goes all the same
				}
				lead := len(part) - len(strings.TrimLeft(part, " \t"))
				r.add(start+lead, start+len(strings.TrimRight(part, " \t")), KindOwner, false)
			}
		}
		start += stop + 1
	}
}

// labelledOwner reads an owner label and a plain name that make a
// clause of their own after a separator, as trackers' one-line items
// write them: "Contact form → owner: Gina", "Pricing page · Owner: Ines ·
// 3 pts", "Hand-off — assigned: Kai — deadline …", "Runbook — Who:
// Priya". The clause is an attribute; a name in a sentence ("Ask the
// owner: Gina knows") is not one, as it does not end its clause.
func (r *itemReader) labelledOwner() {
	if r.it.Owner != "" || strings.IndexByte(r.s, ':') < 0 {
		return
	}
	s := r.s
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ':')
		if j < 0 {
			return
		}
		colon := i + j
		i = colon + 1
		start := clauseStart(s, colon)
		label := strings.TrimSpace(s[start:colon])
		if start == 0 || len(label) > 40 || !(fieldName(label) == "owner" || clauseOwnerLabels[strings.ToLower(label)]) {
			continue // no clause before it, or no owner label ("Owner", "DRI", "Verantwortlich", "Who")
		}
		end := clauseEnd(s, colon+1)
		name := strings.TrimSpace(s[colon+1 : end])
		if !plainName(name) || strings.ContainsRune(name, '@') {
			continue
		}
		if who := ownerOf(name); who != "" {
			r.it.Owner = who
		}
		lead := len(s[start:colon]) - len(strings.TrimLeft(s[start:colon], " \t"))
		r.add(start+lead, start+len(strings.TrimRight(s[start:end], " \t")), KindOwner, false)
		return
	}
}

// clauseOwnerLabels are the labels that name a one-line item's owner
// beside the owner field's names (fieldName): "— assigned: Kai", "— Who:
// Priya", "— Owned by: Anna".
var clauseOwnerLabels = map[string]bool{"assigned": true, "who": true, "owned by": true}

// clauseStart returns where the clause holding s[i] starts: after the
// last separator before it (a dash, an arrow, a middle dot, a bar, a
// comma or a semicolon set off by spaces), or 0.
func clauseStart(s string, i int) int {
	best := 0
	for _, sep := range clauseSeparators {
		if k := strings.LastIndex(s[:i], sep); k >= 0 && k+len(sep) > best {
			best = k + len(sep)
		}
	}
	return best
}

// clauseEnd returns where the clause going on at s[i] ends: at the next
// separator, or the end of s.
func clauseEnd(s string, i int) int {
	end := len(s)
	for _, sep := range clauseSeparators {
		if k := strings.Index(s[i:], sep); k >= 0 && i+k < end {
			end = i + k
		}
	}
	return end
}

// clauseSeparators set a one-line item's clauses apart: the dashes that
// set a status clause off (marker.ClauseDashes) and the other marks
// trackers write between fields.
var clauseSeparators = append(slices.Clone(marker.ClauseDashes), " → ", " -> ", " · ", " • ", " | ", ", ", "; ")

// plainName reports whether v is a person's or a team's name as a note
// writes it after an owner label: one to three words, each opening with a
// capital ("Sam", "Dana Smith"), no handle; "(lead: see below)" is prose.
func plainName(v string) bool { return marker.NameWords(v, 3, false) }

// annotations are code annotations and decorators, in the case code writes
// them, that read like a handle: "Mark old helpers @deprecated", "Remove
// @ts-ignore comments", "@Override"; "@beta" or "@test" may be a team.
var annotations = map[string]bool{
	"deprecated": true, "override": true, "param": true, "returns": true, "throws": true,
	"typedef": true, "ts-ignore": true, "ts-expect-error": true, "ts-nocheck": true, "ts-check": true,
	"eslint-disable": true, "return": true, "since": true, "see": true, "example": true,
	"internal": true, "todo": true, "Deprecated": true, "Override": true, "Input": true, "Output": true,
	"Component": true, "Injectable": true, "Autowired": true, "Inject": true, "Test": true,
	"SuppressWarnings": true, "FunctionalInterface": true, "Transactional": true, "Nullable": true,
	"NonNull": true,
}

// gtdContexts are the places and tools a Getting Things Done list files
// its tasks under ("Call the landlord @phone"): where the task is done,
// not who has it.
var gtdContexts = map[string]bool{
	"phone": true, "calls": true, "home": true, "work": true, "office": true, "computer": true,
	"errands": true, "email": true, "online": true, "anywhere": true, "laptop": true, "desk": true,
	"town": true, "agenda": true, "waiting": true, "someday": true,
}

// todoTxt reports whether an item is written in todo.txt's style, where
// "@phone" is a context, not a person: it opens with a priority ("(A) ")
// or a completion ("x 2026-11-02 ") and holds a "+project" tag; a
// lettered checklist ("(A) Backend @dana") is not.
func todoTxt(s string) bool {
	t := strings.TrimLeft(s, " \t")
	opens := len(t) >= 4 && t[0] == '(' && 'A' <= t[1] && t[1] <= 'Z' && t[2] == ')' && t[3] == ' ' ||
		marker.TodoTxtDone(t)
	if !opens {
		return false
	}
	for i := 1; i+1 < len(t); i++ {
		if t[i] == '+' && t[i-1] == ' ' && ('a' <= t[i+1] && t[i+1] <= 'z' || 'A' <= t[i+1] && t[i+1] <= 'Z') {
			return true // and a +project tag: "(A) Call Bob +finances @phone"
		}
	}
	return false
}

// handleOfAnother reports whether the handle at i names someone other
// than who has the task, by the words before it: copied on it ("cc @dave", "fyi @dana", "thanks
// @lee"), waited on or asked ("waiting on @vendor", "blocked by @legal",
// "sign-off from @cfo", "ask @erin"), or who reported it ("reported by
// @yuki").
func handleOfAnother(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \t:")
	for _, w := range notOwnerBefore {
		if len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w) && boundaryBefore(s, len(t)-len(w)) {
			return true
		}
	}
	return false
}

// listedWith reports whether between, the text between two handles,
// lists them together: "and", "or", a comma, "&" or "/".
func listedWith(between string) bool {
	switch strings.ToLower(strings.TrimSpace(between)) {
	case "and", "or", ",", "&", "/", ", and", ", or":
		return true
	}
	return false
}

// notOwnerBefore are the words before a handle that make it someone other
// than who has the task.
var notOwnerBefore = []string{
	"cc", "fyi", "thanks", "thx", "h/t", "via", "thank",
	"waiting on", "waiting for", "wait for", "waits on", "waits for", "blocked on", "blocked by",
	"depends on", "pending", "from", "ask", "asked", "ping", "pinged", "remind", "tell", "notify",
	"email", "reported by", "raised by", "requested by", "suggested by", "filed by", "found by",
	"opened by", "flagged by",
}

// broadcasts are chat mentions of a whole channel: never an owner.
var broadcasts = map[string]bool{"here": true, "channel": true, "everyone": true, "all": true}

// objectOf reports whether the handle at i is the object of a
// preposition or a conjunction before it ("Shadow on-call with @marcus",
// "Hand off to @kim", "Ana and @raj"): it gives the owner but belongs to
// the sentence, and stays in the text even at its end.
func objectOf(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \t")
	for _, w := range []string{"with", "w/", "to", "for", "from", "by", "and", "or", "of", "at"} {
		if len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w) && boundaryBefore(s, len(t)-len(w)) {
			return true
		}
	}
	return false
}

// ownerLabels name the owner a handle after them is: "owner: @dana",
// "— assignee @kim".
var ownerLabels = []string{"owner", "owners", "assignee", "assigned to", "owned by", "dri", "lead"}

// ownerLabelBefore returns where an owner label that ends right before
// the handle at i starts, or -1: a label with a colon anywhere ("Write
// it. Owner: @nadia"), or without one where a clause starts ("Game day —
// owner @mei"); "Tell the owner @dana" has none.
func ownerLabelBefore(s string, i int) int {
	t := strings.TrimRight(s[:i], " \t")
	colon := strings.HasSuffix(t, ":")
	if colon {
		t = strings.TrimRight(t[:len(t)-1], " \t")
	}
	for _, label := range ownerLabels {
		if len(t) < len(label) || !strings.EqualFold(t[len(t)-len(label):], label) {
			continue
		}
		start := len(t) - len(label)
		if !boundaryBefore(s, start) {
			continue
		}
		if colon || opensClause(s, start) {
			return start
		}
	}
	return -1
}

// todoPriority reads todo.txt's priority at the item's start: "(A) Fix
// the login loop" is highest, (B) high, (C) medium, (D) low, any later
// letter lowest.
func (r *itemReader) todoPriority(i int) int {
	s := r.s
	if i+4 > len(s) || s[i+1] < 'A' || s[i+1] > 'Z' || s[i+2] != ')' || s[i+3] != ' ' {
		return 0
	}
	p, ok := letterPriority(s[i+1], Highest, High, Medium, Low)
	if !ok {
		p = Lowest
	}
	r.setPriority(p)
	r.add(i, i+3, KindPriority, false)
	return i + 3
}

// letterPriority returns the priority a letter ranks: ladder[0] for A,
// ladder[1] for B …; false past its end.
func letterPriority(letter byte, ladder ...Priority) (Priority, bool) {
	if letter < 'A' || int(letter-'A') >= len(ladder) {
		return NoPriority, false
	}
	return ladder[letter-'A'], true
}

// orgPriority reads a Logseq or org priority at i, "[#A]" (high), "[#B]"
// (medium) or "[#C]" (low), as their task blocks write it.
func (r *itemReader) orgPriority(i int) int {
	s := r.s
	if i+4 > len(s) || s[i+3] != ']' {
		return 0
	}
	p, ok := letterPriority(s[i+2], High, Medium, Low)
	if !ok {
		return 0
	}
	r.setPriority(p)
	r.add(i, i+4, KindPriority, false)
	return i + 4
}

// orgStamp reads a Logseq or org planning line at i: "SCHEDULED:
// <2026-12-04 Fri>" (scheduled), "DEADLINE: <2026-12-09 Wed 17:00 +1w>"
// (due) or "CLOSED: [2026-03-20 Fri 17:02]" (done then), the date first
// in the brackets.
func (r *itemReader) orgStamp(i int) int {
	s := r.s
	name := ""
	rest := ""
	switch {
	case strings.HasPrefix(s[i:], "SCHEDULED: <"):
		name, rest = "scheduled", s[i+len("SCHEDULED: <"):]
	case strings.HasPrefix(s[i:], "DEADLINE: <"):
		name, rest = "due", s[i+len("DEADLINE: <"):]
	case strings.HasPrefix(s[i:], "CLOSED: ["):
		name, rest = "done", s[i+len("CLOSED: ["):] // when org closed it
	default:
		return 0
	}
	closing := strings.IndexAny(rest, ">]")
	if closing < 10 || !isDate(rest[:10]) {
		return 0
	}
	r.setDate(name, rest[:10])
	end := len(s) - len(rest) + closing + 1
	r.add(i, end, KindDate, false)
	return end
}

// drawer reads a Logseq or org drawer at i, ":LOGBOOK:" to ":END:", the
// clock lines an outliner keeps inside a task: no attribute, but no part
// of the task's name either.
func (r *itemReader) drawer(i int) int {
	s := r.s
	end := strings.Index(s[i:], ":END:")
	if end < 0 {
		return 0
	}
	end += i + len(":END:")
	r.add(i, end, KindField, false)
	return end
}

// pToken reads a priority token P0-P3 at i, a whole word ("P2P", "P1-7"
// and "AP1" are not).
func (r *itemReader) pToken(i int) int {
	s := r.s
	if !boundaryBefore(s, i) || i+1 >= len(s) || s[i+1] < '0' || s[i+1] > '3' || !boundaryAfter(s, i+2) {
		return 0
	}
	p, _ := ParsePriority(s[i : i+2])
	r.setPriority(p)
	r.add(i, i+2, KindPriority, true)
	return i + 2
}

// dueWord reads a due date after word at i: "due 2026-01-03", "due:
// 2026-01-03", a clause of its own "deadline 2026-01-03", "ETA: …",
// "target …" (in a sentence the date may be another's), or "by
// 2026-01-03" as action items set a deadline ("fix the timezone bug by
// 2026-11-10"), in any case. A weekday or an end of day may stand before
// the date ("due Fri 2026-03-06", "by EOD 2026-03-07"), and the date may
// name its month ("due March 12, 2027", "by 15 Mar 2027").
func (r *itemReader) dueWord(i int, word string) int {
	s := r.s
	n := len(word)
	if !boundaryBefore(s, i) || !strings.EqualFold(safeSlice(s, i, i+n), word) || !boundaryAfter(s, i+n) {
		return 0
	}
	if word == "by" && byAgent(s, i) {
		return 0 // "keys created by 2025-01-01", "introduced by …": who or when made it
	}
	j := i + n
	if j < len(s) && s[j] == ':' && word != "by" {
		j++
	}
	k := skipBlanks(s, j)
	if k == i+n {
		return 0 // the word must be followed by ':' or a space
	}
	k = skipDayWords(s, k)
	d, end, ok := dateIn(s, k, r.cal)
	if !ok {
		return 0
	}
	if word == "by" && end < len(s) && (s[end] == '\'' || isWordByte(s[end])) {
		return 0 // "by 2026-03-02's deploy"
	}
	if word == "by" && strings.IndexByte(s[k:end], '/') >= 0 && changedBy(s, i) {
		return 0 // "Cut build time by 1/3": a share, no date
	}
	if word != "due" && word != "by" && !(opensClause(s, i) && endsClause(s, end)) {
		return 0 // "Remind clients of the filing deadline 2027-04-15": the date is another's
	}
	r.setDate("due", d)
	r.add(i, end, KindDate, false)
	return end
}

// opensClause reports whether a word at i opens a clause of its own: the
// text starts there, or a separator or a bracket stands before it.
func opensClause(s string, i int) bool {
	before := strings.TrimRight(s[:i], " \t")
	r, _ := utf8.DecodeLastRuneInString(before)
	return before == "" || strings.ContainsRune(separators+"([", r)
}

// skipDayWords returns where the date after a due word starts, past a
// weekday ("Fri", "Friday,") or an end of day or week (EOD, COB, EOW)
// that stands before it, or k when none does.
func skipDayWords(s string, k int) int {
	for range 2 {
		e := k
		for e < len(s) && ('a' <= s[e]|0x20 && s[e]|0x20 <= 'z') {
			e++
		}
		if e == k || !dayWords[strings.ToLower(s[k:e])] {
			return k
		}
		if e < len(s) && s[e] == ',' {
			e++
		}
		if next := skipBlanks(s, e); next > e {
			k = next
		} else {
			return k
		}
	}
	return k
}

// dayWords are the words that may stand between a due word and its date.
var dayWords = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
	"eod": true, "cob": true, "eow": true,
}

// dateIn reads the date that starts at s[k:]: YYYY-MM-DD (with a time of
// day after it) or a date naming its month ("March 12, 2027", "15 Mar
// 2027"; "Mar 14" and "12/4" as the page's Calendar says). It returns the date and where
// it ends.
func dateIn(s string, k int, cal Calendar) (string, int, bool) {
	if d, ok := dateAt(s, k); ok {
		return d, timeAfter(s, k+10), true
	}
	if d, end, ok := slashDateAt(s, k, cal, false); ok {
		return d, end, true
	}
	return namedDateAt(s, k, cal)
}

// namedDateAt reads a date naming its month in the two or three words at
// s[k:] (namedDateLayouts), the longest that reads, or else a day and a
// month without a year in the first two, as cal says.
func namedDateAt(s string, k int, cal Calendar) (string, int, bool) {
	if k >= len(s) || !(isWordByte(s[k])) {
		return "", 0, false
	}
	var ends []int
	for e := k; e < len(s) && len(ends) < 3; {
		for e < len(s) && s[e] != ' ' && s[e] != '\t' {
			e++
		}
		end := e
		for end > k && strings.IndexByte(".,;:)", s[end-1]) >= 0 && !(end-1 > k && s[end-1] == '.' && len(ends) == 0) {
			end-- // "15 Mar 2027." ends at its year; "Jan. 2, 2027" keeps its dot
		}
		ends = append(ends, end)
		e = skipBlanks(s, e)
	}
	for n := len(ends) - 1; n >= 1; n-- {
		if d, ok := namedMonthDate(s[k:ends[n]]); ok {
			return d, ends[n], true
		}
	}
	if w := strings.TrimRight(s[k:ends[0]], "."); strings.ContainsAny(w, ".-") {
		if d, ok := namedMonthDate(w); ok {
			return d, k + len(w), true // one word: "15.01.2027", Excel's "08-Jan-27"
		}
	}
	if len(ends) >= 2 && !yearAfter(s, ends[1]) {
		if d, ok := dayMonthDate(s[k:ends[1]], cal, false); ok {
			return d, ends[1], true
		}
	}
	return "", 0, false
}

// yearAfter reports whether what follows a day and a month ending at e
// makes them no day: a year the date layouts do not read ("Mar 14 '27"),
// or a week ("by Mar 1st week").
func yearAfter(s string, e int) bool {
	rest := strings.TrimLeft(s[e:], " ,")
	if strings.HasPrefix(rest, "'") && len(rest) >= 3 && '0' <= rest[1] && rest[1] <= '9' {
		return true
	}
	word, _, _ := strings.Cut(rest, " ")
	word = strings.TrimRight(word, ".,;:)")
	return strings.EqualFold(word, "week") || strings.EqualFold(word, "wk") || strings.EqualFold(word, "weeks")
}

// changedBy reports whether the task whose "by" stands at i opens with a
// verb of change ("Cut build time by 1/3", "Reduce … by"), after which a
// number is how much; "Set up CI by 1/15" sets a deadline.
func changedBy(s string, i int) bool {
	verb, _, _ := strings.Cut(strings.TrimLeft(s[:i], " *_"), " ") // the task's verb governs "by"
	switch strings.ToLower(strings.TrimRight(verb, ",.:")) {
	case "cut", "reduce", "reduced", "increase", "increased", "grow", "grew", "improve", "improved",
		"lower", "lowered", "raise", "raised", "decrease", "decreased", "boost", "shrink", "speed":
		return true
	}
	return false
}

// byAgent reports whether "by" at i follows a participle ("created by",
// "placed by", "taken by", "blocked by"): it says when or by whom
// something was done, not when the task is due; "done by" and "needed by"
// set a deadline.
func byAgent(s string, i int) bool {
	before := strings.TrimRight(s[:i], " \t")
	w := strings.ToLower(before[strings.LastIndexAny(before, " \t")+1:])
	if deadlineWords[w] {
		return false // "done by", "needed by": a deadline
	}
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn"))
}

// deadlineWords before "by <date>" set a deadline, though participles.
var deadlineWords = map[string]bool{
	"done": true, "needed": true, "required": true, "completed": true, "finished": true,
	"delivered": true, "shipped": true, "fixed": true, "merged": true, "released": true,
	"expected": true, "scheduled": true, "planned": true, "targeted": true, "launched": true,
	"signed": true, "approved": true, "migrated": true, "deployed": true, "resolved": true,
}

// readDepends reads the ⛔ signs that stand after the item's text and are
// followed by a list of ids and then nothing but other attributes
// ("… ⛔ abc,def"), right to left so that "⛔ a ⛔ b" is two lists. Any
// other ⛔ is left in the text: the blocked marker.
func (r *itemReader) readDepends() {
	s := r.s
	var found [][]string
	for k := len(r.blocked) - 1; k >= 0; k-- {
		i := r.blocked[k]
		j := afterSign(s, i+utf8.RuneLen(dependsEmoji))
		e := j
		var ids []string
		for {
			t := idEnd(s, e)
			if t == e || !dependencyShaped(s[e:t]) {
				break
			}
			ids = append(ids, s[e:t])
			e = t
			if e < len(s) && s[e] == ',' {
				if t := skipBlanks(s, e+1); idEnd(s, t) > t {
					e = t
					continue
				}
			}
			break
		}
		if len(ids) == 0 {
			continue
		}
		if next := skipBlanks(s, e); next < len(s) && !r.spanAt(next) {
			continue
		}
		r.add(i, e, KindDepends, false)
		found = append(found, ids)
	}
	for k := len(found) - 1; k >= 0; k-- {
		r.it.Depends = appendNew(r.it.Depends, found[k]...)
	}
}

// dependencyShaped says whether a token after ⛔ reads as an id rather
// than a word: it holds a digit, '-' or '_', or is all lower case
// ("abc", "p4-1"); "Legal" and "BLOCKED" are words.
func dependencyShaped(tok string) bool {
	lower := true
	for _, c := range tok {
		if c >= '0' && c <= '9' || c == '-' || c == '_' {
			return true
		}
		if unicode.IsUpper(c) {
			lower = false
		}
	}
	return lower
}

func (r *itemReader) spanAt(i int) bool {
	for _, sp := range r.spans {
		if sp.Start == i {
			return true
		}
	}
	return false
}

// dropInnerEdges keeps in the text the edge spans (@handle, P-token) that
// stand inside it ("Pair with @dana on the P1 bug"): only those with
// nothing but other taken-out spans, spaces and separators between them
// and an end of the text are taken out.
func (r *itemReader) dropInnerEdges() {
	sortSpans(r.spans)
	// A span inside another's brackets ("[owner:A0[A0::00]", a field in a
	// field) is part of it: spans never overlap.
	merged := r.spans[:0]
	for _, sp := range r.spans {
		if n := len(merged); n > 0 && sp.Start < merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, sp.End)
			continue
		}
		merged = append(merged, sp)
	}
	r.spans = merged
	out := r.spans[:0]
	isOut := make([]bool, len(r.spans))
	for i, sp := range r.spans {
		isOut[i] = !sp.edge
	}
	// From the left: a run of spans separated only by blanks.
	pos := 0
	for i, sp := range r.spans {
		if !onlySeparators(r.s[pos:sp.Start]) {
			break
		}
		isOut[i] = true
		pos = sp.End
	}
	pos = len(r.s)
	for i := len(r.spans) - 1; i >= 0; i-- {
		sp := r.spans[i]
		if !onlySeparators(r.s[sp.End:pos]) {
			break
		}
		isOut[i] = true
		pos = sp.Start
	}
	// A note in brackets that holds nothing but attributes goes whole:
	// "(owner: @dana, due: 2026-03-20, P1)".
	for i, sp := range r.spans {
		if isOut[i] {
			continue
		}
		open, close := r.noteAround(sp.Start, sp.End)
		if open < 0 {
			continue
		}
		rest := r.s[open+1 : close]
		var inside []int
		pos := open + 1
		for k, o := range r.spans {
			if o.Start >= open+1 && o.End <= close {
				if !onlySeparators(r.s[pos:o.Start]) {
					rest = ""
					break
				}
				inside, pos = append(inside, k), o.End
			}
		}
		if rest != "" && len(inside) > 1 && onlySeparators(r.s[pos:close]) {
			for _, k := range inside {
				isOut[k] = true
			}
		}
	}
	for i, sp := range r.spans {
		if isOut[i] {
			out = append(out, sp)
		}
	}
	r.spans = out
}

// noteAround returns the brackets around [start,end): the nearest '(' or
// '[' before it and its closing one after it on the same level, or -1.
func (r *itemReader) noteAround(start, end int) (int, int) {
	open := strings.LastIndexAny(r.s[:start], "([")
	if open < 0 || strings.ContainsAny(r.s[open+1:start], ")]") {
		return -1, -1
	}
	closing := ")"
	if r.s[open] == '[' {
		closing = "]"
	}
	c := strings.Index(r.s[end:], closing)
	if c < 0 || strings.ContainsAny(r.s[end:end+c], "([") {
		return -1, -1
	}
	return open, end + c
}

func onlySeparators(s string) bool {
	for _, c := range s {
		if !unicode.IsSpace(c) && !strings.ContainsRune(separators, c) {
			return false
		}
	}
	return true
}

// separators are left dangling at the ends of a text once attributes go.
const separators = "-–—:|,;·•/→"

// dashes are the separators between an item's clauses: a cut between two
// of them leaves one.
const dashes = "-–—|·•"

// finish writes the spans and the text without them.
func (r *itemReader) finish() {
	if len(r.spans) == 0 {
		return
	}
	parts := make([]string, 0, len(r.spans)+1)
	pos := 0
	for _, sp := range r.spans {
		r.it.Spans = append(r.it.Spans, sp.Span)
		parts = append(parts, r.s[pos:max(pos, sp.Start)])
		pos = max(pos, sp.End)
	}
	r.it.Text = joinCut(append(parts, r.s[pos:]))
}

// joinCut joins what is left of a text once attributes are taken out
// from between its parts, tidying only where they were: the spaces on
// either side of a cut become one (none before . , ; or :), brackets a
// cut left empty go, and separators it left dangling at either end of
// the text are trimmed ("Fix login — @kim" is "Fix login"). The rest of
// the text stays as written: "init()" or "16 : 9" away from a cut are
// not touched.
func joinCut(parts []string) string {
	var b strings.Builder
	b.WriteString(parts[0])
	for _, p := range parts[1:] {
		left := strings.TrimRight(b.String(), " \t")
		right := strings.TrimLeft(p, " \t")
		if n := len(left); n > 0 && len(right) > 0 && (left[n-1] == '(' && right[0] == ')' || left[n-1] == '[' && right[0] == ']') {
			left, right = strings.TrimRight(left[:n-1], " \t"), strings.TrimLeft(right[1:], " \t")
		}
		if right != "" && (right[0] == ')' || right[0] == ']') {
			left = strings.TrimRight(left, " \t,;") // "(beta, @dana)" is "(beta)"
		}
		for right != "" && strings.ContainsRune(".,;", rune(right[0])) && (left == "" || strings.ContainsRune(".,;:([", rune(left[len(left)-1]))) {
			right = strings.TrimLeft(right[1:], " \t") // "(@dana, due 2026-03-20, P1)", "Done. Owner: @n. Due …."
		}
		if l, _ := utf8.DecodeLastRuneInString(left); left != "" && strings.ContainsRune(dashes, l) {
			if r, size := utf8.DecodeRuneInString(right); right != "" && strings.ContainsRune(dashes+",;", r) {
				right = strings.TrimLeft(right[size:], " \t") // "Add alerting — Due: … — Open": one dash, not two
			}
		}
		b.Reset()
		b.WriteString(left)
		if left != "" && right != "" && !strings.ContainsRune(".,;:)]", rune(right[0])) && !strings.ContainsRune("([", rune(left[len(left)-1])) {
			b.WriteByte(' ')
		}
		b.WriteString(right)
	}
	text := b.String()
	if onlySeparators(parts[0]) {
		text = strings.TrimLeft(text, " \t"+separators)
	}
	if onlySeparators(parts[len(parts)-1]) {
		text = strings.TrimRight(text, " \t"+separators)
	}
	return text
}

// sortSpans orders spans by where they start (few: insertion sort).
func sortSpans(ss []span) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].Start < ss[j-1].Start; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}

// Strip takes out of text the attributes that Read found in from (the
// same item's text as markers are read from it, which may differ from
// text in code and markup): each span of from, in order, is removed where
// it first occurs in text after the previous one, and the rest is joined
// as Read joins Item.Text (joinCut). A span not found in text is left alone.
func Strip(text, from string, spans []Span) string {
	if len(spans) == 0 {
		return text
	}
	parts := make([]string, 0, len(spans)+1)
	pos := 0
	for _, sp := range spans {
		part := safeSlice(from, sp.Start, sp.End)
		if part == "" {
			continue
		}
		k := strings.Index(text[pos:], part)
		if k < 0 {
			continue
		}
		parts = append(parts, text[pos:pos+k])
		pos += k + len(part)
	}
	if len(parts) == 0 {
		return text
	}
	return joinCut(append(parts, text[pos:]))
}
