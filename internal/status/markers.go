package status

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/tasklist"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// declared is what a node's own text says about its state.
type declared struct {
	found bool
	state State
	// as is the marker as a reader sees it, for messages: the word as
	// written ("COMPLETE"), the emoji, or "done" for a strikethrough.
	as string
}

// readMarker reads the marker of an inline container (heading, paragraph,
// table cell) in context ctx: strikethrough of its leading inline, then the
// status words and emoji of its text (code and links' targets left out).
func readMarker(v *marker.Vocabulary, n ast.Node, src []byte, ctx marker.Context) declared {
	if n == nil {
		return declared{}
	}
	return readMarkerOf(v, n, markerText(n, src), src, ctx)
}

// readMarkerOf is readMarker with the node's marker text given, as a list
// item's is once its attributes are taken out.
func readMarkerOf(v *marker.Vocabulary, n ast.Node, text string, src []byte, ctx marker.Context) declared {
	m, ok := v.Find(text, ctx)
	if ok && ctx == marker.Prose && m.Kind == marker.Word && inSentence(text, m) {
		ok = false // "Ask: is the archive DONE collecting?", "Car park is OPEN from 6am."
	}
	if leadingStrike(n, src) {
		if ok && m.Kind == marker.Word && m.State == marker.Dropped {
			return declared{true, marker.Dropped, text[m.Start:m.End]}
		}
		if ok && m.Kind == marker.Emoji && crossMark(text[m.Start:m.End]) {
			return declared{true, marker.Dropped, text[m.Start:m.End]} // "❌ ~~Paid ads~~": crossed out, not done
		}
		return declared{true, marker.Done, "done"}
	}
	if ok && m.State == marker.Dropped && putOffTo(text[m.Start:m.End], text[m.End:]) {
		m.State = marker.Open // "Deferred to January meeting": still owed, at a later one
	}
	if ok {
		return declared{true, m.State, text[m.Start:m.End]}
	}
	return declared{}
}

// putOffTo reports whether a deferral names when the work comes back: a
// meeting, a day, a week or a month ("Deferred to January meeting",
// "deferred until next week"), not a release or a phase ("deferred to
// v2"), which takes it out of the plan.
func putOffTo(word, after string) bool {
	if !strings.EqualFold(word, "deferred") {
		return false
	}
	words := strings.Fields(strings.ToLower(after))
	if len(words) < 2 || words[0] != "to" && words[0] != "until" && words[0] != "till" {
		return false
	}
	for _, w := range words[1:] {
		switch strings.TrimRight(w, ".,;:!)") {
		case "release", "version", "phase", "sprint", "programme", "program", "milestone", "roadmap":
			return false // "Deferred to the May release": out of this plan
		}
		if len(w) > 1 && w[0] == 'v' && isDigit(w[1]) {
			return false // "deferred to v2"
		}
	}
	for _, w := range words[1:min(len(words), 4)] {
		w = strings.TrimRight(w, ".,;:!)")
		switch {
		case w == "meeting" || w == "week" || w == "month" || w == "tomorrow" || w == "monday" || marker.IsMonthName(w) || marker.IsWeekday(w):
			return true
		case len(w) > 0 && isDigit(w[0]):
			if _, ok := attr.ParseDate(w); ok {
				return true // a date
			}
		}
	}
	return false
}

// inSentence reports whether a status word in capitals found inside text
// is a word of its sentence, not a marker: in a question, the sentence
// that ends the text with "?" ("Ask: is the archive DONE collecting, or
// still growing?"; not "Windows — BLOCKED, no date yet. Can you chase
// them?"), or a place's OPEN, CLOSED or LIVE after "is" or "are" with
// the sentence going on in lower case ("Car park is OPEN from 6am"; not
// "Auth is BLOCKED on the review"). A word right after a dash or a colon
// opens a clause and marks.
func inSentence(text string, m marker.Match) bool {
	if m.Start == 0 {
		return false
	}
	before := strings.TrimRight(text[:m.Start], " *_")
	if strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, ":") {
		return false
	}
	if after := strings.TrimRight(text[m.End:], " *_"); strings.HasSuffix(after, "?") &&
		!strings.ContainsAny(after[:len(after)-1], ".!?—–;") && asksBefore(before) {
		return true // the question runs from before the word to the end
	}
	switch strings.ToUpper(text[m.Start:m.End]) {
	case "OPEN", "CLOSED", "LIVE":
	default:
		return false
	}
	if !suffixFold(before, " is") && !suffixFold(before, " are") && !suffixFold(before, "'s") && !suffixFold(before, "’s") {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimSpace(text[m.End:]), " ")
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// calledOff reports whether a dropping word says work was called off
// (cancelled, dropped, descoped, scrapped …), not judged (a check's
// "rejected: GPL dependency", a duplicate).
func calledOff(word string) bool {
	switch strings.ToLower(word) {
	case "cancelled", "canceled", "dropped", "descoped", "scrapped", "abandoned", "won't do", "not doing", "called off", "cut":
		return true
	}
	return false
}

// rerun reports whether a note asks for the work again ("cancelled by
// the runner timeout, rerun needed"): it was stopped, not called off.
func rerun(note string) bool {
	lower := strings.ToLower(note)
	return strings.Contains(lower, "rerun") || strings.Contains(lower, "re-run") || strings.Contains(lower, "retry") ||
		strings.Contains(lower, "try again")
}

