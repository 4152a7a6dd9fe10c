package devserver

import (
	"path"
	"strings"
)

// isLitter reports whether a slash-separated path relative to the site root
// names a file no build should see: editor swap, backup and temporary files,
// and anything under a dot-file or dot-folder (.git, .DS_Store, .#x, .x.swp).
func isLitter(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." && seg != ".." {
			return true
		}
	}
	base := path.Base(rel)
	switch {
	case base == "4913": // vim probes whether it may write the folder
		return true
	case strings.HasSuffix(base, "~"): // vim, emacs, gedit backups
		return true
	case strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".swo"):
		return true
	case len(base) > 1 && strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"): // emacs auto-save
		return true
	case strings.HasSuffix(base, "___jb_tmp___"), strings.HasSuffix(base, "___jb_old___"): // JetBrains safe write
		return true
	}
	return false
}
