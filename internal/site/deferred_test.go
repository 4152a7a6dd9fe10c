package site_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// The dev server makes status.json, the feed and the search index of a
// build on request, possibly while the next build runs: the makers must
// read nothing the next build changes (go test -race).
func TestDeferredFilesWhileRebuilding(t *testing.T) {
	base := sitetest.Load(t, "testdata/incremental.txtar").FS()
	fsys := fstest.MapFS{}
	for k, v := range base {
		fsys[k] = &fstest.MapFile{Data: append([]byte(nil), v.Data...), ModTime: time.Unix(1, 0)}
	}
	b := site.NewBuilder(again(fsys))
	_, deferred, _, _, err := b.BuildServed(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for step := range 6 {
		var wg sync.WaitGroup
		for name, make := range deferred {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if len(make()) == 0 {
					t.Errorf("step %d: %s is empty", step, name)
				}
			}()
		}
		page := "content/areas/core/gamma.md"
		if step%2 == 1 { // a new page: LOAD, URLs and the link index made again
			page = fmt.Sprintf("content/new/page-%d.md", step)
			fsys[page] = &fstest.MapFile{Data: []byte("# New\n\n- [x] done ✅ 2026-10-01\n\nSee [[Gamma]].\n"), ModTime: time.Unix(int64(step+2), 0)}
		} else {
			f := fsys[page]
			f.Data = append(append([]byte(nil), f.Data...), fmt.Sprintf("\n- [x] step %d ✅ 2026-10-1%d\n\nSee [[Delta]].\n", step, step)...)
		}
		_, next, _, _, err := b.BuildServed(context.Background(), []string{page})
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		deferred = next
	}
}