// asksBefore reports whether the last sentence or clause of before opens
// a question: it holds a word that asks ("is the archive", "can we", "did
// it"), as "Ask: is the archive DONE collecting?" does and "Vendor
// contract BLOCKED, can legal help?" does not before its word.
func asksBefore(before string) bool {
	if i := strings.LastIndexAny(before, ".!?:;—–"); i >= 0 {
		before = before[i+1:]
	}
	for _, w := range strings.Fields(strings.ToLower(before)) {
		switch strings.Trim(w, ",\"'“”") {
		case "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "will", "would",
			"has", "have", "how", "what", "why", "when", "where", "who", "which":
			return true
		}
	}
	return false
}

// tickedParticiple returns the tick and the word of an item that ends
// with a tick and one word saying the work was done ("Venue ✅ booked",
// "Deposit ✅ paid", doneWords): the tick marks it, though not at either
// end. A list marks its plain items so only when two of them are
// (readListItems): one day of an itinerary "✅ booked" is no checklist.
func tickedParticiple(text string) (string, bool) {
	t := strings.TrimSpace(text)
	i := strings.LastIndexByte(t, ' ')
	if i < 0 {
		return "", false
	}
	word, rest := strings.TrimRight(t[i+1:], ".!"), strings.TrimRight(t[:i], " ")
	j := strings.LastIndexByte(rest, ' ')
	if j <= 0 {
		return "", false // no name before the tick
	}
	switch tick := rest[j+1:]; strings.TrimSuffix(tick, "\uFE0F") {
	case "✅", "✔", "☑":
		if len(word) <= 12 {
			var buf [12]byte
			w := string(appendLower(buf[:0], word))
			// in lower case: "✅ DONE" is a status word the vocabulary reads;
			// a request "✅ received" is acknowledged, not done
			return tick + " " + word, doneWords[w] && w != "received" && w == word
		}
	}
	return "", false
}

// suffixFold reports whether s ends with suffix, in any case.
func suffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// listItemMarker reads the marker of a plain list item's own text (its
// first paragraph p): a Logseq or org task word at its very start ("TODO",
// "NOW", "WAITING" …); an emphasized status label it opens with
// ("**In progress:** operator", "_Blocked_ — legal"); then the markers of
// any text (readMarker); last a trailing parenthetical status ("Website
// (ongoing)"). text is p's marker text, read once by the caller.
func (c *computer) listItemMarker(p ast.Node, text string, a attr.Item) declared {
	if p == nil {
		return declared{}
	}
	if m, ok := marker.LeadingKeyword(text); ok {
		return declared{true, m.State, text[m.Start:m.End]}
	}
	if em := leadingEmphasis(p, c.src); em != nil {
		label := markerText(em, c.src)
		if m, ok := c.vocab.Label(label); ok {
			return declared{true, m.State, label[m.Start:m.End]}
		}
	}
	d, text := c.markerBesideRead(p, a)
	if d.found && d.state == marker.Open {
		if _, note := lastNote(text); note != "" {
			if m, ok := c.vocab.Opens(note); ok && m.State == marker.Dropped && calledOff(note[m.Start:m.End]) && !rerun(note) {
				return declared{true, marker.Dropped, note[m.Start:m.End]} // "❌ Saturday pop-up — cancelled, hall double-booked"
			}
		}
	}
	if d.found {
		return d
	}
	if tick, ok := tickedParticiple(text); ok {
		return declared{true, marker.Done, tick} // "Venue ✅ booked"
	}
	if m, ok := c.vocab.TrailingStatus(text); ok {
		m = c.vocab.EarlierClause(text, m) // "— not addressed (embargoed until 2027)"
		return declared{true, m.State, text[m.Start:m.End]}
	}
	return c.statusAtEnd(p, text)
}

// lastSentence reads a status said in a sentence of its own at the end of
// an item: "Posters — printed and up in the shop. Done.", "… Blocked."; a
// last sentence that goes on ("Done except the API docs.") says none.
// Only a list marked otherwise reads it: in notes, "Reviewed the PR.
// Merged." tells what happened. Not a bare Closed, Skipped or Open, which
// say what a thing is ("Check the bakery. Closed."), nor in an item that
// asks a question.
func (c *computer) lastSentence(text string) declared {
	t := strings.TrimRight(text, " ")
	if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") {
		return declared{}
	}
	i := strings.LastIndex(t[:len(t)-1], ". ")
	if i < 0 {
		return declared{}
	}
	last := strings.TrimRight(t[i+2:], ".! ")
	return c.statusAlone(last, t)
}

// endStatus is the status an item's text ends with in a sentence or a
// clause of its own (lastSentence, lastComma).
func (c *computer) endStatus(text string) declared {
	if d := c.lastSentence(text); d.found {
		return d
	}
	return c.lastComma(text)
}

// lastComma reads a status said as the last clause after a comma:
// "Rate limiter benchmarks — @sam shared, done"; "not done, carry over"
// and "half done" say none.
func (c *computer) lastComma(text string) declared {
	t := strings.TrimRight(text, " .!")
	i := strings.LastIndex(t, ", ")
	if i < 0 {
		return declared{}
	}
	return c.statusAlone(t[i+2:], t)
}

// statusAlone is the state last, the end of item text t, says when it is
// nothing but a status word or phrase (lastSentence, lastComma).
func (c *computer) statusAlone(last, t string) declared {
	if strings.Count(last, " ") > 2 {
		return declared{} // more than a status phrase
	}
	switch strings.ToLower(last) {
	case "closed", "skipped", "open":
		return declared{} // "Check the bakery. Closed.": the shop's, not the task's
	}
	if strings.Contains(t, "?") {
		return declared{} // an answer's last step: "How do I reset it? … Done."
	}
	if m, ok := c.vocab.Opens(last); ok && m.End == len(last) {
		return declared{true, m.State, last[m.Start:m.End]}
	}
	return declared{}
}

