// Package slug turns titles, headings and file names into the identifiers
// milepost uses in URLs and anchors.
//
// Make is the one slug function of the project: page URLs, section ids and
// [[Page#Heading]] fragments all go through it, so a link written against a
// heading always finds it. GitHub computes the GitHub-style anchor, which
// milepost emits as an extra anchor so links written against GitHub's
// rendering keep working. The package is pure: no I/O, no state.
package slug

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Make lower-cases s, keeps letters and digits of any script (and combining
// marks, but not the selectors that choose an emoji's look), turns runs of spaces, underscores and hyphens into one '-', and
// drops everything else (punctuation, URL-reserved characters, emoji).
// Leading and trailing hyphens are trimmed. The result is in composed
// form (NFC), as NFC makes names; it may be empty.
func Make(s string) string {
	return string(Append(make([]byte, 0, len(s)), s))
}

// Append appends Make(s) to dst: a caller that only compares the slug
// (with an id it has) need not make a string of it.
func Append(dst []byte, s string) []byte {
	s = NFC(s)
	start := len(dst)
	pendingDash, marks := false, false
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r < utf8.RuneSelf && r != ' ' && r != '_' && r != '-' && !asciiSpace(r):
			continue // ASCII punctuation
		case unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r):
			r = unicode.ToLower(r)
		case r == ' ' || r == '_' || r == '-' || unicode.IsSpace(r):
			pendingDash = true
			continue
		default:
			continue
		}
		if pendingDash && len(dst) > start {
			dst = append(dst, '-')
		}
		pendingDash = false
		dst = utf8.AppendRune(dst, r)
		marks = marks || isMark(r)
	}
	if marks {
		// punctuation taken out between two marks leaves them side by
		// side, maybe out of their canonical order: "۬!!֥" → "֥۬"
		dst = append(dst[:start], NFC(string(dst[start:]))...)
	}
	return dst
}

// NFC is s in Unicode's composed form: a name typed on one system and a
// file named on another (macOS writes "é" as "e" and a combining accent)
// give one slug, and wiki-links compare names so too. ASCII is left as it
// is, with no look-up.
func NFC(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFC.String(s)
		}
	}
	return s
}

// isMark reports whether r is a combining mark a slug keeps: an accent,
// not a variation selector (the invisible U+FE0F of "⚠️").
func isMark(r rune) bool {
	return unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Variation_Selector, r)
}

// asciiSpace reports whether r is an ASCII character unicode.IsSpace
// accepts.
func asciiSpace(r rune) bool {
	return r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
}

// Key names a tag, or anything else whose different names must never share
// one URL, by Make's slug where that loses nothing but case and the kind of
// separator ("Q4 plan", "q4-plan" and "Q4_Plan" are one name: "q4-plan").
// Where Make drops more ("C++", "C#" and "C" would all be "c"; "🚀" would
// be empty), the slug (or "tag") gets '_' and eight hex digits of the
// name's SHA-256 (of its lower case, runs of separators made '-'):
// "c_3fd05e6e". Make never writes '_', so such a key differs from every
// plain slug, and from every other name but for a hash collision.
func Key(name string) string {
	canonical := strings.ToLower(strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	}), "-"))
	s := Make(name)
	if s != "" && s == canonical {
		return s
	}
	if s == "" {
		s = "tag"
	}
	sum := sha256.Sum256([]byte(canonical))
	return s + "_" + hex.EncodeToString(sum[:4])
}

// GitHub returns the anchor GitHub gives a heading with the text s: lower
// case, every character that is not a letter, digit, mark, space, '-' or '_'
// removed, and each space replaced by '-' (runs are not collapsed).
func GitHub(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Set hands out unique ids within one document: the first use of an id is
// kept, later ones get -1, -2, … appended. An empty id becomes section-N,
// N counting from 1 within the document.
//
// Each call costs amortised constant time however the ids repeat: the set
// remembers, for each id it was asked for, the next suffix to try, so a
// page of 25,000 headings with the same text does not try h-1, h-2, … again
// for each one. A suffix is skipped at most once per id (only ids already
// taken are skipped, and the counter never goes back), so n calls try at
// most 2n candidates in all.
type Set struct {
	used  map[string]bool
	next  map[string]int // id → the first suffix not yet tried for it
	empty int
}

// Unique returns id, or id with the first free -N suffix.
func (s *Set) Unique(id string) string {
	s.init()
	if id == "" {
		for {
			s.empty++
			id = "section-" + strconv.Itoa(s.empty)
			if !s.used[id] {
				break
			}
		}
	}
	if !s.used[id] {
		s.used[id] = true
		return id
	}
	n := max(s.next[id], 1)
	for {
		c := id + "-" + strconv.Itoa(n)
		n++
		if !s.used[c] {
			s.next[id] = n
			s.used[c] = true
			return c
		}
	}
}

// Reserve marks id as used without returning a variant (explicit {#id}s).
func (s *Set) Reserve(id string) {
	s.init()
	s.used[id] = true
}

// Taken reports whether id is in use.
func (s *Set) Taken(id string) bool { return s.used[id] }

func (s *Set) init() {
	if s.used == nil {
		s.used = map[string]bool{}
		s.next = map[string]int{}
	}
}
