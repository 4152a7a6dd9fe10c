package marker

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// choose returns the word that says the text's state among separate
// matches (resolveWords has dropped those inside longer phrases):
//
//   - a word a negation stands right before reads open when it is done or
//     active ("Not yet implemented", "Merged, not deployed") and says
//     nothing otherwise ("Not blocked, in progress"); one after "was"
//     says nothing ("Done (was blocked)");
//   - a dropped word wins ("COMPLETED but CANCELLED");
//   - a word a transition introduces replaces what came before ("WIP,
//     now DONE", "BLOCKED → FIXED");
//   - a word that opens a later clause wins when it says the work is less
//     far on: blocked before open before active before done ("WIP,
//     blocked on API", "Done, pending review", "Done (partially)"); a
//     word inside the first clause qualifies it ("Partially implemented")
//     and one inside a later clause is about something else ("Resolved →
//     postmortem pending");
//   - else the first.
//
// When no word says anything, the first is read as it stands.
func (vw *view) choose(words []wordMatch) wordMatch {
	var best wordMatch
	found := false
	floor := 0
	var buf [4 * leadWindow]byte
	for _, w := range words {
		before := vw.lowerBefore(buf[:0], floor, w.start)
		floor = w.end
		switch {
		case negatedBy(before):
			if w.state != Done && w.state != Active {
				continue
			}
			w.state = Open
		case endsWithWord(before, pastWords):
			continue
		}
		switch {
		case !found:
			best, found = w, true
		case best.state == Dropped:
		case w.state == Dropped, endsWithWord(before, transitionWords):
			best = w
		case progress[w.state] < progress[best.state] && opensClause(before):
			best = w
		}
	}
	if !found {
		best = words[0]
		if negatedBy(vw.lowerBefore(buf[:0], 0, best.start)) {
			best.state = Open
		}
	}
	return best
}

// leadWindow is how many runes before a word choose reads: enough for a
// separator and the few short words that may stand after it.
const leadWindow = 40

// lowerBefore appends to dst, in lower case, the runes [from,to), or the
// last leadWindow of them.
func (vw *view) lowerBefore(dst []byte, from, to int) []byte {
	for _, r := range vw.runes[max(from, to-leadWindow):to] {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// progress orders the states a later clause may lower a word to.
var progress = [...]int{Blocked: 0, Open: 1, Active: 2, Done: 3, Dropped: 4}

// transitionWords introduce a state that replaces the one before it.
var transitionWords = []string{"then", "now", "finally", "→", "->", "=>"}

// pastWords say the word after them was the state once.
var pastWords = []string{"was", "were", "previously", "formerly"}

// negations, right before a status word, say the state is not reached.
var negations = []string{"not", "not yet", "not fully", "not been", "no longer", "never",
	"isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t", "hasn't been", "hasn’t been",
	"haven't been", "haven’t been", "yet to be", "needs to be", "need to be", "still to be",
	"due to be", "is to be", "are to be", "has to be", "have to be"}

// negatedBy reports whether the text before a word ends in a negation, or
// its clause is only "to be" ("To be verified"; "appears to be resolved"
// is not one).
func negatedBy(before []byte) bool {
	if endsWithWord(before, negations) {
		return true
	}
	tail, _ := clauseTail(before)
	return string(tail) == "to be"
}

// endsWithWord reports whether s, but for trailing blanks, ends with one
// of words as a whole word.
func endsWithWord(s []byte, words []string) bool {
	s = bytes.TrimRight(s, " \t\u00a0")
	for _, w := range words {
		if len(s) >= len(w) && string(s[len(s)-len(w):]) == w && !letterBefore(s, len(s)-len(w)) {
			return true
		}
	}
	return false
}

// clauseSeparators end a clause of a status text; a hyphen does only with
// blanks around it, and so does "but".
const clauseSeparators = ",;—–(:|/[→"

// clauseTail returns what stands in before after its last clause
// separator, trimmed, and whether there is one (else the whole of it).
func clauseTail(before []byte) ([]byte, bool) {
	at := bytes.LastIndexAny(before, clauseSeparators)
	for _, sep := range []string{" - ", " but "} { // the rune at is skipped: a blank
		if d := bytes.LastIndex(before, []byte(sep)); d >= 0 && d+len(sep)-1 > at {
			at = d + len(sep) - 1
		}
	}
	if at < 0 {
		return bytes.TrimSpace(before), false
	}
	_, size := utf8.DecodeRune(before[at:])
	return bytes.TrimSpace(before[at+size:]), true
}

// clauseLeads are the words a clause may open with before its status
// word ("but not released yet", "still pending").
var clauseLeads = map[string]bool{
	"but": true, "and": true, "still": true, "yet": true, "however": true, "though": true,
	"although": true, "also": true, "not": true, "no": true, "longer": true, "fully": true, "never": true,
}

// opensClause reports whether the word after before opens a clause:
// a separator stands before it with nothing between but clauseLeads.
func opensClause(before []byte) bool {
	tail, ok := clauseTail(before)
	if !ok {
		return false
	}
	for len(tail) > 0 {
		word, rest, _ := bytes.Cut(tail, []byte(" "))
		if len(word) > 0 && !clauseLeads[string(word)] {
			return false
		}
		tail = rest
	}
	return true
}

// letterBefore reports whether a letter ends s[:i].
func letterBefore(s []byte, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(s[:i])
	return unicode.IsLetter(r)
}