// statusAtEnd reads a status written after the item's text, as action
// items list their fields, in an item that has an owner or a date: a bold
// or italic status label that ends it after a separator ("… — @yuki —
// **Open**") or a Status field after a separator ("… — Owner: @kim —
// Status: Open").
func (c *computer) statusAtEnd(p ast.Node, text string) declared {
	em := trailingEmphasis(p, c.src)
	first := indexStatusField(text, 0)
	if em == nil && first < 0 {
		return declared{} // most items: read no further
	}
	if a := attr.ReadNear(markerText(p, c.src), c); !a.Holds() {
		return declared{} // an action item lists its owner or date too: a timeline's "— Status: Resolved" is prose
	}
	if em != nil {
		label := markerText(em, c.src)
		if m, ok := c.vocab.Label(label); ok {
			return declared{true, m.State, label[m.Start:m.End]}
		}
	}
	for i := first; i >= 0; {
		before := strings.TrimRight(text[:i], " \t")
		if r, _ := utf8.DecodeLastRuneInString(before); before != "" && (strings.ContainsRune(marker.ClauseSeparators, r) || r == '(') {
			// after the item's text, not the item itself: a section's
			// "- **Status:** In review" field line is no item
			if m, ok := c.vocab.Opens(text[i+len("status:"):]); ok {
				base := i + len("status:")
				return declared{true, m.State, text[base+m.Start : base+m.End]}
			}
		}
		i = indexStatusField(text, i+1)
	}
	return declared{}
}

// statusField reads the state an item's own inline Status field gives
// (Dataview's "[status:: doing]", "status:: done"), which the attribute
// reader keeps among the item's fields.
func (c *computer) statusField(a attr.Item) declared {
	for _, f := range a.Fields {
		if strings.EqualFold(f.Key, "status") {
			if m, ok := c.vocab.Opens(f.Value); ok {
				return declared{true, m.State, f.Value[m.Start:m.End]}
			}
		}
	}
	return declared{}
}

// indexStatusField returns where "status:", in any case, first stands in
// text at or after from, or -1.
func indexStatusField(text string, from int) int {
	const field = "status:"
	for i := from; i+len(field) <= len(text); i++ {
		if text[i]|0x20 == 's' && strings.EqualFold(text[i:i+len(field)], field) {
			return i
		}
	}
	return -1
}

// trailingEmphasis returns the bold or italic inline n ends with (white
// space after it allowed) when a separator stands before it ("— **Open**"),
// or nil.
func trailingEmphasis(n ast.Node, src []byte) ast.Node {
	var last ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(src))) == "" && last != nil {
			continue
		}
		last = c
	}
	if last == nil || last.Kind() != ast.KindEmphasis {
		return nil
	}
	prev, ok := last.PreviousSibling().(*ast.Text)
	if !ok {
		return nil
	}
	before := strings.TrimRight(string(prev.Segment.Value(src)), " \t")
	r, _ := utf8.DecodeLastRuneInString(before)
	if before == "" || !strings.ContainsRune(marker.ClauseSeparators, r) {
		return nil // "- Status: **In review**" is a field line
	}
	return last
}

// markerBesideAttrs reads the marker of n, a list item's first paragraph
// or a heading, from text, its marker text, with its attributes set
// aside, and returns that text without them too. Attributes are not
// markers: "Ship ⏳ 2026-02-01" is open and scheduled, "Deploy ⛔ abc"
// waits on abc; "✅ <date>" and "❌ <date>" are both. A dropped note beats
// strikethrough: "~~Dark mode~~ (dropped)" and "~~Dark mode~~ ❌
// 2026-01-02" are dropped, not done.
func (c *computer) markerBesideAttrs(n ast.Node, text string) (declared, string) {
	return c.markerBesideRead(n, attr.ReadNear(text, c))
}

// markerBesideRead is markerBesideAttrs of a text whose attributes a are
// read already.
func (c *computer) markerBesideRead(n ast.Node, a attr.Item) (declared, string) {
	struck := leadingStrike(n, c.src)
	if a.HasMark && (!struck || a.Mark == marker.Dropped) {
		return declared{true, a.Mark, a.Mark.String()}, a.Text
	}
	text := a.Text
	if m, ok := c.vocab.TrailingStatus(text); ok && struck && m.State == marker.Dropped {
		return declared{true, m.State, text[m.Start:m.End]}, text
	}
	if struck {
		if word, ok := c.droppedInLastNote(text); ok {
			return declared{true, marker.Dropped, word}, text // "~~Book the offsite room~~ (offsite cancelled)"
		}
		if after := withoutShrug(afterStrike(n, c.src)); after != "" {
			if m, ok := c.vocab.Opens(after); ok && m.State == marker.Dropped {
				return declared{true, marker.Dropped, after[m.Start:m.End]}, text // "~~Upgrade node-sass~~ not needed, we moved to sass"
			}
		}
	}
	return readMarkerOf(c.vocab, n, text, c.src, marker.Prose), text
}

// choseOtherwise reports whether a struck task's note says another way was
// chosen over it: "— decided on a barn ceremony instead", "— opted for
// the hosted plan", "— went with Discourse". Not when the task was that
// choice ("~~Pick a forum~~ — went with Discourse", "~~Decide the venue~~
// — decided on the barn"), nor for what happened to it ("— went live on
// 3 Nov", "— switched on 14 Oct").
func choseOtherwise(text, note string) (string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(note), " ")
	verb := strings.ToLower(first)
	switch verb {
	case "decided", "opted":
	case "went", "chose", "settled", "switched":
		next, _, _ := strings.Cut(rest, " ")
		if !(verb == "went" && strings.EqualFold(next, "with") || strings.HasSuffix(strings.ToLower(strings.TrimRight(note, ".! ")), "instead")) {
			return "", false
		}
	default:
		return "", false
	}
	task, _, _ := strings.Cut(strings.TrimLeft(text, "~*_ "), " ")
	task = strings.ToLower(task)
	switch task {
	case "pick", "choose", "select", "decide", "settle", "switch", "find", "evaluate", "compare":
		return "", false // the task was the choice, and the note says how it went
	}
	if len(task) >= 3 && strings.HasPrefix(verb, task[:3]) {
		return "", false
	}
	return first, true
}

