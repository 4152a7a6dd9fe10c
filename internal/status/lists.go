package status

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
	"github.com/yuin/goldmark/ast"
)

// listEntry is one item of a list as rule 2 reads it.
type listEntry struct {
	li     ast.Node
	box    bool
	boxSt  State
	marker declared
	dash   declared // a status clause after a dash, read when the list is a tracker
	own    string   // a plain item's own text, as markers are read from it
	note   bool     // a bullet journal's note or event: no item
	// sentenceLabel: dash is an emphasized label after a sentence
	// ("… segregated. *In progress*"), not a dash's clause
	sentenceLabel bool
	attrs         *attr.Item // what attr read of own when it holds any, read once for the marker and the item
}

// announcesEnd reports whether a dropped word says a thing offered is no
// more, as an announcement does (discontinued, retired), rather than
// that a task was called off (cancelled).
func announcesEnd(word string) bool {
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(word)), " ")
	switch first {
	case "discontinued", "retired", "removed", "withdrawn", "deprecated", "sunset", "superseded", "moved":
		return true
	}
	return false
}

// saysYet reports whether a line says its work is still to come: "yet",
// "still".
func saysYet(text string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(text)) {
		switch strings.TrimRight(w, ".,;:!") {
		case "yet", "still":
			return true
		}
	}
	return false
}

// opensNegated reports whether a ❌ line's text says what is not so
// rather than naming work: it opens, after its emoji, with No, Not,
// Nobody, Never, Nothing, None, Don't or Can't.
func opensNegated(text string) bool {
	i := strings.IndexFunc(text, unicode.IsLetter)
	if i < 0 {
		return false
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(text[i:], "’", "'")), " ")
	switch strings.TrimRight(first, ",.:;") {
	case "no", "not", "nobody", "never", "nothing", "none", "don't", "dont", "can't", "cannot", "cant", "doesn't", "isn't", "aren't", "won't":
		return true
	}
	return false
}

// ownAttrs returns what attr read of a plain item's own text.
func (e *listEntry) ownAttrs() attr.Item {
	if e.attrs != nil {
		return *e.attrs
	}
	return attr.Item{Text: e.own}
}

