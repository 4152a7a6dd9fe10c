package marker

import "unicode"

// Shouting is not a status. A status word written in capitals inside a
// shouted sentence that goes on past it ("PLEASE OPEN THE DOOR!",
// "I AM DONE WAITING FOR THIS") is prose. A run of capitals that ends
// with a status word ("E2E TESTS COMPLETE"), or that follows a status
// emoji ("✅ DONE SSO LOGIN"), stays a marker; so does a word with at most
// one capitalised word beside it ("TODO API docs", "P0 BLOCKED").

// unshouted drops the words of ms that stand inside a shouted sentence.
func (v *view) unshouted(idx *index, ms []wordMatch) []wordMatch {
	out := ms[:0:0]
	for _, m := range ms {
		if !v.shouted(idx, m) {
			out = append(out, m)
		}
	}
	return out
}

// shouted reports whether word m goes on, past its end, into a run of
// capitalised words with at least two other words in it (before and after
// together), and that run does not follow a status emoji.
func (v *view) shouted(idx *index, m wordMatch) bool {
	after := 0
	for pos := m.end; ; {
		q := pos
		for q < len(v.runes) && isBlank(v.runes[q]) {
			q++
		}
		if q == pos {
			break
		}
		end := v.capsToken(q)
		if end < 0 || end == q {
			break
		}
		after++
		pos = end
	}
	if after == 0 {
		return false
	}
	before, runStart := 0, m.start
	for {
		k := runStart
		for k > 0 && isBlank(v.runes[k-1]) {
			k--
		}
		if k == runStart {
			break
		}
		start := v.capsTokenBefore(k)
		if start < 0 {
			break
		}
		before++
		runStart = start
	}
	if before+after < 2 {
		return false
	}
	return !v.emojiEndsAt(idx, runStart)
}

// capsTokenBefore returns where the capitalised token that ends at rune k
// starts, or -1.
func (v *view) capsTokenBefore(k int) int {
	s := k
	for s > 0 {
		r := v.runes[s-1]
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '-' || isApostrophe(r) {
			s--
			continue
		}
		break
	}
	if s == k || v.capsToken(s) != k {
		return -1
	}
	return s
}

// emojiEndsAt reports whether a status emoji ends right before rune i,
// blanks between them allowed.
func (v *view) emojiEndsAt(idx *index, i int) bool {
	k := i
	for k > 0 && isBlank(v.runes[k-1]) {
		k--
	}
	for s := k - 1; s >= 0 && s >= k-8; s-- {
		if _, end, ok := v.emojiAt(idx, s); ok && end == k {
			return true
		}
	}
	return false
}
