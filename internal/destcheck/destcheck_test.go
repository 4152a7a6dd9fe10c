package destcheck

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolvePath(t *testing.T) {
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "real", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tmp, "real", "sub"), filepath.Join(tmp, "link")); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	tests := map[string]string{
		"real":                  "real",
		"real/sub/../sub":       "real/sub",
		"link":                  "real/sub",
		"link/..":               "real",
		"link/missing/deeper":   "real/sub/missing/deeper",
		"missing/../real":       "real",
		"real/sub/":             "real/sub",
		"missing/a/b/../../c/d": "missing/c/d",
	}
	for in, want := range tests {
		got, err := Resolve(filepath.Join(tmp, "") + string(filepath.Separator) + filepath.FromSlash(in))
		if err != nil {
			t.Errorf("Resolve(%q): %v", in, err)
			continue
		}
		if want := filepath.Join(tmp, filepath.FromSlash(want)); got != want {
			t.Errorf("Resolve(%q) = %s, want %s", in, got, want)
		}
	}
}
