package site_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
	"github.com/milepost/milepost/internal/summary"
)

// One-off builds that take the last build's page summaries instead of
// parsing unchanged pages give exactly what a build without them gives,
// through random edits, adds, renames and deletes; and they parse only
// what changed.
func TestSummariesEqualFullBuild(t *testing.T) {
	for _, archive := range []string{"testdata/sites/links.txtar", "testdata/incremental.txtar"} {
		for _, seed := range []int64{1, 2, 3} {
			t.Run(fmt.Sprintf("%s/seed%d", archive, seed), func(t *testing.T) {
				fsys := fstest.MapFS{}
				for k, v := range sitetest.Load(t, archive).FS() {
					fsys[k] = &fstest.MapFile{Data: bytes.Clone(v.Data), ModTime: time.Unix(1, 0)}
				}
				rng := rand.New(rand.NewSource(seed))
				var sums *summary.Summaries
				for step := 0; step < 12; step++ {
					op := "first build"
					if step > 0 {
						op, _ = mutate(rng, fsys, time.Unix(int64(step+2), 0))
					}
					in := input(fsys)
					in.Summaries = sums
					mem := publish.NewMemory(false)
					res, gotErr := site.Build(context.Background(), in, mem)
					_, want, wantErr := build(t, fsys)
					if (gotErr != nil) != (wantErr != nil) {
						t.Fatalf("step %d (%s): error %v with summaries, %v without", step, op, gotErr, wantErr)
					}
					if gotErr != nil {
						continue
					}
					if diff := diffFiles(want, mem.Files()); diff != "" {
						t.Fatalf("step %d (%s): the build with summaries differs:\n%s", step, op, diff)
					}
					if sums != nil && isEdit(op) && res.Parsed != 1 {
						t.Errorf("step %d (%s): %d of %d pages parsed, want 1", step, op, res.Parsed, res.Pages)
					}
					var buf bytes.Buffer
					if err := res.WriteSummaries(&buf); err != nil {
						t.Fatal(err)
					}
					if sums, gotErr = summary.Read(buf.Bytes()); gotErr != nil {
						t.Fatalf("step %d: reading the summaries back: %v", step, gotErr)
					}
				}
			})
		}
	}
}

// isEdit says whether a mutation changed one page's bytes and nothing else.
func isEdit(op string) bool {
	for _, kind := range []string{"edit ", "prose ", "date ", "progress ", "retitle "} {
		if strings.HasPrefix(op, kind) {
			return true
		}
	}
	return false
}

// A damaged summaries file is refused as a whole: a flipped bit or a cut
// anywhere is an error, never a summary read wrong.
func TestDamagedSummariesRefused(t *testing.T) {
	fsys := sitetest.Load(t, "testdata/sites/links.txtar").FS()
	res, _, err := build(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := res.WriteSummaries(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if _, err := summary.Read(data); err != nil {
		t.Fatalf("intact file: %v", err)
	}
	for i := 0; i < len(data); i += 1 + i/50 {
		if _, err := summary.Read(data[:i]); err == nil {
			t.Errorf("cut at byte %d of %d: read", i, len(data))
		}
		bad := bytes.Clone(data)
		bad[i] ^= 0x10
		if _, err := summary.Read(bad); err == nil {
			t.Errorf("bit flipped in byte %d: read", i)
		}
	}
}
