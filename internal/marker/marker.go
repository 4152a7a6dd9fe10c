// Package marker knows the vocabulary people use to mark progress in free
// text: status emoji, ALL-CAPS status words, GitHub emoji shortcodes, and the
// five states they map to (../spec: status-model.md, "Markers").
//
// It answers two questions about a piece of plain text: which state, if any,
// does it declare (and where), and what is left of it once the markers (and
// the dates or notes that follow them) are removed, which is what section
// ids are made from. It is pure: no I/O, no goldmark.
//
// Reading rules (Vocabulary.Find):
//
//   - A status word counts only as a whole word: the characters around it
//     must not be letters, digits, '_', '=', '/', '.' or '-' (so
//     READ_ACCESS=OPEN and TODO.md hold no marker). A '.' only joins words
//     when a letter or digit stands on its other side, so a full stop after
//     a word ("It is DONE.") does not hide it.
//   - In prose (Prose) a word must be written in capitals as listed
//     ("Complete the migration" holds no marker); in a status-table cell
//     (Cell) any case matches. Words of a phrase may be separated by any run
//     of spaces; an apostrophe matches ' or ’.
//   - When several words match, the longest phrase wins where they
//     overlap (Not Started is NOT STARTED, never STARTED). Of separate
//     words a dropped one wins, then one right after "now" or an arrow
//     ("WIP, now DONE"), else the one that says the work is least far on
//     ("Done, review pending" is open), unless it is about something after
//     the work: a later OPEN or TODO names a follow-up, and after a done
//     word "blocked" needs a "but" and "pending" one of the work's own
//     steps. A negation makes a done or active word open ("Not yet
//     implemented"). See view.choose and view.lowers.
//   - A status emoji counts in three places only: as the first visible
//     character; right before a status word (in any case: "✅ Fixed"); or as
//     the last visible character once trailing ISO dates and parenthesised
//     notes are set aside ("Ship it ✅ 2026-03-15"). Elsewhere it is prose.
//     Variation selectors (U+FE0E, U+FE0F) are ignored everywhere.
//   - A word beats an emoji.
//   - Nothing inside a URL (a run of non-space text holding "://" or starting
//     with "www.") is read. Callers replace code spans with Opaque, which is
//     visible but never part of a marker.
//
// Strikethrough is markup, not text, so it is read by package status.
package marker

import "fmt"

// State is the state of one trackable item.
type State uint8

// The five states. The zero value is Open.
const (
	Open State = iota
	Active
	Blocked
	Done
	Dropped
)

var stateNames = [...]string{"open", "active", "blocked", "done", "dropped"}

// States lists the five states in a fixed order.
func States() []State { return []State{Open, Active, Blocked, Done, Dropped} }

func (s State) String() string {
	if int(s) >= len(stateNames) {
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

// MarshalText writes the state's name, as status.json shows it.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a state's name, as encoding/json does when
// status.json is read back (status's tests check its shape so).
func (s *State) UnmarshalText(b []byte) error {
	st, ok := ParseState(string(b))
	if !ok {
		return fmt.Errorf("unknown state %q", b)
	}
	*s = st
	return nil
}

// Opaque stands for text the reader must not look into, such as a code span:
// it is a visible character that is neither a word nor an emoji.
const Opaque = '\uFFFC'

// Context says where a piece of text stands, which decides whether status
// words must be written in capitals.
type Context int

const (
	// Prose is free text: list items, headings, paragraphs. Words count
	// only in ALL CAPS.
	Prose Context = iota
	// Cell is the status cell of a status table: words count in any case.
	Cell
)

// Kind says what sort of marker a Match is.
type Kind int

const (
	// Word is a status word or phrase ("COMPLETE", "IN PROGRESS").
	Word Kind = iota
	// Emoji is a status emoji ("✅").
	Emoji
)

// Match is the marker found in a text.
type Match struct {
	State State
	Kind  Kind
	// Start and End are the byte offsets of the marker in the text read;
	// text[Start:End] is the marker as written.
	Start, End int
}
