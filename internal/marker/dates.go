package marker

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// IsISODate reports whether s is a valid calendar date written YYYY-MM-DD.
func IsISODate(s string) bool { return isISODate(s) }

// isISODate is IsISODate.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// isISODateRunes is isISODate of runes.
func isISODateRunes(r []rune) bool {
	if len(r) != 10 {
		return false
	}
	var b [10]byte
	for i, c := range r {
		if c >= utf8.RuneSelf {
			return false
		}
		b[i] = byte(c)
	}
	return isISODate(string(b[:]))
}

// FirstDate returns the first valid ISO date (YYYY-MM-DD) in text that is
// not part of a longer run of digits (of any script), and whether there
// is one. It is the completion date of a done item. The date is ASCII, so
// text is read by bytes, and only a date's neighbours as runes.
func FirstDate(text string) (string, bool) {
	for i := 0; i+10 <= len(text); i++ {
		if c := text[i]; c < '0' || c > '9' || !isISODate(text[i:i+10]) {
			continue
		}
		if before, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && unicode.IsDigit(before) {
			continue
		}
		if after, _ := utf8.DecodeRuneInString(text[i+10:]); i+10 < len(text) && unicode.IsDigit(after) {
			continue
		}
		return text[i : i+10], true
	}
	return "", false
}