// readListItems reads every item of list for rules 1 and 2: its task box
// and, for a plain item, its marker. A list whose plain items end with
// status clauses after a dash ("1. Inventory extensions — done", "2. Run
// the suite — in progress") tracks them once two and more than half do,
// half of those naming work (namedWork): one of single names ("Linux —
// supported", "`blocked` — waiting on upstream", "Green — done") is a key
// or a glossary. A timeline ("14:19 — rollback attempted (blocked on
// config)") tells what happened, and a list under "Example:" shows a
// form: their notes mark no work. marked reports
// whether a plain item carries a marker.
func (c *computer) readListItems(list ast.Node) (entries []listEntry, marked bool) {
	plain, dashed, named, clocked, coded, changes, ownMarks := 0, 0, 0, 0, 0, 0, 0
	participles, others := 0, 0        // plain items marked by "✅ booked" alone, and by any other marker
	struckMarks, keyed := 0, 0         // plain items struck and dropped, and unmarked ones that open with a key ("Dental: …")
	ticks, crosses, negated := 0, 0, 0 // plain items marked ✅, marked ❌, and those of them that open with No, Not …
	stillToCome := false               // a ❌ line that says the work is still to come: "❌ No car hire yet"
	boxes := 0
	labels, placeLabels := 0, 0 // emphasized labels after a sentence, and those that are Open or Closed
	entries = make([]listEntry, 0, list.ChildCount())
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		if li.Kind() != ast.KindListItem {
			continue
		}
		e := listEntry{li: li}
		e.boxSt, e.box = checkBoxOf(li)
		if e.box {
			boxes++
		}
		if !e.box && !c.cur.record && !c.opts.Record {
			plain++
			p := firstTextBlock(li)
			var text string
			if p != nil {
				text = markerText(p, c.src)
			}
			if opensWithClock(text) {
				if timecode(text) {
					coded++
				} else {
					clocked++
				}
			}
			change := changeLabel(p, c.src)
			if change != "" {
				changes++
			}
			a := attr.ReadNear(text, c)
			e.own = text
			if a.Holds() {
				e.attrs = &a
			}
			if !saysNothingAtAll(text) { // a Logseq query's "TODO" names the tasks it finds
				e.marker = c.listItemMarker(p, text, a)
			}
			if !e.marker.found && strings.Contains(text, " ") && !saysNothingAtAll(text) {
				var name string
				if e.dash, name = c.dashStatusOf(text, a); name != "" {
					dashed++
					if namedWork(name) {
						named++
					}
				} else if d, ok := c.labelAfterSentence(p); ok {
					e.dash = d // "Rework area not segregated. *In progress*": read as a dash's clause is
					e.sentenceLabel = true
					dashed++
					named++
					labels++
					if placeStates[strings.ToLower(d.as)] {
						placeLabels++
					}
				} else if d := c.statusField(a); d.found {
					e.dash = d // Dataview's "[status:: doing]", which may name a member's standing too
					dashed++
					named++
				} else if share, ok := partlyDone(text); ok && leadingEmphasis(p, c.src) == nil && !opensWithKey(text) {
					e.dash = declared{true, marker.Active, share} // "Briefing sessions — 3 of 4 done"; not a field's "Status: In progress (4 of 7 done)"
					dashed++
					named++
				}
			}
			if e.marker.found {
				if tick, ok := tickedParticiple(e.own); ok && e.marker.as == tick {
					participles++
				} else {
					others++
				}
				if e.marker.state == marker.Dropped && leadingStrike(p, c.src) && announcesEnd(e.marker.as) {
					struckMarks++ // "~~Pet insurance~~ discontinued"; not an errand's "~~Gym: freeze membership~~ cancelled"
				}
				switch as := strings.TrimSuffix(e.marker.as, "\uFE0F"); {
				case as == "✅" || as == "✔" || as == "✓" || as == "☑":
					ticks++
				case crossMark(as):
					crosses++
					if c.yesNoMark(strings.TrimSpace(text)) && opensNegated(text) {
						negated++ // "❌ No parking on site"; not a habit log's "No phone after 10pm ❌"
					}
					stillToCome = stillToCome || saysYet(text)
				}
			} else if opensWithKey(text) {
				keyed++
			}
			marked = marked || e.marker.found
			if e.marker.found && !strings.EqualFold(e.marker.as, change) || e.dash.found {
				ownMarks++ // "**Added:** Offline mode — in progress": a plan's list, not what shipped
			}
		}
		entries = append(entries, e)
	}
	if clocked > 0 && clocked+coded == plain || introducesExample(list, c.src) ||
		changes*2 > plain && ownMarks == 0 && c.cur.heading != nil && c.shippedRelease(c.cur.bare) { // "## v1.3 (2026-11-01)" over "- **Fixed:** …"
		for i := range entries {
			entries[i].marker = declared{}
		}
		return entries, false
	}
	judged := c.cur != nil && c.cur.verdicts && others > 0 // under "## Observations": ticks and crosses judge
	if (judged || crosses > 0 && negated == crosses && !stillToCome) && ticks+crosses == others && participles == 0 && boxes == 0 {
		// "✅ Coffee and snacks are included" beside "❌ No parking on
		// site": a list of what is and is not so, told with ticks and
		// crosses, not work (a to-do list's crosses name work not done,
		// "❌ No car hire yet")
		for i := range entries {
			entries[i].marker = declared{}
		}
		marked = false
	}
	if others == 1 && struckMarks == 1 && participles == 0 && dashed == 0 && plain >= 3 && keyed*2 >= plain-1 {
		// "- Dental: premiums up 3%" beside "- ~~Pet insurance~~
		// discontinued": what changes, an announcement's list; one
		// thing struck away marks no list of such lines (a to-do list's
		// "~~Bathroom: regrout~~", struck done, does)
		for i := range entries {
			entries[i].marker = declared{}
		}
		marked = false
	}
	if participles == 1 && others == 0 {
		// "Day 3: … Pena palace tickets ✅ booked" in an itinerary: one
		// such line marks no list
		for i := range entries {
			entries[i].marker = declared{}
		}
		marked = false
	}
	if labels > 0 && placeLabels == labels {
		// "Luigi's. Great carbonara. *Closed*": only Open and Closed, a
		// list of places' hours, not an audit's findings
		for i := range entries {
			if entries[i].sentenceLabel {
				entries[i].dash = declared{}
				dashed--
				named--
			}
		}
	}
	if bulletJournal(entries) {
		for i := range entries {
			e := &entries[i]
			switch sig, ok := signifier(e.own); {
			case ok && sig == '•':
				e.marker = declared{true, marker.Open, "•"}
			case ok && sig == '×':
				e.marker = declared{true, marker.Done, "×"}
			case ok:
				e.note = true // "– note", "○ event": no task
			}
		}
		return entries, true
	}
	if marked || dashed >= 2 && dashed*2 > plain && named*2 >= dashed {
		for i := range entries {
			if entries[i].dash.found {
				entries[i].marker, marked = entries[i].dash, true
			}
		}
	}
	if marked {
		for i := range entries {
			if e := &entries[i]; !e.box && !e.marker.found && e.own != "" {
				e.marker = c.endStatus(e.own) // "Posters — printed and up. Done.", "— @sam shared, done"
			}
		}
		c.ragListDots(entries)
	}
	return entries, marked
}

