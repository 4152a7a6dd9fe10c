package attr

import (
	"strconv"
	"strings"
	"unicode"
)

// Hours in a day and in a week of estimates: a working day and week.
const (
	hoursPerDay  = 8
	hoursPerWeek = 40
)

var unitHours = map[string]float64{
	"m": 1.0 / 60, "min": 1.0 / 60, "mins": 1.0 / 60, "minute": 1.0 / 60, "minutes": 1.0 / 60,
	"h": 1, "hr": 1, "hrs": 1, "hour": 1, "hours": 1,
	"d": hoursPerDay, "day": hoursPerDay, "days": hoursPerDay,
	"w": hoursPerWeek, "wk": hoursPerWeek, "wks": hoursPerWeek, "week": hoursPerWeek, "weeks": hoursPerWeek,
}

// ParseHours reads an estimate at the start of s: a number or a range
// ("4-6", "4–6", "4 to 6"), then a unit (m, h, d, w and their words; 1d is
// 8h, 1w 40h), optionally after "~". A range counts at its upper bound. It
// returns the hours and the number of bytes read; what follows must be the
// end of s or not a letter or digit ("3 hours (implementation)").
func ParseHours(s string) (hours float64, n int, ok bool) {
	i := 0
	if strings.HasPrefix(s, "~") {
		i++
	} else if strings.HasPrefix(s, "≈") {
		i += len("≈")
	}
	num, j := number(s, i)
	if j == i {
		return 0, 0, false
	}
	i = j
	// a range: keep the upper bound
	k := skipBlanks(s, i)
	for _, sep := range []string{"-", "–", "to "} {
		if strings.HasPrefix(s[k:], sep) {
			m := skipBlanks(s, k+len(sep))
			if upper, e := number(s, m); e > m {
				num, i = upper, e
			}
			break
		}
	}
	u := skipBlanks(s, i)
	e := u
	for e < len(s) && 'a' <= s[e]|0x20 && s[e]|0x20 <= 'z' {
		e++
	}
	factor, known := unitHours[strings.ToLower(s[u:e])]
	if !known || e < len(s) && isWordByte(s[e]) {
		return 0, 0, false
	}
	return num * factor, e, true
}

// number reads a decimal number at s[i:] and returns it and where it ends
// (i when there is none).
func number(s string, i int) (float64, int) {
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j == i {
		return 0, i
	}
	if j+1 < len(s) && s[j] == '.' && '0' <= s[j+1] && s[j+1] <= '9' {
		j++
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
	}
	v, err := strconv.ParseFloat(s[i:j], 64)
	if err != nil {
		return 0, i
	}
	return v, j
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// isWordByte reports whether ASCII byte c continues a word.
func isWordByte(c byte) bool {
	return c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || c == '_')
}
