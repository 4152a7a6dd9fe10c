package main

import (
	"testing"

	"github.com/milepost/milepost/internal/buildinfo"
)

// TestVersionPrintsBuildInfo: milepost version prints what the binary
// knows of itself (package buildinfo, which tests what a release stamps
// in).
func TestVersionPrintsBuildInfo(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runCLI(t, args...)
		if want := buildinfo.Line() + "\n"; code != 0 || out != want {
			t.Errorf("%v: exit %d, %q, want %q", args, code, out, want)
		}
	}
}