// underResults reports whether the section being read reports results
// ("## Highlights", "## Wins", "## Accomplishments"): a green dot there is
// a result had, done.
func (c *computer) underResults() bool {
	if c.cur == nil || c.cur.heading == nil {
		return false
	}
	for _, w := range strings.Fields(headingWords(c.cur.bare)) {
		switch w {
		case "highlights", "highlight", "wins", "win", "accomplishments", "achievements", "results":
			return true
		}
	}
	return false
}

// greenElsewhere reports whether the page speaks of 🟢 other than as a
// list item's or a table row's dot, outside code: in a sentence or a key
// of its own ("I mark things 🟢 when they're finished", "🟢 = written ·
// 🟡 = drafting"). It reads the page once.
func (c *computer) greenElsewhere() bool {
	if c.greenRead == 0 {
		c.greenRead = 1
		if greenOutsideDots(c.src) {
			c.greenRead = 2
		}
	}
	return c.greenRead == 2
}

// greenOutsideDots is greenElsewhere of src.
func greenOutsideDots(src []byte) bool {
	if !bytes.Contains(src, []byte("🟢")) {
		return false
	}
	fenced := false
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		trimmed := bytes.TrimLeft(line, " \t>")
		if bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")) {
			fenced = !fenced
			continue
		}
		at := bytes.Index(line, []byte("🟢"))
		if fenced || at < 0 {
			continue
		}
		lead := bytes.TrimRight(bytes.TrimLeft(line[:at], " \t>"), " ")
		switch {
		case len(lead) == 0:
			return true // a line that opens with the dot, in no list: a key
		case lead[0] == '|': // a table row's
		case len(lead) == 1 && (lead[0] == '-' || lead[0] == '*' || lead[0] == '+'), listNumber(lead): // a list item's
		default:
			return true
		}
	}
	return false
}

// listNumber reports whether b is an ordered list's number: "1." or "2)".
func listNumber(b []byte) bool {
	if len(b) < 2 || b[len(b)-1] != '.' && b[len(b)-1] != ')' {
		return false
	}
	for _, d := range b[:len(b)-1] {
		if d < '0' || d > '9' {
			return false
		}
	}
	return true
}

