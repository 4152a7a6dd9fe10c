package badge

import (
	"sort"
	"strings"
	"unicode"
)

// cleanText prepares a label or message the way badge-maker does before
// measuring it: surrounding white space is trimmed with JavaScript's
// String.prototype.trim rules. Invalid UTF-8 becomes U+FFFD, as a
// JavaScript string would hold it. Code points XML cannot carry stay in
// (they count for the width as in shields) and are left out only when the
// SVG is written (see escapeXML).
func cleanText(s string) string {
	return strings.TrimFunc(strings.ToValidUTF8(s, "\uFFFD"), isJSWhiteSpace)
}

// isJSWhiteSpace reports whether String.prototype.trim removes c: the
// WhiteSpace and LineTerminator code points of ECMAScript.
func isJSWhiteSpace(c rune) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x00A0, 0x1680, 0x2028, 0x2029,
		0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return c >= 0x2000 && c <= 0x200A
}

// notXMLChar reports whether c may not appear in an XML 1.0 document.
func notXMLChar(c rune) bool {
	switch {
	case c == '\t' || c == '\n' || c == '\r':
		return false
	case c < 0x20:
		return true
	case c >= 0xD800 && c <= 0xDFFF:
		return true
	case c == 0xFFFE || c == 0xFFFF:
		return true
	}
	return c > unicode.MaxRune
}

// jsUpper upper-cases s as JavaScript's String.prototype.toUpperCase does
// (for-the-badge shows its text in capitals): Go's simple case mapping
// plus the expansions such as ß → SS.
func jsUpper(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		if up, ok := upperExpansion(c); ok {
			b.WriteString(up)
			continue
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// utf16Len is JavaScript's String.prototype.length: code points above
// U+FFFF count twice. for-the-badge adds letter spacing per unit of it.
func utf16Len(s string) int {
	n := 0
	for _, c := range s {
		n++
		if c > 0xFFFF {
			n++
		}
	}
	return n
}

// ellipsis ends a shortened label.
const ellipsis = "…"

// trimDangling reports whether a shortened label should not end in c:
// white space, and joiners or variation selectors left behind by a cut
// through an emoji sequence.
func trimDangling(c rune) bool {
	return isJSWhiteSpace(c) || c == 0x200D || c == 0xFE0E || c == 0xFE0F
}

// shorten cuts text so that fits(text) holds, replacing what it removes by
// an ellipsis. It removes whole code points from the end, and then the
// white space before the cut. When not even the ellipsis alone fits, the
// result is the ellipsis.
//
// fits must be monotone: when a text fits, so does each of its prefixes
// with the ellipsis (widths are never negative), which lets the longest
// fitting cut be found by binary search.
func shorten(text string, fits func(string) bool) string {
	if fits(text) {
		return text
	}
	cuts := make([]int, 0, len(text)) // byte offsets of code points, from 0
	for i := range text {
		cuts = append(cuts, i)
	}
	candidate := func(n int) string {
		return strings.TrimRightFunc(text[:cuts[n]], trimDangling) + ellipsis
	}
	// The longest cut that fits: cuts[0] = 0 is the ellipsis alone.
	n := sort.Search(len(cuts), func(n int) bool { return !fits(candidate(n)) }) - 1
	if n < 0 {
		return ellipsis
	}
	return candidate(n)
}
