package attr

import "strings"

// Priority is an item's priority. The zero value is no priority.
type Priority int

// The five priorities of Obsidian Tasks, lowest first, so a higher value is
// more urgent.
const (
	NoPriority Priority = iota
	Lowest
	Low
	Medium
	High
	Highest
)

var priorityNames = [...]string{"", "lowest", "low", "medium", "high", "highest"}

func (p Priority) String() string {
	if p < 0 || int(p) >= len(priorityNames) {
		return ""
	}
	return priorityNames[p]
}

// MarshalText writes the priority's name, as status.json shows it.
func (p Priority) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// priorityEmoji are Tasks' priority signs.
var priorityEmoji = map[rune]Priority{
	'🔺': Highest,
	'⏫': High,
	'🔼': Medium,
	'🔽': Low,
	'⏬': Lowest,
}

// ParsePriority reads a priority written as a word (any case: "high",
// "Highest"), a P-token ("P0" … "P3" are highest … low) or a Tasks emoji.
func ParsePriority(s string) (Priority, bool) {
	s = strings.TrimSpace(stripSelectors(s))
	switch strings.ToLower(s) {
	case "highest", "critical", "urgent", "p0":
		return Highest, true
	case "high", "p1":
		return High, true
	case "medium", "normal", "p2":
		return Medium, true
	case "low", "p3":
		return Low, true
	case "lowest":
		return Lowest, true
	}
	if r := []rune(s); len(r) == 1 {
		p, ok := priorityEmoji[r[0]]
		return p, ok
	}
	return NoPriority, false
}
