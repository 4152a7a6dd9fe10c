package publish

import (
	"os"
)

// fileOps is every call by which a commit, or the recovery of one cut
// short, changes or reads the destination's bookkeeping. It is the seam
// through which tests make any one call fail (a disk error) or every call
// from one on (the process killed there), as file modes cannot when the
// tests run as root.
type fileOps interface {
	Rename(from, to string) error
	Remove(name string) error
	RemoveAll(name string) error
	MkdirAll(dir string) error
	WriteFile(name string, data []byte) error
	ReadFile(name string) ([]byte, error)
}

// osOps is fileOps on the real file system.
type osOps struct{}

func (osOps) Rename(from, to string) error             { return os.Rename(from, to) }
func (osOps) Remove(name string) error                 { return os.Remove(name) }
func (osOps) RemoveAll(name string) error              { return os.RemoveAll(name) }
func (osOps) MkdirAll(dir string) error                { return os.MkdirAll(dir, 0o755) }
func (osOps) WriteFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
func (osOps) ReadFile(name string) ([]byte, error)     { return os.ReadFile(name) }
