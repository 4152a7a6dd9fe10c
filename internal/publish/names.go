package publish

import (
	"strings"

	"github.com/milepost/milepost/internal/manifest"
)

// Reserved names inside the destination. Every name milepost keeps for
// itself starts with manifest.ReservedPrefix, so manifest.CheckName refuses
// them all at once.
const (
	reservedPrefix = manifest.ReservedPrefix
	manifestName   = manifest.Name
	journalName    = reservedPrefix + "journal.json"
	stagingName    = reservedPrefix + "staging"
	lockName       = reservedPrefix + "lock"
)

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
