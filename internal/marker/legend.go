package marker

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A legend is a document's own list of markers and what they mean:
//
//	Legend: 💚 Done · 💛 In progress · 💔 Missing · ⛔ Not planned
//	Key: D = done, P = partial, X = dropped
//	Status key: ✅ shipped | 🚧 building | ❌ not started
//
// LegendBody finds the words that open one; ParseLegend reads its pairs.
// Which state a label means is the caller's business (the vocabulary, in
// a cell's any-case reading).

// LegendPair is one marker of a legend and the label it is given.
type LegendPair struct {
	Marker string // as written: an emoji, a :shortcode:, a letter or a short word
	Label  string
}

// legendOpeners open a legend, longest first. "key" needs a colon, so "Key
// results" is prose.
var legendOpeners = []string{"status legend", "status key", "legend", "key"}

// LegendBody reports whether text opens a legend ("Legend:", "Key:",
// "Status key —", "Legend" alone, any case) and returns what follows.
func LegendBody(text string) (string, bool) {
	t := strings.TrimSpace(text)
	for _, o := range legendOpeners {
		// the opener's bytes alone are compared: a paragraph is not
		// lower-cased whole to read its first word
		if len(t) < len(o) || !strings.EqualFold(t[:len(o)], o) {
			continue
		}
		rest := t[len(o):]
		r, _ := utf8.DecodeRuneInString(rest)
		if rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return "", false
		}
		trimmed := strings.TrimLeft(rest, " \t")
		if o == "key" && rest != "" && !strings.HasPrefix(trimmed, ":") && !strings.HasPrefix(trimmed, "\n") {
			return "", false
		}
		return strings.TrimSpace(strings.TrimLeft(trimmed, ":-–—=\n")), true
	}
	return "", false
}

// LegendOpenerLen is the length of the longest legend opener: a text's
// first LegendOpenerLen bytes after its leading spaces tell MayOpenLegend
// all it needs.
var LegendOpenerLen = func() int {
	n := 0
	for _, o := range legendOpeners {
		n = max(n, len(o))
	}
	return n
}()

// MayOpenLegend reports whether a text that begins with prefix (after
// leading spaces, at least LegendOpenerLen bytes of it, or all of the
// text) may open a legend: false means LegendBody reports no opener.
func MayOpenLegend(prefix string) bool {
	t := strings.TrimLeftFunc(prefix, unicode.IsSpace)
	for _, o := range legendOpeners {
		if len(t) >= len(o) && strings.EqualFold(t[:len(o)], o) {
			return true
		}
	}
	return false
}

// IsLegendTitle reports whether a heading's text names a legend section
// ("Legend", "Key", "Status key", "Status legend").
func IsLegendTitle(text string) bool {
	rest, ok := LegendBody(text)
	return ok && strings.Trim(rest, " :") == ""
}

// legendSeparators split the entries of a legend written on one line.
const legendSeparators = "·•|;,\n\t"

// ParseLegend reads the marker/label pairs of a legend's body. Entries are
// separated by ·, •, |, ;, commas, tabs or line breaks, and a new entry
// starts at every emoji that follows a label ("✅ Done 🚧 WIP"). An entry
// is a marker then its label ("✅ Done", "D = done", "P: partial",
// "X → dropped"), or a label then a trailing emoji ("Done ✅"). A piece
// with no marker continues the label before it ("✅ Done, merged").
func ParseLegend(body string) []LegendPair {
	var out []LegendPair
	for _, chunk := range strings.FieldsFunc(body, func(r rune) bool { return strings.ContainsRune(legendSeparators, r) }) {
		for _, piece := range splitAtEmoji(chunk) {
			piece = strings.TrimSpace(piece)
			if piece == "" {
				continue
			}
			if p, ok := legendPair(piece); ok {
				out = append(out, p)
			} else if len(out) > 0 {
				out[len(out)-1].Label += ", " + cleanLegendText(piece)
			}
		}
	}
	return out
}

