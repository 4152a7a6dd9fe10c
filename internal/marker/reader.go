package marker

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// view is a text with variation selectors removed and full-width brackets
// and colons read as ASCII ones (`（WIP）` is a note as `(WIP)` is), as
// runes, remembering where each rune stood in the original string.
type view struct {
	runes []rune
	offs  []int  // offs[i] is the byte offset of runes[i]; offs[len(runes)] == len(text)
	inURL []bool // inURL[i] is true when runes[i] belongs to a URL
}

func newView(text string) *view {
	v := views.Get().(*view)
	v.runes, v.offs = slices.Grow(v.runes[:0], len(text)), slices.Grow(v.offs[:0], len(text)+1)
	for i, r := range text {
		if isSelector(r) {
			continue
		}
		if r >= '（' && r <= '］' {
			r = halfWidth(r)
		}
		v.runes = append(v.runes, r)
		v.offs = append(v.offs, i)
	}
	v.offs = append(v.offs, len(text))
	v.inURL = slices.Grow(v.inURL[:0], len(v.runes))[:len(v.runes)]
	clear(v.inURL)
	if strings.Contains(text, "://") || containsWWW(text) {
		v.markURLs()
	}
	return v
}

// halfWidth returns the ASCII bracket or colon a full-width one stands
// for, or r.
func halfWidth(r rune) rune {
	switch r {
	case '（':
		return '('
	case '）':
		return ')'
	case '［':
		return '['
	case '］':
		return ']'
	case '：':
		return ':'
	}
	return r
}

// views are reused: every item, heading and cell text is read through
// one, several times over, and nothing keeps one past the call that
// made it.
var views = sync.Pool{New: func() any { return new(view) }}

// release hands v back for reuse; v must not be used after. A view of
// a rare long text is left to the collector.
func (v *view) release() {
	if cap(v.runes) <= 1<<12 {
		views.Put(v)
	}
}

// markURLs flags every rune of a whitespace-delimited token that holds
// "://" or starts with "www." (any case).
func (v *view) markURLs() {
	for i := 0; i < len(v.runes); {
		if unicode.IsSpace(v.runes[i]) {
			i++
			continue
		}
		j := i
		url := hasPrefixFold(v.runes[i:], "www.")
		for j < len(v.runes) && !unicode.IsSpace(v.runes[j]) {
			if !url && v.runes[j] == ':' && j+2 < len(v.runes) && v.runes[j+1] == '/' && v.runes[j+2] == '/' {
				url = true
			}
			j++
		}
		if url {
			for k := i; k < j; k++ {
				v.inURL[k] = true
			}
		}
		i = j
	}
}

// containsWWW reports whether s holds "www." in any case.
func containsWWW(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i+3] == '.' && (s[i]|0x20) == 'w' && (s[i+1]|0x20) == 'w' && (s[i+2]|0x20) == 'w' {
			return true
		}
	}
	return false
}

func hasPrefixFold(r []rune, prefix string) bool {
	if len(r) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if unicode.ToLower(r[i]) != rune(prefix[i]) {
			return false
		}
	}
	return true
}

func (v *view) at(i int) rune {
	if i < 0 || i >= len(v.runes) {
		return ' '
	}
	return v.runes[i]
}

// joinsWords reports whether r, standing next to a word, makes the word part
// of a longer token (READ_ACCESS=OPEN, TODO.md, P4-DONE).
func joinsWords(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
		r == '_' || r == '=' || r == '/' || r == '-'
}

// boundaryBefore reports whether a word may start at rune i.
func (v *view) boundaryBefore(i int) bool {
	p := v.at(i - 1)
	if p == '.' {
		q := v.at(i - 2)
		return !(unicode.IsLetter(q) || unicode.IsDigit(q))
	}
	return !joinsWords(p)
}