// saysDone reports whether the words after a dot say the work is done:
// they open with a done word ("Done — shipped") or a clause after a dash
// does, in any case ("Search — shipped to 100%"), or give a whole share
// ("2/2 hired", "100%").
func (c *computer) saysDone(after string) bool {
	if m, ok := c.vocab.Opens(after); ok && m.State == marker.Done {
		return true
	}
	if _, clause, ok := cutDash(after); ok {
		clause = strings.TrimSpace(clause)
		if m, ok := c.vocab.Find(clause, marker.Cell); ok && m.Kind == marker.Word && m.Start == 0 && m.State == marker.Done {
			return true
		}
		first, _, _ := strings.Cut(clause, " ")
		if st, ok := fractionState(first); ok && st == marker.Done {
			return true
		}
	}
	return strings.Contains(after, "100%")
}

// cutDash cuts text at its first clause dash.
func cutDash(text string) (before, after string, found bool) {
	at, width := nextDash(text, 0)
	if at < 0 {
		return text, "", false
	}
	return text[:at], text[at+width:], true
}

// ragListDots reads a list's red, amber and green dots as ragDots reads a
// column's: a 🟢 beside a 🟡 or 🟠 says the work is on track, under way,
// not done ("- 🟢 Payments migration" in a weekly report), unless the list
// also says done with ✅ or ✔, the words after the dot say done ("🟢 Done
// — shipped", saysDone), or the page defines 🟢 in a legend or speaks of
// it elsewhere. 🟢 beside 🔴 alone is a pass or a go: done. In any list
// of two dots or more, a status clause after a dash says the state over
// the dot.
func (c *computer) ragListDots(entries []listEntry) {
	var green []int
	amber, ticked, dots := false, false, 0
	for i, e := range entries {
		if !e.marker.found {
			continue
		}
		switch strings.TrimSuffix(e.marker.as, "\ufe0f") {
		case "🟢":
			green = append(green, i)
		case "🟡", "🟠":
			amber = true
		case "✅", "✔", "☑":
			ticked = true // done said so: 🟢 may be done too
		}
		if ragDot(e.marker.as) {
			dots++
		}
	}
	if dots < 2 {
		return
	}
	if amber && !ticked && !c.legend.defined[cellKey("🟢")] && !c.greenElsewhere() && !c.underResults() {
		// not 🟢 beside 🔴 alone, a pass or a go; nor on a page that says
		// what 🟢 means ("I mark things 🟢 when they're finished", "🟢 =
		// written")
		for _, i := range green {
			e := &entries[i]
			_, after, _ := strings.Cut(e.own, "🟢")
			after = strings.TrimPrefix(after, "\ufe0f")
			if e.marker.state == marker.Done && !c.saysDone(after) {
				e.marker.state = marker.Active
			}
		}
	}
	for i := range entries {
		// the dot says how the work goes; a status clause after a dash
		// says where it is: "🔴 Mobile — blocked on the sync API"
		if e := &entries[i]; e.marker.found && ragDot(e.marker.as) && strings.Contains(e.own, " ") {
			if d, _ := c.dashStatusOf(e.own, e.ownAttrs()); d.found {
				e.marker = d
			}
		}
	}
}

// dashStatusOf reads the status an item's text ends with after a dash:
// a status clause, with the text before it (name, which may make its list
// a tracker), else a share done after the dash or a status emoji before
// it, which count only in a list tracked otherwise (emojiBeforeDash). A
// decision's word ("— rejected: too costly") is none. The item's
// attributes (a, read from text) are set aside first: they may follow
// the clause.
func (c *computer) dashStatusOf(text string, a attr.Item) (d declared, name string) {
	if a.Holds() {
		text = a.Text // "Review pricing — in progress, owner: @tia, due 2027-02-20"
	}
	m, ok := c.vocab.DashStatus(text)
	if !ok {
		m, ok = c.colonStatus(text) // "Canvas site: **done**", "Fab: in production"
	}
	switch {
	case !ok:
		d := c.emojiBeforeDash(text)
		if d.found && keyResult(text) {
			return d, text // "KR1.2 Failover drill passes — **40%**": an OKR's key results track their list
		}
		return d, ""
	case decisionWords[headingWords(text[m.Start:m.End])]:
		return declared{}, ""
	}
	return declared{true, m.State, text[m.Start:m.End]}, text[:m.Start]
}

