// Package sourcedate is the time a build is made at: now, or the time
// SOURCE_DATE_EPOCH names (the reproducible-builds convention), so that
// the same sources build the same bytes on another day.
//
// In: the environment. Out: a UTC time, or why SOURCE_DATE_EPOCH cannot
// be read.
// It must not read anything but SOURCE_DATE_EPOCH and the clock.
package sourcedate

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Now is now, or SOURCE_DATE_EPOCH when set, in UTC.
func Now() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}
