package contentdir

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPathAndRel: a folder as written in -c or content_dir, relative to
// the site root or absolute, on disk and named from the site root.
func TestPathAndRel(t *testing.T) {
	root := t.TempDir()
	abs := filepath.Join(root, "..", "docs")
	for _, tc := range []struct{ dir, path, rel string }{
		{"content", filepath.Join(root, "content"), "content"},
		{"notes/../content/", filepath.Join(root, "content"), "content"},
		{"../docs", filepath.Join(root, "..", "docs"), filepath.Join("..", "docs")},
		{filepath.ToSlash(abs), filepath.Clean(abs), filepath.Join("..", "docs")},
	} {
		if got := Path(root, tc.dir); got != tc.path {
			t.Errorf("Path(%q) = %q, want %q", tc.dir, got, tc.path)
		}
		if got := Rel(root, tc.dir); got != tc.rel {
			t.Errorf("Rel(%q) = %q, want %q", tc.dir, got, tc.rel)
		}
	}
}

// TestOpenRefusesAFile: the content folder must be a folder.
func TestOpenRefusesAFile(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "content"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(root, "content"); err == nil {
		t.Error("Open of a file: no error")
	}
	if err := os.Remove(filepath.Join(root, "content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := Open(root, "content")
	if err != nil || f.Rel != "content" {
		t.Errorf("Open of a folder: %+v, %v", f, err)
	}
}
