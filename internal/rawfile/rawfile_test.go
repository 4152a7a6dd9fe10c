package rawfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

func TestWriteThenRead(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4096, 1 << 20} {
		name := filepath.Join(dir, "f")
		data := bytes.Repeat([]byte("milepost "), size/9+1)[:size]
		if err := WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(name)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("size %d: read %d bytes, %v", size, len(got), err)
		}
		if info, err := os.Stat(name); err != nil || info.Mode().Perm()&0o600 != 0o600 {
			t.Errorf("size %d: mode %v, %v", size, info.Mode(), err)
		}
	}
	// A rewrite truncates.
	name := filepath.Join(dir, "f")
	if err := WriteFile(name, []byte("short"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadFile(name); string(got) != "short" {
		t.Errorf("after a shorter write: %q", got)
	}
}

// A file whose size the kernel does not know in advance is read whole.
func TestReadFileOfUnknownSize(t *testing.T) {
	want, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Skip("no /proc here")
	}
	got, err := ReadFile("/proc/self/mountinfo")
	if err != nil || len(got) == 0 || len(got) < len(want)/2 {
		t.Errorf("read %d bytes (os: %d), %v", len(got), len(want), err)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(filepath.Join(dir, "absent")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("reading a missing file: %v", err)
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "folder"), nil, 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writing into a missing folder: %v", err)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Error("reading a folder gave no error")
	}
}

func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "c.md"), []byte("# C"), 0o644)
	os.WriteFile(filepath.Join(dir, "top.md"), []byte("top"), 0o644)
	fsys := DirFS(dir)
	if err := fstest.TestFS(fsys, "a/b/c.md", "top.md"); err != nil {
		t.Error(err)
	}
	if _, err := fs.ReadFile(fsys, "../escape"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("a path out of the folder: %v", err)
	}
	sub, _ := fs.Sub(fsys, "a")
	if got, err := fs.ReadFile(sub, "b/c.md"); err != nil || string(got) != "# C" {
		t.Errorf("through fs.Sub: %q, %v", got, err)
	}
}

func TestLstat(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	if err := os.WriteFile(name, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	if err := os.Chtimes(name, when, when); err != nil {
		t.Fatal(err)
	}
	st, err := Lstat(name)
	if err != nil || !st.Regular || st.Size != 5 || !st.ModTime.Equal(when) {
		t.Errorf("Lstat = %+v, %v", st, err)
	}
	if err := os.Symlink(name, name+".link"); err == nil {
		if st, err := Lstat(name + ".link"); err != nil || st.Regular {
			t.Errorf("a symlink: %+v, %v", st, err)
		}
	}
	if _, err := Lstat(filepath.Join(dir, "absent")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

// TestDirFSDoesNotFollowLinks: an input folder's symbolic link is not read
// through, wherever it points.
func TestDirFSDoesNotFollowLinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "real.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.css", filepath.Join(dir, "link.css")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := fs.ReadFile(DirFS(dir), "link.css"); !errors.Is(err, ErrSymlink) {
		t.Errorf("ReadFile of a link: %v, want ErrSymlink", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if got := Unreadable(e) != ""; got != (e.Name() == "link.css") {
			t.Errorf("Unreadable(%s) = %v", e.Name(), got)
		}
	}
}
