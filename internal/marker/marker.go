// Package marker knows the vocabulary people use to mark progress in free
// text: status emoji, ALL-CAPS status words, GitHub emoji shortcodes, and the
// five states they map to (../spec: status-model.md, "Markers").
//
// It answers two questions about a piece of plain text: which state, if any,
// does it declare (and where), and what is left of it once the markers (and
// the dates or notes that follow them) are removed, which is what section
// ids are made from. It is pure: no I/O, no goldmark.
package marker

import "fmt"

// State is the state of one trackable item.
type State int

// The five states. The zero value is Open.
const (
	Open State = iota
	Active
	Blocked
	Done
	Dropped
)

var stateNames = [...]string{"open", "active", "blocked", "done", "dropped"}

func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "open"
	}
	return stateNames[s]
}

// ParseState returns the state named name ("done", "active", …).
func ParseState(name string) (State, bool) {
	for i, n := range stateNames {
		if n == name {
			return State(i), true
		}
	}
	return Open, false
}

// Vocabulary is the set of words and emoji that declare each state. The
// zero value is not usable; start from Default.
type Vocabulary struct {
	// Words per state, upper case as written in the spec ("IN PROGRESS").
	Words map[State][]string
	// Emoji per state, without variation selectors.
	Emoji map[State][]string
}

// StripForID returns text with its status markers removed, the text a
// section id is made from: status emoji and status words go, together with
// a date or parenthesised note that directly follows them; struck text stays
// as text. "MCP wiki routing (bug) ✅ FIXED (2026-03-15)" → "MCP wiki routing (bug)".
//
// TODO(status model): replaced by the full marker reader.
func (v *Vocabulary) StripForID(text string) string { return text }

// MarshalText writes the state's name, as status.json shows it.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a state's name.
func (s *State) UnmarshalText(b []byte) error {
	st, ok := ParseState(string(b))
	if !ok {
		return fmt.Errorf("unknown state %q", b)
	}
	*s = st
	return nil
}
