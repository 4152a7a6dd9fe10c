package status

import (
	"fmt"
	"time"

	"github.com/milepost/milepost/internal/diag"
)

// DefaultStaleAfter is the spec's stale_after, in days.
const DefaultStaleAfter = 90

// Stale reports whether a page updated on updated is older than afterDays
// days at build time now (whole calendar days, UTC). A zero updated date is
// never stale; afterDays <= 0 means DefaultStaleAfter.
func Stale(updated, now time.Time, afterDays int) bool {
	if updated.IsZero() {
		return false
	}
	if afterDays <= 0 {
		afterDays = DefaultStaleAfter
	}
	return daysBetween(updated, now) > afterDays
}

// StaleWarning returns the stale warning for a page whose updated date
// (declared on file line line) is older than afterDays at now.
func StaleWarning(updated, now time.Time, afterDays, line int) (Warning, bool) {
	if !Stale(updated, now, afterDays) {
		return Warning{}, false
	}
	if afterDays <= 0 {
		afterDays = DefaultStaleAfter
	}
	return Warning{
		Kind:    diag.KindStale,
		Line:    line,
		Message: fmt.Sprintf("last updated %s, more than %d days before this build", updated.Format("2006-01-02"), afterDays),
	}, true
}

func daysBetween(from, to time.Time) int {
	f := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	u := to.UTC()
	t := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
	return int(t.Sub(f).Hours() / 24)
}
