package site_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/milepost/milepost/internal/benchcorpus"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/manifest"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// filesPerPage counts the files under each page's folder that belong to
// that page (not to a page further down), by page URL.
func filesPerPage(t *testing.T, files map[string][]byte) map[string]int {
	t.Helper()
	perPage := map[string]int{}
	for name := range files {
		if strings.HasSuffix(name, "/index.html") {
			perPage[strings.TrimSuffix(name, "index.html")] = 0
		}
	}
	for name := range files {
		dir := path.Dir(name) + "/"
		if strings.HasPrefix(name, "tags/") || strings.HasPrefix(name, "broken-links/") || dir == "./" {
			continue // listings and site-wide files
		}
		if _, ok := perPage[dir]; !ok && path.Base(path.Dir(name)) == "badges" {
			dir = path.Dir(path.Dir(name)) + "/"
		}
		if path.Base(name) == "feed.xml" && isFolder(files, dir) {
			continue // the folder's feed, not its page's (folders are few)
		}
		if _, ok := perPage[dir]; ok {
			perPage[dir]++
		}
	}
	return perPage
}

// TestFilesPerPage builds a seed-shaped corpus, a site of folders with
// pages of their own (and the seed documents, when present) with the
// default configuration: every page has its index.html, status.json,
// badge.svg and badge.json, and nothing more.
func TestFilesPerPage(t *testing.T) {
	corpus, err := benchcorpus.New(benchcorpus.Options{Pages: 60, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]fs.FS{
		"benchcorpus": corpus.MapFS(),
		"feeds":       sitetest.Load(t, "testdata/sites/feeds.txtar").FS(), // folders with pages of their own, and their feeds
	}
	if _, err := os.Stat(filepath.Join(seeds, "content")); err == nil {
		sites["seeds"] = os.DirFS(seeds)
	}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			_, files, err := build(t, fsys)
			if err != nil {
				t.Fatal(err)
			}
			perPage := filesPerPage(t, files)
			if len(perPage) < 5 {
				t.Fatalf("only %d pages found in the output", len(perPage))
			}
			for url, n := range perPage {
				if isListing(files, url) {
					continue
				}
				if n != 4 {
					t.Errorf("%s: %d files, want 4 (index.html, status.json, badge.svg, badge.json)", url, n)
				}
			}
		})
	}
}

// isFolder reports whether url is a folder: pages lie below it.
func isFolder(files map[string][]byte, url string) bool {
	for name := range files {
		if strings.HasPrefix(name, url) && strings.HasSuffix(name, "/index.html") && path.Dir(name)+"/" != url {
			return true
		}
	}
	return false
}

// isListing reports whether url is a folder without a page of its own
// (its index.html is a listing, beside a badge and no status.json).
func isListing(files map[string][]byte, url string) bool {
	_, ok := files[url+"status.json"]
	return !ok
}

// TestSectionBadgesOptIn checks that one config line or one front matter
// key brings section badges back, and per-page feeds with feeds.pages.
func TestSectionBadgesOptIn(t *testing.T) {
	page := "# Plan\n\n## Build\n\n- [x] one ✅ 2026-11-01\n- [ ] two\n\n### Deep\n\n- [x] three ✅ 2026-11-02\n\n## Ship\n\n- [ ] four\n"
	for _, tc := range []struct {
		name, config, front string
		want, absent        []string
	}{
		{name: "default", absent: []string{"plan/badges/build.svg", "plan/feed.xml"}},
		{name: "top", config: "badges: {sections: top}\n", want: []string{"plan/badges/build.svg", "plan/badges/build.json", "plan/badges/ship.svg"}, absent: []string{"plan/badges/deep.svg"}},
		{name: "all", config: "badges: {sections: all}\n", want: []string{"plan/badges/build.svg", "plan/badges/deep.svg", "plan/badges/ship.json"}},
		{name: "depth as before", config: "badges: {depth: 1}\n", want: []string{"plan/badges/build.svg"}, absent: []string{"plan/badges/deep.svg"}},
		{name: "front matter", front: "---\nbadges: sections\n---\n", want: []string{"plan/badges/build.svg"}, absent: []string{"plan/badges/deep.svg"}},
		{name: "front matter off", config: "badges: {sections: all}\n", front: "---\nbadges: none\n---\n", absent: []string{"plan/badges/build.svg"}},
		{name: "page feeds", config: "feeds: {pages: true}\n", want: []string{"plan/feed.xml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"milepost.yaml":   {Data: []byte("title: T\n" + tc.config)},
				"content/plan.md": {Data: []byte(tc.front + page)},
			}
			_, files, err := build(t, fsys)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if _, ok := files[w]; !ok {
					t.Errorf("no %s", w)
				}
			}
			for _, a := range tc.absent {
				if _, ok := files[a]; ok {
					t.Errorf("%s written, want none", a)
				}
			}
		})
	}
}

