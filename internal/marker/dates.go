package marker

import (
	"time"
	"unicode"
)

// isISODate reports whether r is a valid calendar date written YYYY-MM-DD.
func isISODate(r []rune) bool {
	if len(r) != 10 || r[4] != '-' || r[7] != '-' {
		return false
	}
	for i, c := range r {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	_, err := time.Parse("2006-01-02", string(r))
	return err == nil
}

// FirstDate returns the first valid ISO date (YYYY-MM-DD) in text that is
// not part of a longer run of digits, and whether there is one. It is the
// completion date of a done item.
func FirstDate(text string) (string, bool) {
	r := []rune(text)
	for i := 0; i+10 <= len(r); i++ {
		if i > 0 && unicode.IsDigit(r[i-1]) {
			continue
		}
		if i+10 < len(r) && unicode.IsDigit(r[i+10]) {
			continue
		}
		if isISODate(r[i : i+10]) {
			return string(r[i : i+10]), true
		}
	}
	return "", false
}
