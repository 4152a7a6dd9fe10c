package buildcache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSaveLoad(t *testing.T) {
	root := t.TempDir()
	if s, err := Load(root); s != nil || err != nil {
		t.Fatalf("Load of no cache = %v, %v", s, err)
	}
	s := &State{Binary: "b", Settings: "s", Date: "2026-11-22", Inputs: [32]byte{1}, Manifest: [32]byte{2},
		Outputs: map[string]Output{"a.md": {Key: [32]byte{3}, Names: []string{"a/index.html", "a/badge.svg"}}}}
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
	if err := writeGob(root, outputsName, outputsFile{other.Inputs, other.Manifest, other.Outputs}); err != nil {
		t.Fatal(err)
	}
	got, _ = Load(root)
	if err := got.LoadOutputs(root); err != nil || got.Outputs != nil {
		t.Errorf("outputs of another state were used: %v, %v", err, got.Outputs)
	}

	if err := os.WriteFile(filepath.Join(root, Dir, fileName), []byte("not gob"), 0o644); err != nil {
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
	fp := func() [32]byte {
		sum, err := Fingerprint(root, "content", "templates", "milepost.yaml")
		if err != nil {
			t.Fatal(err)
		}
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
