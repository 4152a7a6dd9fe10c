package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteNewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	written, err := Write(dir, "2026-12-05")
	if err != nil {
		t.Fatal(err)
	}
	if len(written) == 0 {
		t.Fatal("wrote no files")
	}
	for _, p := range written {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), sampleDate) {
			t.Errorf("%s still carries the sample date", p)
		}
	}
}

// TestWriteIntoNewRepository: a folder holding only .git (git init, or a
// fresh clone of an empty repository) takes the starter site, and its .git
// is left as it was.
func TestWriteIntoNewRepository(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	if _, err := Write(dir, "2026-12-05"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "milepost.yaml")); err != nil {
		t.Error(err)
	}
	assertKept(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	entries, _ := os.ReadDir(filepath.Join(dir, ".git"))
	if len(entries) != 1 {
		t.Errorf(".git holds %d entries, want its one", len(entries))
	}
}

// TestWriteRefuses covers every folder init must leave alone: each holds a
// file whose bytes must survive.
func TestWriteRefuses(t *testing.T) {
	const keep = "title: mine\n"
	unlistable := func(string) ([]os.DirEntry, error) { return nil, os.ErrPermission }
	cases := map[string]struct {
		list func(string) ([]os.DirEntry, error)
		path func(dir string) string
	}{
		"non-empty folder": {os.ReadDir, func(dir string) string { return dir }},
		// Mode 0333: the folder can be written but not listed.
		"unlistable folder":    {unlistable, func(dir string) string { return dir }},
		"a file, not a folder": {os.ReadDir, func(dir string) string { return filepath.Join(dir, "milepost.yaml") }},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "milepost.yaml"), keep)
			if _, err := write(c.path(dir), "2026-12-05", c.list); err == nil {
				t.Fatal("init succeeded")
			}
			assertKept(t, dir, keep)
		})
	}
}

// TestWriteEmptyName: `milepost init "$UNSET"` must not write into the
// working directory.
func TestWriteEmptyName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "milepost.yaml", "title: mine\n")
	_, err := Write("", "2026-12-05")
	if err == nil || !strings.Contains(err.Error(), "name") {
		t.Fatalf("Write(\"\") = %v, want an error asking for a name", err)
	}
	assertKept(t, filepath.Join(dir, "milepost.yaml"), "title: mine\n")
}

// TestCreateNeverReplaces: a file that appears after the emptiness check
// (another process, a second init) is not truncated.
func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "milepost.yaml"), "title: mine\n")
	_, err := create(dir, "2026-12-05")
	if err == nil || !strings.Contains(err.Error(), "never replaces") {
		t.Fatalf("create = %v, want a refusal", err)
	}
	assertKept(t, filepath.Join(dir, "milepost.yaml"), "title: mine\n")
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertKept checks path (or, for a folder, its milepost.yaml) still holds want.
func assertKept(t *testing.T, path, want string) {
	t.Helper()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		path = filepath.Join(path, "milepost.yaml")
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s now holds %q, want %q", path, got, want)
	}
}
