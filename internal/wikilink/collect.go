package wikilink

import (
	"github.com/yuin/goldmark/ast"
)

// Link is what a page summary keeps of one wiki-link: what was written and
// where, enough to resolve it and fill its placeholder after the AST is
// gone.
type Link struct {
	Target   string // as written, trimmed; "" for a link into the same page
	Fragment string // after the first '#': "Heading", "H1#H2", "^id"
	Label    string // as written after '|'; "" when none
	Embed    bool   // ![[...]]
	Line     int    // 1-based file line of the opening "[["
	Col      int    // 1-based byte column of the opening "[[" ("!" for embeds)
	Text     string // what a reader sees: Node.PlainLabel
	// Section is the id of the heading the link sits under ("" before the
	// first heading): the "Linked from … in <section>" of backlinks.
	Section string
	// Block is set for an embed that stands alone in its paragraph, where
	// block markup (a card) may be filled in.
	Block bool
	// InLink is set when the link sits inside a markdown link's text, where
	// only its label may be written (an <a> cannot hold another).
	InLink bool
}

// Positions maps byte offsets of a page body to file positions;
// *markdown.LineIndex is one.
type Positions interface {
	Position(offset int) (line, col int)
}

// Collect returns the links of doc in document order, numbering their
// nodes (Node.Index) to match, so that link i of the result is the one
// whose placeholder is Placeholder(i). lines may be nil (positions stay 0).
func Collect(doc ast.Node, lines Positions) []Link {
	var links []Link
	section := ""
	inLink := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				section = attrString(n, "id")
			}
		case *ast.Link:
			if entering {
				inLink++
			} else {
				inLink--
			}
		case *Node:
			if !entering {
				break
			}
			n.Index = len(links)
			l := Link{
				Target:   n.Target,
				Fragment: n.Fragment,
				Label:    n.Label,
				Embed:    n.Embed,
				Text:     n.PlainLabel(),
				Section:  section,
				Block:    n.Parent() != nil && n.Parent().Kind() == KindEmbedBlock,
				InLink:   inLink > 0,
			}
			if lines != nil {
				l.Line, l.Col = lines.Position(n.Offset)
			}
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	return links
}

// Written returns the link as its author wrote it, without brackets or
// label: "Tasks/X#Heading", "#^id".
func (l Link) Written() string {
	if l.Fragment == "" {
		return l.Target
	}
	return l.Target + "#" + l.Fragment
}
