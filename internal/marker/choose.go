package marker

import (
	"bytes"
	"strings"
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
//   - a word right after "now", "finally" or an arrow replaces what came
//     before ("WIP, now DONE", "BLOCKED → FIXED");
//   - else the word that says the work is least far on, blocked before
//     open before active before done: a qualifier says what is left ("WIP,
//     blocked on API", "Done, review pending", "Frontend done, backend in
//     progress", "Partially implemented"), unless it is about something
//     after the work (lowers).
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
		case progress[w.state] < progress[best.state] && vw.lowers(w, best, before):
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

// lowers reports whether w, a word after best that says the work is less
// far on, says so of the work and not of something that follows it. A
// later OPEN, TODO, BACKLOG or PLANNED names a follow-up ("Shipped;
// follow-up in #45 (open)", "Done — TODO: changelog"). After a done word,
// BLOCKED or WAITING is about something else ("Shipped — blocked users
// notified") unless "but" brings it in, STARTED before a date says when
// ("Hired, started 07-06"), and PENDING is the work's own only beside one
// of its own steps ("Done, review pending", "Fixed (pending release)";
// "Resolved, RCA pending" is done).
func (vw *view) lowers(w, best wordMatch, before []byte) bool {
	if w.state == Open && vw.wordIn(w, followUps) {
		return false
	}
	if best.state != Done {
		return true
	}
	switch {
	case endsWithWord(before, []string{"but", "but still", "yet", "except"}):
		return true // "Done but blocked on sign-off"
	case w.state == Blocked:
		return false
	case vw.wordIn(w, []string{"STARTED"}) && vw.digitNext(w.end):
		return false // "Hired (Ravi, started 07-06)": when, not how far
	case vw.wordIn(w, []string{"PENDING"}):
		return ownSteps[string(lastWord(before))] || ownSteps[vw.nextWord(w.end)]
	}
	return true
}

// digitNext reports whether a digit is the next thing after rune at,
// past blanks: a date or a day follows.
func (vw *view) digitNext(at int) bool {
	for at < len(vw.runes) && isBlank(vw.runes[at]) {
		at++
	}
	return at < len(vw.runes) && unicode.IsDigit(vw.runes[at])
}

// followUps are the open words that, after another status word, name a
// follow-up rather than the work's state.
var followUps = []string{"OPEN", "TODO", "TO DO", "BACKLOG", "PLANNED"}

// ownSteps are the steps of the work itself that may be pending after it
// is otherwise done.
var ownSteps = map[string]bool{
	"review": true, "reviews": true, "qa": true, "test": true, "tests": true, "testing": true,
	"deploy": true, "deployment": true, "merge": true, "release": true, "approval": true,
	"sign-off": true, "signoff": true, "verification": true, "prod": true, "production": true,
	"staging": true, "ci": true, "implementation": true,
}

// wordIn reports whether the word w matched, in upper case, is one of
// list.
func (vw *view) wordIn(w wordMatch, list []string) bool {
	var buf [16]byte
	word := buf[:0]
	for _, r := range vw.runes[w.start:w.end] {
		if len(word) >= len(buf)-utf8.UTFMax {
			return false
		}
		word = utf8.AppendRune(word, unicode.ToUpper(r))
	}
	for _, f := range list {
		if string(word) == f {
			return true
		}
	}
	return false
}

// lastWord returns the word (letters and hyphens) before's text ends with.
func lastWord(before []byte) []byte {
	b := bytes.TrimRight(before, " \t\u00a0")
	i := len(b)
	for i > 0 {
		r, size := utf8.DecodeLastRune(b[:i])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		i -= size
	}
	return b[i:]
}

// nextWord returns the word (letters and hyphens) after rune at, past
// blanks and punctuation, in lower case; "" when it is long or missing.
func (vw *view) nextWord(at int) string {
	for at < len(vw.runes) && !unicode.IsLetter(vw.runes[at]) && strings.ContainsRune(" \t\u00a0:(", vw.runes[at]) {
		at++
	}
	var buf [24]byte
	word := buf[:0]
	for ; at < len(vw.runes) && (unicode.IsLetter(vw.runes[at]) || vw.runes[at] == '-'); at++ {
		if len(word) >= len(buf)-utf8.UTFMax {
			return ""
		}
		word = utf8.AppendRune(word, unicode.ToLower(vw.runes[at]))
	}
	return string(word)
}

// progress orders the states a later word may lower a text to.
var progress = [...]int{Blocked: 0, Open: 1, Active: 2, Done: 3, Dropped: 4}

// transitionWords, right before a status word, introduce a state that
// replaces the one before it. "then" does not: it plans as often as it
// tells ("In progress, then released Friday").
var transitionWords = []string{"now", "finally", "→", "->", "=>"}

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

// pastWords say the word after them was the state once.
var pastWords = []string{"was", "were", "previously", "formerly"}

// negations, right before a status word, say the state is not reached.
var negations = []string{"not", "no", "nothing", "not yet", "not fully", "not been", "no longer", "never",
	"isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t", "hasn't been", "hasn’t been",
	"haven't been", "haven’t been", "hasn't", "hasn’t", "haven't", "haven’t", "can't be", "can’t be",
	"cannot be", "won't be", "won’t be", "yet to be", "needs to be", "need to be", "still to be",
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

// letterBefore reports whether a letter ends s[:i].
func letterBefore(s []byte, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(s[:i])
	return unicode.IsLetter(r)
}
