package attr

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedDir holds the project's seed documents when the shared tree is
// present next to the repository.
const seedDir = "../../../shared/seeds/content"

// TestSeedLines reads every line of the seed documents as an item's text
// and pins every line where an attribute is found (testdata/seeds.txt):
// the seeds are real documents, so what is found there and nowhere else is
// the check against false positives (@coves.social, "due to", P4-1).
func TestSeedLines(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		t.Skip("no seed documents (../shared is absent)")
	}
	var b strings.Builder
	err := filepath.WalkDir(seedDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(seedDir, path)
		for i, line := range strings.Split(string(src), "\n") {
			if it := Read(line); len(it.Spans) > 0 || it.Owner != "" || it.Priority != NoPriority || len(it.Fields) > 0 {
				fmt.Fprintf(&b, "%s:%d\n%s\n", rel, i+1, dumpItem(it))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/seeds.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("attributes in the seeds:\n--- got\n%s--- want\n%s", b.String(), want)
	}
}