// boundaryAfter reports whether a word may end just before rune i.
func (v *view) boundaryAfter(i int) bool {
	n := v.at(i)
	if n == '.' {
		q := v.at(i + 1)
		return !(unicode.IsLetter(q) || unicode.IsDigit(q))
	}
	return !joinsWords(n)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// matchPhrase returns the end (exclusive, in runes) of phrase p matched at
// rune i, or -1.
func (v *view) matchPhrase(p *phrase, i int, foldCase bool) int {
	j := i
	for k, w := range p.words {
		if k > 0 {
			if j >= len(v.runes) || !isBlank(v.runes[j]) {
				return -1
			}
			for j < len(v.runes) && isBlank(v.runes[j]) {
				j++
			}
		}
		for _, want := range w {
			if j >= len(v.runes) {
				return -1
			}
			got := v.runes[j]
			switch {
			case want == '\'':
				if !isApostrophe(got) {
					return -1
				}
			case foldCase:
				if upper(got) != want {
					return -1
				}
			default:
				if got != want {
					return -1
				}
			}
			j++
		}
	}
	return j
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u00A0' }

// wordMatch is one status word found in a view, in rune positions.
type wordMatch struct {
	start, end int
	state      State
	length     int
}

// words returns every whole-word match in the view, at each start position
// the longest phrase, in text order. Matches inside URLs are skipped.
func (v *view) words(idx *index, foldCase bool) []wordMatch {
	var out []wordMatch
	for i, r := range v.runes {
		if !unicode.IsLetter(r) || v.inURL[i] || !v.boundaryBefore(i) {
			continue
		}
		first := r
		if foldCase {
			first = upper(r) // phrases are upper case
		}
		for _, pi := range idx.byFirst[first] {
			p := &idx.phrases[pi]
			end := v.matchPhrase(p, i, foldCase)
			if end < 0 || !v.boundaryAfter(end) {
				continue
			}
			if p.cell && !foldCase && !(p.tail && v.statusTail(i, end)) {
				continue // "returns 202 ACCEPTED while …" is prose
			}
			if len(p.words) == 1 && termOf[string(p.words[0])][v.nextWord(end)] {
				break // "WIP limits": a term the word opens
			}
			if !foldCase && v.valueNamedAt(i) && !v.dashBefore(i) {
				continue // "… triaged and marked RESOLVED by the SOC": a value named; not "Login page — moved to DONE"
			}
			out = append(out, wordMatch{start: i, end: end, state: p.state, length: p.length})
			break // phrases are sorted longest first
		}
	}
	return out
}

// namesValue are the words after which a status word in capitals is a
// value a sentence names, not the text's state: "marked RESOLVED", "set
// to DONE", "flagged BLOCKED".
var namesValue = map[string]bool{
	"marked": true, "mark": true, "marks": true, "flagged": true, "flag": true, "labelled": true,
	"labeled": true, "label": true, "tagged": true, "tag": true, "to": true, "as": true,
}

// valueNamedAt reports whether the word before rune at, past blanks, is
// one of namesValue: the mirror of nextWord, read into a stack buffer.
func (v *view) valueNamedAt(at int) bool {
	j := at
	for j > 0 && isBlank(v.runes[j-1]) {
		j--
	}
	k := j
	for k > 0 && unicode.IsLetter(v.runes[k-1]) {
		k--
	}
	var buf [24]byte
	word := buf[:0]
	for _, r := range v.runes[k:j] {
		if len(word) >= len(buf)-utf8.UTFMax {
			return false
		}
		word = utf8.AppendRune(word, unicode.ToLower(r))
	}
	return namesValue[string(word)]
}

// dashBefore reports whether a clause dash stands before rune at: the
// text after it is a note on what came before ("Login page — moved to
// DONE"), where a state named is the item's.
func (v *view) dashBefore(at int) bool {
	for k := 0; k < at; k++ {
		switch v.runes[k] {
		case '—', '–':
			return true
		case '-':
			if k > 0 && k+1 < at && isBlank(v.runes[k-1]) && isBlank(v.runes[k+1]) {
				return true
			}
		}
	}
	return false
}

// termOf names the terms a status word opens: "WIP limits" is Kanban's.
var termOf = map[string]map[string]bool{
	"WIP": {"limit": true, "limits": true},
}

// statusTail reports whether runes [i,end) end the text (but for spaces
// and a full stop or exclamation mark) after a dash or a colon: "Security:
// APPROVED", "Offline mode — REJECTED", where a word that a sentence
// could also use is a status (a list after a comma is not: "decides:
// APPROVED, REJECTED").
func (v *view) statusTail(i, end int) bool {
	for k := end; k < len(v.runes); k++ {
		if r := v.runes[k]; r == '(' && v.datedNote(k) {
			break // "— APPROVED (2026-07-02)": when
		} else if !isBlank(r) && r != '.' && r != '!' {
			return false
		}
	}
	k := i - 1
	for k >= 0 && isBlank(v.runes[k]) {
		k--
	}
	return k >= 0 && strings.ContainsRune("—–-:|", v.runes[k])
}

// datedNote reports whether the text from rune k on is a note in
// brackets that gives a date and ends the text: "(2026-07-02)", "(2 Jul)".
func (v *view) datedNote(k int) bool {
	rest := strings.TrimRightFunc(string(v.runes[k:]), isBlank)
	if !strings.HasSuffix(rest, ")") || strings.Count(rest, "(") != 1 {
		return false
	}
	inner := strings.TrimSpace(rest[1 : len(rest)-1])
	return len(inner) >= 10 && isISODate(inner[:10]) || DayMonth(inner) || SlashDate(inner)
}

// resolveWords drops every match that lies inside a longer overlapping one.
// ms is in text order (ascending start), so only neighbours within the
// longest match's span can overlap.
func resolveWords(ms []wordMatch) []wordMatch {
	span := 0
	for _, m := range ms {
		span = max(span, m.end-m.start)
	}
	out := ms[:0:0]
	for i, m := range ms {
		covered := false
		for j := i - 1; j >= 0 && ms[j].start > m.start-span && !covered; j-- {
			covered = overlapsLonger(ms[j], m)
		}
		for j := i + 1; j < len(ms) && ms[j].start < m.end && !covered; j++ {
			covered = overlapsLonger(ms[j], m)
		}
		if !covered {
			out = append(out, m)
		}
	}
	return out
}

func overlapsLonger(o, m wordMatch) bool {
	return o.length > m.length && o.start < m.end && m.start < o.end
}

// emojiAt returns the status emoji starting at rune i and its end.
func (v *view) emojiAt(idx *index, i int) (State, int, bool) {
	if i < 0 || i >= len(v.runes) || v.inURL[i] {
		return Open, 0, false
	}
	for _, e := range idx.emoji {
		if i+len(e.runes) > len(v.runes) {
			continue
		}
		ok := true
		for k, r := range e.runes {
			if v.runes[i+k] != r {
				ok = false
				break
			}
		}
		if ok {
			return e.state, i + len(e.runes), true
		}
	}
	return Open, 0, false
}

// firstVisible returns the index of the first non-space rune, or -1.
func (v *view) firstVisible() int {
	for i, r := range v.runes {
		if !unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

// trailingNotesStart returns the rune index where trailing ISO dates,
// parenthesised notes and spaces begin (len(runes) when there are none).
func (v *view) trailingNotesStart() int {
	end := len(v.runes)
	for {
		e := end
		for e > 0 && unicode.IsSpace(v.runes[e-1]) {
			e--
		}
		switch {
		case e > 0 && v.runes[e-1] == ')':
			depth := 0
			open := -1
			for k := e - 1; k >= 0; k-- {
				if v.runes[k] == ')' {
					depth++
				} else if v.runes[k] == '(' {
					depth--
					if depth == 0 {
						open = k
						break
					}
				}
			}
			if open < 0 {
				return e
			}
			end = open
		case e >= 10 && isISODateRunes(v.runes[e-10:e]) && (e == 10 || !unicode.IsDigit(v.runes[e-11])):
			end = e - 10
		case e > 1 && tagStart(v.runes[:e]) >= 0 && end == len(v.runes) && tagStart(trimSpaceRunes(v.runes[:tagStart(v.runes[:e])])) < 0:
			end = tagStart(v.runes[:e]) // "Organoid passage 🔄 #organoids": one tag after the emoji, not a post's "#coffee #smallbatch"
		case e > 1 && clockStart(v.runes[:e]) >= 0:
			end = clockStart(v.runes[:e]) // "Sat: long run 16 mi ✅ 2:14:30": a time after the emoji
		default:
			return e
		}
	}
}

// clockStart returns where a time or a duration that ends runes starts
// ("2:14:30", "47:05", "9:30"), after a space, or -1.
func clockStart(runes []rune) int {
	k, colons, digits := len(runes)-1, 0, 0
	for k >= 0 && (unicode.IsDigit(runes[k]) || runes[k] == ':') {
		if runes[k] == ':' {
			if digits != 2 {
				return -1
			}
			colons++
			digits = 0
		} else {
			digits++
		}
		k--
	}
	if colons == 0 || colons > 2 || digits == 0 || digits > 2 || k <= 0 || !unicode.IsSpace(runes[k]) {
		return -1
	}
	return k + 1
}

// trimSpaceRunes returns runes without the spaces that end them.
func trimSpaceRunes(runes []rune) []rune {
	for len(runes) > 0 && unicode.IsSpace(runes[len(runes)-1]) {
		runes = runes[:len(runes)-1]
	}
	return runes
}

// tagStart returns where a #tag that ends runes starts ("#organoids",
// "#q4-plan"), after a space, or -1.
func tagStart(runes []rune) int {
	k := len(runes) - 1
	for k >= 0 && (unicode.IsLetter(runes[k]) || unicode.IsDigit(runes[k]) || runes[k] == '-' || runes[k] == '_' || runes[k] == '/') {
		k--
	}
	if k <= 0 || runes[k] != '#' || k == len(runes)-1 || !unicode.IsSpace(runes[k-1]) {
		return -1
	}
	return k
}

// emojiMarkers returns the status emoji that stand in one of the three
// allowed places, in text order, as rune ranges.
func (v *view) emojiMarkers(idx *index, anyCaseWords []wordMatch) []wordMatch {
	var out []wordMatch
	add := func(i int) {
		if st, end, ok := v.emojiAt(idx, i); ok {
			for _, m := range out {
				if m.start == i {
					return
				}
			}
			out = append(out, wordMatch{start: i, end: end, state: st})
		}
	}
	if f := v.firstVisible(); f >= 0 {
		add(f)
	}
	for _, w := range anyCaseWords {
		k := w.start
		for k > 0 && isBlank(v.runes[k-1]) {
			k--
		}
		// an emoji ending at k (emoji are at most a few runes long)
		for s := k - 1; s >= 0 && s >= k-8; s-- {
			if _, end, ok := v.emojiAt(idx, s); ok && end == k {
				add(s)
				break
			}
		}
	}
	if t := v.trailingNotesStart(); t > 0 {
		for s := t - 1; s >= 0 && s >= t-8; s-- {
			if _, end, ok := v.emojiAt(idx, s); ok && end == t {
				add(s)
				break
			}
		}
	}
	sortByStart(out)
	return out
}

func sortByStart(ms []wordMatch) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// Find returns the marker text declares, read in context ctx, and whether
// there is one. See the package doc for the rules.
func (v *Vocabulary) Find(text string, ctx Context) (Match, bool) {
	idx := v.compiled()
	if ctx != Cell && idx.plain(text) {
		return Match{}, false
	}
	return idx.find(text, ctx)
}

// find is Find read rune by rune.
func (idx *index) find(text string, ctx Context) (Match, bool) {
	vw := newView(text)
	defer vw.release()
	words := resolveWords(vw.words(idx, ctx == Cell))
	if ctx != Cell {
		words = vw.unshouted(idx, words)
	}
	if len(words) > 0 {
		return vw.match(vw.choose(words), Word), true
	}
	if !idx.asciiEmoji && !hasNonASCII(text) {
		return Match{}, false // no emoji, so no emoji marker
	}
	anyCase := words
	if ctx != Cell {
		anyCase = vw.words(idx, true)
	}
	if em := vw.emojiMarkers(idx, anyCase); len(em) > 0 {
		return vw.match(em[0], Emoji), true
	}
	return Match{}, false
}

func (vw *view) match(m wordMatch, k Kind) Match {
	return Match{State: m.state, Kind: k, Start: vw.offs[m.start], End: vw.offs[m.end]}
}

// plain reports whether text, read case-sensitively, can hold no marker:
// plain ASCII (so no emoji, unless the vocabulary has ASCII ones) with no
// two upper-case letters in a row (so no upper-case phrase, when every
// phrase starts with two letters). Most headings and items are; they skip
// the rune-by-rune reading.
func (idx *index) plain(text string) bool {
	if idx.asciiEmoji || !idx.twoCaps {
		return false
	}
	prevUpper := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x80 {
			return false
		}
		upper := 'A' <= c && c <= 'Z'
		if upper && prevUpper {
			return false
		}
		prevUpper = upper
	}
	return true
}

// StartsWithEmoji reports whether the first visible character of text is a
// status emoji, and which state it declares (used to find a status column
// in a table without a Status header).
func (v *Vocabulary) StartsWithEmoji(text string) (State, bool) {
	vw := newView(text)
	defer vw.release()
	st, _, ok := vw.emojiAt(v.compiled(), vw.firstVisible())
	return st, ok
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
