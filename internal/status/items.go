package status

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// found is an item while the page is being read: the Item plus where it
// starts in the source, which orders items.
type found struct {
	Item
	offset int
	node   ast.Node // the list item, table row or heading, marked with its state
}

// collectBlock appends the items of block n (rules 1-3) to out, in
// document order. Code, raw HTML and nested headings hold none.
func (c *computer) collectBlock(n ast.Node, out *[]*found) {
	if c.legend.nodes[n] {
		return // a legend is never items
	}
	if c.cur != nil && c.cur.template {
		return // a Definition of Done's boxes are criteria to check each story against
	}
	switch n.Kind() {
	case ast.KindList:
		c.collectList(n, out)
	case ast.KindFencedCodeBlock:
		c.collectGantt(n.(*ast.FencedCodeBlock), out)
	case east.KindTable:
		c.collectTable(n, out)
	case ast.KindParagraph:
		c.collectBoxLines(n, out) // a checklist pasted as lines: "☐ Order boxes"
	case ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindHeading,
		ast.KindTextBlock, ast.KindThematicBreak:
		// no items
	default:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Type() == ast.TypeBlock {
				c.collectBlock(ch, out)
			}
		}
	}
}

// collectList applies rules 1 and 2 to one list: every item with a task box
// is an item; plain items are items when one of them carries a marker
// (unmarked ones are then open). Nested blocks are read on their own, after
// their parent item.
func (c *computer) collectList(list ast.Node, out *[]*found) {
	entries, listMarked := c.readListItems(list)
	if c.boxStyles(entries) {
		return // "- [/] incomplete", "- [-] canceled": a key to a theme's boxes
	}
	if !listMarked && list.Parent().Kind() == ast.KindDocument && c.cur.heading != nil && !c.cur.record && noBoxes(entries) {
		c.cur.plainLists = append(c.cur.plainLists, list) // a later phase's plan, maybe (phaseLists)
	}
	var lane declared
	if !c.cur.record && !c.opts.Record && list.Parent().Kind() != ast.KindListItem {
		switch {
		case c.cur.lane.found && c.cur.heading != nil:
			lane = c.cur.lane
			listMarked = true // on a board, under "## Done" every plain item is one, done
		default:
			if l := c.labelLane(list); l.found {
				lane, listMarked = l, true // a stand-up's "**Done:**" over its list
			}
		}
	}
	tasksOnly := c.outline && !lane.found && keywordsOnly(entries) // a Logseq journal's notes and queries beside its TODOs are no tasks
	if listMarked && !lane.found && c.yesNoList(entries) && c.underSupportHeading() {
		listMarked = false // a README's "## Features" of ✅ and ❌ says what works, not how far work is
	}
	for _, e := range entries {
		var it *found
		var decl declared
		switch {
		case e.note:
			// a bullet journal's "– note" or "○ event"
		case e.box:
			own := c.ownText(firstTextBlock(e.li))
			a := attr.ReadNear(own, c) // read once, for the box's state and the item
			st := c.boxedState(firstTextBlock(e.li), e.boxSt, a)
			if st == marker.Open && lane.found {
				st = lane.state // a card in a board's Doing, Blocked or Done lane
			}
			it = c.newItemRead(e.li, st, SourceCheckbox, mdtext.Block(e.li, c.src), own, a)
			decl = declared{found: true, state: st, as: "done"}
		case listMarked && !(lane.found && !e.marker.found && saysNothing(mdtext.Block(e.li, c.src))) &&
			!(tasksOnly && !e.marker.found):
			st := marker.Open
			switch {
			case e.marker.found:
				st = e.marker.state
			case lane.found && e.dash.found:
				st = e.dash.state // a card's own "— done" beats its lane
			case lane.found && c.endStatus(e.own).found:
				st = c.endStatus(e.own).state // "— @sam shared, done", "… Done."
			case lane.found:
				st = lane.state
			case c.cur.statusOnly.found && c.cur.heading != nil && list.Parent().Kind() != ast.KindListItem &&
				!c.criteriaLanes() && !saysNotYet(e.own):
				st = c.cur.statusOnly.state // "## Done": what its list leaves unmarked is done too
			}
			it = c.newItemRead(e.li, st, SourceList, mdtext.Block(e.li, c.src), e.own, e.ownAttrs())
			it.Text = withoutKeyword(it.Text)
			if sp := strings.IndexByte(it.Text, ' '); sp >= 0 && (e.marker.as == "•" || e.marker.as == "×") {
				it.Text = strings.TrimLeft(it.Text[sp:], " ") // a bullet journal's "• Pay car tax"
			}
			decl = e.marker
		}
		if it != nil && saysNothingAtAll(it.Text) {
			it = nil // "- > Clear out the loft" quotes; "- [ ]" alone is a blank to fill: nothing to name
		}
		if it != nil && it.Attributes().Owner == "" && c.roster != nil {
			if who := c.rosterOwner(it.Text); who != "" {
				t := it.Attributes()
				t.Owner = who
				it.keepAttrs(t)
			}
		}
		if it != nil && lane.found && actionTitles[lane.as] && it.Attributes().Owner == "" {
			if who := actionOwner(it.Text); who != "" {
				t := it.Attributes()
				t.Owner = who
				it.keepAttrs(t)
			}
		}
		if it != nil {
			*out = append(*out, it)
		}
		var nested []*found
		for ch := e.li.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch == firstTextBlock(e.li) {
				continue
			}
			if it != nil && c.nestedFields(ch, it) {
				continue // "- [ ] Upgrade Kubernetes" over "  - Owner: @nina"
			}
			c.collectBlock(ch, &nested)
		}
		*out = append(*out, nested...)
		if it != nil && decl.found && decl.state == marker.Done {
			c.checkDrift(decl, countOf(nested), it.offset, it.Text)
		}
		var direct []*found
		for _, n := range nested {
			if parentItem(n.node) == e.li {
				direct = append(direct, n)
			}
		}
		c.checkCookie(firstTextBlock(e.li), countOf(direct), countOf(nested), c.offsetOf(e.li))
	}
}