// TestOutputCap builds a hostile page of many one-item sections with
// every section badge asked for: at most limits.section_badges are
// written, and an output-capped warning names the first section left out;
// a byte limit leaves out badges the same way.
func TestOutputCap(t *testing.T) {
	var page strings.Builder
	page.WriteString("---\nbadges: all\n---\n# Many\n")
	for i := range 300 {
		fmt.Fprintf(&page, "\n## S%d\n\n- [ ] item\n", i)
	}
	firstOver := func(n int) int { return 4 + 4*n + 2 } // the heading line of section n (front matter is 3 lines)
	for _, tc := range []struct {
		name, config, tail string
		badges             int
		line               int
		message            string
	}{
		{name: "default", badges: 200, line: firstOver(200), message: "100 section badges left out from here on: at most 200 per page (limits.section_badges)"},
		{name: "fewer", config: "limits: {section_badges: 10}\n", badges: 10, line: firstOver(10), message: "290 section badges left out"},
		{name: "no limit hit", config: "limits: {section_badges: 1000}\n", badges: 300},
		// A megabyte of text: the page itself is written, its badges are over.
		{name: "bytes", config: "limits: {section_badges: 1000, page_output_mb: 1}\n", tail: "\n" + strings.Repeat("word ", 220_000) + "\n",
			badges: 0, line: firstOver(0), message: "600 files (0.4 MB) left out from here on: at most 1 MB of output per page (limits.page_output_mb)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"milepost.yaml":   {Data: []byte("title: T\n" + tc.config)},
				"content/many.md": {Data: []byte(page.String() + tc.tail)},
			}
			res, files, err := build(t, fsys)
			if err != nil {
				t.Fatal(err)
			}
			badges := 0
			for name := range files {
				if strings.HasPrefix(name, "many/badges/") && strings.HasSuffix(name, ".svg") {
					badges++
				}
			}
			if badges != tc.badges {
				t.Errorf("%d section badges, want %d", badges, tc.badges)
			}
			var capped []diag.Diagnostic
			for _, d := range res.Diagnostics {
				if d.Kind == diag.KindOutputCapped {
					capped = append(capped, d)
				}
			}
			if tc.message == "" {
				if len(capped) != 0 {
					t.Errorf("unexpected warnings %v", capped)
				}
				return
			}
			if len(capped) != 1 || capped[0].File != "content/many.md" || capped[0].Line != tc.line || !strings.Contains(capped[0].Message, tc.message) {
				t.Errorf("warnings %v, want one at content/many.md:%d saying %q", capped, tc.line, tc.message)
			}
		})
	}
}

