package status

import (
	"strings"
	"unicode"

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
	switch n.Kind() {
	case ast.KindList:
		c.collectList(n, out)
	case east.KindTable:
		c.collectTable(n, out)
	case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindHeading,
		ast.KindParagraph, ast.KindTextBlock, ast.KindThematicBreak:
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
	type entry struct {
		li     ast.Node
		box    bool
		boxSt  State
		marker declared
		dash   declared // a status clause after a dash, read when the list is a tracker
	}
	var entries []entry
	listMarked := false
	plain, dashed, named, clocked := 0, 0, 0, 0
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		if li.Kind() != ast.KindListItem {
			continue
		}
		e := entry{li: li}
		e.boxSt, e.box = checkBoxOf(li)
		if !e.box && !c.cur.record && !c.opts.Record {
			plain++
			p := firstTextBlock(li)
			var text string
			if p != nil {
				text = markerText(p, c.src)
			}
			if opensWithClock(text) {
				clocked++
			}
			e.marker = c.listItemMarker(p)
			if !e.marker.found && p != nil {
				if strings.Contains(text, " ") {
					if m, ok := c.vocab.DashStatus(text); ok && !decisionWords[headingWords(text[m.Start:m.End])] {
						e.dash = declared{true, m.State, text[m.Start:m.End]}
						dashed++
						if namedWork(text[:m.Start]) {
							named++
						}
					} else if !ok {
						e.dash = c.emojiBeforeDash(text) // "**Theming** 🚧 — design in progress"
					}
				}
			}
			listMarked = listMarked || e.marker.found
		}
		entries = append(entries, e)
	}
	if clocked > 0 && clocked == plain {
		// a timeline ("14:19 — rollback attempted (blocked on config)")
		// tells what happened: its notes mark no work
		listMarked, dashed = false, 0
		for i := range entries {
			entries[i].marker = declared{}
		}
	}
	if listMarked || dashed >= 2 && dashed*2 > plain && named*2 >= dashed {
		// "1. Inventory extensions — done", "2. Run the suite — in
		// progress": a list whose items end so tracks them; one of
		// single names ("Linux — supported", "`blocked` — waiting on
		// upstream", "Green — done") is a key or a glossary
		for i := range entries {
			if entries[i].dash.found {
				entries[i].marker, listMarked = entries[i].dash, true
			}
		}
	}
	var lane declared
	if c.cur.lane.found && c.cur.heading != nil && !c.cur.record && !c.opts.Record && list.Parent().Kind() != ast.KindListItem {
		lane = c.cur.lane
		listMarked = true // on a board, under "## Done" every plain item is one, done
	}
	for _, e := range entries {
		var it *found
		var decl declared
		switch {
		case e.box:
			own := c.ownText(firstTextBlock(e.li))
			a := attr.Read(own) // read once, for the box's state and the item
			st := c.boxedState(firstTextBlock(e.li), e.boxSt, a)
			if st == marker.Open && lane.found {
				st = lane.state // a card in a board's Doing, Blocked or Done lane
			}
			it = c.newItemRead(e.li, st, SourceCheckbox, mdtext.Block(e.li, c.src), own, a)
			decl = declared{found: true, state: st, as: "done"}
		case listMarked:
			st := marker.Open
			if e.marker.found {
				st = e.marker.state
			} else if lane.found {
				st = lane.state
			}
			it = c.newItem(e.li, st, SourceList, mdtext.Block(e.li, c.src), c.ownText(firstTextBlock(e.li)))
			decl = e.marker
		}
		if it != nil {
			*out = append(*out, it)
		}
		var nested []*found
		for ch := e.li.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch == firstTextBlock(e.li) {
				continue
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
	for _, sep := range clauseDashes {
		i := strings.LastIndex(text, sep)
		if i < 0 {
			continue
		}
		if after := strings.Fields(text[i+len(sep):]); len(after) > 0 {
			value := strings.TrimRight(after[0], ",;.")
			if st, ok := valueCell(value); ok && strings.HasSuffix(value, "%") {
				return declared{true, st, value} // "KR1.4 Rollback in under 2 minutes — 40%"
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

// opensWithClock reports whether text opens with a time of day ("14:19",
// "9:05"), as a timeline's entries do.
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

// ownText is the text an item's date is read from: its own inline content
// without code.
func (c *computer) ownText(n ast.Node) string {
	if n == nil {
		return ""
	}
	return markerText(n, c.src)
}

// newItem makes an item for node n: text is what a reader sees, own the
// text its marker, dates and attributes are read from (code left out).
// The attributes are taken out of text; a heading item keeps its title
// as its text (its section's id and fields come from the heading), and
// its attributes are read all the same.
func (c *computer) newItem(n ast.Node, st State, src Source, text, own string) *found {
	return c.newItemRead(n, st, src, text, own, attr.Read(own))
}

// newItemRead is newItem with own's attributes read already (a).
func (c *computer) newItemRead(n ast.Node, st State, src Source, text, own string, a attr.Item) *found {
	it := &found{offset: c.offsetOf(n)}
	if c.cur != nil && c.cur.scope && st != marker.Done {
		st = marker.Dropped // out of scope: not planned, unless done (rule 8)
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
