package sourcedate

import (
	"testing"
	"time"
)

// TestNow: SOURCE_DATE_EPOCH sets the time; a value that is not a
// number of seconds is refused; without it, the clock is read.
func TestNow(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	if got, err := Now(); err != nil || !got.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("Now() = %v, %v; want 2026-01-01 UTC", got, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if _, err := Now(); err == nil {
		t.Error("SOURCE_DATE_EPOCH=yesterday: no error")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if got, err := Now(); err != nil || time.Since(got) > time.Minute {
		t.Errorf("Now() without SOURCE_DATE_EPOCH = %v, %v", got, err)
	}
}
