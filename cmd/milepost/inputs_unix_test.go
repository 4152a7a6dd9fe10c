//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/cli"
)

// TestPipesAndLinksInInputsAreSkippedWithAWarning: a named pipe in
// static/, templates/ or content/ used to hang the build forever, and
// links in static/ and templates/ were dropped silently. Each is now
// skipped with a warning naming it, and the build completes.
func TestPipesAndLinksInInputsAreSkippedWithAWarning(t *testing.T) {
	root := writeSite(t, "testdata/small.txtar")
	for _, dir := range []string{"static", "templates", "content"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pipes := []string{"static/pipe.css", "templates/page.html", "content/pipe.md"}
	for _, p := range pipes {
		if err := syscall.Mkfifo(filepath.Join(root, p), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	target := filepath.Join(t.TempDir(), "outside.html")
	if err := os.WriteFile(target, []byte("LINKED-FROM-OUTSIDE"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := []string{"static/link.css", "templates/404.html"}
	for _, p := range links {
		if err := os.Symlink(target, filepath.Join(root, p)); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errOut := runCLI(t, "build", "-s", root, "-d", dest)
		done <- result{code, out, errOut}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the build is still waiting after a minute")
	}
	if r.code != cli.ExitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, p := range pipes {
		if !strings.Contains(r.stderr, p+": warning: skipped: not a regular file") {
			t.Errorf("no warning for the pipe %s:\n%s", p, r.stderr)
		}
	}
	for _, p := range links {
		if !strings.Contains(r.stderr, p+": warning: skipped: symbolic link") {
			t.Errorf("no warning for the link %s:\n%s", p, r.stderr)
		}
	}
	if _, err := os.Lstat(filepath.Join(dest, "link.css")); err == nil {
		t.Error("the linked static file was published")
	}
	page, _ := os.ReadFile(filepath.Join(dest, "404.html"))
	if strings.Contains(string(page), "LINKED-FROM-OUTSIDE") {
		t.Error("the linked template was used")
	}
}
