package render

import (
	"io"
	"strings"
)

// The escaping html/template applies to a value by where it stands, for
// the markup drawn in Go (the fragments, the page): one function per
// context, each giving exactly the bytes html/template gives a string
// there, so a page drawn in Go equals the page its template draws.

// writer is what Go-drawn markup is written into: a strings.Builder for a
// fragment a template calls, the page's buffer for a page drawn whole.
type writer interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// escapeText escapes s for HTML text, RCDATA (title, textarea) and quoted
// attributes, as html/template's escapers do.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "<>&'\"+\x00") {
		return s
	}
	return htmlReplacer.Replace(s)
}

var htmlReplacer = strings.NewReplacer(
	"\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;",
)

// escapeURL is s as html/template writes it as the whole value of a
// quoted URL attribute (href, src): with a scheme other than http, https
// or mailto it is "#ZgotmplZ", else normalized (templateURL with norm)
// and escaped for the attribute.
func escapeURL(s string) string {
	if !safeScheme(s) {
		return "#ZgotmplZ"
	}
	return escapeText(templateURL(s, true))
}

// escapeURLPart is s as html/template writes it after the '?' or '#' of
// a URL attribute: every byte but the unreserved ones
// percent-encoded, which leaves nothing to escape for the attribute.
func escapeURLPart(s string) string { return templateURL(s, false) }

// safeScheme reports whether s is relative or its scheme is http, https
// or mailto (html/template's test before a URL attribute's value).
func safeScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// templateURL percent-encodes s with lower-case hex digits as
// html/template does: every byte but letters, digits and "-._~"; with
// norm (a whole URL) the reserved characters "!#$&*+,/:;=?@[]" and valid
// %XX escapes stay too. It returns s itself when nothing changes.
func templateURL(s string, norm bool) string {
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if urlUnreserved(c) || norm && (strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0 ||
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			continue
		}
		if done == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[done:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		done = i + 1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

const lowerHex = "0123456789abcdef"

func urlUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
