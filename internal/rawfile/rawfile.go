// Package rawfile reads and writes whole regular files with plain system
// calls. On Linux an *os.File is made ready for the network poller even
// for a regular file: four fcntl calls and a failed epoll_ctl beside the
// open, write and close, which is most of the cost of a small file. A
// build writes a hundred thousand small files, so milepost's staging
// writes and its reads of the content folder come here, and the
// destination check's Lstat (which makes no fs.FileInfo). Elsewhere the
// functions are the os package's.
package rawfile

import (
	"io/fs"
	"os"
	"time"
)

// Stat is what Lstat reports of a file.
type Stat struct {
	Regular bool
	Size    int64
	ModTime time.Time
}

// DirFS is os.DirFS(dir) whose ReadFile is this package's.
func DirFS(dir string) fs.FS {
	return dirFS{os.DirFS(dir), dir}
}

type dirFS struct {
	fsys fs.FS // os.DirFS(dir)
	dir  string
}

func (d dirFS) Open(name string) (fs.File, error)          { return d.fsys.Open(name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.fsys, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }
