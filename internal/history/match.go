package history

import (
	"sort"
	"strings"
	"unicode"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
)

// Similar is the least similarity (Dice coefficient of the two texts'
// words) at which an item left over in one version and an item left over
// in the next are one item reworded.
const Similar = 0.6

// maxPairs bounds the similarity pass: when more left-over pairs than
// this would be compared, only items at most window places apart (in
// their lists of left-overs) are.
const (
	maxPairs = 40000
	window   = 40
)

// Normalize is the text items are matched by: attributes (📅 2026-01-03,
// @dana, [due:: …]), status markers (✅ FIXED, DONE, 🚧), ISO dates and
// progress cookies taken out, lower case, every run of characters other
// than letters and digits (punctuation, emoji) made one space.
//
//	"~~Ship the login page~~ ✅ DONE (2026-03-15) @dana" → "ship the login page"
//
// When nothing would remain, the text itself is used, lowered.
func Normalize(text string, v *marker.Vocabulary) string {
	t := attr.Read(text).Text
	t = v.StripForID(t)
	t = withoutDates(t)
	var b strings.Builder
	space := false
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	if b.Len() == 0 {
		return strings.ToLower(strings.TrimSpace(text))
	}
	return b.String()
}

// withoutDates removes every ISO date (YYYY-MM-DD) from s.
func withoutDates(s string) string {
	for {
		d, ok := marker.FirstDate(s)
		if !ok {
			return s
		}
		s = strings.Replace(s, d, " ", 1)
	}
}

// match pairs the items of two versions, given their normalised texts:
// at[j] is the index in old of the item new[j] continues, or -1 for an
// item first seen in new.
//
//  1. Equal texts pair in order: the first "Write tests" of old with the
//     first of new, and so on.
//  2. Of the items left over, pairs whose words are at least Similar
//     alike, most alike first, then nearest in position.
func match(old, new []string) []int {
	at := make([]int, len(new))
	used := make([]bool, len(old))
	// Rule 1. Most versions change an item or two: the common start pairs
	// as rule 1 would pair it (each text's k-th copy in new with its k-th
	// copy in old), with no map. The rest pairs through first[text], the
	// first unpaired copy in old, and then[i], the copy after old[i].
	start := 0
	for start < len(old) && start < len(new) && old[start] == new[start] {
		at[start], used[start] = start, true
		start++
	}
	for j := start; j < len(new); j++ {
		at[j] = -1
	}
	if start < len(old) && start < len(new) {
		first := make(map[string]int, len(old)-start)
		then := make([]int, len(old))
		for i := len(old) - 1; i >= start; i-- {
			if k, ok := first[old[i]]; ok {
				then[i] = k
			} else {
				then[i] = -1
			}
			first[old[i]] = i
		}
		for j := start; j < len(new); j++ {
			if i, ok := first[new[j]]; ok && i >= 0 {
				at[j], used[i] = i, true
				first[new[j]] = then[i]
			}
		}
	}
	var leftOld, leftNew []int
	for i := range old {
		if !used[i] {
			leftOld = append(leftOld, i)
		}
	}
	for j := range new {
		if at[j] < 0 {
			leftNew = append(leftNew, j)
		}
	}
	if len(leftOld) == 0 || len(leftNew) == 0 {
		return at
	}
	type pair struct {
		i, j  int
		score float64
	}
	near := len(leftOld)*len(leftNew) > maxPairs
	oldWords := make([][]string, len(leftOld))
	for a, i := range leftOld {
		oldWords[a] = strings.Fields(old[i])
	}
	var pairs []pair
	for b, j := range leftNew {
		nw := strings.Fields(new[j])
		for a, i := range leftOld {
			if near && (a-b > window || b-a > window) {
				continue
			}
			if s := dice(oldWords[a], nw); s >= Similar {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		px, py := pairs[x], pairs[y]
		if px.score != py.score {
			return px.score > py.score
		}
		if dx, dy := abs(px.i-px.j), abs(py.i-py.j); dx != dy {
			return dx < dy
		}
		if px.j != py.j {
			return px.j < py.j
		}
		return px.i < py.i
	})
	for _, p := range pairs {
		if !used[p.i] && at[p.j] < 0 {
			at[p.j], used[p.i] = p.i, true
		}
	}
	return at
}

// dice is 2·|common words| / (|a| + |b|), words counted with repeats.
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
