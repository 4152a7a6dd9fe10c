package status

import (
	"strings"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
)

// doneDayMonth reads the done date of a done item written as a day and a
// month without a year, as attr.DoneDayMonth reads it, or with slashes,
// where it ends a clause after a word that says the work ended or opening
// a bracket ("✅ done 28 Feb", "shipped on Mar 3.", "(27 Nov)", "done
// 11/12,"); "" when there is none. "Invite sent for the retro on Mar
// 14", "Closed Feb 11 incident follow-ups" and "Hotel — Mar 22 → Mar 26"
// give none.
func (c *computer) doneDayMonth(text string) string {
	if strings.IndexAny(text, "0123456789") < 0 {
		return "" // most done items: no day at all
	}
	before, prev, rest := "", "", text
	for {
		word, after := nextWord(rest)
		if word == "" {
			return ""
		}
		next, afterNext := nextWord(after)
		day := strings.TrimLeft(word, "(")
		if slash := strings.TrimRight(day, ".,;:!?)"); strings.IndexByte(slash, '/') > 0 && len(day) == len(word) &&
			endedWord(prev) && !strings.ContainsAny(prev, "—–") && (len(slash) < len(day) || endsClause(after)) {
			if d, ok := attr.ParseDoneDateNear(slash, c); ok {
				return d // "— done 11/12, 2 punch items"; not a share: "(2/2)", "— 9/10 said yes"
			}
		}
		month := strings.TrimRight(next, ".,;:!?)")
		ended := endedWord(prev) || strings.EqualFold(prev, "on") && endedWord(before)
		if year, afterYear := nextWord(afterNext); ended && next == month && len(year) >= 4 && endsClause(afterYear) && !isYear(before) {
			if d, ok := attr.ParseDate(day + " " + month + " " + strings.TrimRight(year, ".,;:!?)")); ok && (c.Near() == "" || d <= c.Near()) {
				return d // "✅ Prospectus published — 14 Apr 2026", as an ISO date is read; not after the page's date, nor a range's end, "1 Oct 2026 – 31 Oct 2026"
			}
		}
		if next != "" && (len(day) < len(word) || ended) && (len(month) < len(next) || endsClause(afterNext)) {
			if d, ok := attr.DoneDayMonth(day, month, c); ok {
				return d
			}
		}
		before, prev, rest = prev, word, after
	}
}

// isYear reports whether w is a year, as the first date of a range ends.
func isYear(w string) bool {
	w = strings.TrimRight(w, ".,;:")
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// endsClause reports whether rest, what follows a day, leaves it ending
// its clause: nothing, or a dash or bracket that opens another, not a
// range to another day ("→ Mar 26", "– 7", "to Apr 2").
func endsClause(rest string) bool {
	w, after := nextWord(rest)
	switch w {
	case "":
		return true
	case "—", "|", "·", "(", "[":
		return true
	case "–", "-":
		n, _ := nextWord(after)
		return n == "" || !isDigit(n[0]) && !marker.IsMonthName(n)
	}
	return false
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
// did ("done 28 Feb", "✅ 27 Nov"), or before "on" and the day ("shipped
// on Mar 3").
func endedWord(w string) bool {
	w = strings.Trim(w, "*_:,(")
	for _, e := range [...]string{"done", "completed", "complete", "finished", "shipped", "fixed", "closed",
		"merged", "released", "resolved", "landed", "deployed", "delivered", "launched", "published",
		"signed", "submitted", "✅", "—", "–"} {
		if strings.EqualFold(w, e) {
			return true
		}
	}
	return false
}
