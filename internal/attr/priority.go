package attr

import (
	"strings"
	"unicode"
)

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
// "Highest"; Jira's Blocker, Critical, Major (its default, so medium),
// Minor, Trivial; MoSCoW's Must, Should, Could), a P-token ("P0" … "P3" are highest … low) or a Tasks emoji.
func ParsePriority(s string) (Priority, bool) {
	s = strings.TrimSpace(stripSelectors(s))
	switch strings.ToLower(s) {
	case "highest", "critical", "urgent", "blocker", "p0":
		return Highest, true
	case "high", "must", "p1":
		return High, true
	case "medium", "normal", "major", "should", "p2":
		return Medium, true
	case "low", "minor", "could", "p3":
		return Low, true
	case "lowest", "trivial":
		return Lowest, true
	}
	if r := []rune(s); len(r) == 1 {
		p, ok := priorityEmoji[r[0]]
		return p, ok
	}
	return NoPriority, false
}

// PriorityValue reads a priority field's or column's value as trackers
// write it: as ParsePriority does, or by its first word once the marks
// and emoji before it are set aside ("🔥 P0", "P0 - Critical", "Must
// have", "**High**").
func PriorityValue(v string) (Priority, bool) {
	v = plainValue(v)
	if p, ok := ParsePriority(v); ok {
		return p, true
	}
	v = strings.TrimLeftFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	word, _, _ := strings.Cut(v, " ")
	word = strings.TrimRightFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if word == "" {
		return NoPriority, false
	}
	if strings.EqualFold(word, "p") { // "P 1" is no priority
		return NoPriority, false
	}
	return ParsePriority(word)
}
