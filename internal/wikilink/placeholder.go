package wikilink

import (
	"bytes"
	"strconv"
)

// A placeholder is an HTML comment: left unfilled it shows nothing, and no
// text of a page can produce it, because the renderer escapes '<' in text,
// code and attributes and, unless raw HTML is allowed, drops raw HTML.
// Where raw HTML is allowed an author can write one; Fill then treats it
// like the link of that number, or leaves it alone when no such link exists.
const (
	placeholderOpen  = "<!--wikilink:"
	placeholderClose = "-->"
)

// Placeholder returns the token the renderer writes, as element content,
// for link i of a page.
func Placeholder(i int) string {
	return placeholderOpen + strconv.Itoa(i) + placeholderClose
}

// Fill returns html with every placeholder of a link number below n
// replaced by what f writes for it; other text, and placeholders of
// numbers n and above, are copied as they are. It reads html once. When
// html holds no placeholder it is returned as is. It also says where each
// link's HTML went, in the order the placeholders came: a later build
// that knows a page's links are unchanged can copy them from there
// instead of making them again.
func Fill(html []byte, n int, f func(i int, w *bytes.Buffer)) ([]byte, []Span) {
	return FillInto(new(bytes.Buffer), html, n, f)
}

// FillInto is Fill writing into out, which must be empty: the filled html
// is out's bytes, or html itself when it holds no placeholder.
func FillInto(out *bytes.Buffer, html []byte, n int, f func(i int, w *bytes.Buffer)) ([]byte, []Span) {
	open := []byte(placeholderOpen)
	first := bytes.Index(html, open)
	if first < 0 {
		return html, nil
	}
	var spans []Span
	out.Grow(len(html) + len(html)/4)
	rest := html
	for at := first; at >= 0; at = bytes.Index(rest, open) {
		i, size := parsePlaceholder(rest[at:])
		if size == 0 || i >= n {
			out.Write(rest[:at+len(open)])
			rest = rest[at+len(open):]
			continue
		}
		out.Write(rest[:at])
		start := out.Len()
		f(i, out)
		spans = append(spans, Span{Link: i, Start: start, End: out.Len()})
		rest = rest[at+size:]
	}
	out.Write(rest)
	return out.Bytes(), spans
}

// A Span is where what Fill wrote for link Link lies in its result:
// bytes Start to End.
type Span struct{ Link, Start, End int }

// parsePlaceholder reads the placeholder at the start of b and returns its
// number and length, or a length of 0 when b does not start with one in
// the exact form Placeholder writes.
func parsePlaceholder(b []byte) (i, size int) {
	p := len(placeholderOpen)
	start := p
	for p < len(b) && b[p] >= '0' && b[p] <= '9' && p-start < 9 {
		i = i*10 + int(b[p]-'0')
		p++
	}
	digits := p - start
	if digits == 0 || (digits > 1 && b[start] == '0') {
		return 0, 0
	}
	if !bytes.HasPrefix(b[p:], []byte(placeholderClose)) {
		return 0, 0
	}
	return i, p + len(placeholderClose)
}
