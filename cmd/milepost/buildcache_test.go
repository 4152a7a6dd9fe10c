package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/buildcache"
)

// The build cache: a build of unchanged input does nothing, an edit keeps
// every output whose inputs did not change, and the result is always what
// a build without the cache gives.
func TestBuildCache(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	build := func(args ...string) string { t.Helper(); return buildSite(t, root, args...) }

	build("-d", dest)
	cache := cacheFolder(t, root)
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no cache after a build: %v", err)
	}
	if out := build("-d", dest); !strings.HasPrefix(out, "up to date") {
		t.Errorf("a build of unchanged input: %q, want up to date", out)
	}

	page := filepath.Join(root, "content", "plan.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(src, "\n- [x] one more thing\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := build("-d", dest)
	if strings.HasPrefix(out, "up to date") || !strings.Contains(out, "unchanged") {
		t.Errorf("a build after an edit: %q", out)
	}
	if !strings.Contains(out, "(1 parsed)") {
		t.Errorf("a build after one page's edit parsed more than that page: %q", out)
	}
	sameAsFresh(t, root, dest, "after an edit")

	// Damaged page summaries are reported and left unused: every page is
	// parsed, and the site is the same.
	pages := filepath.Join(cache, "pages.bin")
	data, err := os.ReadFile(pages)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(pages, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(src, "\n- [ ] and one more\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "build", "-s", root, "-d", dest)
	if code != 0 || !strings.Contains(errOut, "ignoring the cached page summaries") || strings.Contains(out, "(1 parsed)") {
		t.Errorf("a build with damaged summaries: exit %d, %q, %q", code, out, errOut)
	}
	sameAsFresh(t, root, dest, "with damaged summaries")

	// So are damaged loaded pages: every page is read again.
	loaded := filepath.Join(cache, "loaded-v2.gob")
	if err := os.WriteFile(loaded, []byte("not a gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(src, "\n- [ ] and another\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "build", "-s", root, "-d", dest)
	if code != 0 || !strings.Contains(errOut, "ignoring the cached pages") {
		t.Errorf("a build with damaged loaded pages: exit %d, %q, %q", code, out, errOut)
	}
	sameAsFresh(t, root, dest, "with damaged loaded pages")

	// A file changed by hand in the destination is put back.
	hand := filepath.Join(dest, "index.html")
	if err := os.WriteFile(hand, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	_ = os.Chtimes(hand, later, later)
	if out := build("-d", dest); strings.HasPrefix(out, "up to date") {
		t.Errorf("a destination edited by hand counted as up to date: %q", out)
	}
	sameAsFresh(t, root, dest, "after an edit by hand")

	// Other flags are other outputs: the unminified build is not the
	// minified one, and is not served from its cache.
	if out := build("--no-minify", "-d", dest); strings.HasPrefix(out, "up to date") {
		t.Errorf("--no-minify after a minified build: %q", out)
	}
	html, _ := os.ReadFile(hand)
	if !bytes.Contains(html, []byte("\n")) {
		t.Error("--no-minify kept the minified home page")
	}

	// --no-cache leaves the cache alone.
	before, _ := os.ReadDir(cache)
	build("--no-cache", "-d", filepath.Join(t.TempDir(), "elsewhere"))
	after, _ := os.ReadDir(cache)
	if len(before) != len(after) {
		t.Errorf("--no-cache changed the cache: %d files before, %d after", len(before), len(after))
	}
}

// Files written just before a build (a checkout, a generator) cannot be
// taken on the cache's word at the next build, which reads them again;
// when that build has nothing to do it saves the index it took, so the
// builds after it read nothing.
func TestUpToDateBuildSavesSettledIndex(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar") // written just now: racy
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, "-d", dest)
	cache := cacheFolder(t, root)
	taken := func() int64 {
		t.Helper()
		st, err := buildcache.Load(cache)
		if err != nil || st == nil || st.InputIndex == nil {
			t.Fatalf("no input index in the cache: %v", err)
		}
		return st.InputIndex.Taken
	}
	first := taken()
	time.Sleep(10 * time.Millisecond)
	if out := buildSite(t, root, "-d", dest); !strings.HasPrefix(out, "up to date") {
		t.Fatalf("second build: %q, want up to date", out)
	}
	second := taken()
	if second <= first {
		t.Error("an up-to-date build that read racy files kept the old index")
	}
	if out := buildSite(t, root, "-d", dest); !strings.HasPrefix(out, "up to date") {
		t.Errorf("a build after the refreshed index: %q, want up to date", out)
	}
}

// A page whose source did not change is parsed without its body in a
// cached build; when it must be rendered all the same (it embeds the page
// that changed), its body is made then, and the site is the one a build
// without the cache gives.
func TestBuildCacheRendersUnchangedSourcesThatMustChange(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "../../internal/site/testdata/incremental.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, "-d", dest)
	delta := filepath.Join(root, "content", "areas", "core", "deep", "delta.md")
	src, err := os.ReadFile(delta)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(delta, bytes.Replace(src, []byte("- [ ] two"), []byte("- [x] two"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, root, "-d", dest)
	sameAsFresh(t, root, dest, "after an edit of an embedded page")
}

// A sequence of edits of every kind, each built with the cache (page
// summaries, kept files) into one destination, gives after every step
// exactly the site a build without the cache gives.
func TestBuildCacheEditSequence(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "../../internal/site/testdata/incremental.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	content := func(name string) string { return filepath.Join(root, "content", filepath.FromSlash(name)) }
	edit := func(name, old, new string) func() error {
		return func() error {
			src, err := os.ReadFile(content(name))
			if err != nil {
				return err
			}
			if !bytes.Contains(src, []byte(old)) {
				return fmt.Errorf("%s does not hold %q", name, old)
			}
			return os.WriteFile(content(name), bytes.Replace(src, []byte(old), []byte(new), 1), 0o644)
		}
	}
	steps := []struct {
		what string
		do   func() error
	}{
		{"tick an item of an embedded section", edit("areas/core/deep/delta.md", "- [ ] two", "- [x] two ✅ 2026-11-01")},
		{"prose only", edit("notes/epsilon.md", "Notes without items", "Notes, still without items")},
		{"rename a heading others link to", edit("areas/core/gamma.md", "## Build", "## Building")},
		{"retitle a page", edit("areas/core/deep/delta.md", "title: Delta", "title: Delta prime")},
		{"new page a broken link now finds", func() error {
			if err := edit("notes/epsilon.md", "linking [[Delta]]", "linking [[Delta]], [[Zeta]]")(); err != nil {
				return err
			}
			return os.WriteFile(content("notes/zeta.md"), []byte("# Zeta\n\n- [ ] begin\n"), 0o644)
		}},
		{"delete a linked page", func() error { return os.Remove(content("notes/zeta.md")) }},
		{"new markdown link target", func() error {
			if err := edit("areas/index.md", "- [ ] review", "- [ ] review [the plan](plan.md)")(); err != nil {
				return err
			}
			return os.WriteFile(content("areas/plan.md"), []byte("# Plan\n\n- [x] draft\n"), 0o644)
		}},
		{"move a page", func() error { return os.Rename(content("areas/plan.md"), content("notes/plan.md")) }},
	}
	buildSite(t, root, "-d", dest)
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		out := buildSite(t, root, "-d", dest)
		sameAsFresh(t, root, dest, step.what+" ("+out+")")
	}
}

// cacheFolder is the build cache of the site at root, under the
// MILEPOST_CACHE_DIR TestMain sets.
func cacheFolder(t *testing.T, root string) string {
	t.Helper()
	dir, err := buildcache.Folder(os.Getenv("MILEPOST_CACHE_DIR"), root)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildSite runs milepost build on the site at root and returns what it
// printed; a failed build fails the test.
func buildSite(t *testing.T, root string, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"build", "-s", root}, args...)...)
	if code != 0 {
		t.Fatalf("build %v: exit %d\n%s", args, code, errOut)
	}
	return out
}

// sameAsFresh checks that dest holds exactly what a build of root without
// the cache, with the flags args, writes.
func sameAsFresh(t *testing.T, root, dest, when string, args ...string) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, append([]string{"--no-cache", "-d", fresh}, args...)...)
	want, got := snapshot(t, fresh), snapshot(t, dest)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s: %s differs from a build without the cache", when, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is left over", when, name)
		}
	}
}