// withoutShrug is the words after a strike without the shrug they may
// open with: "nah, not worth it" says "not worth it".
func withoutShrug(after string) string {
	first, rest, _ := strings.Cut(after, " ")
	switch strings.ToLower(strings.TrimRight(first, ",.!")) {
	case "nah", "nope", "meh":
		return strings.TrimSpace(rest)
	}
	return after
}

// droppedInLastNote returns the dropped word, in any case, that the note
// text ends with holds anywhere, in brackets or after a dash: after a
// strikethrough it says why the work was struck ("(offsite cancelled)",
// "— decided against, too expensive"); so does a note that opens by
// saying it went away (struckAway), or that another way was chosen
// (choseOtherwise).
func (c *computer) droppedInLastNote(text string) (string, bool) {
	_, note := lastNote(text)
	note = strings.ReplaceAll(note, "’", "'") // "— can’t afford the venue"
	if word, ok := choseOtherwise(text, note); ok {
		return word, true // "~~Book the church~~ — decided on a barn ceremony instead"
	}
	if m, ok := c.vocab.Find(note, marker.Cell); ok && m.Kind == marker.Word && m.State == marker.Dropped && !c.doneAfterAll(note[m.End:]) {
		return note[m.Start:m.End], true
	}
	lower := strings.ToLower(note)
	for _, p := range struckAway {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		if c.doneAfterAll(note[len(p):]) || budgetWords(p) && paidAnyway(lower) {
			return "", false // "— moved to the Q4 board, shipped 2026-10-02", "— no budget left, paid out of pocket": done after all
		}
		return note[:len(p)], true // "~~Target develop~~ (retired in 2024)", "— moved to Q4"
	}
	return "", false
}

// doneAfterAll reports whether what a struck item's note says after the
// work was put off says it got done after all ("— postponed once,
// finished 2026-09-20").
func (c *computer) doneAfterAll(rest string) bool {
	m, ok := c.vocab.Find(rest, marker.Cell)
	return ok && m.State == marker.Done
}

// lastNote splits text at the note it ends with: the bracket it closes
// with ("Skylight (not doing this)"), else the clause after its last dash
// ("Phase 3 — 20%"). note is "" when there is neither.
func lastNote(text string) (name, note string) {
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndexByte(t, '('); i >= 0 {
			return t[:i], t[i+1 : len(t)-1]
		}
	}
	at, end := -1, 0
	for _, sep := range marker.ClauseDashes {
		if i := strings.LastIndex(t, sep); i > at {
			at, end = i, i+len(sep)
		}
	}
	if at < 0 {
		return t, ""
	}
	return t[:at], t[end:]
}

// crossMark reports whether an emoji is a cross (❌ ✖ ✗ ✘): before a
// struck item it says the work was crossed out, not done.
func crossMark(emoji string) bool {
	switch emoji {
	case "❌", "✖", "✖️", "✗", "✘", ":x:":
		return true
	}
	return false
}

// notLetter splits words at what is not a letter.
func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// paidAnyway reports whether a note, in lower case, says the work was
// paid for after all ("no budget left, paid out of pocket").
func paidAnyway(lower string) bool {
	return slices.Contains(strings.FieldsFunc(lower, notLetter), "paid")
}

// budgetWords reports whether a struckAway opening speaks of money.
func budgetWords(p string) bool {
	return strings.HasPrefix(p, "no budget") || strings.HasSuffix(p, "afford")
}

// struckAway open the note after a struck item that says it went away
// rather than got done: retired, moved or handed elsewhere, replaced, put
// off to a later plan ("— moved to Q4", "(postponed to next year)"), or
// not paid for ("— no budget", "— can't afford the operator").
var struckAway = []string{
	"retired", "moved to", "handed over", "replaced by", "postponed", "pushed to", "punted",
	"no budget", "can't afford", "cannot afford", "couldn't afford", // not "over budget by £180": a cost
	"verschoben", "pospuesto", "reporté", "rinviato", "adiado", // the same in other languages
}

