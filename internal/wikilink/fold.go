package wikilink

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/slug"
)

// fold returns the form names are compared in: lower case, with every
// space, '_' and '-' turned into '-' (runs are kept: "a  b" and "a-b" differ).
func fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// foldSegments folds segs and joins them with '/'.
func foldSegments(segs []string) string {
	n := 0
	for _, s := range segs {
		n += len(s) + 1
	}
	return string(appendFoldSegments(make([]byte, 0, n), segs))
}

// appendFoldSegments appends foldSegments(segs) to dst. A look-up folds
// into a buffer of its own and indexes a map with string(key), which
// allocates nothing.
func appendFoldSegments(dst []byte, segs []string) []byte {
	for i, s := range segs {
		if i > 0 {
			dst = append(dst, '/')
		}
		dst = appendFold(dst, s)
	}
	return dst
}

// appendFold appends fold(s) to dst, s in composed form (slug.NFC).
func appendFold(dst []byte, s string) []byte {
	s = slug.NFC(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				c = '-'
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			dst = append(dst, '-')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// splitPath splits a slash-separated path into its non-empty segments.
func splitPath(p string) []string { return appendSegments(nil, p) }

// appendSegments appends the non-empty segments of slash-separated path p
// to dst: a look-up passes a buffer on its stack.
func appendSegments(dst []string, p string) []string {
	for s := range strings.SplitSeq(p, "/") {
		if s != "" {
			dst = append(dst, s)
		}
	}
	return dst
}

// clean applies "." and ".." segments to base followed by rel, appending
// the result to dst. It reports false when ".." would climb above the
// content root.
func clean(dst, base, rel []string) ([]string, bool) {
	out := append(dst, base...)
	for _, s := range rel {
		switch s {
		case ".":
		case "..":
			if len(out) == len(dst) {
				return nil, false
			}
			out = out[:len(out)-1]
		default:
			out = append(out, s)
		}
	}
	return out, true
}

// dirSegments appends the folder segments of content path p to dst.
func dirSegments(dst []string, p string) []string {
	segs := appendSegments(dst, p)
	if len(segs) == len(dst) {
		return segs
	}
	return segs[:len(segs)-1]
}

// isIndexName reports whether a page file name (without .md) makes it the
// page of its folder.
func isIndexName(name string) bool {
	return strings.EqualFold(name, "index") || strings.EqualFold(name, "readme")
}
