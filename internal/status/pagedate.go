package status

import (
	"strings"
	"time"

	"github.com/milepost/milepost/internal/attr"
)

// nearDate is the date a day written without its year is read nearest
// (attr.Near): the page's own date (Options.PageDate), else the latest
// full date the page writes, else "", and such a day is not read. A
// weekly report that says "Week of 2025-03-03" has "due Mar 14" in 2025.
func (c *computer) nearDate() string {
	if c.opts.PageDate != "" {
		return c.opts.PageDate
	}
	if !c.nearFound {
		c.nearFound = true
		c.nearValue = latestDate(c.src)
	}
	return c.nearValue
}

// latestDate is the latest full date src writes, YYYY-MM-DD or with its
// month named ("March 3, 2025", "3 Mar 2025"); "" when it writes none.
func latestDate(src []byte) string {
	latest := ""
	for i := 0; i+4 <= len(src); i++ {
		if !yearAt(src, i) {
			continue
		}
		d := ""
		if i+10 <= len(src) && (i+10 == len(src) || !isDigit(src[i+10])) && isoDateAt(src, i) {
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

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// isoDateAt reports whether a date that exists, YYYY-MM-DD, stands at
// src[i:] (which holds its first ten bytes).
func isoDateAt[T string | []byte](src T, i int) bool {
	if src[i+4] != '-' || src[i+7] != '-' {
		return false
	}
	num := func(j, n int) int {
		v := 0
		for k := j; k < j+n; k++ {
			if !isDigit(src[k]) {
				return -1
			}
			v = v*10 + int(src[k]-'0')
		}
		return v
	}
	y, m, d := num(i, 4), num(i+5, 2), num(i+8, 2)
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// PathDate is the date a page's content path names, YYYY-MM-DD, or "":
// a day ("meetings/2025-03-05.md", Logseq's "journals/2025_03_05.md",
// "2025.03.05 standup.md"), an ISO week ("weekly-2025-w10.md": its
// Monday), a month ("2025-03-retro.md": its 15th) or a year folder
// ("notes/2025/q1.md": 1 July). A page dated in its path reads a day
// written without its year ("due Mar 14") in the year nearest that date.
func PathDate(path string) string {
	best := ""
	for i := 0; i+4 <= len(path); i++ {
		if !yearAt(path, i) {
			continue
		}
		year := path[i : i+4]
		rest := path[i+4:]
		switch {
		case len(rest) >= 6 && isSep(rest[0]) && rest[3] == rest[0] && isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[4]) && isDigit(rest[5]) && (len(rest) == 6 || !isDigit(rest[6])):
			if d := year + "-" + rest[1:3] + "-" + rest[4:6]; isoDateAt(d, 0) {
				return d
			}
		case len(rest) >= 3 && isSep(rest[0]) && (rest[1] == 'w' || rest[1] == 'W') && isDigit(rest[2]):
			if d := isoWeekMonday(year, rest[2:]); d != "" {
				return d
			}
		case len(rest) >= 3 && isSep(rest[0]) && isDigit(rest[1]) && isDigit(rest[2]) && (len(rest) == 3 || !isDigit(rest[3])):
			if d := year + "-" + rest[1:3] + "-15"; isoDateAt(d, 0) && best == "" {
				best = d
			}
		case (i == 0 || path[i-1] == '/') && strings.HasPrefix(rest, "/") && best == "":
			best = year + "-07-01"
		}
	}
	return best
}

func isSep(b byte) bool { return b == '-' || b == '_' || b == '.' || b == '/' }

// isoWeekMonday is the Monday of ISO week w (its one or two digits at the
// start of w) of year, or "".
func isoWeekMonday(year, w string) string {
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
	return monday.Format("2006-01-02")
}

// doneDayMonth reads the done date of a done item written as a day and a
// month without a year after a word that says it ended or at the opening
// of a bracket ("✅ done 28 Feb", "shipped Mar 3", "(27 Nov)"), in the
// year near says; "" when there is none.
func (c *computer) doneDayMonth(text string) string {
	if strings.IndexAny(text, "0123456789") < 0 {
		return "" // most done items: no day at all
	}
	prev, rest := "", text
	for {
		word, after := nextWord(rest)
		if word == "" {
			return ""
		}
		next, _ := nextWord(after)
		day := strings.TrimLeft(word, "(")
		if next != "" && (len(day) < len(word) || endedWord(prev)) {
			if d, ok := attr.DayMonthNear(day, strings.TrimRight(next, ".,;:!?)"), c.near); ok {
				return d
			}
		}
		prev, rest = word, after
	}
}

// nextWord is the first word of s, between spaces, and what follows it.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " ")
	end := strings.IndexByte(s, ' ')
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end:]
}

// endedWord reports whether w says that work ended, before the day it
// did: "done 28 Feb", "shipped on Mar 3", "✅ 27 Nov".
func endedWord(w string) bool {
	w = strings.Trim(w, "*_:,")
	for _, e := range [...]string{"done", "completed", "complete", "finished", "shipped", "fixed", "closed",
		"merged", "released", "resolved", "landed", "deployed", "delivered", "launched", "on", "✅", "—", "–"} {
		if strings.EqualFold(w, e) {
			return true
		}
	}
	return false
}
