package site_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// TestIncrementalEqualsFullBuild applies random sequences of edits, adds,
// renames and deletes to a site and checks, after each step, that the
// Builder's incremental build gives exactly what a fresh full build gives.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	for _, archive := range []string{"testdata/sites/links.txtar", "testdata/incremental.txtar", "testdata/sites/plans.txtar"} {
		// Seeds 74 and 118 once found a backlink whose section title
		// changed without changing the linked page's key.
		for _, seed := range []int64{1, 2, 3, 4, 5, 6, 74, 118} {
			t.Run(fmt.Sprintf("%s/seed%d", archive, seed), func(t *testing.T) {
				incrementalRun(t, sitetest.Load(t, archive).FS(), seed)
			})
		}
	}
}

// incrementalRun builds base, then mutates it step by step, comparing the
// Builder's output with a fresh build's after each step.
func incrementalRun(t *testing.T, base fstest.MapFS, seed int64) {
	fsys := fstest.MapFS{}
	for k, v := range base {
		fsys[k] = &fstest.MapFile{Data: append([]byte(nil), v.Data...), Mode: v.Mode, ModTime: time.Unix(1, 0)}
	}
	rng := rand.New(rand.NewSource(seed))
	b := site.NewBuilder(again(fsys))
	var served map[string][]byte // the last good build's files, as the dev server holds them
	for step := 0; step < 16; step++ {
		op, changed := mutate(rng, fsys, time.Unix(int64(step+2), 0))
		files, deferred, outputs, _, gotErr := b.BuildServed(context.Background(), changed)
		want, _, wantErr := site.NewBuilder(input(fsys)).BuildFiles(context.Background(), nil)
		if (gotErr != nil) != (wantErr != nil) {
			t.Fatalf("step %d (%s): incremental error %v, full build error %v", step, op, gotErr, wantErr)
		}
		if gotErr != nil {
			continue
		}
		got := map[string][]byte{}
		for name, data := range files {
			got[name] = data
		}
		for name, make := range deferred {
			got[name] = make()
		}
		if diff := diffFiles(want, got); diff != "" {
			t.Fatalf("step %d (%s): incremental build differs from a full build:\n%s", step, op, diff)
		}
		if served != nil && outputs != nil {
			if want := changedNames(served, files); strings.Join(outputs, "\n") != strings.Join(want, "\n") {
				t.Fatalf("step %d (%s): the build says %q changed; comparing gives %q", step, op, outputs, want)
			}
		}
		served = files
	}
}