// boxedState returns the state of a list item with a task box: the
// box's, unless the item's own text says plainly how the box is to be
// read.
//
// A cancellation beats either box: "❌ <date>", strikethrough with a
// dropped word ("~~Book the hall~~ (cancelled)"), or "n/a" opening the
// last note (notApplicable); an open box crossed out is dropped too. An open box is dropped
// by a note that cancels it ("duplicate (won't do)", "[CANCELLED]",
// "(Canceled) — merged into Beta"), and says how it is open when it is
// active or blocked, written as a label it opens with ("**Blocked:**
// legal"), a status emoji at either end ("Tax calc 🚧"), a note in
// brackets or after a dash ("[BLOCKED]", "(in review)", "— blocked until
// copy is final"), or a status word in capitals that ends it after a
// separator ("— WIP"). A word inside the sentence ("Add a filter for
// BLOCKED", "**Rejected** requests are archived", "(deprecated in 2.0)")
// is what the task is about: the box decides.
// a is the attributes read from the item's own text.
func (c *computer) boxedState(p ast.Node, box State, a attr.Item) State {
	if p == nil {
		return box
	}
	if a.HasMark && a.Mark == marker.Dropped {
		return marker.Dropped // ❌ <date>
	}
	rest := a.Text
	if notApplicable(rest) || box == marker.Done && opensNotApplicable(rest) {
		return marker.Dropped // "(n/a — no schema changes this release)", "- [x] N/A – no MEWPs on site"
	}
	if leadingStrike(p, c.src) {
		if m, ok := c.vocab.NoteStatus(rest); ok && m.State == marker.Dropped {
			return marker.Dropped
		}
		if _, ok := c.droppedInLastNote(rest); ok {
			return marker.Dropped // "- [ ] ~~Ledger rewrite~~ — moved to Q4"
		}
		if m, ok := c.vocab.Find(rest, marker.Prose); ok && m.Kind == marker.Word && m.State == marker.Dropped && !c.doneAfterAll(rest[m.End:]) {
			return marker.Dropped
		}
		if m, ok := c.vocab.Opens(withoutShrug(afterStrike(p, c.src))); ok && m.State == marker.Dropped {
			return marker.Dropped // "- [x] ~~Upgrade node-sass~~ not needed, we moved to sass"
		}
		if box == marker.Open && boxedStruck(p, c.src) {
			return marker.Dropped // crossed out, never ticked: "- [ ] ~~Support IE11~~"
		}
	}
	if box != marker.Open {
		return box
	}
	d := c.openBoxNote(p, rest)
	if !d.found {
		d = c.statusField(a)
	}
	switch {
	case d.found && d.state == marker.Dropped && cancelsTask(d.as):
		return marker.Dropped
	case d.found && (d.state == marker.Active || d.state == marker.Blocked):
		return d.state
	}
	return box
}

// openBoxNote reads what an open box's text says of its state (see
// boxedState); rest is the text with its attributes set aside.
func (c *computer) openBoxNote(p ast.Node, rest string) declared {
	if em := leadingEmphasis(p, c.src); em != nil {
		label := markerText(em, c.src)
		if m, ok := c.vocab.Label(label); ok && labelEnds(label, em, c.src) {
			return declared{true, m.State, label[m.Start:m.End]}
		}
	}
	if m, ok := c.vocab.NoteStatus(rest); ok {
		return declared{true, m.State, rest[m.Start:m.End]}
	}
	if d := c.statusAtEnd(p, rest); d.found {
		return d
	}
	if sign, ok := c.blockedBy(rest); ok {
		return declared{true, marker.Blocked, sign}
	}
	if share, ok := partlyDone(rest); ok {
		return declared{true, marker.Active, share} // "Port fraud features — ~60% done"
	}
	m, ok := c.vocab.Find(rest, marker.Prose)
	if !ok {
		return declared{}
	}
	if m.Kind == marker.Emoji {
		if w, ok := c.vocab.Opens(rest[m.End:]); ok {
			// the word the emoji stands before says it ("🚫 Cancelled"): a
			// word beats an emoji
			return declared{true, w.State, rest[m.End+w.Start : m.End+w.End]}
		}
		return declared{true, m.State, rest[m.Start:m.End]} // an emoji counts only at either end
	}
	before := strings.TrimRight(rest[:m.Start], " \t")
	last, _ := utf8.DecodeLastRuneInString(before)
	if strings.Trim(rest[m.End:], " \t.!") == "" && before != "" && (strings.ContainsRune(marker.ClauseSeparators, last) || last == ':') {
		return declared{true, m.State, rest[m.Start:m.End]} // "Migration dry-run — WIP"
	}
	return declared{}
}

// partlyDone reads a note after a clause separator that gives the share
// of the work done, some but not all of it ("— ~60% done", ", 3 of 4
// done", "(2/5 migrated)": doneWords), and returns the share as written.
// A share that opens the text names the work ("3 of 4 done services" is
// no note), and one of none or all of it says nothing the box does not.
func partlyDone(text string) (string, bool) {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isDigit(text[i-1]) {
			continue
		}
		before := strings.TrimRight(strings.TrimRight(text[:i], "~≈ \t"), " \t")
		r, _ := utf8.DecodeLastRuneInString(before)
		if before == "" || !strings.ContainsRune(marker.ClauseSeparators, r) && r != '(' && r != ',' {
			continue
		}
		window := text[i:min(len(text), i+120)] // a note is short, and a long line is read once
		end := strings.IndexAny(window, ")—–;")
		if end < 0 {
			end = len(window)
		}
		clause := strings.TrimSpace(text[i : i+end])
		for sp, k := 0, 0; k < len(clause); k++ {
			if clause[k] == ' ' {
				if sp++; sp == 8 {
					clause = clause[:k] // a note is short: "— 3 of 4 done" (and a long line is read once)
					break
				}
			}
		}
		if measuresMore(clause) {
			continue // "— 94% passing over the last 50 runs", "— 23/31 completed, 274 yards": a measure
		}
		if pct, ok := percentDone(clause); ok && pct > 0 && pct < 100 {
			return clause, true
		}
		if st, ok := shareCell(clause); ok && st == marker.Active {
			return clause, true
		}
	}
	return "", false
}

// opensWithKey reports whether text opens as a field line does, a key of
// at most three words and a colon ("Status: …", "Vendor reviews: …").
func opensWithKey(text string) bool {
	key, _, ok := strings.Cut(text, ":")
	return ok && strings.Count(strings.TrimSpace(key), " ") < 3 && !strings.ContainsAny(key, "—–(")
}

