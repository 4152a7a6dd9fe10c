package status

import (
	"bytes"
	"strings"
	"time"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
)

// Near is the date a day written without its year is read near
// (attr.Calendar): the page's own date (Options.PageDate), else the latest
// full date its lead gives as the page's own (leadDate), else "", and
// such a day is not read. A weekly report titled "Week of March 3, 2025" has "due Mar 14"
// in 2025.
func (c *computer) Near() string {
	if c.opts.PageDate != "" {
		return c.opts.PageDate
	}
	if !c.nearFound {
		c.nearFound = true
		monthFirst, known := c.MonthFirst()
		c.nearValue = leadDate(c.src, monthFirst, known)
	}
	return c.nearValue
}

// MonthFirst says in which order the page writes dates with slashes
// (attr.Calendar), as its dates with a year tell: "11/27/2026" month
// first, "27/11/2026" day first. A page whose dates do not tell (only
// "11/3/2026"), or that writes both ways, does not say.
func (c *computer) MonthFirst() (monthFirst, known bool) {
	if !c.orderFound {
		c.orderFound = true
		c.monthFirst, c.orderKnown = slashOrder(c.src)
	}
	return c.monthFirst, c.orderKnown
}

// slashOrder reads the order of src's dates with slashes and a year (see
// MonthFirst).
func slashOrder(src []byte) (monthFirst, known bool) {
	dayFirst := false
	for i := 0; i < len(src); i++ {
		if src[i] != '/' || i == 0 || !isDigit(src[i-1]) {
			continue
		}
		d, ok := slashedAround(src, i)
		if !ok || !d.HasYear {
			continue
		}
		monthFirst = monthFirst || d.Second > 12 && d.First <= 12
		dayFirst = dayFirst || d.First > 12 && d.Second <= 12
		i += 3
	}
	return monthFirst, monthFirst != dayFirst
}

// slashedAround reads the date with slashes whose first slash is at
// src[i] (marker.SlashNumbers).
func slashedAround(src []byte, i int) (marker.Slashed, bool) {
	start := i
	for start > 0 && i-start < 2 && isDigit(src[start-1]) {
		start--
	}
	return marker.SlashNumbers(src, start)
}

// slashedDate is the date with slashes and a year whose first slash is at
// src[i], read in the order given, or "".
func slashedDate(src []byte, i int, monthFirst bool) string {
	d, ok := slashedAround(src, i)
	if !ok || !d.HasYear {
		return ""
	}
	month, day := d.First, d.Second
	if !monthFirst {
		month, day = d.Second, d.First
	}
	t := time.Date(d.Year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month > 12 || t.Day() != day {
		return ""
	}
	return t.Format("2006-01-02")
}

// leadLines is how many lines of a page's lead leadDate reads at most.
const leadLines = 15

// leadDate is the latest full date the lead of a page gives as the
// page's own, outside code and links' addresses: in its title, or in a
// line before its first section that dates the page (datesItself), as a
// report dates itself ("# Design sync — 2026-03-05", "Exported from
// Trello, 6 Dec 2026."); "" when it gives none. A date further down, or
// a deadline's in the lead ("Switch-off: 2027-10-01"), is another's.
func leadDate(src []byte, monthFirst, known bool) string {
	latest, fenced, seen := "", false, false
	for n := 0; n < leadLines && len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		trimmed := trimLeftBlanks(line)
		switch {
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			fenced = !fenced
			continue
		case fenced:
			continue
		case bytes.HasPrefix(trimmed, []byte("#")) && (seen || bytes.HasPrefix(trimmed, []byte("##"))):
			return latest // the first section begins
		}
		title := bytes.HasPrefix(trimmed, []byte("# "))
		if len(trimmed) > 0 {
			seen = true
		}
		if title && namesDeadline(trimmed) || !title && !datesItself(trimmed) {
			continue
		}
		for len(line) > 0 {
			text, rest := beforeAddress(line)
			if d := latestDate(text, monthFirst, known); d > latest {
				latest = d
			}
			line = rest
		}
	}
	return latest
}

// datingWords say that a line of a page's lead gives the page's own
// date: "Exported from Trello, 6 Dec 2026", "Status as of 2025-03-03".
var datingWords = []string{"updated", "as of", "week of", "exported", "generated", "written", "snapshot",
	"date:", "dated", "edited", "last edit", "published", "posted", "meeting", "minutes", "report",
	"sync", "as at", "refreshed", "retrieved", "reviewed", "revised", "checked"}

// leadDeadlineWords in a lead line make its date another's: a deadline, an
// end of support.
var leadDeadlineWords = []string{"deadline", "target", "due", "until", "expire", "end of", "sunset",
	"switch-off", "switch off", "shutdown", "launch", "submission"}

