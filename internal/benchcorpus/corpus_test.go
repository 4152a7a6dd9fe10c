package benchcorpus

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// readTree returns every file under root, keyed by slash path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := Options{Pages: 400, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	sumA, err := Generate(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	sumB, err := Generate(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sumA != sumB {
		t.Errorf("summaries differ:\n%+v\n%+v", sumA, sumB)
	}
	treeA, treeB := readTree(t, a), readTree(t, b)
	if len(treeA) != opts.Pages+imagesFor(opts.Pages)+1 {
		t.Errorf("got %d files, want %d pages + %d images + manifest", len(treeA), opts.Pages, imagesFor(opts.Pages))
	}
	for p, data := range treeA {
		if !bytes.Equal(data, treeB[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	for p := range treeB {
		if _, ok := treeA[p]; !ok {
			t.Errorf("%s only in the second run", p)
		}
	}

	// A different seed must give different text in the same shape of tree.
	c, err := Generate(t.TempDir(), Options{Pages: opts.Pages, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	if c.MarkdownBytes == sumA.MarkdownBytes && c.WikiLinks == sumA.WikiLinks {
		t.Errorf("seed 8 gave the same totals as seed 7: %+v", c)
	}
}

func TestGenerateWritesManifest(t *testing.T) {
	dir := t.TempDir()
	sum, err := Generate(dir, Options{Pages: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got != sum {
		t.Errorf("manifest %+v, summary %+v", got, sum)
	}
	if got.Version != Version || got.Pages != 50 || got.Seed != 1 || got.Generator != "benchcorpus" {
		t.Errorf("manifest does not name what was generated: %+v", got)
	}
	var total int64
	for p, data := range readTree(t, filepath.Join(dir, "content")) {
		if strings.HasSuffix(p, ".md") {
			total += int64(len(data))
		}
	}
	if total != sum.MarkdownBytes {
		t.Errorf("markdown on disk %d bytes, manifest says %d", total, sum.MarkdownBytes)
	}
}

func TestGenerateRefusesExistingContent(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir, Options{Pages: 5, Seed: 1}); !errors.Is(err, ErrExists) {
		t.Errorf("Generate over an existing content/: err = %v, want ErrExists", err)
	}
	if _, err := ReadManifest(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused Generate wrote a manifest (err = %v)", err)
	}
}

func TestNewRejectsNoPages(t *testing.T) {
	if _, err := New(Options{Pages: 0}); err == nil {
		t.Error("New with 0 pages: no error")
	}
}

// TestPageSizes pins the size the benchmarks are quoted for: 10,000 pages
// ≈ 34 MB, so an average near 3.4 KB, and no page absurdly small or large.
func TestPageSizes(t *testing.T) {
	c, err := New(Options{Pages: 3000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var total int
	for i := 0; i < c.Len(); i++ {
		_, md, _ := c.Page(i)
		if len(md) < 800 || len(md) > 16000 {
			t.Errorf("%s: %d bytes, want 800..16000", c.PagePath(i), len(md))
		}
		total += len(md)
	}
	avg := total / c.Len()
	if avg < 3200 || avg > 3700 {
		t.Errorf("average page %d bytes, want 3200..3700", avg)
	}
}

// TestPagesLookLikeStatusDocuments checks that the corpus exercises what the
// status model reads: every checkbox form, struck and marked headings,
// status tables with emoji cells, ALL-CAPS words, fenced code, front matter
// with aliases, and odd file names.
func TestPagesLookLikeStatusDocuments(t *testing.T) {
	c, err := New(Options{Pages: 600, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	withFrontMatter, spaced, nonASCIIName := 0, 0, 0
	for i := 0; i < c.Len(); i++ {
		path, md, _ := c.Page(i)
		all.Write(md)
		if bytes.HasPrefix(md, []byte("---\n")) {
			withFrontMatter++
		}
		if strings.Contains(path, " ") {
			spaced++
		}
		for _, r := range path {
			if r > 127 {
				nonASCIIName++
				break
			}
		}
	}
	text := all.String()
	for _, want := range []string{
		"- [ ] ", "- [x] ", "- [/] ", "- [-] ", "  - [ ] ", // checkboxes, nested
		"### ~~", "~~ ✅ ", "| Status |", "✅ Done", "⬜ Not Started", "🟡 ", "🔴",
		"(COMPLETE)", "**COMPLETED**", "```sh\n", "last_updated: ", "aliases: [",
		"![[", "](../", `\|`, "**Estimated Effort**", "#### ",
		":white_check_mark:", "\nLast updated: ", "kind: runbook", "track: true",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no page contains %q", want)
		}
	}
	if share := float64(withFrontMatter) / float64(c.Len()); share < 0.8 || share > 0.95 {
		t.Errorf("%.0f%% of pages have front matter, want most but not all", share*100)
	}
	if spaced == 0 || nonASCIIName == 0 {
		t.Errorf("file names: %d with spaces, %d with non-ASCII letters; want some of each", spaced, nonASCIIName)
	}
}

// TestMapFSMatchesGenerate checks that the in-memory corpus holds exactly
// the files Generate writes under content/, with the same bytes.
func TestMapFSMatchesGenerate(t *testing.T) {
	opts := Options{Pages: 120, Seed: 5}
	dir := t.TempDir()
	if _, err := Generate(dir, opts); err != nil {
		t.Fatal(err)
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	fsys := c.MapFS()
	onDisk := readTree(t, filepath.Join(dir, "content"))
	if len(fsys) != len(onDisk) {
		t.Errorf("MapFS has %d files, Generate wrote %d", len(fsys), len(onDisk))
	}
	for p, data := range onDisk {
		f, ok := fsys["content/"+p]
		if !ok || !bytes.Equal(f.Data, data) {
			t.Errorf("content/%s: missing or different in MapFS", p)
		}
	}
	if err := fstest.TestFS(fsys, "content/"+c.PagePath(0), "content/"+c.ImagePath(0)); err != nil {
		t.Error(err)
	}
}
