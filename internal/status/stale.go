package status

import (
	"fmt"
	"time"

	"github.com/milepost/milepost/internal/diag"
)

// Stale reports whether a page updated on updated is older than afterDays
// days at build time now (whole calendar days, UTC). A zero updated date is
// never stale, and afterDays <= 0 turns staleness off (config stale_after:
// 0).
func Stale(updated, now time.Time, afterDays int) bool {
	if updated.IsZero() || afterDays <= 0 {
		return false
	}
	return daysBetween(updated, now) > afterDays
}

// StaleWarning returns the stale warning for a page whose updated date
// (declared on file line line) is older than afterDays at now.
func StaleWarning(updated, now time.Time, afterDays, line int) (Warning, bool) {
	if !Stale(updated, now, afterDays) {
		return Warning{}, false
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