// changedNames lists, sorted, the names whose bytes differ between two
// builds' files, removed ones included.
func changedNames(prev, cur map[string][]byte) []string {
	var out []string
	for name, data := range cur {
		if old, ok := prev[name]; !ok || !bytes.Equal(old, data) {
			out = append(out, name)
		}
	}
	for name := range prev {
		if _, ok := cur[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// mutate changes fsys at random, stamping what it touches with time now,
// and says what it did and which files changed (as a watcher would).
func mutate(rng *rand.Rand, fsys fstest.MapFS, now time.Time) (string, []string) {
	var pages []string
	for name := range fsys {
		if len(name) > 3 && name[len(name)-3:] == ".md" {
			pages = append(pages, name)
		}
	}
	sort.Strings(pages)
	pick := pages[rng.Intn(len(pages))]
	switch rng.Intn(8) {
	case 0: // add a page that links to an existing one
		name := fmt.Sprintf("content/new/page-%d.md", rng.Intn(1000))
		fsys[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# New %s\n\n- [x] one\n- [ ] two\n\nSee [[Alpha]] and [[Beta#First part]].\n", name)), ModTime: now}
		return "add " + name, []string{name}
	case 1: // edit: tick a box and add a link
		f := fsys[pick]
		f.Data = append(append([]byte(nil), f.Data...), []byte(fmt.Sprintf("\n- [x] added %d, see [[new/page-1]]\n", rng.Intn(100)))...)
		f.ModTime = now
		return "edit " + pick, []string{pick}
	case 2: // rename
		if len(pages) < 2 {
			return "none", []string{}
		}
		to := fmt.Sprintf("content/moved/renamed-%d.md", rng.Intn(1000))
		fsys[to] = fsys[pick]
		delete(fsys, pick)
		return "rename " + pick + " → " + to, []string{pick, to}
	case 3: // delete
		if len(pages) < 2 {
			return "none", []string{}
		}
		delete(fsys, pick)
		return "delete " + pick, []string{pick}
	case 4: // prose only: the page changes, what others show of it does not
		f := fsys[pick]
		f.Data = append(append([]byte(nil), f.Data...), []byte(fmt.Sprintf("\nA paragraph, %d.\n", rng.Intn(100)))...)
		f.ModTime = now
		return "prose " + pick, []string{pick}
	case 5: // a dated done item, or a new date on the last one: recent items and charts
		f := fsys[pick]
		day := fmt.Sprintf("2026-09-%02d", 1+rng.Intn(28))
		if i := bytes.LastIndex(f.Data, []byte("✅ 2026-")); i >= 0 {
			f.Data = append(append(append([]byte(nil), f.Data[:i]...), "✅ "+day...), f.Data[i+len("✅ 2026-09-01"):]...)
		} else {
			f.Data = append(append([]byte(nil), f.Data...), "\n- [x] dated ✅ "+day+"\n"...)
		}
		f.ModTime = now
		return "date " + pick, []string{pick}
	case 6: // a box that starts, finishes or is added: counts everywhere, no link changes;
		// a task finished makes another page's work ready (the site's plan)
		f := fsys[pick]
		if bytes.Contains(f.Data, []byte("- [ ]")) {
			f.Data = bytes.Replace(f.Data, []byte("- [ ]"), []byte("- [/]"), 1)
		} else if bytes.Contains(f.Data, []byte("- [/]")) {
			f.Data = bytes.Replace(f.Data, []byte("- [/]"), []byte("- [x]"), 1)
		} else {
			f.Data = append(append([]byte(nil), f.Data...), "\n- [ ] more\n"...)
		}
		f.ModTime = now
		return "progress " + pick, []string{pick}
	default: // retitle and retag: changes how links by title resolve, and tag pages
		f := fsys[pick]
		f.Data = append([]byte(fmt.Sprintf("---\ntitle: Retitled %d\naliases: [Alpha]\ntags: [t%d]\n---\n", rng.Intn(10), rng.Intn(3))), bytes.TrimPrefix(f.Data, []byte("---"))...)
		f.ModTime = now
		return "retitle " + pick, []string{pick}
	}
}

// diffFiles describes how two site trees differ, "" when they do not.
func diffFiles(want, got map[string][]byte) string {
	var out []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			out = append(out, "missing "+name)
		case !bytes.Equal(g, w):
			out = append(out, "differs "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			out = append(out, "extra "+name)
		}
	}
	sort.Strings(out)
	if len(out) > 10 {
		out = append(out[:10], "…")
	}
	var b bytes.Buffer
	for _, l := range out {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// A page's error stays until that page is fixed: a rebuild after an edit
// of another page reads the broken one from the cache, errors included.
func TestIncrementalKeepsOtherPagesErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: [unclosed\n---\n# A\n")},
		"content/b.md": {Data: []byte("# B\n\n- [ ] one\n")},
	}
	b := site.NewBuilder(again(fsys))
	if _, _, err := b.BuildFiles(context.Background(), nil); err == nil {
		t.Fatal("a page with broken front matter built")
	}
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("# B\n\n- [x] one\n")}
	if _, _, err := b.BuildFiles(context.Background(), []string{"content/b.md"}); err == nil || !strings.Contains(err.Error(), "a.md") {
		t.Fatalf("after editing b.md: %v, want a.md's error again", err)
	}
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n# A\n")}
	if _, _, err := b.BuildFiles(context.Background(), []string{"content/a.md"}); err != nil {
		t.Fatalf("after fixing a.md: %v", err)
	}
}
