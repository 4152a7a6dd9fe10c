package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/benchcorpus"
)

// A build after an edit of a page's prose alone puts the new body into
// the page the last build wrote, and the site is what a build without
// the cache makes: for every page of every fixture site but the root
// index.md, whose body the home page shows.
func TestProseEditIsSpliced(t *testing.T) {
	tick := laterEachBuild(t)
	sites, err := filepath.Glob("../../internal/site/testdata/sites/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	sites = append(sites, "../../internal/site/testdata/incremental.txtar", "testdata/small.txtar")
	for _, site := range sites {
		t.Run(filepath.Base(site), func(t *testing.T) {
			root := writeSite(t, site)
			dest := filepath.Join(t.TempDir(), "public")
			buildSite(t, root, "-d", dest)
			for _, page := range markdownFiles(t, filepath.Join(root, "content")) {
				rootIndex := filepath.Base(page) == "index.md" && filepath.Dir(page) == filepath.Join(root, "content")
				// The first edit of a page whose body was empty (a title
				// alone) takes the whole build: where a body goes in
				// its file is known once it has one.
				for edit := range 2 {
					appendTo(t, page, "\nA new paragraph of *prose*, with a [link](https://example.com/).\n")
					tick()
					out := buildSite(t, root, "-d", dest)
					spliced := strings.Contains(out, "prose only")
					if (rootIndex && spliced) || (edit == 1 && !rootIndex && !spliced) {
						t.Errorf("%s, edit %d: %q: want spliced %v", page, edit+1, out, !rootIndex)
					}
					sameAsFresh(t, root, dest, "after a prose edit of "+page)
				}
			}
		})
	}
}

// The same on a generated corpus, whose pages are written in the many
// styles of the benchmark's (milestones, runbooks, trackers, task lists,
// tables, embeds, links of every kind, names with spaces and accents):
// a prose edit of every tenth page is spliced and gives what a build
// without the cache gives.
func TestProseEditsOfAGeneratedCorpusAreSpliced(t *testing.T) {
	tick := laterEachBuild(t)
	root := t.TempDir()
	if _, err := benchcorpus.Generate(root, benchcorpus.Options{Pages: 120, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, "-d", dest, "--no-history")
	for i, page := range markdownFiles(t, filepath.Join(root, "content")) {
		if i%10 != 3 {
			continue
		}
		appendTo(t, page, "\nA new paragraph of *prose*, with `code` and a [link](https://example.com/).\n")
		tick()
		if out := buildSite(t, root, "-d", dest, "--no-history"); !strings.Contains(out, "prose only") {
			t.Errorf("%s: %q: not spliced", page, out)
		}
		sameAsFresh(t, root, dest, "after a prose edit of "+page, "--no-history")
	}
}

// Edits that change more than prose take the whole build, and the site
// is still what a build without the cache makes; prose edits around
// links reuse the links' HTML.
func TestSpliceKnowsWhatItCannotDo(t *testing.T) {
	tick := laterEachBuild(t)
	root := writeSite(t, "../../internal/site/testdata/incremental.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, "-d", dest)
	gamma := filepath.Join(root, "content", "areas", "core", "gamma.md")
	delta := filepath.Join(root, "content", "areas", "core", "deep", "delta.md")
	original, err := os.ReadFile(gamma)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		edit    func()
		spliced bool
	}{
		{"prose in a paragraph of wiki-links and embeds", func() {
			replaceIn(t, gamma, "![[delta#Work]].", "![[delta#Work]].\nAnd more words after them.")
		}, true},
		{"prose on the line of a link, moving it", func() {
			replaceIn(t, gamma, "Back to [[Areas]]", "Go back to [[Areas]]")
		}, false},
		{"the same page again", func() { appendTo(t, gamma, "\nStill prose.\n") }, true},
		{"two pages at once", func() {
			appendTo(t, gamma, "\nMore prose.\n")
			appendTo(t, delta, "\nProse on delta.\n")
		}, true},
		{"a task added", func() { appendTo(t, gamma, "\n- [ ] a new task\n") }, false},
		{"a task ticked", func() { replaceIn(t, gamma, "- [ ] unit", "- [x] unit") }, false},
		{"a wiki-link added", func() { appendTo(t, gamma, "\nSee [[Epsilon]].\n") }, false},
		{"a markdown link to a page added", func() { appendTo(t, gamma, "\nSee [delta](deep/delta.md).\n") }, false},
		{"front matter changed", func() { replaceIn(t, gamma, "title: Gamma", "title: Gamma ray") }, false},
		{"a heading renamed", func() { replaceIn(t, gamma, "## Test", "## Tests") }, false},
		{"prose before the items, moving their lines", func() { replaceIn(t, delta, "## Work\n", "## Work\n\nIntro.\n") }, false},
		{"back to the source of the first build", func() { writeFile(t, gamma, original) }, false},
		{"prose again after the whole builds", func() { appendTo(t, gamma, "\nLast words.\n") }, true},
	}
	for _, step := range steps {
		step.edit()
		tick()
		out := buildSite(t, root, "-d", dest)
		if spliced := strings.Contains(out, "prose only"); spliced != step.spliced {
			t.Errorf("%s: %q: want spliced %v", step.name, out, step.spliced)
		}
		sameAsFresh(t, root, dest, step.name)
	}

	// A build that failed at its commit (a file milepost did not write
	// stands where a new page goes) leaves the destination as it was,
	// and its parse of a page is not what a later splice compares with.
	replaceIn(t, gamma, "title: Gamma", "title: Gamma ray")
	newPage := filepath.Join(root, "content", "new.md")
	writeFile(t, newPage, []byte("# New\n"))
	writeFile(t, filepath.Join(dest, "new", "index.html"), []byte("not milepost's"))
	tick()
	if code, out, _ := runCLI(t, "build", "-s", root, "-d", dest); code == 0 {
		t.Fatalf("a build over a foreign file succeeded: %q", out)
	}
	for _, p := range []string{newPage, filepath.Join(dest, "new")} {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}
	appendTo(t, gamma, "\nProse after a failed build.\n")
	tick()
	if out := buildSite(t, root, "-d", dest); strings.Contains(out, "prose only") {
		t.Errorf("after a failed build: %q: spliced onto what that build parsed", out)
	}
	sameAsFresh(t, root, dest, "after a failed build")

	// A site with its own page template may show the body in ways a
	// splice cannot follow: its builds are whole.
	writeFile(t, filepath.Join(root, "templates", "page.html"), []byte(`{{define "page.html"}}<main>{{.Page.Body}}</main><p>{{len .Page.Body}} bytes</p>{{end}}`))
	tick()
	buildSite(t, root, "-d", dest)
	appendTo(t, gamma, "\nProse under a template of the site's own.\n")
	tick()
	if out := buildSite(t, root, "-d", dest); strings.Contains(out, "prose only") {
		t.Errorf("own page template: %q: spliced", out)
	}
	sameAsFresh(t, root, dest, "own page template")
}

// laterEachBuild sets the build time (SOURCE_DATE_EPOCH) and returns
// what moves it on by a minute, within the same day: what a build says
// of its time must be the same whether it splices or not.
func laterEachBuild(t *testing.T) (tick func()) {
	epoch := 1795000000 // 2026-11-18 10:26:40 UTC
	t.Setenv("SOURCE_DATE_EPOCH", strconv.Itoa(epoch))
	return func() {
		epoch += 60
		t.Setenv("SOURCE_DATE_EPOCH", strconv.Itoa(epoch))
	}
}

// markdownFiles lists the .md files under dir, sorted.
func markdownFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, append(data, text...))
}

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	writeFile(t, file, []byte(strings.Replace(string(data), old, new, 1)))
}

func writeFile(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