// labelAfterSentence reads the status label an item ends with after a
// sentence of its own, emphasized ("Drill bit life not tracked on line 4.
// *Closed*"), as an audit's findings write their states.
func (c *computer) labelAfterSentence(p ast.Node) (declared, bool) {
	last := p.LastChild()
	if last == nil || last.Kind() != ast.KindEmphasis {
		return declared{}, false
	}
	prev, ok := last.PreviousSibling().(*ast.Text)
	if !ok {
		return declared{}, false
	}
	before := strings.TrimRight(string(prev.Segment.Value(c.src)), " \t")
	if !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, "!") {
		return declared{}, false
	}
	label := markerText(last, c.src)
	m, ok := c.vocab.Label(label)
	if !ok {
		return declared{}, false
	}
	return declared{true, m.State, label[m.Start:m.End]}, true
}

// bulletJournal reports whether a list is a bullet journal's log: two
// plain items or more open with its signifiers, one of them a task done
// (×), and no item is boxed or opens otherwise, but for one marked on its
// own (struck) or with no text of its own ("> migrated"); not its key.
func bulletJournal(entries []listEntry) bool {
	signed, done := 0, 0
	for _, e := range entries {
		if e.box {
			return false
		}
		sig, ok := signifier(e.own)
		if ok && keyWords[strings.ToLower(strings.TrimSpace(e.own[strings.IndexByte(e.own, ' '):]))] {
			return false // "- • task", "- × task done": the journal's key
		}
		if !ok {
			if e.marker.found || saysNothingAtAll(e.own) {
				continue
			}
			return false
		}
		signed++
		if sig == '×' {
			done++
		}
	}
	return signed >= 2 && done >= 1 // "- • Revenue grew 12%" alone is a pasted bullet
}

// keyWords are what a bullet journal's key names its signifiers.
var keyWords = map[string]bool{
	"task": true, "tasks": true, "task done": true, "done": true, "note": true, "notes": true, "event": true,
	"events": true, "migrated": true, "scheduled": true, "task migrated": true, "task scheduled": true,
}

