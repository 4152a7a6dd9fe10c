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
