package wikilink

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold returns the form names are compared in: lower case, with every
// space, '_' and '-' turned into '-' (runs are kept: "a  b" and "a-b" differ).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	foldInto(&b, s)
	return b.String()
}

// foldSegments folds segs and joins them with '/'.
func foldSegments(segs []string) string {
	n := 0
	for _, s := range segs {
		n += len(s) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range segs {
		if i > 0 {
			b.WriteByte('/')
		}
		foldInto(&b, s)
	}
	return b.String()
}

func foldInto(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				c = '-'
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			b.WriteByte('-')
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		i += size
	}
}

// splitPath splits a slash-separated path into its non-empty segments.
func splitPath(p string) []string {
	segs := strings.Split(p, "/")
	kept := segs[:0]
	for _, s := range segs {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// clean applies "." and ".." segments to base followed by rel. It reports
// false when ".." would climb above the content root.
func clean(base, rel []string) ([]string, bool) {
	out := make([]string, 0, len(base)+len(rel))
	out = append(out, base...)
	for _, s := range rel {
		switch s {
		case ".":
		case "..":
			if len(out) == 0 {
				return nil, false
			}
			out = out[:len(out)-1]
		default:
			out = append(out, s)
		}
	}
	return out, true
}

// dirSegments returns the folder segments of a content path.
func dirSegments(p string) []string {
	segs := splitPath(p)
	if len(segs) == 0 {
		return nil
	}
	return segs[:len(segs)-1]
}

// isIndexName reports whether a page file name (without .md) makes it the
// page of its folder.
func isIndexName(name string) bool {
	return strings.EqualFold(name, "index") || strings.EqualFold(name, "readme")
}
