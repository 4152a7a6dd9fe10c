package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitIgnoredAttachmentsAreNotPublished: in a work tree, an attachment
// git ignores is not published even when linked, while pages are, ignored
// or not.
func TestGitIgnoredAttachmentsAreNotPublished(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	top := t.TempDir()
	for name, text := range map[string]string{
		".gitignore":                 "*.tmp.png\nnotes.md\nout/\n",
		"site/content/plan.md":       "# Plan\n\n![chart](chart.png) ![draft](chart.tmp.png)\n\n- [x] one\n",
		"site/content/chart.png":     "png",
		"site/content/chart.tmp.png": "png",
		"site/content/notes.md":      "# Notes\n",
		"out/corpus/page.md":         "# Page\n\n![pic](pic.png)\n",
		"out/corpus/pic.png":         "png",
	} {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("git", "-C", top, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", filepath.Join(top, "site"), "-d", dest, "--no-cache"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	for name, want := range map[string]bool{"chart.png": true, "chart.tmp.png": false, "plan/index.html": true, "notes/index.html": true} {
		if _, err := os.Stat(filepath.Join(dest, name)); (err == nil) != want {
			t.Errorf("%s: published %v, want %v", name, err == nil, want)
		}
	}
	// A content folder inside an ignored folder was named on purpose.
	dest = filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", "-s", filepath.Join(top, "site"), "-c", "../out/corpus", "-d", dest, "--no-cache"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	for _, name := range []string{"page/index.html", "pic.png"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err != nil {
			t.Errorf("ignored folder named as content: %v", err)
		}
	}
}

// TestBuildOfAModuleInTheGoModuleCache points the content folder at a Go
// module (minify, a dependency, so in the module cache after any build of
// milepost): its README, docs and linked files are published, no .go file,
// and the module's tree is left as it was.
func TestBuildOfAModuleInTheGoModuleCache(t *testing.T) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skip("no go command")
	}
	module := filepath.Join(strings.TrimSpace(string(out)), "github.com", "tdewolff", "minify", "v2@v2.24.25")
	if _, err := os.Stat(filepath.Join(module, "README.md")); err != nil {
		t.Skip("minify v2.24.25 is not in the module cache")
	}
	before := treeSnapshot(t, module)
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", "-s", t.TempDir(), "-c", module, "-d", dest, "--no-cache", "-q"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	var goFiles []string
	_ = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".go") {
			goFiles = append(goFiles, p)
		}
		return nil
	})
	if len(goFiles) > 0 {
		t.Errorf("published %d .go files, such as %s", len(goFiles), goFiles[0])
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
	if after := treeSnapshot(t, module); after != before {
		t.Error("the build changed the module's tree")
	}
}

// treeSnapshot lists every entry under root with its size, mode and
// modification time.
func treeSnapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(&b, "%s %s %d %s\n", rel, info.Mode(), info.Size(), info.ModTime())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
