// Package mdtext reads the plain text out of goldmark nodes: what a reader
// sees of a heading, a list item's first paragraph or a table cell, with the
// markup removed and emoji kept (shortcodes become their emoji).
//
// Every stage that needs the words of a node (section ids, item texts,
// titles, search) uses it, so they all agree on what a heading says. Code
// spans keep their text; raw HTML is dropped. It is pure.
package mdtext

import (
	"bytes"
	"strings"

	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Labeler is implemented by inline nodes of our own extensions (wiki-links)
// that know the text they show.
type Labeler interface {
	PlainLabel() string
}

// Inline returns the plain text of n's inline content. Soft and hard line
// breaks become one space; runs of white space are kept as written.
func Inline(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src, false)
	return strings.TrimSpace(b.String())
}

// Title returns the text of a heading as a page title: Inline without
// images, whose alt text names a picture or a badge ("Go Report Card"),
// not the page, and with runs of white space made one space. It is ""
// for a heading of images alone.
func Title(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src, true)
	return strings.Join(strings.Fields(b.String()), " ")
}

// IsBadges reports whether a paragraph holds only images (badges, a logo),
// linked or not, and white space: a line of badges, not text.
func IsBadges(n ast.Node, src []byte) bool {
	p, ok := n.(*ast.Paragraph)
	if !ok || !p.HasChildren() {
		return false
	}
	images := 0
	var only func(n ast.Node) bool
	only = func(n ast.Node) bool {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Image:
				images++
			case *ast.Link:
				if !only(c) {
					return false
				}
			case *ast.Text:
				if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
					return false
				}
			case *ast.RawHTML:
			default:
				return false
			}
		}
		return true
	}
	return only(p) && images > 0
}

func writeInline(b *strings.Builder, n ast.Node, src []byte, noImages bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeNode(b, c, src, noImages)
	}
}

func writeNode(b *strings.Builder, n ast.Node, src []byte, noImages bool) {
	switch n := n.(type) {
	case *ast.Image:
		if !noImages {
			writeInline(b, n, src, noImages)
		}
	case *ast.Text:
		v := n.Segment.Value(src)
		if !n.IsRaw() {
			v = readable(v)
		}
		b.Write(v)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
	case *ast.AutoLink:
		b.Write(n.Label(src))
	case *ast.RawHTML:
		if SeparatesWords(n, src) {
			b.WriteByte(' ') // "Done<br>Released" reads as two words
		}
	case *emojiast.Emoji:
		if n.Value != nil && len(n.Value.Unicode) > 0 {
			b.WriteString(string(n.Value.Unicode))
		} else {
			b.Write(n.ShortName)
		}
	case Labeler:
		b.WriteString(n.PlainLabel())
	case *east.TaskCheckBox:
		// the box is not text
	default:
		if n.Type() == ast.TypeBlock {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			if n.HasChildren() {
				writeInline(b, n, src, noImages)
			} else {
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(src))
				}
			}
			return
		}
		writeInline(b, n, src, noImages)
	}
}

// SeparatesWords reports whether an inline HTML tag breaks the line or
// the block it stands in (<br>, <p>, </div>, <li> …), so that the text on
// either side reads as two words, as a browser shows it. Other tags
// (<span>, <b>) are markup inside a word.
func SeparatesWords(n *ast.RawHTML, src []byte) bool {
	var tag []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		tag = append(tag, seg.Value(src)...)
	}
	name := bytes.TrimLeft(bytes.TrimPrefix(tag, []byte("<")), "/")
	end := bytes.IndexFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') })
	if end < 0 {
		end = len(name)
	}
	switch strings.ToLower(string(name[:end])) {
	case "br", "p", "div", "li", "ul", "ol", "hr", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// readable resolves what a reader never sees as written: backslash escapes
// (\*) and character references (&amp; &#42;).
func readable(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// Block returns the plain text of a block node's own inline content: for a
// list item, the text of its first paragraph (nested lists excluded); for a
// heading, paragraph or table cell, its inline text.
func Block(n ast.Node, src []byte) string {
	switch n.Kind() {
	case ast.KindListItem:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock {
				return Inline(c, src)
			}
		}
		return ""
	}
	return Inline(n, src)
}
