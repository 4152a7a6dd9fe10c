package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// nativeSites are the sites whose pages TestNativePagesMatchTemplates
// compares: the sites the other tests build, the hostile inputs, and
// testdata/native's values for every escaping context.
func nativeSites(t *testing.T) map[string]fs.FS {
	t.Helper()
	sites := map[string]fs.FS{}
	var archives []string
	for _, glob := range []string{"testdata/sites/*.txtar", "testdata/native/*.txtar", "testdata/*.txtar", "testdata/attachments/*.txtar", "testdata/backlinks/*.txtar"} {
		found, _ := filepath.Glob(glob)
		archives = append(archives, found...)
	}
	for _, path := range archives {
		sites[path] = sitetest.Load(t, path).FS()
	}
	sites["graphs/tasks"] = os.DirFS("testdata/graphs")
	sites["hostile"] = os.DirFS(hostileRoot)
	return sites
}

// TestNativePagesMatchTemplates builds each site with a minifying sink,
// where the default page.html, card and row are drawn in Go, and again
// with the default page.html and partials.html given as the site's own
// files, which run as templates; every file of the two builds must be
// the same.
func TestNativePagesMatchTemplates(t *testing.T) {
	own := map[string][]byte{}
	for _, name := range []string{"page.html", "partials.html"} {
		data, err := fs.ReadFile(milepost.Templates(), name)
		if err != nil {
			t.Fatal(err)
		}
		own[name] = data
	}
	for name, fsys := range nativeSites(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if name == "graphs/tasks" {
				dir = filepath.Join(dir, "content")
			}
			if err := os.CopyFS(dir, fsys); err != nil {
				t.Fatal(err)
			}
			root := strings.TrimSuffix(dir, string(filepath.Separator)+"content")
			drawn := buildMinified(t, root)
			for name, data := range own {
				mustWrite(t, filepath.Join(root, "templates", name), string(data))
			}
			run := buildMinified(t, root)
			pages := compareBuilds(t, drawn, run)
			if pages == 0 {
				t.Error("no page compared")
			}
		})
	}
}

// buildMinified builds the site at root into a minifying memory and
// returns its files.
func buildMinified(t *testing.T, root string) map[string][]byte {
	t.Helper()
	mem := publish.NewMemory(true)
	if _, err := site.Build(context.Background(), onDisk(root), mem); err != nil {
		t.Fatalf("building %s: %v", root, err)
	}
	return mem.Files()
}

// compareBuilds reports every file the two builds do not share byte for
// byte, and returns how many pages it compared.
func compareBuilds(t *testing.T, drawn, run map[string][]byte) int {
	t.Helper()
	if len(drawn) != len(run) {
		t.Errorf("%d files drawn in Go, %d from the templates", len(drawn), len(run))
	}
	names := make([]string, 0, len(run))
	for n := range run {
		names = append(names, n)
	}
	sort.Strings(names)
	pages := 0
	for _, n := range names {
		got, ok := drawn[n]
		if !ok {
			t.Errorf("%s: not written with page.html drawn in Go", n)
			continue
		}
		if strings.HasSuffix(n, "index.html") {
			pages++
		}
		if !bytes.Equal(got, run[n]) {
			t.Errorf("%s differs:\n got %s\nwant %s", n, got, run[n])
		}
	}
	return pages
}

// TestOwnPartialsRun builds a site that gives its own partials.html, with
// the default minifying sink: its pages and listings run the site's
// partials (Up next, rows, cards), which show in them.
func TestOwnPartialsRun(t *testing.T) {
	partials, err := fs.ReadFile(milepost.Templates(), "partials.html")
	if err != nil {
		t.Fatal(err)
	}
	own := string(partials)
	for _, r := range [][2]string{{">Up next<", ">OWN-UP-NEXT<"}, {`<li class="row">`, `<li class="row own-row">`}, {`<article class="card`, `<article class="own-card card`}} {
		if !strings.Contains(own, r[0]) {
			t.Fatalf("partials.html has no %s", r[0])
		}
		own = strings.Replace(own, r[0], r[1], 1)
	}
	root := t.TempDir()
	if err := os.CopyFS(root, sitetest.Load(t, "testdata/native/hostile-values.txtar").FS()); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, "templates", "partials.html"), own)
	files := buildMinified(t, root)
	for _, want := range [][2]string{{"plan/index.html", ">OWN-UP-NEXT<"}, {"a-b/index.html", "own-row"}, {"index.html", "own-row"}, {"tags/a-b/index.html", "own-card"}} {
		if !strings.Contains(string(files[want[0]]), want[1]) {
			t.Errorf("%s does not show the site's own partials.html (%s):\n%s", want[0], want[1], files[want[0]])
		}
	}
}
