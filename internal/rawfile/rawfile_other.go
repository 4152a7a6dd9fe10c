//go:build !linux

package rawfile

import (
	"io/fs"
	"os"
)

// ReadFile is os.DirFS's, which knows the system's own path rules.
func (d dirFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(d.fsys, name) }

// ReadFile is os.ReadFile.
func ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// WriteFile is os.WriteFile.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// Lstat is os.Lstat for what the destination check needs.
func Lstat(name string) (Stat, error) {
	fi, err := os.Lstat(name)
	if err != nil {
		return Stat{}, err
	}
	return Stat{Regular: fi.Mode().IsRegular(), Size: fi.Size(), ModTime: fi.ModTime()}, nil
}
