package sanitize

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Extension returns a goldmark extension that sanitises raw HTML with s:
// node renderers for HTML blocks and inline raw HTML, and the transformer
// that drops the inline content of <script>-like elements.
func Extension(s *Sanitizer) goldmark.Extender {
	return extension{s: s}
}

type extension struct{ s *Sanitizer }

// Extend registers the renderers ahead of goldmark's own (a lower priority
// number wins) and the transformer ahead of heading ids and wiki-links, so
// dropped content has no section ids and no links.
//
// The transformer does the sanitising, in document order, so it can keep
// the page's raw elements balanced: a closing tag that closes nothing the
// page opened is dropped (it would otherwise close the theme's own
// elements), and what the page leaves open is closed at its end. The
// renderers write what the transformer stored on each node.
func (e extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{s: e.s}, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{s: e.s}, 50)))
}

// nodeRenderer writes the sanitised HTML the transformer stored on raw
// HTML nodes, and the closing tags of elements the page left open.
type nodeRenderer struct{ s *Sanitizer }

func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, r.block)
	reg.Register(ast.KindRawHTML, r.inline)
	reg.Register(ast.KindDocument, r.document)
}

func (r nodeRenderer) block(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	out := r.clean(n, src)
	if len(bytes.TrimSpace(out)) == 0 {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.Write(out)
	if out[len(out)-1] != '\n' {
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

func (r nodeRenderer) inline(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(r.clean(n, src))
	}
	return ast.WalkSkipChildren, nil
}

func (r nodeRenderer) document(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if v, ok := n.AttributeString(attrUnclosed); ok {
			_, _ = w.Write(v.([]byte))
		}
	}
	return ast.WalkContinue, nil
}

// clean returns the sanitised HTML of raw node n: the transformer's, or,
// for a node added after parsing, the sanitizer's own (unbalanced).
func (r nodeRenderer) clean(n ast.Node, src []byte) []byte {
	if v, ok := n.AttributeString(attrSanitized); ok {
		return v.([]byte)
	}
	return r.s.Fragment(rawHTML(n, src))
}

// Node attributes the transformer leaves for the renderers.
const (
	attrSanitized = "milepost-sanitized-html" // on raw HTML nodes
	attrUnclosed  = "milepost-unclosed-html"  // on the document: closing tags
)

// rawHTML returns the source of a raw HTML node: a block's lines and
// closure line, or an inline node's segments.
func rawHTML(n ast.Node, src []byte) []byte {
	var raw bytes.Buffer
	switch n := n.(type) {
	case *ast.HTMLBlock:
		writeSegments(&raw, n.Lines(), src)
		if n.HasClosure() {
			raw.Write(n.ClosureLine.Value(src))
		}
	case *ast.RawHTML:
		writeSegments(&raw, n.Segments, src)
	}
	return raw.Bytes()
}

func writeSegments(buf *bytes.Buffer, segs *text.Segments, src []byte) {
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		buf.Write(seg.Value(src))
	}
}

// transformer sanitises every raw HTML node of a document, in order,
// keeping the elements they open and close balanced, after removing the
// inline nodes between an opening tag of a
// skipped-content element (<script>, <style>, …) and its closing tag when
// both are raw HTML siblings in one paragraph, heading or cell. An opening
// tag without a closing one among its siblings drops nothing but itself
// (the sanitizer removes the tag), so a stray "<script>" in prose does not
// swallow the rest of the paragraph.
type transformer struct{ s *Sanitizer }

// token is one token of sanitised HTML: its bytes, and for tags the
// element name and whether it opens (a void element opens nothing).
type token struct {
	raw   []byte
	name  string
	opens bool // a start tag of a non-void element
	close bool // an end tag
}

// tokenize splits frag, sanitised HTML, into tokens.
func tokenize(frag []byte) []token {
	var out []token
	z := html.NewTokenizer(bytes.NewReader(frag))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		tok := token{raw: append([]byte(nil), z.Raw()...)}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			tok.name = string(name)
			tok.opens = !voidElements[tok.name]
		case html.EndTagToken:
			name, _ := z.TagName()
			tok.name, tok.close = string(name), true
		}
		out = append(out, tok)
	}
}

// balance returns the bytes of tokens without the closing tags that close
// nothing in open, and records in open the elements they leave open.
func balance(tokens []token, open *[]string) []byte {
	var out []byte
	kept := 0
	for _, tok := range tokens {
		switch {
		case tok.opens:
			*open = append(*open, tok.name)
		case tok.close:
			i := lastIndex(*open, tok.name)
			if i < 0 {
				continue
			}
			*open = (*open)[:i]
		}
		out = append(out, tok.raw...)
		kept++
	}
	if kept == 1 && len(tokens) == 1 {
		return tokens[0].raw // shared between the nodes of one fragment, never written
	}
	return out
}

func lastIndex(list []string, s string) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == s {
			return i
		}
	}
	return -1
}

// voidElements have no closing tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

var openTagRE = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9-]*)[\s/>]`)

var skipped = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range skippedContent {
		m[name] = true
	}
	return m
}()

func (t transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	dropSkippedContent(doc, src)
	// Pages repeat the same few tags ("<kbd>", "</kbd>", "<br>"), so each
	// distinct fragment is sanitised and tokenised once per document.
	seen := map[string][]token{}
	var open []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHTMLBlock, ast.KindRawHTML:
			raw := rawHTML(n, src)
			tokens, ok := seen[string(raw)]
			if !ok {
				tokens = tokenize(t.s.Fragment(raw))
				seen[string(raw)] = tokens
			}
			n.SetAttributeString(attrSanitized, balance(tokens, &open))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(open) > 0 {
		var closing bytes.Buffer
		for i := len(open) - 1; i >= 0; i-- {
			closing.WriteString("</" + open[i] + ">")
		}
		closing.WriteByte('\n')
		doc.SetAttributeString(attrUnclosed, closing.Bytes())
	}
}

// dropSkippedContent removes the inline nodes between raw opening and
// closing tags of skipped-content elements.
func dropSkippedContent(doc *ast.Document, src []byte) {
	var opens []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if raw, ok := n.(*ast.RawHTML); ok && entering {
			if name := openingTag(raw, src); skipped[name] {
				opens = append(opens, raw)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, open := range opens {
		if open.Parent() == nil {
			continue // inside content an earlier pair removed
		}
		name := openingTag(open, src)
		end := closingSibling(open, name, src)
		if end == nil {
			continue
		}
		parent := open.Parent()
		for n := open.NextSibling(); n != end; {
			next := n.NextSibling()
			parent.RemoveChild(parent, n)
			n = next
		}
	}
}

// openingTag is the lower-case element name of raw when it is an opening
// tag, "" otherwise.
func openingTag(raw *ast.RawHTML, src []byte) string {
	if raw.Segments.Len() == 0 {
		return ""
	}
	seg := raw.Segments.At(0)
	first := seg.Value(src)
	m := openTagRE.FindSubmatch(append(append([]byte(nil), first...), ' '))
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}

// closingSibling finds the first later sibling of open that is the raw
// closing tag </name>.
func closingSibling(open *ast.RawHTML, name string, src []byte) ast.Node {
	for n := open.NextSibling(); n != nil; n = n.NextSibling() {
		raw, ok := n.(*ast.RawHTML)
		if !ok || raw.Segments.Len() == 0 {
			continue
		}
		seg := raw.Segments.At(0)
		v := seg.Value(src)
		tag := strings.ToLower(strings.TrimRight(string(v), " \t\r\n>"))
		if tag == "</"+name {
			return raw
		}
	}
	return nil
}
