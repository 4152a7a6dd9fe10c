package site_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"runtime/pprof"
	"testing"
	"testing/fstest"
	"time"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/site"
)

type overlayFS struct {
	fs.FS
	over fstest.MapFS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if _, ok := o.over[name]; ok {
		return o.over.Open(name)
	}
	return o.FS.Open(name)
}

func TestTmpRebuild(t *testing.T) {
	root := os.Getenv("TMP_CORPUS")
	if root == "" {
		t.Skip()
	}
	file := os.Getenv("TMP_FILE")
	orig, _ := os.ReadFile(root + "/" + file)
	over := fstest.MapFS{}
	fsys := overlayFS{os.DirFS(root), over}
	b := site.NewBuilder(site.Input{Site: fsys, ThemeTemplates: milepost.Templates(), ThemeStatic: milepost.Static(), Now: time.Unix(1_700_000_000, 0).UTC()})
	if _, _, _, err := b.BuildServed(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("/tmp/tmp.prof")
	pprof.StartCPUProfile(f)
	var total time.Duration
	n := 20
	for i := 0; i < n; i++ {
		over[file] = &fstest.MapFile{Data: append(append([]byte{}, orig...), fmt.Sprintf("\n\nedit %d\n", i)...), ModTime: time.Now()}
		start := time.Now()
		if _, _, _, err := b.BuildServed(context.Background(), []string{file}); err != nil {
			t.Fatal(err)
		}
		total += time.Since(start)
	}
	pprof.StopCPUProfile()
	fmt.Printf("mean %v\n", total/time.Duration(n))
}