// signifier returns the bullet journal signifier text opens with: • a
// task, × a task done, – a note, ○ an event; ok is false when text opens
// with none, or the sign is not followed by a word ("× 2" is "times").
func signifier(text string) (sig rune, ok bool) {
	r, size := utf8.DecodeRuneInString(text)
	switch r {
	case '•', '×', '–', '○', '◦':
	default:
		return 0, false
	}
	rest := text[size:]
	if !strings.HasPrefix(rest, " ") {
		return 0, false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return r, unicode.IsLetter(next)
}

// colonStatus reads the state an item's value after a colon opens with,
// when what stands before the colon names a piece of work, not a field
// ("Owner: Sam", "Status: done" are a section's fields) nor a time
// ("10:30: standup done").
func (c *computer) colonStatus(text string) (marker.Match, bool) {
	key, value, ok := strings.Cut(text, ": ")
	if !ok || key == "" || strings.ContainsAny(key, "—–|") || strings.Contains(key, " - ") {
		return marker.Match{}, false // "Review the runbook — Status: Blocked": a field after the item's text
	}
	// the value first: most "key: value" items say no state, and are read
	// no further
	m, ok := c.vocab.Opens(value)
	if !ok || !colonStates[strings.ToLower(value[m.Start:m.End])] {
		return marker.Match{}, false // "Registration: open", "Statistics: passed": facts
	}
	if rest := strings.TrimSpace(value[m.End:]); rest != "" && !strings.ContainsRune(",.;(—–", firstRune(rest)) {
		return marker.Match{}, false // "Payroll: done by HR", "Expense claims: done by the 5th": how, not how far
	}
	words := strings.Fields(key)
	if len(words) > 5 || !strings.ContainsFunc(key, unicode.IsLetter) || unicode.IsDigit(firstRune(key)) ||
		attr.KnownField(fieldKey(key)) || noteKeys[headingWords(key)] || marker.DayMonth(key) || marker.IsWeekday(words[0]) {
		return marker.Match{}, false // a field's line, a time ("10:30: standup done"), a day's hours ("Dec 24: open")
	}
	if _, ok := c.vocab.Label(key); ok || copyKeys[strings.ToLower(words[len(words)-1])] {
		return marker.Match{}, false // "Resolved: done" maps states; "Primary button: Done" is copy
	}
	base := len(key) + len(": ")
	m.Start, m.End = m.Start+base, m.End+base
	return m, true
}

// copyKeys end the keys of a spec's interface copy ("Primary button:
// Done", "Progress label: In progress"), not of work.
var copyKeys = map[string]bool{
	"button": true, "label": true, "title": true, "text": true, "message": true, "copy": true,
	"tooltip": true, "placeholder": true, "caption": true, "heading": true, "value": true, "toast": true,
	"banner": true, "boxes": true, "box": true, "lines": true, "line": true, "color": true, "colour": true,
	"icon": true, "badge": true, "cards": true,
}

// firstRune returns the rune s opens with.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// placeStates say whether a place or a sign-up is open, as often as how
// far work is.
var placeStates = map[string]bool{"open": true, "closed": true}

// colonStates are the states a status after a tight colon may say: how
// far work is. Open, Closed, Passed or Approved after a colon say what a
// thing is ("Registration: open", "Thesis proposal: approved").
var colonStates = map[string]bool{
	"done": true, "complete": true, "completed": true, "finished": true, "in progress": true,
	"in-progress": true, "wip": true, "ongoing": true, "started": true, "not started": true, "blocked": true,
	"on hold": true, "todo": true, "to do": true, "waiting": true, "paused": true, "not done": true,
	"drafting": true, "in review": true, "under review": true, "half done": true, "almost done": true,
	"nearly done": true, "mostly done": true, "cancelled": true, "canceled": true, "dropped": true,
	"en cours": true, "terminé": true, "bloqué": true, "fait": true, "erledigt": true, "in arbeit": true,
}

// noteKeys are the keys of a note's or a field's line, not of work:
// "Note: done via the admin panel".
var noteKeys = map[string]bool{
	"status": true, "state": true, "note": true, "notes": true, "update": true, "updates": true, "result": true,
	"results": true, "outcome": true, "decision": true, "comment": true, "comments": true, "progress": true,
	"overall": true, "summary": true, "tl;dr": true, "tldr": true, "eta": true, "verdict": true,
}

// namedWork reports whether the text before an item's status clause
// names a piece of work: words, not a term in code being defined
// ("`blocked` — waiting on upstream") or a colour of a key ("Green —
// done, all checks passed").
func namedWork(name string) bool {
	var words []string
	for _, f := range strings.Fields(name) {
		if strings.ContainsFunc(f, unicode.IsLetter) {
			words = append(words, f)
		}
	}
	return len(words) >= 2 || len(words) == 1 && !keyColours[strings.ToLower(strings.Trim(words[0], "*_:"))]
}

// keyColours name the entries of a colour key.
var keyColours = map[string]bool{
	"green": true, "yellow": true, "amber": true, "red": true, "grey": true, "gray": true,
	"blue": true, "orange": true, "purple": true, "white": true, "black": true,
}

// decisionWords decide between options rather than say how far work is:
// an ADR's "Kafka — rejected: too costly" lists options, not tasks.
var decisionWords = map[string]bool{
	"approved": true, "accepted": true, "rejected": true, "declined": true, "superseded": true,
	"deprecated": true, "withdrawn": true, "not approved": true, "not accepted": true, "duplicate": true,
}

// emojiBeforeDash reads a status emoji that ends the part of text before
// its last dash ("Theming 🚧 — design in progress, see #91"), or a share
// done right after it ("— 40%"): in a list whose items end with status
// clauses it is the item's status.
func (c *computer) emojiBeforeDash(text string) declared {
	for _, sep := range marker.ClauseDashes {
		i := strings.LastIndex(text, sep)
		if i < 0 {
			continue
		}
		if after := strings.Fields(text[i+len(sep):]); len(after) > 0 {
			value := strings.Trim(after[0], "*_,;.")
			if st, ok := valueCell(value); ok && strings.HasSuffix(value, "%") {
				return declared{true, st, value} // "KR1.4 Rollback in under 2 minutes — **40%**"
			}
			if st, ok := fractionState(value); ok && keyResult(text) {
				return declared{true, st, value} // "KR3.1 All clusters on Postgres 16 — 6/14 clusters"
			}
			if st, ok := scoreState(value); ok && keyResult(text) && !c.saysConfidence() {
				return declared{true, st, value} // "KR1.1 Raise day-7 activation — **0.6**": a Google-style score
			}
		}
		fields := strings.Fields(text[:i])
		if len(fields) < 2 {
			return declared{}
		}
		last := fields[len(fields)-1]
		if m, ok := c.vocab.Label(last); ok && m.Kind == marker.Emoji {
			return declared{true, m.State, last}
		}
		return declared{}
	}
	return declared{}
}

// keyResult reports whether an item is an OKR's key result: it opens
// with KR and its number ("KR1.2", "**KR 3**") or "Key result".
func keyResult(text string) bool {
	t := strings.TrimLeft(text, "*_ ")
	if len(t) > 10 && strings.EqualFold(t[:10], "key result") {
		return true
	}
	if len(t) < 3 || t[0] != 'K' || t[1] != 'R' {
		return false
	}
	t = strings.TrimLeft(t[2:], " ")
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

// saysConfidence reports whether a key result's number may be a
// confidence, not a score: the page speaks of confidence ("Confidence
// this week (0.0–1.0):", "— 0.7 confidence"), as a weekly check-in does.
func (c *computer) saysConfidence() bool {
	if c.confidence == 0 {
		c.confidence = 2
		if bytes.Contains(c.src, []byte("onfidence")) || bytes.Contains(c.src, []byte("ONFIDENCE")) {
			c.confidence = 1
		}
	}
	return c.confidence == 1
}

// scoreState reads an OKR's score from 0.0 to 1.0, as Google-style OKRs
// grade a key result: 1.0 done, 0.0 open, any other share under way. The
// score must have its decimal point ("0.6", "1.0"): a bare 1 is a count.
func scoreState(v string) (State, bool) {
	if !strings.Contains(v, ".") || len(v) > 4 {
		return marker.Open, false
	}
	f, err := strconv.ParseFloat(v, 64)
	switch {
	case err != nil || f < 0 || f > 1:
		return marker.Open, false
	case f == 1:
		return marker.Done, true
	case f == 0:
		return marker.Open, true
	}
	return marker.Active, true
}

// fractionState reads a share written as a fraction ("6/14"): all of it
// done, none of it open, else active.
func fractionState(v string) (State, bool) {
	a, b, ok := strings.Cut(v, "/")
	n, err1 := strconv.Atoi(a)
	m, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || m <= 0 || n < 0 || n > m {
		return marker.Open, false
	}
	switch n {
	case m:
		return marker.Done, true
	case 0:
		return marker.Open, true
	}
	return marker.Active, true
}

// shareCell reads a status cell that opens with the share of its work
// done ("3/4 done", "2 of 5 complete", "1/3 hired": doneWords), as
// fractionState does: all of it done, none of it open, else under way,
// not done.
func shareCell(text string) (State, bool) {
	t := strings.TrimSpace(text)
	if t == "" || t[0] < '0' || t[0] > '9' {
		return marker.Open, false // most cells: no number first
	}
	f := strings.Fields(strings.ToLower(t))
	frac, rest := "", []string(nil)
	switch {
	case len(f) >= 2 && strings.Contains(f[0], "/"):
		frac, rest = f[0], f[1:]
	case len(f) >= 4 && f[1] == "of":
		frac, rest = f[0]+"/"+f[2], f[3:]
	default:
		return marker.Open, false
	}
	if doneWords[strings.TrimRight(rest[0], ".,;:!)")] {
		return fractionState(frac)
	}
	return marker.Open, false
}

// doneWords follow a share to say what of it is done: "3/4 done", "1/3
// hired", "2 of 5 signed", "57/60 passed"; not "3/4 remaining" or "1/3
// failed". (A vote's "5/7 passed" reads as a test suite's would.)
var doneWords = map[string]bool{
	"done": true, "complete": true, "completed": true, "finished": true, "hired": true, "signed": true,
	"shipped": true, "migrated": true, "passed": true, "passing": true, "closed": true, "merged": true,
	"fixed": true, "sent": true, "filled": true, "booked": true, "paid": true,
	"tested": true, "reviewed": true, "deployed": true, "installed": true, "delivered": true,
	"received": true, "collected": true, "submitted": true, "published": true, "resolved": true,
}

// introducesExample reports whether the paragraph right before list ends
// by saying an example follows ("… post a handoff note. Example:", "For
// example:").
func introducesExample(list ast.Node, src []byte) bool {
	p, ok := list.PreviousSibling().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return false
	}
	last := p.Lines().At(p.Lines().Len() - 1)
	line := strings.ToLower(strings.TrimSpace(string(last.Value(src))))
	for _, end := range []string{"example:", "examples:", "e.g.:", "for instance:", "sample:", "like this:", "such as:"} {
		if strings.HasSuffix(line, end) {
			return true
		}
	}
	return false
}

// shippedRelease reports whether a heading names a release shipped
// (releaseTitle) on or before the page's date, when the page has one: a
// plan's "## v2.4 (2026-12-14)" is still to come in November.
func (c *computer) shippedRelease(title string) bool {
	if !releaseTitle(title) {
		return false
	}
	day, dated := marker.FirstDate(title)
	near := c.Near()
	return !dated || near == "" || day <= near
}

// timecode reports whether text opens as a video's timecode does, hours
// 00 or 01 with seconds ("00:18:02 — jump cut is jarring"): an editor's
// notes on a cut, unless a later hour in the list makes it a night's
// timeline (23:48:10 … 01:12:40).
func timecode(text string) bool {
	t := strings.TrimLeft(text, " \t*_")
	return len(t) >= 8 && (t[:3] == "00:" || t[:3] == "01:") && t[5] == ':' &&
		isDigit(t[3]) && isDigit(t[4]) && isDigit(t[6]) && isDigit(t[7])
}

// changeLabel returns the changelog's kind of change list item text p
// opens with in bold ("**Fixed:** typo on the card" is "Fixed"), "" when
// there is none.
func changeLabel(p ast.Node, src []byte) string {
	if p == nil {
		return ""
	}
	em := leadingEmphasis(p, src)
	if em == nil {
		return ""
	}
	if kind := strings.Trim(markerText(em, src), ": "); changeKinds[strings.ToLower(kind)] {
		return kind
	}
	return ""
}

// opensWithClock reports whether text opens with a time of day ("14:19",
// "9:05", "00:18:02"), as a timeline's entries do.
func opensWithClock(text string) bool {
	t := strings.TrimLeft(text, " \t*_")
	digits := 0
	for digits < len(t) && digits < 3 && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	if digits < 1 || digits > 2 || len(t) < digits+3 || t[digits] != ':' {
		return false
	}
	m := t[digits+1:]
	return m[0] >= '0' && m[0] <= '5' && m[1] >= '0' && m[1] <= '9' && (len(m) == 2 || !unicode.IsDigit(rune(m[2])))
}