// measuresMore reports whether a share's clause measures something rather
// than tells how far the work is: tests passing, more figures after it
// ("23/31 completed, 274 yards"), or a period or a comparison ("61%
// completed onboarding in Nov", "vs 72%", "over the last 50 runs").
func measuresMore(clause string) bool {
	words := strings.Fields(strings.ToLower(clause))
	done := 1 // the word after the share: "60% done", "2/5 migrated"
	if len(words) > 2 && words[1] == "of" {
		done = 3 // "3 of 4 done"
	}
	for i, w := range words {
		w = strings.TrimRight(w, ".,;:!")
		if i < done {
			continue
		}
		switch w {
		case "passed", "passing", "pass", "over", "vs", "versus", "than", "per", "last", "compared", "average":
			return true
		case "in", "during", "since":
			if i+1 < len(words) && (marker.IsMonthName(strings.TrimRight(words[i+1], ".,;:")) || isDigit(words[i+1][0])) {
				return true
			}
		}
		if strings.ContainsAny(w, "0123456789") && !strings.HasPrefix(strings.TrimLeft(w, "(["), "#") {
			return true // a second figure; not an issue's "(#1210)"
		}
	}
	return false
}

// percentDone reads "60% done", a percentage followed by a word of
// doneWords.
func percentDone(clause string) (int, bool) {
	pct, rest, ok := strings.Cut(clause, "%")
	if !ok {
		return 0, false
	}
	n, isShare := percentage(pct + "%") // a progress cell's share: 0 to 100, no sign
	word, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	return n, isShare && doneWords[strings.ToLower(strings.TrimRight(word, ".,;:!"))]
}

// blockedBy reads a blocked sign that names what blocks the task in at
// most four words ending the text ("Sign contract ⛔ Legal", "Deploy 🛑
// waiting on the CAB"), and returns the sign.
func (c *computer) blockedBy(rest string) (string, bool) {
	for _, sign := range c.vocab.Emoji[marker.Blocked] {
		i := strings.LastIndex(rest, sign)
		if i <= 0 {
			continue
		}
		after := strings.TrimLeft(rest[i+len(sign):], "\uFE0F :")
		if n := len(strings.Fields(after)); n > 4 || strings.TrimSpace(rest[:i]) == "" || !namesBlocker(after) {
			continue // "Add a pause button ⏸ to the mini player": the sign is what the task is about
		}
		if _, says := c.vocab.Opens(after); says {
			continue // "🚫 Cancelled": the word decides
		}
		return sign, true
	}
	return "", false
}

// namesBlocker reports whether the words after a blocked sign name what
// blocks the task: a name (Legal, Security review, the CAB's acronym) or a
// clause saying it waits ("waiting on the CAB", "needs sign-off").
func namesBlocker(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if unicode.IsUpper(r) {
		return true
	}
	first, _, _ := strings.Cut(strings.ToLower(after), " ")
	switch first {
	case "waiting", "waits", "blocked", "pending", "needs", "awaiting", "until":
		return true
	}
	return false
}

// labelEnds reports whether an emphasized status label em ("**Blocked:**")
// is set off from the text after it, by its own punctuation or a colon or
// dash after it: "**Rejected** requests are archived" is a sentence.
func labelEnds(label string, em ast.Node, src []byte) bool {
	if t := strings.TrimRight(label, " \t"); strings.HasSuffix(t, ":") || strings.HasSuffix(t, "!") {
		return true
	}
	next, ok := em.NextSibling().(*ast.Text)
	if !ok {
		return em.NextSibling() == nil
	}
	after := strings.TrimLeft(string(next.Segment.Value(src)), " \t")
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || strings.ContainsRune(":—–-", r)
}

// boxCancels are the dropped words that, in an open task's note, say the
// task itself was cancelled; other dropped words (deprecated, rejected,
// superseded) name what the task is about unless the task is struck.
var boxCancels = map[string]bool{
	"CANCELLED": true, "CANCELED": true, "WONTFIX": true, "WON'T FIX": true, "WON'T DO": true,
	"DROPPED": true, "NOT PLANNED": true, "DESCOPED": true, "OUT OF SCOPE": true,
	"ABANDONED": true, "WITHDRAWN": true, "DUPLICATE": true, "SKIPPED": true, "NOT APPLICABLE": true,
	"NOT NEEDED": true, "WILL NOT FIX": true, "WILL NOT DO": true, "WON'T IMPLEMENT": true, "CUT": true,
	"DECIDED AGAINST": true, "NOT DOING": true, "CHANGED MY MIND": true, "CHANGED OUR MINDS": true, "DISCONTINUED": true,
}

// notApplicable reports whether a task's text ends with a note that says
// it does not apply: "n/a" opening a last bracket ("(N/A)", "(n/a — no
// schema changes)") or a last clause after a dash ("— n/a", "— N/A,
// Windows build dropped").
func notApplicable(text string) bool {
	t := strings.TrimRight(text, " \t.")
	if strings.HasSuffix(t, ")") || strings.HasSuffix(t, "]") {
		if i := strings.LastIndexAny(t, "(["); i >= 0 && opensWithNA(t[i+1:len(t)-1], " —–-:;") {
			return true // not "Parse cells (n/a, -, empty)"
		}
	}
	for _, sep := range marker.ClauseDashes {
		if i := strings.LastIndex(t, sep); i > 0 && opensWithNA(t[i+len(sep):], " —–-:;,(") {
			return true
		}
	}
	return false
}

// opensNotApplicable reports whether text opens with "N/A" and a dash or
// a colon, as a ticked step that did not apply says so ("N/A – no MEWPs
// on site this week"; not "N/A handling in the importer").
func opensNotApplicable(text string) bool {
	t := strings.TrimLeft(text, " \t")
	if !opensWithNA(t, " —–-:") {
		return false
	}
	rest := strings.TrimLeft(t[3:], " ")
	return rest == "" || strings.ContainsRune("—–-:", firstRune(rest))
}

// opensWithNA reports whether s opens with "n/a" (any case), then nothing
// or one of then.
func opensWithNA(s, then string) bool {
	s = strings.TrimLeft(s, " \t")
	if len(s) < 3 || !strings.EqualFold(s[:3], "n/a") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[3:])
	return len(s) == 3 || strings.ContainsRune(then, r)
}

