package attr

import (
	"github.com/milepost/milepost/internal/marker"
	"strings"
	"time"
)

// isDate reports whether s is a valid calendar date written YYYY-MM-DD.
func isDate(s string) bool { return marker.IsISODate(s) }

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
func ParseDate(v string) (string, bool) { return ParseDateNear(v, nil) }

// ParseDateNear is ParseDate that also reads what a page's Calendar lets
// it: a day and a month written without their year ("Mar 14", "14
// March", "March 14th"), as notes and weekly reports write them, as a
// date to come, in the year that puts the day nearest two months after
// the page's date, as plans look ahead; and a date written with slashes
// ("11/27/2026", "12/4") in the order the page writes them. With a nil
// cal such dates are not read.
func ParseDateNear(v string, cal Calendar) (string, bool) { return parseDateNear(v, cal, false) }

// ParseDoneDateNear is ParseDateNear for the day work was done, which is
// not after the page's date: a day written without its year is the
// nearest one before it; one up to 60 days after it is an appointment
// ("Flights booked (Mar 22)"), no day work was done.
func ParseDoneDateNear(v string, cal Calendar) (string, bool) { return parseDateNear(v, cal, true) }

// parseDateNear is ParseDateNear, or ParseDoneDateNear when done is set.
func parseDateNear(v string, cal Calendar, done bool) (string, bool) {
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
	if d, ok := dayMonthDate(v, cal, done); ok {
		return d, true
	}
	if d, n, ok := slashDateAt(v, 0, cal, done); ok && n == len(v) {
		return d, true
	}
	if bare := withoutDayAndTime(v); bare != v {
		if d, ok := dateAt(bare, 0); ok && len(bare) == 10 {
			return d, true
		}
		if d, ok := namedMonthDate(bare); ok {
			return d, true
		}
		return dayMonthDate(bare, cal, done)
	}
	return "", false
}

// Calendar is what a page says of how it writes dates, which the reader
// asks only when it meets a date that needs it.
type Calendar interface {
	// Near is the date the page was written about, YYYY-MM-DD, or ""
	// when it does not say: a date written without its year is read in
	// the year that puts it nearest that date, a little ahead of it for a
	// date to come ("due Mar 14" in a note of 2026-12-01 is 2027-03-14),
	// not after it for a day work was done ("done 28 Nov" in it is
	// 2026-11-28).
	Near() string
	// MonthFirst says whether the page writes a date with slashes month
	// first (11/27/2026) or day first (27/11/2026); known is false when
	// it does not tell, and then such a date is not read.
	MonthFirst() (monthFirst, known bool)
}

// slashDateAt reads a date written with slashes at s[i:], "11/27/2026",
// "11/27/26" or, its year left out, "12/4", in the order cal says,
// followed by nothing, a space or punctuation; it returns the date and
// where it ends.
func slashDateAt(s string, i int, cal Calendar, done bool) (string, int, bool) {
	if cal == nil || i >= len(s) || s[i] < '0' || s[i] > '9' {
		return "", 0, false
	}
	n, ok := marker.SlashNumbers(s, i)
	if !ok {
		return "", 0, false
	}
	monthFirst, known := cal.MonthFirst()
	if !known {
		return "", 0, false
	}
	month, day := n.First, n.Second
	if !monthFirst {
		month, day = n.Second, n.First
	}
	if month > 12 {
		return "", 0, false
	}
	if n.HasYear {
		t := time.Date(n.Year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			return "", 0, false
		}
		return t.Format("2006-01-02"), n.End, true
	}
	ref, err := time.Parse("2006-01-02", cal.Near())
	if err != nil {
		return "", 0, false
	}
	d, ok := nearestYear(time.Month(month), day, ref, done)
	return d, n.End, ok
}

// dayMonthDate reads v, a day and a month named without a year, either
// way round ("Mar 14", "14 March", "Mar. 14", "14th Mar"), in the year
// cal's date says (Calendar.Near), for a day work was done when done is set.
func dayMonthDate(v string, cal Calendar, done bool) (string, bool) {
	if cal == nil || len(v) < 5 || len(v) > 16 {
		return "", false
	}
	first, second, ok := strings.Cut(v, " ")
	if !ok {
		return "", false
	}
	return dayMonthWords(first, second, cal, done)
}

// DoneDayMonth reads the day work was done written as a day and a month
// without a year, as two words either way round ("Mar", "14"; "14th",
// "March"), as ParseDoneDateNear reads it.
func DoneDayMonth(first, second string, cal Calendar) (string, bool) {
	return dayMonthWords(first, second, cal, true)
}

// dayMonthWords reads a day and a month, two words either way round, as
// dayMonthDate reads them.
func dayMonthWords(first, second string, cal Calendar, done bool) (string, bool) {
	if cal == nil {
		return "", false
	}
	month, dayWord := marker.MonthNumber(first), second
	if month == 0 {
		month, dayWord = marker.MonthNumber(second), first
	}
	day := marker.DayNumber(dayWord)
	if month == 0 || day == 0 {
		return "", false
	}
	ref, err := time.Parse("2006-01-02", cal.Near())
	if err != nil {
		return "", false
	}
	return nearestYear(month, day, ref, done)
}

// nearestYear is the date of month and day in the year, of ref's and the
// two around it, that puts it nearest 60 days after ref, as a plan looks
// ahead; for a day work was done (done), the nearest not after ref, and
// none when the nearest is at most 60 days after it (an appointment). It
// reports false when the day is in none of the years (29 February).
func nearestYear(month time.Month, day int, ref time.Time, done bool) (string, bool) {
	const ahead = 60 * 24 * time.Hour
	target := ref.Add(ahead)
	if done {
		target = ref
	}
	best, found := time.Time{}, false
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			continue // 29 February of a common year
		}
		if !found || absDays(t.Sub(target)) < absDays(best.Sub(target)) {
			best, found = t, true
		}
	}
	if found && done && best.After(ref) {
		if best.Sub(ref) <= ahead {
			return "", false // a booking to come, not a day work was done
		}
		earlier := time.Date(best.Year()-1, month, day, 0, 0, 0, 0, time.UTC)
		best, found = earlier, earlier.Day() == day
	}
	if !found {
		return "", false
	}
	return best.Format("2006-01-02"), true
}

// absDays is the length of d, whichever way it points.
func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
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
	"2.1.2006",                // German and most of Europe: the dots say the day comes first
	"02-Jan-06", "2-Jan-2006", // Excel's and Oracle's day-month-year
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
