package minify

import (
	"bytes"
	"io"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/xml"
)

// minifyXML removes comments and the whitespace-only text between elements
// (indentation) from an XML document such as sitemap.xml or an Atom/RSS
// feed, and nothing else: non-blank text, CDATA sections and attribute
// values keep their bytes. tdewolff's XML minifier collapses whitespace
// inside text too, which would flatten a <pre> block in a feed's escaped
// HTML, so this one is built on the same project's XML lexer instead.
//
// Whitespace is kept inside elements marked xml:space="preserve" and inside
// XHTML content (Atom's type="xhtml"), where it can be meaningful.
func minifyXML(data []byte) ([]byte, error) {
	const xhtmlNamespace = "http://www.w3.org/1999/xhtml"
	out := make([]byte, 0, len(data))
	lexer := xml.NewLexer(parse.NewInputBytes(data))
	// preserve[i] says whether whitespace matters inside the i-th open element.
	preserve := []bool{false}
	opening := false // between a start tag's name and its closing '>'
	pop := func() {  // tolerant of stray end tags: the outermost level stays
		if len(preserve) > 1 {
			preserve = preserve[:len(preserve)-1]
		}
	}
	lastAttribute := false // the token before was an attribute ("< ? >"'s "?")
	for {
		tt, token := lexer.Next()
		afterAttribute := lastAttribute
		lastAttribute = tt == xml.AttributeToken
		switch tt {
		case xml.ErrorToken:
			if lexer.Err() == io.EOF {
				return out, nil
			}
			return nil, lexer.Err()
		case xml.CommentToken:
			// dropped
		case xml.TextToken:
			if !preserve[len(preserve)-1] && len(bytes.TrimSpace(token)) == 0 {
				continue
			}
			out = append(out, token...)
		case xml.StartTagToken:
			preserve = append(preserve, preserve[len(preserve)-1])
			opening = true
			out = append(out, token...)
		case xml.AttributeToken:
			if opening {
				name, value := lexer.Text(), bytes.Trim(lexer.AttrVal(), `"'`)
				switch {
				case bytes.Equal(name, []byte("xml:space")):
					preserve[len(preserve)-1] = bytes.Equal(value, []byte("preserve"))
				case bytes.Equal(name, []byte("xmlns")) && bytes.Equal(value, []byte(xhtmlNamespace)):
					preserve[len(preserve)-1] = true
				}
			}
			if trimmed := bytes.TrimLeft(token, " \t\r\n"); len(trimmed) < len(token) {
				out = append(out, ' ')
				token = trimmed
			}
			out = append(out, token...)
		case xml.StartTagCloseToken:
			opening = false
			if len(out) > 0 && (out[len(out)-1] == '/' || out[len(out)-1] == '?' && afterAttribute) {
				// A start tag ending "/ >" or "? >" (a stray "/" or "?"
				// read as an attribute): written "/>" or "?>", it would
				// read back as an empty-element tag or a processing
				// instruction's end, and minifying again would change it.
				out = append(out, ' ')
			}
			out = append(out, token...)
		case xml.StartTagCloseVoidToken:
			opening = false
			pop()
			out = append(out, token...)
		case xml.EndTagToken:
			pop()
			out = append(out, token...)
		default: // DOCTYPE, CDATA, processing instructions
			out = append(out, token...)
		}
	}
}
