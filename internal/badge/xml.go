package badge

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// svgWriter builds the badge markup: elements without white space between
// them, attributes in the order given, text and attribute values escaped
// with the same five entities shields uses.
type svgWriter struct {
	b bytes.Buffer // its bytes are the badge: no copy at the end
}

// svgSizeHint is about the size of a badge (1.1 to 1.4 KB): the builder is
// grown once instead of through every power of two below it.
const svgSizeHint = 1536

// attr is one attribute; elements list them in shields' order.
type attr struct{ name, value string }

func (w *svgWriter) start(name string, attrs ...attr) {
	w.tag(name, attrs)
	w.b.WriteByte('>')
}

func (w *svgWriter) end(name string) {
	w.b.WriteString("</")
	w.b.WriteString(name)
	w.b.WriteByte('>')
}

// empty writes a self-closing element.
func (w *svgWriter) empty(name string, attrs ...attr) {
	w.tag(name, attrs)
	w.b.WriteString("/>")
}

// element writes an element holding only text.
func (w *svgWriter) element(name, text string, attrs ...attr) {
	w.start(name, attrs...)
	w.text(text)
	w.end(name)
}

func (w *svgWriter) tag(name string, attrs []attr) {
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for _, a := range attrs {
		w.b.WriteByte(' ')
		w.b.WriteString(a.name)
		w.b.WriteString(`="`)
		w.text(a.value)
		w.b.WriteByte('"')
	}
}

func (w *svgWriter) text(s string) {
	escapeXML(&w.b, s)
}

func (w *svgWriter) bytes() []byte {
	return w.b.Bytes()
}

// escapeXML writes s with &, <, >, " and ' replaced by entities. It also
// keeps the document well-formed whatever s holds: code points XML 1.0
// does not allow (C0 controls but tab and line ends, surrogates, U+FFFE,
// U+FFFF) are left out, and invalid UTF-8 becomes U+FFFD.
func escapeXML(b *bytes.Buffer, s string) {
	if plainXML(s) {
		b.WriteString(s)
		return
	}
	for _, c := range s {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case utf8.RuneError:
			// Either U+FFFD itself or one invalid byte: U+FFFD both times.
			b.WriteRune(utf8.RuneError)
		default:
			if !notXMLChar(c) {
				b.WriteRune(c)
			}
		}
	}
}

// plainXML reports whether s is printable ASCII with nothing to escape,
// the common case, which escapeXML copies as it is.
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
}

// num writes a coordinate as JavaScript prints a number (shortest
// round-trip decimal, no exponent for the sizes a badge has), so
// 78.75 stays 78.75 and 129 has no fraction.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