// TestOutputCapKept checks that a rebuild which keeps a capped page's
// files repeats its output-capped warning, in the dev server's Builder
// and in a one-off build from the last build's outputs.
func TestOutputCapKept(t *testing.T) {
	var page strings.Builder
	page.WriteString("# Many\n")
	for i := range 5 {
		fmt.Fprintf(&page, "\n## S%d\n\n- [ ] item\n", i)
	}
	fsys := fstest.MapFS{
		"milepost.yaml":    {Data: []byte("title: T\nbadges: {sections: all}\nlimits: {section_badges: 2}\n")},
		"content/many.md":  {Data: []byte(page.String())},
		"content/other.md": {Data: []byte("# Other\n")},
	}
	capped := func(res *site.Result) int {
		n := 0
		for _, d := range res.Diagnostics {
			if d.Kind == diag.KindOutputCapped && d.File == "content/many.md" {
				n++
			}
		}
		return n
	}
	b := site.NewBuilder(again(fsys))
	for step := range 2 {
		_, res, err := b.BuildFiles(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if capped(res) != 1 {
			t.Errorf("Builder, build %d: %d output-capped warnings, want 1", step+1, capped(res))
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	oneOff := func(in site.Input) *site.Result {
		t.Helper()
		tx, err := publish.Begin(dest, publish.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := site.Build(context.Background(), in, tx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := oneOff(input(fsys))
	in := input(fsys)
	in.Cached = first.Outputs
	fsys["content/other.md"] = &fstest.MapFile{Data: []byte("# Other, edited\n")}
	second := oneOff(in)
	if capped(second) != 1 {
		t.Errorf("one-off build keeping the page's files: %d output-capped warnings, want 1", capped(second))
	}
	if second.Outputs["many.md"].Key != first.Outputs["many.md"].Key {
		t.Error("many.md was rendered again: the test does not reach the kept files")
	}
}

// TestSectionBadgeWithoutFile checks that the badge panel, with base_url
// set, shows a shields dynamic JSON badge of a section read from the
// page's status.json, and that status.json has that section's percent.
func TestSectionBadgeWithoutFile(t *testing.T) {
	fsys := fstest.MapFS{
		"milepost.yaml":   {Data: []byte("title: T\nbase_url: https://example.org/s/\n")},
		"content/plan.md": {Data: []byte("# Plan\n\nIntro.\n\n## Build & ship\n\n- [x] one\n- [ ] two\n")},
	}
	_, files, err := build(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := "https://img.shields.io/badge/dynamic/json?label=Build&#43;%26&#43;ship&amp;query=%24..sections%5B%3F%28%40.id%3D%3D%27build-ship%27%29%5D.counts.percent&amp;suffix=%25&amp;url=https%3A%2F%2Fexample.org%2Fs%2Fplan%2Fstatus.json"
	if html := string(files["plan/index.html"]); !strings.Contains(html, want) {
		t.Errorf("plan/index.html has no dynamic section badge %s", want)
	}
	if !strings.Contains(string(files["plan/status.json"]), `"id":"build-ship"`) {
		t.Error(`plan/status.json has no section "build-ship"`)
	}
	if _, ok := files["plan/badges/build-ship.svg"]; ok {
		t.Error("a section badge file was made")
	}
}

// TestStatusEntriesKept checks that a one-off build takes the status.json
// entries of the pages whose keys did not change from the file the last
// build wrote, and that the file is then byte for byte what a build
// without the last build's outputs makes: after a task is added to one
// page (its entry and the site's counts change), after a build that
// changed nothing, and after the file was edited in the destination
// (nothing is taken from it then).
func TestStatusEntriesKept(t *testing.T) {
	corpus, err := benchcorpus.New(benchcorpus.Options{Pages: 40, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	fsys := corpus.MapFS()
	dest := filepath.Join(t.TempDir(), "public")
	var last *site.Result
	oneOff := func(cached bool) *site.Result {
		t.Helper()
		tx, err := publish.Begin(dest, publish.Options{})
		if err != nil {
			t.Fatal(err)
		}
		in := input(fsys)
		if cached && last != nil {
			in.Cached, in.Held = last.Outputs, tx.Held
		}
		res, err := site.Build(context.Background(), in, tx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		last = res
		return res
	}
	freshStatus := func() []byte {
		t.Helper()
		_, files, err := build(t, fsys)
		if err != nil {
			t.Fatal(err)
		}
		return files["status.json"]
	}
	statusPath := filepath.Join(dest, "status.json")
	first := oneOff(true)
	if first.KeptEntries != 0 {
		t.Fatalf("a first build kept %d entries", first.KeptEntries)
	}
	var edited string
	for name := range fsys {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") && (edited == "" || name < edited) {
			edited = name
		}
	}
	for step, c := range []struct {
		what     string
		edit     func()
		keepNone bool
	}{
		{"a task added to " + edited, func() {
			fsys[edited] = &fstest.MapFile{Data: append(append([]byte(nil), fsys[edited].Data...), "\n- [ ] a task added later\n"...)}
		}, false},
		{"nothing changed", func() {}, false},
		{"a record that does not fit the file", func() {
			rec := last.Outputs[outputs.EntriesID]
			entries := *rec.Entries
			entries.Layout.Sum[0] ^= 1
			rec.Entries = &entries
			last.Outputs[outputs.EntriesID] = rec
		}, true},
		{"status.json edited in the destination", func() {
			data, err := os.ReadFile(statusPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(statusPath, []byte(strings.Replace(string(data), `"path":`, `"path" :`, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true},
	} {
		c.edit()
		before := last
		res := oneOff(true)
		// The entries to keep: those of the pages rendered from the keys
		// the last build rendered them from.
		want := 0
		for id, out := range res.Outputs {
			if strings.HasSuffix(id, ".md") && before.Outputs[id].Key == out.Key {
				want++
			}
		}
		if c.keepNone {
			want = 0
		} else if want < res.Pages/2 {
			t.Fatalf("step %d, %s: only %d of %d pages have the keys they had", step+1, c.what, want, res.Pages)
		}
		if res.KeptEntries != want {
			t.Errorf("step %d, %s: %d entries kept, want %d", step+1, c.what, res.KeptEntries, want)
		}
		got, err := os.ReadFile(statusPath)
		if err != nil {
			t.Fatal(err)
		}
		if want := freshStatus(); !bytes.Equal(got, want) {
			t.Errorf("step %d, %s: status.json differs from a build without the last one's outputs", step+1, c.what)
		}
	}
}

// TestDirectoryBuildMatchesMemory builds every fixture site, and a
// generated corpus, into a directory and in memory: the files are the
// same, byte for byte. A directory build draws each page in a buffer it
// uses again for the next page once the page is written (a Memory keeps
// what it is handed, so it gets copies): a page written after its buffer
// went to another would differ here.
func TestDirectoryBuildMatchesMemory(t *testing.T) {
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	corpus, err := benchcorpus.New(benchcorpus.Options{Pages: 80, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]fs.FS{"benchcorpus": corpus.MapFS()}
	for _, a := range archives {
		sites[filepath.Base(a)] = sitetest.Load(t, a).FS()
	}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			_, want, memErr := build(t, fsys)
			dest := filepath.Join(t.TempDir(), "public")
			tx, err := publish.Begin(dest, publish.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = site.Build(context.Background(), input(fsys), tx)
			if (err != nil) != (memErr != nil) {
				t.Fatalf("built in memory: %v; into a directory: %v", memErr, err)
			}
			if err != nil {
				return // a fixture of a failing build: nothing is written
			}
			if _, err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			got := map[string][]byte{}
			err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if strings.HasPrefix(d.Name(), manifest.ReservedPrefix) && d.IsDir() {
					return fs.SkipDir // the directory's own, as the manifest is
				}
				if d.IsDir() || strings.HasPrefix(d.Name(), manifest.ReservedPrefix) {
					return nil
				}
				rel, _ := filepath.Rel(dest, p)
				got[filepath.ToSlash(rel)], err = os.ReadFile(p)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for file, data := range want {
				if !bytes.Equal(got[file], data) {
					t.Errorf("%s: the directory's file differs from the one built in memory", file)
				}
			}
			for file := range got {
				if _, ok := want[file]; !ok {
					t.Errorf("%s is in the directory only", file)
				}
			}
		})
	}
}
