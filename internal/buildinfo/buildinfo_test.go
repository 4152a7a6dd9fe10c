package buildinfo

import (
	"os"
	"strings"
	"testing"
)

// TestLineShowsReleaseAndRevision: what a release build stamps in
// (scripts/release.sh) is what milepost version prints.
func TestLineShowsReleaseAndRevision(t *testing.T) {
	defer func(r, rev string) { release, releaseRevision = r, rev }(release, releaseRevision)
	for _, tc := range []struct{ release, revision, want string }{
		{"v1.2.0", "0123456789abcdef0123456789abcdef01234567", "milepost v1.2.0 (revision 0123456789ab)"},
		{"v0.0.0-snapshot+0123456-dirty", "0123456789abcdef0123456789abcdef01234567+modified", "milepost v0.0.0-snapshot+0123456-dirty (revision 0123456789ab, modified)"},
	} {
		release, releaseRevision = tc.release, tc.revision
		if got := Line(); got != tc.want {
			t.Errorf("Line() = %q, want %q", got, tc.want)
		}
	}
}

// TestReleaseScriptStampsThisPackage: scripts/release.sh names the
// variables by this package's path; -X with any other path is ignored
// without a word.
func TestReleaseScriptStampsThisPackage(t *testing.T) {
	script, err := os.ReadFile("../../scripts/release.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"release", "releaseRevision"} {
		if want := "-X github.com/milepost/milepost/internal/buildinfo." + v + "="; !strings.Contains(string(script), want) {
			t.Errorf("scripts/release.sh does not stamp %s", want)
		}
	}
}
