package attr

import (
	"github.com/milepost/milepost/internal/marker"
	"strings"
	"time"
)

// isDate reports whether s is a valid calendar date written YYYY-MM-DD.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// dateAt returns the date that starts at s[i:] when one does and is not
// part of a longer run of digits.
func dateAt(s string, i int) (string, bool) {
	if i+10 > len(s) || !isDate(s[i:i+10]) {
		return "", false
	}
	if i+10 < len(s) && '0' <= s[i+10] && s[i+10] <= '9' {
		return "", false
	}
	return s[i : i+10], true
}

// timeAfter returns where the time of day that may follow a date at
// s[i:] ends ("T10:00", "T10:00:30Z", "T09:30+02:00"): an ISO date-time
// is its date, and the time must not be left in the text. It returns i
// when no time follows.
func timeAfter(s string, i int) int {
	digits := func(j, n int) bool {
		if j+n > len(s) {
			return false
		}
		for k := j; k < j+n; k++ {
			if s[k] < '0' || s[k] > '9' {
				return false
			}
		}
		return true
	}
	if i >= len(s) || s[i] != 'T' || !digits(i+1, 2) || i+3 >= len(s) || s[i+3] != ':' || !digits(i+4, 2) {
		return i
	}
	j := i + 6
	if j+3 <= len(s) && s[j] == ':' && digits(j+1, 2) {
		j += 3
	}
	switch {
	case j < len(s) && s[j] == 'Z':
		j++
	case j+6 <= len(s) && (s[j] == '+' || s[j] == '-') && digits(j+1, 2) && s[j+3] == ':' && digits(j+4, 2):
		j += 6
	}
	return j
}

// ParseDate reads a field value that is a date: YYYY-MM-DD, or a date
// with its month named as trackers export it ("November 15, 2026", "Nov
// 15 2026", "15 Nov 2026", Jira's "28/Feb/27", Europe's "08.04.2025") or
// YYYY/MM/DD, optionally followed by a note
// in parentheses ("2026-03-01 (tentative)"). Anything else is not a date
// ("`wikibot-io` repo", "Q3", "next week", "12/01/2027", whose day and
// month are the reader's guess).
func ParseDate(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '('); i > 0 && strings.HasSuffix(v, ")") {
		v = strings.TrimSpace(v[:i])
	}
	if d, ok := dateAt(v, 0); ok && len(v) == 10 {
		return d, true
	}
	if d, ok := namedMonthDate(v); ok {
		return d, true
	}
	if bare := withoutDayAndTime(v); bare != v {
		if d, ok := dateAt(bare, 0); ok && len(bare) == 10 {
			return d, true
		}
		return namedMonthDate(bare)
	}
	return "", false
}

// withoutDayAndTime returns a date value without the markup around it,
// the weekday before it and the time of day after it, as calendars and
// forms write a deadline: "**Thursday 4 February 2027, 16:00**", "Dec 18,
// 2026 at 5:00 PM", "Fri, 2026-03-06 17:00 CET".
func withoutDayAndTime(v string) string {
	v = strings.TrimSpace(strings.Trim(v, "*_ "))
	if first, rest, ok := strings.Cut(v, " "); ok && marker.IsWeekday(first) {
		v = strings.TrimSpace(rest)
	}
	if i := strings.Index(v, " at "); i > 0 {
		v = v[:i]
	}
	words := strings.Fields(v)
	for len(words) > 1 && isClockWord(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.TrimRight(strings.Join(words, " "), ",")
}

// isClockWord reports whether w is part of a time of day: "16:00",
// "5pm", "PM", "CET", "UTC".
func isClockWord(w string) bool {
	word := strings.ToLower(strings.TrimRight(w, ",."))
	switch word {
	case "am", "pm", "utc", "gmt", "cet", "cest", "bst", "est", "edt", "pst", "pdt", "eod", "noon":
		return true
	}
	num := strings.TrimSuffix(strings.TrimSuffix(word, "am"), "pm")
	if num == "" {
		return false
	}
	for _, r := range num {
		if (r < '0' || r > '9') && r != ':' && r != '.' {
			return false
		}
	}
	return strings.Contains(num, ":") || len(word) > len(num) // "16:00", "5pm", not "2027,"
}

// namedDateLayouts are the other ways a date field is written.
var namedDateLayouts = []string{
	"January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006", "Jan. 2, 2006",
	"2 January 2006", "2 Jan 2006", "2 January, 2006", "2006/01/02", "2/Jan/06",
	"2.1.2006", // German and most of Europe: the dots say the day comes first
}

// namedMonthDate reads v in one of namedDateLayouts as YYYY-MM-DD.
func namedMonthDate(v string) (string, bool) {
	if len(v) < 8 || len(v) > 20 {
		return "", false
	}
	for _, layout := range namedDateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
