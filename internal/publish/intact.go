package publish

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/rawfile"
)

// FileID is a file's identity on disk, as git's index records it: while
// its inode, size, modification and change times are the same, the file
// was not replaced or rewritten (but within one tick of the file system's
// clock, the trust Intact puts in modification times anyway). The zero
// FileID is no file's: the system did not say.
type FileID struct {
	Inode                     uint64
	Size, ModTime, ChangeTime int64
}

// fileID is the identity of the file st describes.
func fileID(st rawfile.Stat) FileID {
	if st.Inode == 0 {
		return FileID{}
	}
	return FileID{Inode: st.Inode, Size: st.Size, ModTime: st.ModTime.UnixNano(), ChangeTime: st.ChangeTime}
}

// manifestFile is the identity of dest's manifest, or the zero FileID.
func manifestFile(dest string) FileID {
	st, err := rawfile.Lstat(filepath.Join(dest, manifestName))
	if err != nil || !st.Regular {
		return FileID{}
	}
	return fileID(st)
}

// Intact reports whether dest is still exactly what a commit left: its
// manifest has the hash that commit's Stats.Manifest gave (it is not read
// when it is still the file Stats.ManifestFile identifies), and each of
// names (Stats.Names, with sizes) is a regular file of its size not
// modified after the manifest was written, the test Put applies to skip
// an unchanged file. A build whose inputs did not change since that
// commit has nothing to do when dest is intact. The files are checked in
// parallel.
func Intact(dest string, manifestSum [32]byte, manifest FileID, names []string, sizes []int64) bool {
	if len(names) != len(sizes) {
		return false
	}
	name := filepath.Join(dest, manifestName)
	info, err := rawfile.Lstat(name)
	if err != nil || !info.Regular {
		return false
	}
	if id := fileID(info); id == (FileID{}) || id != manifest {
		data, err := rawfile.ReadFile(name)
		if err != nil || sha256.Sum256(data) != manifestSum {
			return false
		}
	}
	if _, err := os.Lstat(filepath.Join(dest, journalName)); err == nil {
		return false // a commit was cut short
	}
	written := info.ModTime
	prefix := "" // dest and a separator, joined without filepath.Join's cleaning per file
	if dest != "" {
		prefix = strings.TrimSuffix(dest, string(filepath.Separator)) + string(filepath.Separator)
	}
	var broken atomic.Bool
	// Four workers: stat waits on the kernel, not the CPU.
	parallel.Do(len(names), 4, func(i int) bool {
		fi, err := rawfile.Lstat(prefix + filepath.FromSlash(names[i]))
		if err != nil || !fi.Regular || fi.Size != sizes[i] || fi.ModTime.After(written) {
			broken.Store(true)
			return false
		}
		return true
	})
	return !broken.Load()
}
