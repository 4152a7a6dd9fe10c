package publish

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/rawfile"
)

// Intact reports whether dest is still exactly what a commit left: its
// manifest has the hash that commit's Stats.Manifest gave, and each of
// names (Stats.Files, with sizes) is a regular file of its size not modified after the
// manifest was written, the test Put applies to skip an unchanged file. A
// build whose inputs did not change since that commit has nothing to do
// when dest is intact. The files are checked in parallel.
func Intact(dest string, manifestSum [32]byte, names []string, sizes []int64) bool {
	if len(names) != len(sizes) {
		return false
	}
	name := filepath.Join(dest, manifestName)
	data, err := os.ReadFile(name)
	if err != nil || sha256.Sum256(data) != manifestSum {
		return false
	}
	info, err := os.Lstat(name)
	if err != nil {
		return false
	}
	if _, err := os.Lstat(filepath.Join(dest, journalName)); err == nil {
		return false // a commit was cut short
	}
	written := info.ModTime()
	var broken atomic.Bool
	// Four workers: stat waits on the kernel, not the CPU.
	parallel.Do(len(names), 4, func(i int) bool {
		fi, err := rawfile.Lstat(filepath.Join(dest, filepath.FromSlash(names[i])))
		if err != nil || !fi.Regular || fi.Size != sizes[i] || fi.ModTime.After(written) {
			broken.Store(true)
			return false
		}
		return true
	})
	return !broken.Load()
}
