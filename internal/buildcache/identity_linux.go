package buildcache

import (
	"io/fs"
	"syscall"
)

// fileIdentity returns the inode and change time (Unix nanoseconds) of the
// file info describes.
func fileIdentity(info fs.FileInfo) (inode uint64, changeTime int64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	return st.Ino, st.Ctim.Nano()
}