// cancelsTask reports whether a dropped marker as written is one of
// boxCancels.
func cancelsTask(as string) bool {
	w := strings.Join(strings.Fields(strings.ToUpper(strings.NewReplacer("’", "'", "ʼ", "'").Replace(as))), " ")
	return boxCancels[w]
}

// leadingEmphasis returns the bold or italic inline n opens with (white
// space and a task box before it allowed), or nil.
func leadingEmphasis(n ast.Node, src []byte) ast.Node {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(src))) == "" {
			continue
		}
		if _, box := c.(*tasklist.CheckBox); box {
			continue
		}
		if _, box := c.(*east.TaskCheckBox); box {
			continue
		}
		if c.Kind() == ast.KindEmphasis {
			return c
		}
		return nil
	}
	return nil
}

// leadingStrike reports whether the first inline of n that is not a
// checkbox, an emoji or text without letters and digits is struck
// through, or opens with a strikethrough inside bold, italics or a link
// (`**~~Old task~~**`, `[~~RFC-12~~](rfcs/12.md)`).
func leadingStrike(n ast.Node, src []byte) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *tasklist.CheckBox, *east.TaskCheckBox, *emojiast.Emoji:
			continue
		case *ast.Text:
			if !hasWordChar(string(c.Segment.Value(src))) {
				continue
			}
			return false
		case *east.Strikethrough:
			return true
		case *ast.Emphasis, *ast.Link:
			return leadingStrike(c, src)
		default:
			return false
		}
	}
	return false
}

// afterStrike returns the marker text that follows the strikethrough n
// opens with (leadingStrike), trimmed; "" when there is none.
func afterStrike(n ast.Node, src []byte) string {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *east.Strikethrough:
			if c.NextSibling() == nil {
				return "" // most struck items: nothing after the strike
			}
			var rest strings.Builder
			for m := c.NextSibling(); m != nil; m = m.NextSibling() {
				writeMarkerNode(&rest, m, src)
			}
			return strings.TrimSpace(rest.String())
		case *ast.Emphasis, *ast.Link:
			if leadingStrike(c, src) {
				return ""
			}
		}
	}
	return ""
}

// entirelyStruck reports whether n's content is one strikethrough (and
// white space), alone or inside bold, italics or a link.
func entirelyStruck(n ast.Node, src []byte) bool {
	switch c := onlyInline(n, src).(type) {
	case *east.Strikethrough:
		return true
	case *ast.Emphasis, *ast.Link:
		return entirelyStruck(c, src)
	}
	return false
}

// boxedStruck reports whether the text after a task box is crossed out:
// one strikethrough (alone or inside bold, italics or a link), then
// nothing but a full stop or a note in brackets ("- [ ] ~~Support IE11~~",
// "~~Support IE11~~ (no longer needed)"), not a struck name followed by
// its replacement ("~~Use Redis~~ Use Postgres", "~~Use Redis~~ — use
// Postgres").
func boxedStruck(p ast.Node, src []byte) bool {
	c := p.FirstChild()
	for ; c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *tasklist.CheckBox, *east.TaskCheckBox:
			continue
		case *ast.Text:
			if strings.TrimSpace(string(n.Segment.Value(src))) == "" {
				continue
			}
		}
		break
	}
	switch n := c.(type) {
	case *east.Strikethrough:
	case *ast.Emphasis, *ast.Link:
		if !entirelyStruck(n, src) {
			return false
		}
	default:
		return false
	}
	var rest strings.Builder
	for n := c.NextSibling(); n != nil; n = n.NextSibling() {
		writeMarkerNode(&rest, n, src)
	}
	after := strings.TrimSpace(rest.String())
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || strings.ContainsRune(".!(", r) || saysWhyNot(after) || tellsWhy(after) // "~~Use Redis~~ — use Postgres" replaces it
}

// imperatives open the task that replaces a struck one ("~~Email Sam~~
// Call Sam, he is quicker").
var imperatives = map[string]bool{
	"ask": true, "call": true, "email": true, "use": true, "order": true, "buy": true, "book": true, "send": true,
	"get": true, "try": true, "check": true, "ping": true, "text": true, "phone": true, "contact": true, "move": true,
	"write": true, "fix": true, "add": true, "make": true, "switch": true, "go": true, "pick": true, "hire": true,
	"confirm": true, "arrange": true, "give": true, "tell": true, "chase": true, "just": true, "swap": true,
}

// tellsWhy reports whether the words after a struck task are a sentence
// about it, with a verb of its own in its first four words ("recsys team
// is building their own", "— they already have one"), not the task that
// replaces it ("Use Postgres", "— use Postgres").
func tellsWhy(after string) bool {
	words := strings.Fields(strings.ToLower(strings.TrimLeft(after, "—–-: ")))
	for i, w := range words {
		w = strings.TrimRight(w, ".,;:!")
		switch w {
		case "instead", "still", "must", "should":
			return false // "Priya is away, ask Tom instead", "we still have to do this"
		case "did", "done", "sorted", "finished", "completed", "delivered", "arrived", "came", "fixed":
			return false // "I did this at the post office": it happened, struck as done
		case "need", "needs", "have", "has":
			if i+1 < len(words) && words[i+1] == "to" {
				return false // "I need to give them the notes"
			}
		}
		if imperatives[w] && (i == 0 || strings.HasSuffix(words[i-1], ",") || words[i-1] == "—" || words[i-1] == "–" || words[i-1] == "-") {
			return false // "Call Sam, he is quicker", "racks are too short, order two 42U racks": the task that replaces it
		}
	}
	if len(words) >= 2 {
		switch words[0] {
		case "they", "we", "he", "she", "i", "it", "you", "we're", "they're", "it's", "i'm":
			return true // "— they signed a 3-year deal with the incumbent"
		}
	}
	for i, w := range words {
		if i == 4 {
			break
		}
		switch strings.TrimRight(w, ",.;:") {
		case "is", "are", "was", "were", "has", "have", "had", "will", "won't", "already", "isn't", "aren't", "wasn't", "doesn't", "don't":
			return true
		}
	}
	return false
}

