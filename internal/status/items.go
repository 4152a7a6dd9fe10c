package status

import (
	"strings"
	"unicode"

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
	}
	var entries []entry
	listMarked := false
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		if li.Kind() != ast.KindListItem {
			continue
		}
		e := entry{li: li}
		e.boxSt, e.box = checkBoxOf(li)
		if !e.box {
			e.marker = c.listItemMarker(firstTextBlock(li))
			listMarked = listMarked || e.marker.found
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		var it *found
		var decl declared
		switch {
		case e.box:
			it = c.newItem(e.li, e.boxSt, SourceCheckbox, mdtext.Block(e.li, c.src), c.ownText(firstTextBlock(e.li)))
			decl = declared{found: true, state: e.boxSt, as: "done"}
		case listMarked:
			st := marker.Open
			if e.marker.found {
				st = e.marker.state
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
			c.checkDrift(decl, countOf(nested), it.offset)
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

// collectTable applies rule 3: a table with a Status/State header, or else
// a column where at least half the body cells start with a status emoji, is
// a status table and each body row is an item.
func (c *computer) collectTable(table ast.Node, out *[]*found) {
	var header ast.Node
	var rows []ast.Node
	for ch := table.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.Kind() {
		case east.KindTableHeader:
			header = ch
		case east.KindTableRow:
			rows = append(rows, ch)
		}
	}
	col := c.statusColumn(header, rows)
	if col < 0 {
		return
	}
	for _, row := range rows {
		cells := childrenOf(row)
		st := marker.Open
		if col < len(cells) {
			if d := readMarker(c.vocab, cells[col], c.src, marker.Cell); d.found {
				st = d.state
			}
		}
		textCell := c.rowTextCell(cells, col)
		if len(cells) > 0 && entirelyStruck(cells[0], c.src) && st != marker.Dropped {
			st = marker.Done
		}
		var text string
		if textCell >= 0 {
			text = mdtext.Inline(cells[textCell], c.src)
		}
		var own []string
		for _, cell := range cells {
			own = append(own, c.ownText(cell))
		}
		*out = append(*out, c.newItem(row, st, SourceTable, text, strings.Join(own, " | ")))
	}
}

// rowTextCell returns the index of the cell that names a row: the first
// cell other than the status cell that holds a letter, so a numbering
// column ("#", "1") does not name rows; failing that, the first cell other
// than the status cell; -1 when there is none.
func (c *computer) rowTextCell(cells []ast.Node, col int) int {
	first := -1
	for i, cell := range cells {
		if i == col {
			continue
		}
		if first < 0 {
			first = i
		}
		if strings.ContainsFunc(mdtext.Inline(cell, c.src), unicode.IsLetter) {
			return i
		}
	}
	return first
}

// statusColumn returns the index of the status column, or -1 when the table
// is not a status table.
func (c *computer) statusColumn(header ast.Node, rows []ast.Node) int {
	if header != nil {
		for i, cell := range childrenOf(header) {
			if name := headerName(mdtext.Inline(cell, c.src)); name == "status" || name == "state" {
				return i
			}
		}
	}
	if len(rows) == 0 {
		return -1
	}
	width := 0
	for _, r := range rows {
		width = max(width, r.ChildCount())
	}
	for i := 0; i < width; i++ {
		n := 0
		for _, r := range rows {
			cells := childrenOf(r)
			if i < len(cells) && startsWithEmoji(c.vocab, markerText(cells[i], c.src)) {
				n++
			}
		}
		if n > 0 && 2*n >= len(rows) {
			return i
		}
	}
	return -1
}

// headerName is a header cell's text reduced to lower-case letters, so
// "**Status**", "📊 State" and "STATUS:" all name the status column.
func headerName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func childrenOf(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// ownText is the text an item's date is read from: its own inline content
// without code.
func (c *computer) ownText(n ast.Node) string {
	if n == nil {
		return ""
	}
	return markerText(n, c.src)
}

// newItem makes an item for node n.
func (c *computer) newItem(n ast.Node, st State, src Source, text, own string) *found {
	it := &found{offset: c.offsetOf(n)}
	if c.cur != nil && c.cur.scope && st != marker.Done {
		st = marker.Dropped // out of scope: not planned, unless done (rule 8)
	}
	it.State = st
	it.Source = src
	it.Text = text
	it.node = n
	if st == marker.Done {
		if d, ok := marker.FirstDate(own); ok {
			it.Date = d
		}
	}
	return it
}

// countOf tallies items.
func countOf(items []*found) Counts {
	var c Counts
	for _, it := range items {
		c.Inc(it.State)
	}
	return c
}

func startsWithEmoji(v *marker.Vocabulary, text string) bool {
	_, ok := v.StartsWithEmoji(text)
	return ok
}
