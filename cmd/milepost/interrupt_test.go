package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/cli"
)

// interruptPages is the size of the site the interruption test builds: big
// enough that a build runs long past its first staged files (each page
// makes about three).
const interruptPages = 600

// writeManyPages writes n pages into site/content, each with one task in
// state box ("[ ]" or "[x]"), so that changing box changes every output
// page.
func writeManyPages(t *testing.T, site, box string, n int) {
	t.Helper()
	dir := filepath.Join(site, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		page := fmt.Sprintf("# Page %d\n\n- %s task %d\n- [ ] another task\n\n[[Page %d]]\n", i, box, i, (i+1)%n)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%04d.md", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// destEntry is what must not change in a destination: bytes, mode and
// modification time of every entry, dot-files and the manifest included.
type destEntry struct {
	mode  fs.FileMode
	mtime time.Time
	sum   [32]byte
}

func snapshotDest(t *testing.T, root string) map[string]destEntry {
	t.Helper()
	out := map[string]destEntry{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		st := destEntry{mode: info.Mode(), mtime: info.ModTime()}
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			st.sum = sha256.Sum256(data)
		}
		out[filepath.ToSlash(rel)] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func compareDest(t *testing.T, before, after map[string]destEntry) {
	t.Helper()
	var names []string
	for n := range before {
		names = append(names, n)
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	changed := 0
	for _, n := range names {
		b, inBefore := before[n]
		a, inAfter := after[n]
		var what string
		switch {
		case !inAfter:
			what = "removed"
		case !inBefore:
			what = "added"
		case n != "." && !a.mode.IsDir() && a.sum != b.sum:
			what = "rewritten with new bytes"
		case n != "." && !a.mode.IsDir() && !a.mtime.Equal(b.mtime):
			what = "touched"
		case a.mode != b.mode:
			what = "mode changed"
		default:
			continue
		}
		if changed++; changed <= 10 {
			t.Errorf("%s: %s", n, what)
		}
	}
	if changed > 10 {
		t.Errorf("… and %d more changes", changed-10)
	}
}

// buildOnce builds site into dest and fails the test unless it succeeds.
func buildOnce(t *testing.T, site, dest string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", "-s", site, "-d", dest, "-q"}, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
}

// TestInterruptedBuildLeavesDestination builds a site, changes every
// page, starts a second build and cancels it (as SIGINT does through
// main's context) once it has staged some files, then checks that the
// destination is exactly as the first build left it: same files, bytes and
// modification times, no staging folder.
func TestInterruptedBuildLeavesDestination(t *testing.T) {
	site := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	writeManyPages(t, site, "[ ]", interruptPages)
	buildOnce(t, site, dest)
	before := snapshotDest(t, dest)
	writeManyPages(t, site, "[x]", interruptPages)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	staged := make(chan int, 1)
	go func() {
		// Cancel once the build has staged a few dozen files: half-way
		// through writing, with most pages still to come.
		staging := filepath.Join(dest, ".milepost-staging")
		for ctx.Err() == nil {
			if n := countFiles(staging); n >= 50 {
				staged <- n
				cancel()
				return
			}
			time.Sleep(time.Millisecond) // watching harder slows the build it watches
		}
	}()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"build", "-s", site, "-d", dest, "-q"}, &stdout, &stderr)
	select {
	case n := <-staged:
		t.Logf("cancelled with %d files staged", n)
	default:
		t.Fatalf("the build ended (exit %d) before it staged enough files to interrupt; make the site bigger", code)
	}
	if code != cli.ExitFail || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want 1 and a word about the interruption", code, stderr.String())
	}
	compareDest(t, before, snapshotDest(t, dest))
}

// TestFailingBuildLeavesDestination does the same with a build that fails
// half-way: a theme override whose page template errors on one late page,
// after many pages were staged.
func TestFailingBuildLeavesDestination(t *testing.T) {
	site := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	const pages = 300
	writeManyPages(t, site, "[ ]", pages)
	buildOnce(t, site, dest)
	before := snapshotDest(t, dest)

	writeManyPages(t, site, "[x]", pages)
	page, err := fs.ReadFile(milepost.Templates(), "page.html")
	if err != nil {
		t.Fatal(err)
	}
	boom := fmt.Sprintf(`{{if eq .Title "Page %d"}}{{index .Site.Title 1000}}{{end}}`, pages-10)
	if err := os.MkdirAll(filepath.Join(site, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "templates", "page.html"), append([]byte(boom), page...), 0o644); err != nil {
		t.Fatal(err)
	}
	// Watch the staging folder, to know the failure came half-way.
	ctx, stop := context.WithCancel(context.Background())
	mostStaged := make(chan int)
	go func() {
		most := 0
		for ctx.Err() == nil && most < 100 { // enough to say it came half-way
			most = max(most, countFiles(filepath.Join(dest, ".milepost-staging")))
			time.Sleep(time.Millisecond)
		}
		<-ctx.Done()
		mostStaged <- most
	}()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-s", site, "-d", dest, "-q"}, &stdout, &stderr)
	stop()
	if n := <-mostStaged; n == 0 {
		t.Error("the build failed before it staged any file")
	} else {
		t.Logf("failed with at least %d files staged", n)
	}
	if code != cli.ExitFail {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "page.html") {
		t.Errorf("stderr does not name the failing template:\n%s", stderr.String())
	}
	compareDest(t, before, snapshotDest(t, dest))
}

// countFiles counts the regular files under root; 0 when it is missing.
func countFiles(root string) int {
	n := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}
