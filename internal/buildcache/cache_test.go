package buildcache

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/site"
)

func TestSaveLoad(t *testing.T) {
	root := t.TempDir()
	if s, err := Load(root); s != nil || err != nil {
		t.Fatalf("Load of no cache = %v, %v", s, err)
	}
	s := &State{Binary: "b", Settings: "s", Date: "2026-11-22", Inputs: [32]byte{1}, Manifest: [32]byte{2},
		Outputs: map[string]site.Output{"a.md": {Key: [32]byte{3}, Names: []string{"a/index.html", "a/badge.svg"}}}}
	s.SetFiles([]string{"a/index.html", "b.html"}, []int64{10, 2})
	if err := s.Save(root); err != nil {
		t.Fatal(err)
	}
	got, err := Load(root)
	if err != nil || got == nil {
		t.Fatalf("Load = %v, %v", got, err)
	}
	if got.Outputs != nil {
		t.Error("Load read the outputs too")
	}
	names, sizes := got.Files()
	if len(names) != 2 || names[0] != "a/index.html" || sizes[0] != 10 || names[1] != "b.html" || sizes[1] != 2 {
		t.Errorf("Files() = %v %v", names, sizes)
	}
	if err := got.LoadOutputs(root); err != nil || got.Outputs["a.md"].Key != [32]byte{3} || len(got.Outputs["a.md"].Names) != 2 {
		t.Errorf("LoadOutputs: %v, %+v", err, got.Outputs)
	}

	// Outputs saved for another state (a save interrupted between the two
	// files) are not used.
	other := *s
	other.Inputs = [32]byte{9}
	o := outputsFile{other.Inputs, other.Manifest, other.Outputs, other.Report}
	if err := os.WriteFile(filepath.Join(root, outputsName), o.encode(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ = Load(root)
	if err := got.LoadOutputs(root); err != nil || got.Outputs != nil {
		t.Errorf("outputs of another state were used: %v, %v", err, got.Outputs)
	}

	if err := os.WriteFile(filepath.Join(root, fileName), []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Load(root); s != nil || err == nil {
		t.Errorf("Load of a damaged cache = %v, %v; want an error", s, err)
	}
}

func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/a.md", "# A")
	write("content/sub/b.md", "# B")
	write("milepost.yaml", "title: x")
	var idx *Index
	fp := func() [32]byte {
		sum, next, err := Fingerprint(root, idx, "content", "templates", "milepost.yaml")
		if err != nil {
			t.Fatal(err)
		}
		idx = next
		return sum
	}
	base := fp()
	if fp() != base {
		t.Fatal("the same inputs gave two fingerprints")
	}
	write("content/.hidden/x.md", "ignored")
	write("content/.swp", "ignored")
	if fp() != base {
		t.Error("a dot-file changed the fingerprint")
	}
	// Symbolic links are not followed, to a file or to a folder.
	write("elsewhere/e.md", "# E")
	for _, link := range []string{"content/e.md", "content/linked"} {
		target := filepath.Join(root, "elsewhere")
		if link == "content/e.md" {
			target = filepath.Join(target, "e.md")
		}
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if fp() != base {
		t.Error("a symbolic link changed the fingerprint")
	}
	var names []string
	for _, f := range idx.Files {
		names = append(names, f.Name)
	}
	if got, want := strings.Join(names, " "), "content/a.md content/sub/b.md milepost.yaml"; got != want {
		t.Errorf("index lists %q, want %q", got, want)
	}
	for _, change := range []struct{ name, text string }{
		{"content/a.md", "# A!"},
		{"content/sub/c.md", "new"},
		{"milepost.yaml", "title: y"},
		{"templates/page.html", "x"},
	} {
		write(change.name, change.text)
		if now := fp(); now == base {
			t.Errorf("writing %s did not change the fingerprint", change.name)
		} else {
			base = now
		}
	}
	if err := os.Rename(filepath.Join(root, "content/sub/c.md"), filepath.Join(root, "content/sub/d.md")); err != nil {
		t.Fatal(err)
	}
	if fp() == base {
		t.Error("a rename did not change the fingerprint")
	}
}

// TestFingerprintIndex checks when a recorded hash is taken instead of the
// file's bytes: a recorded hash is planted, and shows up in the next index
// only if the file was not read.
func TestFingerprintIndex(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "content/a.md")
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, []byte("# A"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := func() *Index {
		// An old modification time: a rewrite within the same clock tick
		// still changes it.
		hourAgo := time.Now().Add(-time.Hour)
		if err := os.Chtimes(name, hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
		_, idx, err := Fingerprint(root, nil, "content")
		if err != nil {
			t.Fatal(err)
		}
		return idx
	}
	planted := [32]byte{1, 2, 3}
	again := func(prev *Index) [32]byte {
		prev.Files[0].Hash = planted
		_, idx, err := Fingerprint(root, prev, "content")
		if err != nil {
			t.Fatal(err)
		}
		h, ok := idx.Hash("content/a.md")
		if !ok {
			t.Fatal("content/a.md is not in the index")
		}
		return h
	}
	settled := func(idx *Index) *Index {
		idx.Taken += int64(2 * racyWindow) // as if hashed well after the last write
		return idx
	}

	if again(settled(first())) != planted {
		t.Error("an unchanged, settled file was read again")
	}
	if again(first()) == planted {
		t.Error("a file written just before it was hashed was trusted (racy)")
	}
	idx := settled(first())
	if err := os.WriteFile(name, []byte("# B"), 0o644); err != nil { // same size
		t.Fatal(err)
	}
	if again(idx) == planted {
		t.Error("a rewritten file was not read again")
	}
	idx = settled(first())
	if err := os.Rename(name, name+".tmp"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("# A"), 0o644); err != nil { // a new file by the same name
		t.Fatal(err)
	}
	os.Remove(name + ".tmp")
	if again(idx) == planted {
		t.Error("a replaced file was not read again")
	}
}

func TestReproducible(t *testing.T) {
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: "f9e5912"}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name string
		info debug.BuildInfo
		want bool
	}{
		{"released", debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, true},
		{"pseudo-version of a modified tree", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260101000000-f9e5912abcde+dirty"}}, false},
		{"clean checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")}, true},
		{"modified checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")}, false},
		{"no version, no VCS (go test)", debug.BuildInfo{}, false},
	}
	for _, tt := range tests {
		if got := reproducible(&tt.info); got != tt.want {
			t.Errorf("%s: reproducible = %v, want %v", tt.name, got, tt.want)
		}
	}
}
