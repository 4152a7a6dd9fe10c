package sitetest

import (
	"os"
	"testing"
)

// LongEnv names the environment variable that runs the long tests
// (`make test-long`): MILEPOST_LONG=1.
const LongEnv = "MILEPOST_LONG"

// Long skips the test unless MILEPOST_LONG=1. It is for tests that need
// minutes or gigabytes (a 50 MB document, a kill at every point of a
// commit, long randomised runs): `go test ./...` stays under a minute and
// `make test-long` runs them. why says what the test needs.
func Long(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(LongEnv) != "1" {
		t.Skipf("%s; run with %s=1 (make test-long)", why, LongEnv)
	}
}
