package content

import (
	"io/fs"
	"strings"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/rawfile"
)

// Skipped warns about the entries of an input folder other than content
// (templates/, static/; prefix is its name with a slash) that the build does
// not read, as Load does for content: symbolic links and anything that is
// not a regular file (rawfile.Unreadable). fsys may be nil (no such folder).
func Skipped(fsys fs.FS, prefix string) diag.List {
	if fsys == nil {
		return nil
	}
	var out diag.List
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, diag.Warnf(diag.KindInput, prefix+p, 0, 0, "skipped: %v", err))
			return nil
		}
		if p != "." && strings.EqualFold(d.Name(), ".git") {
			return fs.SkipDir
		}
		if why := rawfile.Unreadable(d); why != "" {
			out = append(out, diag.Warnf(diag.KindInput, prefix+p, 0, 0, "skipped: %s", why))
		}
		return nil
	})
	return out
}
