package attr

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/marker"
)

func isSelector(r rune) bool { return r == '\uFE0E' || r == '\uFE0F' }

// stripSelectors drops variation selectors: "⛔️" and "⛔" are one sign.
func stripSelectors(s string) string {
	if !strings.ContainsAny(s, "\uFE0E\uFE0F") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSelector(r) {
			return -1
		}
		return r
	}, s)
}

// skipSelectors returns the offset after any variation selectors at s[i:].
func skipSelectors(s string, i int) int {
	for i < len(s) {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isSelector(c) {
			break
		}
		i += size
	}
	return i
}

// afterSign returns where the value of a sign ending at i starts: past its
// variation selectors and the spaces after it.
func afterSign(s string, i int) int {
	return skipBlanks(s, skipSelectors(s, i))
}

// firstVisible returns the offset of the first rune that is not a space.
func firstVisible(s string) int {
	for i, c := range s {
		if !unicode.IsSpace(c) {
			return i
		}
	}
	return len(s)
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// joinsWord reports whether r, next to a token, makes it part of a longer
// one (a word, a number, a file name, code).
func joinsWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.' || r == marker.Opaque
}

// boundaryBefore reports whether a word may start at s[i]: the rune
// before it does not join words ('.' only when a letter or digit stands
// before it, so "v1.P2" joins and "done. P2" does not).
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	p, size := utf8.DecodeLastRuneInString(s[:i])
	if p == '.' {
		q, _ := utf8.DecodeLastRuneInString(s[:i-size])
		return i-size == 0 || !(unicode.IsLetter(q) || unicode.IsDigit(q))
	}
	return !joinsWord(p) && p != '/'
}

// boundaryAfter reports whether a word may end just before s[i].
func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	n, size := utf8.DecodeRuneInString(s[i:])
	if n == '.' {
		q, _ := utf8.DecodeRuneInString(s[i+size:])
		return i+size >= len(s) || !(unicode.IsLetter(q) || unicode.IsDigit(q))
	}
	return !joinsWord(n) && n != '/'
}

// idEnd returns the end of an id token at s[i:]: ASCII letters, digits,
// '_' and '-' (i when there is none).
func idEnd(s string, i int) int {
	for i < len(s) && (isASCIILetter(s[i]) || '0' <= s[i] && s[i] <= '9' || s[i] == '_' || s[i] == '-') {
		i++
	}
	return i
}

// notSurname are capitalised words a mention may be followed by that name
// no one: states, and words a clause opens with.
var notSurname = map[string]bool{
	"done": true, "blocked": true, "todo": true, "wip": true, "open": true, "closed": true, "merged": true,
	"please": true, "thanks": true, "today": true, "tomorrow": true, "asap": true, "eod": true,
}

// surnameEnd returns where a surname after a handle ends, when the
// handle is a capitalised first name and one more capitalised word follows
// it and ends the text or a clause, or comes before a date, as Confluence
// exports a mention ("@Wei Zhang", "@Carla Núñez, @Hugo Martins", "@Wei
// Zhang Mar 16, 2026"); else j, the handle's end. "@Alice Fix the login"
// names Alice.
func surnameEnd(s string, start, j int) int {
	if j+2 >= len(s) || s[j] != ' ' {
		return j
	}
	first, _ := utf8.DecodeRuneInString(s[start:j])
	if !unicode.IsUpper(first) || strings.ContainsFunc(s[start:j], func(r rune) bool { return !unicode.IsLetter(r) }) {
		return j // a handle written as one ("@dana", "@j.doe")
	}
	k := j + 1
	r, size := utf8.DecodeRuneInString(s[k:])
	if !unicode.IsUpper(r) {
		return j
	}
	end := k + size
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			break
		}
		end += size
	}
	if w := s[k:end]; !strings.ContainsFunc(w, unicode.IsLower) || marker.IsWeekday(w) || marker.IsMonthName(w) || notSurname[strings.ToLower(w)] {
		return j // "@Dana TODO", "@Sam Friday", "@Ana Done"
	}
	rest := strings.TrimLeft(s[end:], " ")
	switch {
	case rest == "":
		return end
	}
	if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(",;)]—–|·", r) {
		return end
	}
	if w, _, _ := strings.Cut(rest, " "); marker.DayMonth(rest) || isDate(w) || strings.HasPrefix(rest, "- ") {
		return end
	}
	return j
}

// handleEnd returns where the name of a handle starting at s[i] (after
// its "@") ends: a letter, then letters, digits, '_' and '-', of any
// script, with their combining marks (@jörg, @José, @Müller-Lüdenscheidt,
// @田中, @अमित); i when no letter stands there.
func handleEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !(unicode.IsLetter(r) || j > i && (unicode.IsDigit(r) || r == '_' || r == '-' || unicode.IsMark(r))) {
			break
		}
		j += size
	}
	return j
}

// idList reads a field's list of ids: "abc", "abc,def", "abc, def".
func idList(v string) ([]string, bool) {
	var ids []string
	for _, p := range strings.Split(v, ",") {
		p = strings.TrimSpace(p)
		if p == "" || idEnd(p, 0) != len(p) {
			return nil, false
		}
		ids = append(ids, p)
	}
	return ids, len(ids) > 0
}

// appendNew appends the ids list does not hold yet.
func appendNew(list []string, ids ...string) []string {
next:
	for _, id := range ids {
		for _, have := range list {
			if have == id {
				continue next
			}
		}
		list = append(list, id)
	}
	return list
}

func safeSlice(s string, i, j int) string {
	if j > len(s) {
		return ""
	}
	return s[i:j]
}

// urlRanges returns the whitespace-delimited tokens of s that are URLs
// (holding "://" or starting with "www."): nothing in them is read.
func urlRanges(s string) [][2]int {
	if !strings.Contains(s, "://") && !strings.Contains(strings.ToLower(s), "www.") {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(c) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			c, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(c) {
				break
			}
			j += size
		}
		tok := s[i:j]
		if strings.Contains(tok, "://") || len(tok) >= 4 && strings.EqualFold(tok[:4], "www.") {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// urlEnd returns the end of the URL starting at i, or i.
func (r *itemReader) urlEnd(i int) int {
	for _, u := range r.urls {
		if u[0] == i {
			return u[1]
		}
	}
	return i
}
