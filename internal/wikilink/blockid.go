package wikilink

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Block ids. A paragraph or list item whose text ends in " ^id" (id made of
// ASCII letters, digits and '-') can be linked to as [[page#^id]]. The
// marker is removed from the text and the block gets the HTML id "^id"
// (the caret keeps block ids apart from heading ids, and "#^id" is how the
// link is written, so the URL reads the same). The id goes on the list item
// when the text is its first paragraph, otherwise on the paragraph. A
// paragraph holding nothing but "^id" gives the id to the block before it
// (a table, list or quote) and disappears.

// BlockIDPrefix starts the HTML id of a block carrying a block id.
const BlockIDPrefix = "^"

// BlockIDs returns the block ids of doc, without the caret, in document
// order.
func BlockIDs(doc ast.Node) []string {
	var ids []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if id := attrString(n, "id"); strings.HasPrefix(id, BlockIDPrefix) && len(id) > len(BlockIDPrefix) {
			ids = append(ids, id[len(BlockIDPrefix):])
		}
		return ast.WalkContinue, nil
	})
	return ids
}

// applyBlockID looks for a trailing block id in b (a Paragraph or
// TextBlock) and moves it into an id attribute. It reports whether b is
// still in the tree.
func applyBlockID(b ast.Node, src []byte) bool {
	last, ok := b.LastChild().(*ast.Text)
	if !ok {
		return true
	}
	val := last.Segment.Value(src)
	id, cut := trailingBlockID(val)
	if id == "" {
		return true
	}
	if cut > 0 && !isBlank(val[cut-1]) {
		return true
	}
	if cut == 0 {
		// "^id" alone on its line: it needs a line break or the block start before it.
		prev, isText := last.PreviousSibling().(*ast.Text)
		if last.PreviousSibling() != nil && (!isText || !(prev.SoftLineBreak() || prev.HardLineBreak())) {
			return true
		}
	}
	if cut == 0 && last.PreviousSibling() == nil {
		return !attachToPrevious(b, id)
	}
	holder := b
	if item := b.Parent(); item != nil && item.Kind() == ast.KindListItem && (item.FirstChild() == b || b.Kind() == ast.KindTextBlock) {
		holder = item
	}
	if _, taken := holder.AttributeString("id"); taken {
		return true
	}
	holder.SetAttributeString("id", []byte(BlockIDPrefix+id))
	if cut == 0 {
		prev := last.PreviousSibling()
		b.RemoveChild(b, last)
		if t, ok := prev.(*ast.Text); ok {
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(false)
		}
		return true
	}
	stop := last.Segment.Start + cut
	for stop > last.Segment.Start && isBlank(src[stop-1]) {
		stop--
	}
	last.Segment = last.Segment.WithStop(stop)
	last.SetSoftLineBreak(false)
	return true
}

// attachToPrevious gives id to the block before b, a paragraph that holds
// only "^id", and removes b. When there is no block before it, or the
// block already has an id, b stays as text. It reports whether b went.
func attachToPrevious(b ast.Node, id string) bool {
	prev := b.PreviousSibling()
	parent := b.Parent()
	if prev == nil || parent == nil || prev.Kind() == ast.KindHeading {
		return false
	}
	if _, taken := prev.AttributeString("id"); taken {
		return false
	}
	prev.SetAttributeString("id", []byte(BlockIDPrefix+id))
	parent.RemoveChild(parent, b)
	return true
}

// trailingBlockID finds "^id" at the end of val (trailing blanks ignored)
// and returns the id and the offset of the caret.
func trailingBlockID(val []byte) (id string, caret int) {
	end := len(val)
	for end > 0 && isBlank(val[end-1]) {
		end--
	}
	i := end
	for i > 0 && isIDByte(val[i-1]) {
		i--
	}
	if i == end || i == 0 || val[i-1] != '^' {
		return "", 0
	}
	return string(val[i:end]), i - 1
}

func isIDByte(c byte) bool {
	return c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func attrString(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}