// saysWhyNot reports whether the clause after a struck task's dash says
// why it is not done ("— no perf-relevant changes", "— not in this
// release"), not what replaces it ("— use Postgres").
func saysWhyNot(after string) bool {
	clause := strings.TrimLeft(after, "—–-: ")
	if len(clause) == len(after) {
		return false
	}
	words := strings.Fields(strings.ToLower(clause))
	if len(words) == 0 {
		return false
	}
	switch strings.TrimRight(words[0], ",.;:") {
	case "no", "not", "nothing", "none", "never", "unnecessary", "irrelevant":
		return true
	}
	if len(words) >= 3 && !strings.ContainsAny(words[0], ",.;:") && !replacedBy(words) {
		switch words[1] {
		case "no", "not", "unavailable", "isn't", "wasn't", "cancelled", "canceled":
			return true // "— venue no longer available, replaced by online drop-ins"
		}
	}
	return false
}

// replacedBy reports whether a struck task's note goes on to the task
// that replaces it: a clause after a comma or a semicolon that opens with
// an imperative ("— 40 isn't enough, order 60 from the scouts"), or
// "instead", "swap" anywhere.
func replacedBy(words []string) bool {
	for i, w := range words {
		w = strings.TrimRight(w, ".,;:!")
		if w == "instead" || w == "swap" {
			return true
		}
		if i > 0 && (strings.HasSuffix(words[i-1], ",") || strings.HasSuffix(words[i-1], ";")) && imperatives[w] {
			return true
		}
	}
	return false
}

// entirelyEmphasized reports whether n's content is one bold or italic
// span (and white space).
func entirelyEmphasized(n ast.Node, src []byte) bool {
	_, ok := onlyInline(n, src).(*ast.Emphasis)
	return ok
}

// onlyInline returns the one inline of n that is not white space, or nil
// when there is none or more than one.
func onlyInline(n ast.Node, src []byte) ast.Node {
	var only ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(src))) == "" {
			continue
		}
		if only != nil {
			return nil
		}
		only = c
	}
	return only
}

func hasWordChar(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// markerText is the text markers are read from: like mdtext's plain text,
// but code spans, autolinks and wiki-links stand as marker.Opaque (visible,
// never a marker), and images and raw HTML are left out.
func markerText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeMarkerText(&b, n, src)
	return b.String()
}

func writeMarkerText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !writeMarkerNode(b, c, src) {
			return
		}
	}
}

// writeMarkerNode writes the marker text of one inline node; false at a
// nested block, where an item's own text stops.
func writeMarkerNode(b *strings.Builder, c ast.Node, src []byte) bool {
	switch c := c.(type) {
	case *ast.Text:
		b.Write(unescape(c.Segment.Value(src)))
		if c.SoftLineBreak() || c.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(c.Value)
	case *ast.CodeSpan, *ast.AutoLink:
		b.WriteRune(marker.Opaque)
	case *ast.RawHTML:
		if mdtext.SeparatesWords(c, src) {
			b.WriteByte(' ')
		}
	case *ast.Image, *tasklist.CheckBox, *east.TaskCheckBox:
		// not text
	case *emojiast.Emoji:
		if c.Value != nil && len(c.Value.Unicode) > 0 {
			b.WriteString(string(c.Value.Unicode))
		} else {
			b.WriteRune(marker.Opaque)
		}
	case mdtext.Labeler:
		if ownerFieldOpen(b.String()) {
			b.WriteString(c.PlainLabel()) // "[owner:: [[Lee Chen]]]": the person's note names the owner
		} else {
			b.WriteRune(marker.Opaque)
		}
	default:
		if c.Type() == ast.TypeBlock {
			return false // own text stops at nested blocks
		}
		writeMarkerText(b, c, src)
	}
	return true
}

// ownerFieldOpen reports whether text ends with an open Dataview owner
// field, "[owner:: " or "(assignee::", whose value a wiki-link is about to
// give.
func ownerFieldOpen(text string) bool {
	t := strings.TrimRight(text, " ")
	if !strings.HasSuffix(t, "::") {
		return false
	}
	t = t[:len(t)-2]
	key := t[strings.LastIndexAny(t, "[( ")+1:]
	return attr.FieldName(key) == "owner"
}

// unescape resolves backslash escapes and character references, as a
// reader sees them (a backslash-escaped "*" is "*", "&amp;" is "&").
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

// firstTextBlock returns a list item's first paragraph (or tight text
// block) when it is the item's first child: the item's own text.
func firstTextBlock(li ast.Node) ast.Node {
	c := li.FirstChild()
	if c != nil && (c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock) {
		return c
	}
	return nil
}

// checkBoxOf returns the state of a list item's task box, and whether it
// has one. goldmark's own TaskCheckBox is understood too.
func checkBoxOf(li ast.Node) (State, bool) {
	p := firstTextBlock(li)
	if p == nil {
		return marker.Open, false
	}
	switch cb := p.FirstChild().(type) {
	case *tasklist.CheckBox:
		return cb.State, true
	case *east.TaskCheckBox:
		if cb.IsChecked {
			return marker.Done, true
		}
		return marker.Open, true
	}
	return marker.Open, false
}
