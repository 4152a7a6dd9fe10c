// Package rawfile reads and writes whole regular files with plain system
// calls. On Linux an *os.File is made ready for the network poller even
// for a regular file: four fcntl calls and a failed epoll_ctl beside the
// open, write and close, which is most of the cost of a small file. A
// build writes a hundred thousand small files, so milepost's staging
// writes and its reads of the content folder come here, and so does the
// Lstat of the up-to-date check's inputs and destination (which makes no
// fs.FileInfo). Elsewhere the functions are the os package's. Either way
// ReadFile reads regular files only, so no input can make a build wait on
// a named pipe, and Unreadable is the one rule for which entries of an
// input folder are read.
package rawfile

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// ErrNotRegular is the error ReadFile gives for anything but a regular
// file (a named pipe, a device, a socket, a directory).
var ErrNotRegular = errors.New("not a regular file")

// ErrSymlink is the error a DirFS's ReadFile gives for a symbolic link.
var ErrSymlink = errors.New("symbolic link (links are not followed)")

// Unreadable says why the file d stands for is not read as input, or ""
// when it is (a regular file or a folder): a symbolic link is not followed
// (it may lead out of the site, and the site must build the same
// anywhere), and a named pipe, socket or device is not a file at all.
func Unreadable(d fs.DirEntry) string {
	switch t := d.Type(); {
	case t&fs.ModeSymlink != 0:
		return "symbolic link (links are not followed; copy the file instead)"
	case t.IsDir() || t.IsRegular():
		return ""
	default:
		return "not a regular file (a named pipe, socket or device)"
	}
}

// Stat is what Lstat reports of a file. Inode and ChangeTime (Unix
// nanoseconds) are zero where the system does not tell them.
type Stat struct {
	Regular    bool
	Dir        bool
	Size       int64
	ModTime    time.Time
	Inode      uint64
	ChangeTime int64
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