// yesNoList reports whether every plain item of a list opens with a yes
// or a no mark (yesNoMark), as a README lists what a tool does.
func (c *computer) yesNoList(entries []listEntry) bool {
	plain := 0
	for _, e := range entries {
		if e.box {
			continue
		}
		plain++
		if !c.yesNoMark(strings.TrimSpace(e.own)) {
			return false
		}
	}
	return plain > 0
}

// withoutKeyword returns an item's text without the Logseq or org task
// word it opens with, which says its state, not what it is ("NOW Write
// the intro" is "Write the intro"); todo.txt's "x <date>" stays.
func withoutKeyword(text string) string {
	m, ok := marker.LeadingKeyword(text)
	if !ok || m.End-m.Start < 2 {
		return text
	}
	if rest := strings.TrimLeft(text[m.End:], " \t:"); rest != "" {
		return rest
	}
	return text
}

// actionOwner returns who an action item of minutes names as its owner:
// a name of one or two capitalised words it opens with (after "ACTION:",
// "AI:" or "TODO:") followed by "to" or "will": "ACTION: Dana to send the
// report", "Priya will circulate the survey". Else "": "Budget: approve
// the spend" and "Security — rotate the keys" name a topic as often as a
// person.
func actionOwner(text string) string {
	t := strings.TrimSpace(text)
	for again := true; again; {
		again = false
		for _, p := range []string{"ACTION:", "Action:", "AI:", "TODO:"} {
			if rest, ok := strings.CutPrefix(t, p); ok {
				t, again = strings.TrimSpace(rest), true
			}
		}
	}
	words := strings.Fields(t)
	for n := 1; n <= 2 && n < len(words); n++ {
		if r, _ := utf8.DecodeRuneInString(words[n-1]); !unicode.IsUpper(r) {
			return ""
		}
		if next := words[n]; next == "to" || next == "will" {
			return strings.Join(words[:n], " ")
		}
	}
	return ""
}

// struckOut reports whether a plain list item's text opens struck
// through: under "## What we said no to" it is crossed off, not done.
func (c *computer) struckOut(li ast.Node) bool {
	p := firstTextBlock(li)
	return p != nil && leadingStrike(p, c.src)
}

// nestedFields reads a list nested under an item whose every entry is a
// known field ("- Owner: @nina", "- **Due date:** 2027-05-01", "- Depends
// on: INFRA-88") as the item's attributes, as an issue's checklist writes
// them, and reports whether it did.
func (c *computer) nestedFields(list ast.Node, it *found) bool {
	if list.Kind() != ast.KindList {
		return false
	}
	var buf [8][2]string
	fields := buf[:0] // on the stack for an issue's few fields
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		p := firstTextBlock(li)
		if p == nil || p.Lines().Len() != 1 || li.ChildCount() != 1 {
			return false
		}
		seg := p.Lines().At(0)
		line := string(seg.Value(c.src))
		if _, box := checkBoxOf(li); box {
			return false
		}
		key, value, ok := attr.FieldLine(line)
		if !ok {
			key, value, ok = strings.Cut(line, ":") // "Owner: @nina"
		}
		key, value = fieldKey(key), strings.TrimSpace(value)
		if !ok || value == "" || !attr.KnownField(key) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(value); attr.FieldName(key) == "owner" && unicode.IsLower(r) {
			return false // a schema's "- Owner: user id" describes a field, it names no one
		}
		fields = append(fields, [2]string{key, value})
	}
	for _, f := range fields {
		it.recordField(f[0], f[1], c)
	}
	return len(fields) > 0
}

// headerName is a header cell's text reduced to lower-case letters, so
// "**Status**", "📊 State" and "STATUS:" all name the status column.
func headerName(s string) string {
	var buf [32]byte
	name := buf[:0]
	for _, r := range s {
		if r = unicode.ToLower(r); r >= 'a' && r <= 'z' {
			name = append(name, byte(r))
		}
	}
	if string(name) == s {
		return s
	}
	return string(name)
}

func childrenOf(n ast.Node) []ast.Node {
	return appendChildren(nil, n)
}

// appendChildren appends n's children to dst.
func appendChildren(dst []ast.Node, n ast.Node) []ast.Node {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		dst = append(dst, c)
	}
	return dst
}

// ownText is the text an item's date is read from: its own inline content
// without code.
func (c *computer) ownText(n ast.Node) string {
	if n == nil {
		return ""
	}
	return markerText(n, c.src)
}

// criteriaLanes reports whether the section's heading, a lane's name,
// stands beside "## Ready": a team's definitions of ready and done,
// criteria, not work.
func (c *computer) criteriaLanes() bool {
	if c.cur.parent == nil {
		return false
	}
	for _, s := range c.cur.parent.children {
		if headingWords(s.bare) == "ready" {
			return true
		}
	}
	return false
}

// boxStyles reports whether a list of three task boxes or more is a key
// to the boxes a notes app draws: every item's text a state's name and
// no more ("- [ ] to-do", "- [/] incomplete", "- [-] canceled"), or a
// name such themes give their boxes ("- [>] forwarded", "- [?] question").
func (c *computer) boxStyles(entries []listEntry) bool {
	if len(entries) < 3 {
		return false
	}
	for _, e := range entries {
		if !e.box {
			return false
		}
	}
	for _, e := range entries {
		p := firstTextBlock(e.li)
		if p == nil || p.Lines().Len() != 1 || p.Lines().At(0).Stop-p.Lines().At(0).Start > 24 {
			return false // most checklists: a task longer than a style's name, read with no copy
		}
		text := strings.ToLower(strings.TrimSpace(mdtext.Block(p, c.src)))
		if _, ok := c.vocab.Label(text); !ok && !boxStyleNames[text] {
			return false
		}
	}
	return true
}

// boxStyleNames are what themes (Minimal, ITS) name their boxes beside
// the states: a key to them lists these.
var boxStyleNames = map[string]bool{
	"incomplete": true, "half done": true, "forwarded": true, "scheduled": true, "scheduling": true,
	"important": true, "question": true, "star": true, "quote": true, "location": true, "bookmark": true,
	"information": true, "info": true, "savings": true, "idea": true, "pros": true, "cons": true,
	"fire": true, "key": true, "win": true, "up": true, "down": true, "note": true, "amount": true,
	"speech bubble": true, "rescheduled": true, "migrated": true, "to-do": true, "todo": true,
}

