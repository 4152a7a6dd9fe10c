package wikilink

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer runs once per page after inline parsing: it gives block ids
// to blocks ending in " ^id", lifts lone embeds out of their paragraphs and
// numbers the links in document order (Collect numbers them again, the same
// way, so the numbers hold even if a later transformer moves nodes).
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var blocks []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock) {
			blocks = append(blocks, n)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range blocks {
		if !applyBlockID(b, src) {
			continue // b was merged into the block before it
		}
		if p, ok := b.(*ast.Paragraph); ok {
			liftEmbed(p, src)
		}
	}
	numberLinks(doc)
}

// numberLinks sets Index on every link in document order. A link inside an
// image's alt text cannot be a link: it becomes its label, as text.
func numberLinks(doc *ast.Document) {
	i, inImage := 0, 0
	var inAlt []*Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Image:
			if entering {
				inImage++
			} else {
				inImage--
			}
		case *Node:
			if !entering {
				break
			}
			if inImage > 0 {
				inAlt = append(inAlt, n)
				break
			}
			n.Index = i
			i++
		}
		return ast.WalkContinue, nil
	})
	for _, n := range inAlt {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString([]byte(n.PlainLabel())))
	}
}

// loneEmbed returns the embed that is the only content of p (blank text
// around it aside), or nil.
func loneEmbed(p *ast.Paragraph, src []byte) *Node {
	var found *Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *Node:
			if !c.Embed || found != nil {
				return nil
			}
			found = c
		case *ast.Text:
			if len(trimSpace(c.Segment.Value(src))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return found
}

// liftEmbed replaces p by an EmbedBlock holding its embed, keeping p's
// attributes (a block id).
func liftEmbed(p *ast.Paragraph, src []byte) {
	n := loneEmbed(p, src)
	if n == nil {
		return
	}
	b := &EmbedBlock{}
	b.SetLines(p.Lines())
	for _, a := range p.Attributes() {
		b.SetAttribute(a.Name, a.Value)
	}
	parent := p.Parent()
	parent.ReplaceChild(parent, p, b)
	n.Parent().RemoveChild(n.Parent(), n)
	b.AppendChild(b, n)
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
