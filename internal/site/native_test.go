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
	sites["hostile-errors"] = os.DirFS(filepath.Join("..", "..", "testdata", "hostile-errors"))
	return sites
}

// TestNativePagesMatchTemplates builds each site with a minifying sink,
// where the default page.html is drawn in Go, and again with the default
// page.html given as the site's own file, which runs the templates; every
// file of the two builds must be the same.
func TestNativePagesMatchTemplates(t *testing.T) {
	page, err := fs.ReadFile(milepost.Templates(), "page.html")
	if err != nil {
		t.Fatal(err)
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
			mustWrite(t, filepath.Join(root, "templates", "page.html"), string(page))
			run := buildMinified(t, root)
			pages := compareBuilds(t, drawn, run)
			if pages == 0 && name != "hostile-errors" {
				t.Error("no page compared")
			}
		})
	}
}

// buildMinified builds the site at root into a minifying memory and
// returns its files (nil when the build failed).
func buildMinified(t *testing.T, root string) map[string][]byte {
	t.Helper()
	mem := publish.NewMemory(true)
	if _, err := site.Build(context.Background(), onDisk(root), mem); err != nil {
		return nil
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
// the default minifying sink: its pages run the site's templates, which
// show in them.
func TestOwnPartialsRun(t *testing.T) {
	partials, err := fs.ReadFile(milepost.Templates(), "partials.html")
	if err != nil {
		t.Fatal(err)
	}
	own := bytes.Replace(partials, []byte(">Up next<"), []byte(">OWN-UP-NEXT<"), 1)
	if bytes.Equal(own, partials) {
		t.Fatal("partials.html has no >Up next<")
	}
	root := t.TempDir()
	if err := os.CopyFS(root, sitetest.Load(t, "testdata/native/hostile-values.txtar").FS()); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, "templates", "partials.html"), string(own))
	files := buildMinified(t, root)
	if !bytes.Contains(files["plan/index.html"], []byte(">OWN-UP-NEXT<")) {
		t.Errorf("plan/index.html does not show the site's own partials.html:\n%s", files["plan/index.html"])
	}
}
