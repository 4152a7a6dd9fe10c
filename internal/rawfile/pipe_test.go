//go:build unix

package rawfile

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFileRefusesPipe: a named pipe nobody writes to is refused at
// once, not waited on.
func TestReadFileRefusesPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadFile(filepath.Join(dir, "pipe"))
		if err == nil {
			_, err = DirFS(dir).(interface{ ReadFile(string) ([]byte, error) }).ReadFile("pipe")
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadFile of a pipe: %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadFile of a pipe is still waiting")
	}
	if _, err := fs.ReadFile(DirFS(dir), "pipe"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("DirFS ReadFile of a pipe: %v, want ErrNotRegular", err)
	}
}