// splitAtEmoji splits a chunk that opens with an emoji before every later
// emoji that follows white space.
func splitAtEmoji(chunk string) []string {
	t := strings.TrimSpace(chunk)
	if n := emojiPrefix(t); n == 0 {
		return []string{chunk}
	}
	var out []string
	start := 0
	prevSpace := false
	for i, r := range t {
		if i > 0 && prevSpace && emojiPrefix(t[i:]) > 0 {
			out = append(out, t[start:i])
			start = i
		}
		prevSpace = unicode.IsSpace(r)
	}
	return append(out, t[start:])
}

// legendPair reads one entry.
func legendPair(piece string) (LegendPair, bool) {
	if n := emojiPrefix(piece); n > 0 {
		return pairOf(piece[:n], strings.TrimLeft(piece[n:], " \t=:-–—→>"))
	}
	for _, sep := range []string{"=", "→", "->", ":", " - ", " – ", " — "} {
		if i := strings.Index(piece, sep); i > 0 {
			m := strings.TrimSpace(piece[:i])
			if utf8.RuneCountInString(m) <= 12 && len(strings.Fields(m)) <= 2 {
				return pairOf(m, piece[i+len(sep):])
			}
		}
	}
	if n := emojiSuffix(piece); n > 0 {
		return pairOf(piece[len(piece)-n:], strings.TrimRight(piece[:len(piece)-n], " \t=:-–—"))
	}
	if f := strings.Fields(piece); len(f) > 1 && utf8.RuneCountInString(cleanLegendText(f[0])) == 1 {
		return pairOf(f[0], strings.TrimSpace(piece[strings.Index(piece, f[0])+len(f[0]):]))
	}
	return LegendPair{}, false
}

func pairOf(m, label string) (LegendPair, bool) {
	p := LegendPair{Marker: cleanLegendText(m), Label: cleanLegendText(label)}
	return p, p.Marker != "" && p.Label != "" && strings.ContainsFunc(p.Label, unicode.IsLetter)
}

// cleanLegendText trims white space, emphasis and quotes left around a
// marker or label.
func cleanLegendText(s string) string {
	return strings.Trim(s, " \t*_\"'“”`")
}

// emojiPrefix returns the length in bytes of the emoji (with its
// variation selectors, skin tones and joined parts) or :shortcode: that s
// opens with, 0 when there is none.
func emojiPrefix(s string) int {
	if strings.HasPrefix(s, ":") {
		if end := strings.IndexByte(s[1:], ':'); end > 0 && isShortcodeName(s[1:1+end]) {
			return end + 2
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	if !IsEmojiRune(r) {
		return 0
	}
	i := n
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSelector(r) || r == '\u20E3' || (r >= 0x1F3FB && r <= 0x1F3FF):
			i += n
		case r == '\u200D':
			r2, n2 := utf8.DecodeRuneInString(s[i+n:])
			if !IsEmojiRune(r2) {
				return i
			}
			i += n + n2
		default:
			return i
		}
	}
	return i
}

// emojiSuffix returns the length in bytes of the emoji or :shortcode: s
// ends with, 0 when there is none.
func emojiSuffix(s string) int {
	s = strings.TrimRight(s, " \t")
	for i := range s {
		if n := emojiPrefix(s[i:]); n > 0 && i+n == len(s) && i > 0 {
			return n
		}
	}
	return 0
}

func isShortcodeName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '+' || r == '-') {
			return false
		}
	}
	return s != ""
}

// IsEmojiRune reports whether r is a pictographic symbol: the status emoji
// and the hearts, circles and squares legends use.
func IsEmojiRune(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2190 && r <= 0x21FF && r != '→' ||
		r >= 0x2300 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF || unicode.Is(unicode.So, r)
}

// LegendMarker returns s as the marker it is when it is only an emoji (or
// :shortcode:), with variation selectors removed, and whether it is.
func LegendMarker(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if n := emojiPrefix(s); n > 0 && n == len(s) {
		return stripSelectors(s), true
	}
	return "", false
}

// EmojiPrefix returns the emoji (or :shortcode:) s opens with, variation
// selectors removed, or "".
func EmojiPrefix(s string) string {
	s = strings.TrimSpace(s)
	return stripSelectors(s[:emojiPrefix(s)])
}
