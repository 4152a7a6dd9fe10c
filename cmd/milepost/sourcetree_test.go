package main

import (
	"bytes"
	"context"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"
)

// treeEntry is what a snapshot of a source tree records of one entry.
type treeEntry struct {
	size  int64
	mode  fs.FileMode
	mtime time.Time
}

// sourceTree records the name, size, mode and modification time of every
// file and folder under root (root itself included, as "."), except the
// folders skip names. Tests run as root, where permissions prevent
// nothing: what is written shows only in the tree itself.
func sourceTree(t *testing.T, root string, skip ...string) map[string]treeEntry {
	t.Helper()
	tree := map[string]treeEntry{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		for _, s := range skip {
			if rel == s {
				return fs.SkipDir
			}
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		tree[rel] = treeEntry{info.Size(), info.Mode(), info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// sameTree reports every difference between two snapshots, except for
// the entries named in except.
func sameTree(t *testing.T, when string, before, after map[string]treeEntry, except ...string) {
	t.Helper()
	skip := map[string]bool{}
	for _, e := range except {
		skip[e] = true
	}
	for name, b := range before {
		if a, ok := after[name]; !ok {
			t.Errorf("%s: %s was removed", when, name)
		} else if a != b && !skip[name] {
			t.Errorf("%s: %s changed: %+v, was %+v", when, name, a, b)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s: %s was written into the source tree", when, name)
		}
	}
}

// Nothing but the destination is written into the source tree by build,
// and nothing at all by check and serve: the build cache lives elsewhere.
func TestCommandsLeaveTheSourceTreeAlone(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	// A source tree left alone for a while, so a write would move a time.
	old := time.Now().Add(-time.Hour)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error { return os.Chtimes(p, old, old) })
	before := sourceTree(t, root)

	buildSite(t, root) // into <root>/public, the default destination
	after := sourceTree(t, root, "public")
	sameTree(t, "build", before, after, ".") // the root gained public/
	if _, err := os.Stat(cacheFolder(t, root)); err != nil {
		t.Errorf("the build left no cache in MILEPOST_CACHE_DIR: %v", err)
	}

	before = sourceTree(t, root)
	if out := buildSite(t, root); !bytes.HasPrefix([]byte(out), []byte("up to date")) {
		t.Errorf("second build: %q, want up to date", out)
	}
	buildSite(t, root, "-d", filepath.Join(t.TempDir(), "elsewhere"))
	sameTree(t, "build into another folder", before, sourceTree(t, root))

	if code, _, errOut := runCLI(t, "check", "-s", root); code != 0 {
		t.Fatalf("check: exit %d\n%s", code, errOut)
	}
	sameTree(t, "check", before, sourceTree(t, root))

	serveOnce(t, root)
	sameTree(t, "serve", before, sourceTree(t, root))
}

// serveOnce runs milepost serve on root until it has served the home page.
func serveOnce(t *testing.T, root string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "-s", root, "--port", "0"}, &log, &log) }()
	served := regexp.MustCompile(`serving (http://\S+)`)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := served.FindStringSubmatch(log.String()); m != nil {
			resp, err := http.Get(m[1])
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("serve: GET / = %s", resp.Status)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve: exit %d\n%s", code, log.String())
	}
}

// lockedBuffer is a bytes.Buffer for one writer and one reader at a time.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