// datesItself reports whether a line of a page's lead gives the page's
// own date, not a deadline's or an event's: it says so with a dating word
// and names no deadline.
func datesItself(line []byte) bool {
	if len(line) == 0 || bytes.IndexFunc(line, func(r rune) bool { return '0' <= r && r <= '9' }) < 0 {
		return false
	}
	if namesDeadline(line) {
		return false
	}
	lower := bytes.ToLower(line)
	for _, w := range datingWords {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// namesDeadline reports whether a line of a page's lead names a deadline
// (leadDeadlineWords): "# Migration — deadline 2027-06-30".
func namesDeadline(line []byte) bool {
	lower := bytes.ToLower(line)
	for _, w := range leadDeadlineWords {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// beforeAddress splits line at the first web address or link target in
// it: the text before, and what follows the address.
func beforeAddress(line []byte) (text, rest []byte) {
	for i := 0; i < len(line); i++ {
		if line[i] == 'h' && (bytes.HasPrefix(line[i:], []byte("http://")) || bytes.HasPrefix(line[i:], []byte("https://"))) ||
			line[i] == ']' && i+1 < len(line) && line[i+1] == '(' {
			end := i + 1
			for end < len(line) && line[end] != ' ' && line[end] != ')' && line[end] != '>' {
				end++
			}
			return line[:i], line[end:]
		}
	}
	return line, nil
}

// trimLeftBlanks is b without the spaces, tabs and quote marks before it.
func trimLeftBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '>') {
		b = b[1:]
	}
	return b
}

// latestDate is the latest full date src writes, YYYY-MM-DD, with its
// month named ("March 3, 2025", "3 Mar 2025") or, when the page says in
// which order (known), with slashes ("11/27/2026"); "" when it writes
// none.
func latestDate(src []byte, monthFirst, known bool) string {
	latest := ""
	for i := 0; i+4 <= len(src); i++ {
		if src[i] == '/' && known && i > 0 && isDigit(src[i-1]) {
			if d := slashedDate(src, i, monthFirst); d > latest {
				latest = d
			}
			continue
		}
		if !yearAt(src, i) {
			continue
		}
		d := ""
		if i+10 <= len(src) && (i+10 == len(src) || !isDigit(src[i+10])) && marker.IsISODate(string(src[i:i+10])) {
			d = string(src[i : i+10])
		}
		if d == "" && (i+4 == len(src) || !isDigit(src[i+4])) {
			d = namedDateBefore(src, i)
		}
		if d > latest {
			latest = d
		}
		i += 3
	}
	return latest
}

// yearAt reports whether a year 1900-2099 stands at src[i:], not inside
// a longer run of digits before it.
func yearAt[T string | []byte](src T, i int) bool {
	if i > 0 && isDigit(src[i-1]) {
		return false
	}
	return (src[i] == '1' && src[i+1] == '9' || src[i] == '2' && src[i+1] == '0') && isDigit(src[i+2]) && isDigit(src[i+3])
}

// namedDateBefore reads the date whose year stands at src[i:] and whose
// month and day are the two words before it ("March 3, 2025").
func namedDateBefore(src []byte, i int) string {
	before := strings.Fields(string(src[max(0, i-16):i]))
	if len(before) < 2 {
		return ""
	}
	d, _ := attr.ParseDate(before[len(before)-2] + " " + before[len(before)-1] + " " + string(src[i:i+4]))
	return d
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// PathDate is the date a page's content path names, YYYY-MM-DD, or "":
// a day ("meetings/2025-03-05.md", Logseq's "journals/2025_03_05.md",
// "2025.03.05 standup.md"; day reports true), the end of an ISO week
// ("weekly-2025-w10.md": its Sunday) or of a month ("2025-03-retro.md",
// "notes/2025/03/kickoff.md": its last day), which a report of them is
// written by. The year stands at the start or after a separator, not in
// a version ("v2020.10"). A page dated in its path reads a day written
// without its year ("due Mar 14") near that date.
func PathDate(path string) (date string, day bool) {
	for i := 0; i+4 <= len(path); i++ {
		if !yearAt(path, i) || i > 0 && !isSep(path[i-1]) && path[i-1] != ' ' {
			continue // "releases/v2020.10": a version
		}
		year := path[i : i+4]
		rest := path[i+4:]
		switch {
		case len(rest) >= 6 && isSep(rest[0]) && rest[3] == rest[0] && isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[4]) && isDigit(rest[5]) && (len(rest) == 6 || !isDigit(rest[6])):
			if d := year + "-" + rest[1:3] + "-" + rest[4:6]; marker.IsISODate(d) {
				return d, true
			}
		case len(rest) >= 3 && isSep(rest[0]) && (rest[1] == 'w' || rest[1] == 'W') && isDigit(rest[2]):
			if d := isoWeekSunday(year, rest[2:]); d != "" && date == "" {
				date = d
			}
		case len(rest) >= 3 && isSep(rest[0]) && isDigit(rest[1]) && isDigit(rest[2]) && (len(rest) == 3 || !isDigit(rest[3])):
			if d := lastOfMonth(year, rest[1:3]); d != "" && date == "" {
				date = d
			}
		}
	}
	return date, false
}

// isSep reports whether b separates a path's date parts: "2025-03-05",
// "2025_03_05", "2025.03.05", "2025/03".
func isSep(b byte) bool { return b == '-' || b == '_' || b == '.' || b == '/' }

// isoWeekSunday is the Sunday that ends ISO week w (its one or two
// digits at the start of w) of year, or "".
func isoWeekSunday(year, w string) string {
	n := 0
	for k := 0; k < len(w) && k < 2 && isDigit(w[k]); k++ {
		n = n*10 + int(w[k]-'0')
	}
	if len(w) > 2 && isDigit(w[2]) || n < 1 || n > 53 {
		return ""
	}
	y, err := time.Parse("2006", year)
	if err != nil {
		return ""
	}
	jan4 := time.Date(y.Year(), 1, 4, 0, 0, 0, 0, time.UTC) // in week 1 by ISO's rule
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(n-1))
	return monday.AddDate(0, 0, 6).Format("2006-01-02")
}

// lastOfMonth is the last day of month mm of year, or "" when mm is no
// month.
func lastOfMonth(year, mm string) string {
	t, err := time.Parse("2006-01", year+"-"+mm)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 1, -1).Format("2006-01-02")
}
