package marker

import (
	"strings"
	"unicode"
)

// StripForID returns text with its status markers removed, the text a
// section id is made from: status emoji and status words go, together with
// a date or parenthesised note that directly follows them; struck text stays
// as text (strikethrough is markup, so text holds none).
//
//	"MCP wiki routing (bug) ✅ FIXED (2026-03-15)"   → "MCP wiki routing (bug)"
//	"did:web Verification ✅ COMPLETE"              → "did:web Verification"
//	"Week 3: E2E Testing + Polish ✅ E2E TESTS COMPLETE" → "Week 3: E2E Testing + Polish"
//
// What is removed:
//   - every status word in capitals (Prose rules);
//   - every status emoji in one of the three marker places, and with it a
//     status word that follows it in any case ("✅ Fixed");
//   - a status emoji anywhere that opens a run of capitalised words ending
//     in a status word: the whole run goes ("✅ E2E TESTS COMPLETE",
//     "✅ ALREADY DONE"), since it reads as one status note;
//   - after each of these, any run of ISO dates and parenthesised notes;
//   - org-mode progress cookies ("[2/5]", "[40%]"), which change as work
//     moves on.
//
// Separators left dangling at either end (" - ", ":", "|") are trimmed and
// spaces collapsed. When nothing but punctuation would remain ("DONE",
// "✅"), the trimmed text is returned unchanged, so a heading that is only a
// status word keeps an id of its own.
func (v *Vocabulary) StripForID(text string) string {
	text = withoutCookies(text)
	idx := v.compiled()
	if idx.plain(text) {
		return strings.TrimSpace(text)
	}
	return idx.stripForID(text)
}

// stripForID is StripForID read rune by rune.
func (idx *index) stripForID(text string) string {
	vw := newView(text)
	defer vw.release()
	capsWords := vw.unshouted(idx, resolveWords(vw.words(idx, false)))
	anyCase := resolveWords(vw.words(idx, true))

	spans := append([]wordMatch(nil), capsWords...)
	anyCaseAt, capsAt := byStart(anyCase), byStart(capsWords)
	for _, em := range vw.emojiMarkers(idx, anyCase) {
		end := vw.statusRunEnd(em.end, anyCaseAt, true)
		spans = append(spans, wordMatch{start: em.start, end: end})
	}
	for i := range vw.runes {
		if _, end, ok := vw.emojiAt(idx, i); ok {
			if runEnd := vw.statusRunEnd(end, capsAt, false); runEnd > end {
				spans = append(spans, wordMatch{start: i, end: runEnd})
			}
		}
	}
	if len(spans) == 0 {
		return strings.TrimSpace(text)
	}
	for i := range spans {
		spans[i].end = vw.notesEnd(spans[i].end)
	}
	keep := make([]bool, len(vw.runes))
	for i := range keep {
		keep[i] = true
	}
	for _, s := range spans {
		for k := s.start; k < s.end; k++ {
			keep[k] = false
		}
	}
	var b strings.Builder
	for i := range vw.runes {
		if keep[i] {
			b.WriteString(text[vw.offs[i]:vw.offs[i+1]])
		} else {
			b.WriteByte(' ')
		}
	}
	out := tidy(b.String())
	if !strings.ContainsFunc(out, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return strings.TrimSpace(text)
	}
	return out
}

// statusRunEnd looks past rune i for a run of capitalised words (or, when
// direct is set, a status word in any case right away) that ends in one of
// the given word matches, and returns where that run's last status word
// ends; i when there is none.
func (vw *view) statusRunEnd(i int, words map[int]wordMatch, direct bool) int {
	best := i
	pos := i
	for first := true; ; first = false {
		q := pos
		for q < len(vw.runes) && isBlank(vw.runes[q]) {
			q++
		}
		if q == pos && pos != i {
			return best
		}
		if m, ok := words[q]; ok && (direct && first || vw.isCapsRun(m.start, m.end)) {
			best, pos = m.end, m.end
			continue
		}
		end := vw.capsToken(q)
		if end < 0 {
			return best
		}
		pos = end
	}
}

// byStart indexes matches by their first rune.
func byStart(ms []wordMatch) map[int]wordMatch {
	out := make(map[int]wordMatch, len(ms))
	for _, m := range ms {
		out[m.start] = m
	}
	return out
}

func (vw *view) isCapsRun(start, end int) bool {
	for _, r := range vw.runes[start:end] {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// capsToken returns the end of a capitalised token (letters in capitals,
// digits, '-', apostrophes, at least one letter) starting at i, or -1.
func (vw *view) capsToken(i int) int {
	if i >= len(vw.runes) || !vw.boundaryBefore(i) {
		return -1
	}
	j := i
	letters := 0
	for j < len(vw.runes) {
		r := vw.runes[j]
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '-' || isApostrophe(r):
		default:
			if unicode.IsLetter(r) {
				return -1
			}
			goto done
		}
		j++
	}
done:
	if letters == 0 || !vw.boundaryAfter(j) && vw.at(j) != '.' {
		return -1
	}
	return j
}

// notesEnd extends a removal ending at rune i over the ISO dates and
// parenthesised notes that directly follow it.
func (vw *view) notesEnd(i int) int {
	for {
		q := i
		for q < len(vw.runes) && isBlank(vw.runes[q]) {
			q++
		}
		switch {
		case q < len(vw.runes) && vw.runes[q] == '(':
			depth := 0
			closeAt := -1
			for k := q; k < len(vw.runes); k++ {
				if vw.runes[k] == '(' {
					depth++
				} else if vw.runes[k] == ')' {
					depth--
					if depth == 0 {
						closeAt = k
						break
					}
				}
			}
			if closeAt < 0 {
				return i
			}
			i = closeAt + 1
		case q+10 <= len(vw.runes) && isISODateRunes(vw.runes[q:q+10]) && !unicode.IsDigit(vw.at(q+10)):
			i = q + 10
		default:
			return i
		}
	}
}

// tidy collapses runs of spaces and trims separators left dangling at the
// ends.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, empty := range []string{"( )", "()", "[ ]", "[]"} {
		s = strings.ReplaceAll(s, empty, "")
	}
	for _, p := range []string{".", ",", ";", ":", "!", "?"} {
		s = strings.ReplaceAll(s, " "+p, p)
	}
	s = strings.Join(strings.Fields(s), " ")
	const seps = " -–—:|,;/·•"
	return strings.Trim(s, seps)
}

// withoutCookies returns text with its progress cookies removed.
func withoutCookies(text string) string {
	for {
		c, ok := FindCookie(text)
		if !ok {
			return text
		}
		text = text[:c.Start] + " " + text[c.End:]
	}
}
