package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/benchcorpus"
)

func countFiles(t *testing.T, root string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(root, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFloorWritesAsManyFilesAsAsked(t *testing.T) {
	corpus := t.TempDir()
	sum, err := benchcorpus.Generate(corpus, benchcorpus.Options{Pages: 60, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(corpus, "content")
	for _, tc := range []struct {
		name       string
		files      int
		wantOnDisk int
	}{
		{"pages and copies only", 0, sum.Pages + sum.Images},
		{"fewer than pages asked", 10, sum.Pages + sum.Images},
		{"extras spread over pages", 500, 500},
		{"one extra", sum.Pages + sum.Images + 1, sum.Pages + sum.Images + 1},
	} {
		out := filepath.Join(t.TempDir(), "out")
		var stdout, stderr bytes.Buffer
		args := []string{"-src", src, "-o", out, "-files", strconv.Itoa(tc.files), "-workers", "3"}
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.name, code, stderr.String())
		}
		if got := countFiles(t, out); got != tc.wantOnDisk {
			t.Errorf("%s: %d files written, want %d", tc.name, got, tc.wantOnDisk)
		}
	}
}

func TestFloorRendersMarkdown(t *testing.T) {
	src := t.TempDir()
	page := "---\ntitle: x\n---\n# Plan\n\n- [x] done :white_check_mark:\n- [ ] ~~open~~\n\n| a | Status |\n|---|---|\n| b | ✅ Done |\n"
	if err := os.WriteFile(filepath.Join(src, "plan.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-src", src, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	html, err := os.ReadFile(filepath.Join(out, "plan", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h1 id="plan">Plan</h1>`, `type="checkbox"`, "<del>open</del>", "<table>", "✅"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(string(html), "title: x") {
		t.Errorf("front matter rendered:\n%s", html)
	}
}

func TestFloorRefusesNonEmptyOutput(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-src", t.TempDir(), "-o", out}, &stdout, &stderr); code != 1 {
		t.Errorf("exit %d into a non-empty folder, want 1", code)
	}
	if code := run([]string{"-o", out}, &stdout, &stderr); code != 2 {
		t.Errorf("exit %d without -src, want 2", code)
	}
}
