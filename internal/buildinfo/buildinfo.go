// Package buildinfo is what the milepost binary knows of itself: the
// version it was built as and the git revision it was built from.
//
// In: what a release build stamps in (scripts/release.sh: -ldflags
// "-X github.com/milepost/milepost/internal/buildinfo.release=v1.2.0
// -X github.com/milepost/milepost/internal/buildinfo.releaseRevision=<commit>"),
// else the build information Go records (the module version of
// go install ...@v1.2.0, the VCS settings of a build from a checkout).
// Out: Version, Revision, and Line (what milepost version prints).
// It must not read files or run git: a binary copied anywhere says the
// same.
package buildinfo

import (
	"runtime/debug"
	"strconv"
	"strings"
)

// release and releaseRevision are the version and git revision a release
// build stamps in, which do not depend on Go finding the checkout.
var release, releaseRevision string

// Version is the version the binary was built as: the stamped release,
// else the module version (go install ...@v1.2.0), else "dev".
func Version() string {
	if release != "" {
		return release
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// Revision is the VCS revision the binary was built from, with its time
// and whether the work tree had changes, as Go records it in the build
// info when building from a checkout ("f9e5912a04c1, 2026-05-01T10:00:00Z,
// modified"); "" when unknown (go install of a module).
func Revision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, when, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if releaseRevision != "" {
		r, dirty := strings.CutSuffix(releaseRevision, "+modified")
		if r != rev {
			rev, when, modified = r, "", strconv.FormatBool(dirty)
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{rev}
	if when != "" {
		parts = append(parts, when)
	}
	if modified == "true" {
		parts = append(parts, "modified")
	}
	return strings.Join(parts, ", ")
}

// Line is what milepost version prints: "milepost v1.2.0 (revision
// 0123456789ab)", without the revision when it is unknown.
func Line() string {
	line := "milepost " + Version()
	if rev := Revision(); rev != "" {
		line += " (revision " + rev + ")"
	}
	return line
}