// saysNothingAtAll reports whether an item's text is empty, a box with
// nothing after it ("[ ]"), or one Logseq or Roam macro ("{{query (task
// TODO)}}", "{{embed …}}"), which names no work.
func saysNothingAtAll(text string) bool {
	t := strings.TrimSpace(text)
	switch t {
	case "", "[ ]", "[x]", "[X]":
		return true
	}
	return strings.HasPrefix(t, "{{") && strings.HasSuffix(t, "}}") && strings.Count(t, "{{") == 1
}

// saysNotYet reports whether an item's text says it is not done yet:
// "Still need to call the plumber", "haven't booked it".
func saysNotYet(text string) bool {
	t := strings.ToLower(text)
	if strings.Contains(t, "?") {
		return true // "Ask: can we get a bigger budget?"
	}
	for _, plan := range [...]string{"still ", "tomorrow", "next ", "plan to", "planning to", "we should", "idea:", "idea ", "ask:", "todo:", "todo "} {
		if strings.HasPrefix(t, plan) {
			return true // "Tomorrow: call the bank", "Plan to run the DR game day"
		}
	}
	return strings.Contains(t, "need to") || strings.Contains(t, "haven't") ||
		strings.Contains(t, "have not") || strings.Contains(t, "not yet") || strings.Contains(t, "idea for")
}

// newItem makes an item for node n: text is what a reader sees, own the
// text its marker, dates and attributes are read from (code left out).
// The attributes are taken out of text; a heading item keeps its title
// as its text (its section's id and fields come from the heading), and
// its attributes are read all the same.
func (c *computer) newItem(n ast.Node, st State, src Source, text, own string) *found {
	return c.newItemRead(n, st, src, text, own, attr.ReadNear(own, c))
}

// newItemRead is newItem with own's attributes read already (a).
func (c *computer) newItemRead(n ast.Node, st State, src Source, text, own string, a attr.Item) *found {
	it := &found{offset: c.offsetOf(n)}
	if c.cur != nil && c.cur.scope && (st != marker.Done || src == SourceList && c.struckOut(n)) {
		st = marker.Dropped // out of scope: not planned, unless done (rule 8); struck there, crossed off
	}
	it.State = st
	it.Source = src
	it.Text = text
	it.node = n
	rest := own
	if a.Holds() {
		it.setAttributes(a)
		if stripped := attr.Strip(text, own, a.Spans); src != SourceHeading && stripped != "" {
			it.Text = stripped // an item that is nothing but attributes ("@alice") keeps them as its name
		}
		rest = a.Text
	}
	if st == marker.Done && it.Date == "" {
		if d, ok := marker.FirstDate(rest); ok {
			it.Date = d
		} else if due := it.Attributes().Due; due != "" && strings.Contains(strings.ToLower(own), "by "+due) {
			it.Date = due // "Migrated by 2026-03-01 (DONE)": done then, not only due
		} else if d := c.doneDayMonth(rest); d != "" {
			it.Date = d
		}
	}
	return it
}

// setAttributes keeps what attr read of an item's text.
func (it *found) setAttributes(a attr.Item) {
	if a.Done != "" && it.State == marker.Done {
		it.Date = a.Done
	}
	t := ItemAttrs{Due: a.Due, Start: a.Start, Scheduled: a.Scheduled, Created: a.Created, Cancelled: a.Cancelled,
		Owner: a.Owner, Priority: a.Priority, EstimateHours: a.EstimateHours, ID: a.ID, Depends: a.Depends}
	for _, f := range a.Fields {
		t.Fields = append(t.Fields, Field{Key: f.Key, Value: f.Value})
	}
	it.keepAttrs(t)
}

// countOf tallies items.
func countOf(items []*found) Counts {
	var c Counts
	for _, it := range items {
		c.Inc(it.State)
	}
	return c
}
