package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/cli"
)

// TestContentFolderOutsideTheSiteRoot builds content kept beside the site
// root (-c ../elsewhere/docs, relative to the root) and at an absolute
// path, from -c and from content_dir.
func TestContentFolderOutsideTheSiteRoot(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	top := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site/milepost.yaml", "title: Elsewhere\n")
	write("elsewhere/docs/plan.md", "# Plan\n\n- [x] one\n- [ ] two\n")
	write("abs/docs/runbook.md", "# Runbook\n\n- [x] one\n")
	write("cfg/milepost.yaml", "content_dir: "+filepath.ToSlash(filepath.Join(top, "abs", "docs"))+"\n")
	site := filepath.Join(top, "site")
	for _, tc := range []struct {
		args []string
		page string
	}{
		{[]string{"-s", site, "-c", "../elsewhere/docs"}, "plan/index.html"},
		{[]string{"-s", site, "-c", filepath.Join(top, "abs", "docs")}, "runbook/index.html"},
		{[]string{"-s", filepath.Join(top, "cfg")}, "runbook/index.html"},
	} {
		dest := filepath.Join(t.TempDir(), "public")
		args := append([]string{"build", "--no-cache", "-d", dest}, tc.args...)
		if code, _, errOut := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", tc.args, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(dest, tc.page)); err != nil {
			t.Errorf("%v: %v", tc.args, err)
		}
		if code, _, errOut := runCLI(t, append([]string{"check"}, tc.args...)...); code != 0 {
			t.Errorf("check %v: exit %d\n%s", tc.args, code, errOut)
		}
	}
	// A broken page outside the root is reported at its real path.
	write("elsewhere/docs/bad.md", "---\ntitle: [unclosed\n---\n")
	_, out, _ := runCLI(t, "check", "-s", site, "-c", filepath.Join(top, "elsewhere", "docs"))
	if want := filepath.ToSlash(filepath.Join(top, "elsewhere", "docs", "bad.md")) + ":"; !strings.Contains(out, want) {
		t.Errorf("check output does not name %s:\n%s", want, out)
	}
}

// TestContentFolderProblemsEachHaveTheirOwnMessage: a folder that is not
// there, a file, a folder that cannot be read.
func TestContentFolderProblemsEachHaveTheirOwnMessage(t *testing.T) {
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "notes.md"), []byte("# Notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		"docs":     "no content folder docs",
		"notes.md": "content folder notes.md is a file, not a folder",
	} {
		code, _, errOut := runCLI(t, "build", "-s", site, "-c", dir, "-d", filepath.Join(t.TempDir(), "out"), "--no-cache")
		if code != cli.ExitFail || !strings.Contains(errOut, want) {
			t.Errorf("-c %s: exit %d, want %q in\n%s", dir, code, want, errOut)
		}
	}
}
