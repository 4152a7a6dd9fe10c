package publish

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Reserved names inside the destination. Every name milepost keeps for itself
// starts with reservedPrefix, so CheckName can refuse them all at once.
const (
	reservedPrefix = ".milepost-"
	manifestName   = ".milepost-manifest.json"
	journalName    = ".milepost-journal.json"
	stagingName    = ".milepost-staging"
	lockName       = ".milepost-lock"
)

// CheckName reports whether name may be written below a destination: a
// non-empty, slash-separated, relative path of valid UTF-8 whose segments are
// neither empty, ".", ".." nor ".git", and do not start with ".milepost-".
// Backslashes, NUL and other control characters are refused; spaces,
// non-ASCII letters and URL-reserved characters (# ? % &) are fine. The
// returned error wraps ErrBadName.
func CheckName(name string) error {
	bad := func(why string) error {
		return fmt.Errorf("%w %q: %s", ErrBadName, name, why)
	}
	switch {
	case name == "":
		return bad("empty")
	case !utf8.ValidString(name):
		return bad("not valid UTF-8")
	case strings.HasPrefix(name, "/"):
		return bad("absolute path")
	case strings.HasSuffix(name, "/"):
		return bad("ends with a slash")
	}
	for _, r := range name {
		switch {
		case r == '\\':
			return bad("contains a backslash")
		case r < 0x20 || r == 0x7f:
			return bad("contains a control character")
		}
	}
	for _, segment := range strings.Split(name, "/") {
		switch {
		case segment == "":
			return bad("empty path segment")
		case segment == "." || segment == "..":
			return bad("contains a " + segment + " segment")
		case strings.EqualFold(segment, ".git"):
			return bad("writes into .git")
		case strings.HasPrefix(segment, reservedPrefix):
			return bad("names starting with " + reservedPrefix + " are reserved")
		}
	}
	return nil
}

// isDotPath reports whether any segment of a slash-separated name starts
// with a dot: such files are never pruned.
func isDotPath(name string) bool {
	for _, segment := range strings.Split(name, "/") {
		if strings.HasPrefix(segment, ".") {
			return true
		}
	}
	return false
}
