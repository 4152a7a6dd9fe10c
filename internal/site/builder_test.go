package site_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"sort"
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
	base := sitetest.Load(t, "testdata/sites/links.txtar").FS()
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = &fstest.MapFile{Data: append([]byte(nil), v.Data...), Mode: v.Mode, ModTime: time.Unix(1, 0)}
			}
			rng := rand.New(rand.NewSource(seed))
			b := site.NewBuilder(input(fsys))
			for step := 0; step < 12; step++ {
				op, changed := mutate(rng, fsys, time.Unix(int64(step+2), 0))
				got, _, gotErr := b.BuildFiles(context.Background(), changed)
				want, _, wantErr := site.NewBuilder(input(fsys)).BuildFiles(context.Background(), nil)
				if (gotErr != nil) != (wantErr != nil) {
					t.Fatalf("step %d (%s): incremental error %v, full build error %v", step, op, gotErr, wantErr)
				}
				if diff := diffFiles(want, got); diff != "" {
					t.Fatalf("step %d (%s): incremental build differs from a full build:\n%s", step, op, diff)
				}
			}
		})
	}
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
	switch rng.Intn(5) {
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
	default: // retitle: changes how links by title resolve
		f := fsys[pick]
		f.Data = append([]byte(fmt.Sprintf("---\ntitle: Retitled %d\naliases: [Alpha]\n---\n", rng.Intn(10))), bytes.TrimPrefix(f.Data, []byte("---"))...)
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
