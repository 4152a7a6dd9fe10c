//go:build !linux

package rawfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// ReadFile is os.DirFS's, which knows the system's own path rules, for
// regular files only (see ReadFile); a symbolic link is not followed
// (ErrSymlink), as Unreadable says.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) {
		if info, err := os.Lstat(filepath.Join(d.dir, filepath.FromSlash(name))); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "read", Path: name, Err: ErrSymlink}
		}
	}
	if info, err := fs.Stat(d.fsys, name); err == nil && !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	return fs.ReadFile(d.fsys, name)
}

// ReadFile is os.ReadFile for regular files; anything else (a named pipe,
// a device) is refused with ErrNotRegular before it is opened, so a pipe
// nobody writes to cannot hang the build.
func ReadFile(name string) ([]byte, error) {
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	return os.ReadFile(name)
}

// WriteFile is os.WriteFile.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// Lstat is os.Lstat for what the up-to-date check needs.
func Lstat(name string) (Stat, error) {
	fi, err := os.Lstat(name)
	if err != nil {
		return Stat{}, err
	}
	return Stat{Regular: fi.Mode().IsRegular(), Dir: fi.IsDir(), Size: fi.Size(), ModTime: fi.ModTime()}, nil
}