// TestCachedPagesOffered checks what LOAD is offered after a build: every
// page whose file still has the bytes it was read from, without its body,
// and no page whose file changed.
func TestCachedPagesOffered(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "../../internal/site/testdata/incremental.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, "-d", dest)
	edited := filepath.Join(root, "content", "notes", "epsilon.md")
	if err := os.WriteFile(edited, []byte("# Epsilon, rewritten\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	sf := siteFlags{source: root}
	in, err := sf.input()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	session := buildcache.Open(in, buildcache.Settings{
		Dir: cacheFolder(t, root), Root: root, ContentDir: "content", Dest: dest, Minify: true, Warn: &stderr,
	})
	session.Offer(&in)
	if stderr.Len() > 0 || in.Loaded == nil {
		t.Fatalf("nothing offered (%s)", stderr.String())
	}
	page, ok := in.Loaded("areas/core/gamma.md")
	if !ok || !page.Unread || page.Body != nil || page.Title != "Gamma" {
		t.Errorf("unchanged page offered as %+v, %v; want Gamma, unread", page, ok)
	}
	if page, ok := in.Loaded("notes/epsilon.md"); ok {
		t.Errorf("an edited page was offered: %+v", page)
	}
	if _, ok := in.Loaded("notes/absent.md"); ok {
		t.Error("a page never built was offered")
	}
}
