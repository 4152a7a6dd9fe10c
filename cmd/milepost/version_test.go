package main

import "testing"

// TestVersionPrintsReleaseAndRevision: what a release build stamps in
// (scripts/release.sh) is what milepost version prints.
func TestVersionPrintsReleaseAndRevision(t *testing.T) {
	defer func(r, rev string) { release, releaseRevision = r, rev }(release, releaseRevision)
	for _, tc := range []struct{ release, revision, want string }{
		{"v1.2.0", "0123456789abcdef0123456789abcdef01234567", "milepost v1.2.0 (revision 0123456789ab)\n"},
		{"v0.0.0-snapshot+0123456-dirty", "0123456789abcdef0123456789abcdef01234567+modified", "milepost v0.0.0-snapshot+0123456-dirty (revision 0123456789ab, modified)\n"},
	} {
		release, releaseRevision = tc.release, tc.revision
		code, out, _ := runCLI(t, "version")
		if code != 0 || out != tc.want {
			t.Errorf("version: exit %d, %q, want %q", code, out, tc.want)
		}
	}
}
