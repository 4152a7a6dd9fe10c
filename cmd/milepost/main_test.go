package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/bufpool"
	"github.com/milepost/milepost/internal/sitetest"
)

// TestMain keeps the build caches of the tests' sites in a temporary
// folder, not in the user's cache directory. With MILEPOST_TEST_MAIN=1 it
// runs the test binary as the milepost command instead, with its signal
// handling: on the arguments after "--" when there is one (after the test
// flags, see commandProcess), else on all of them (the Action's fake
// release).
func TestMain(m *testing.M) {
	bufpool.Poison(true) // a buffer read after its release shows in the output
	if os.Getenv("MILEPOST_TEST_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{os.Args[0]}, os.Args[i+1:]...)
				break
			}
		}
		main()
	}
	dir, err := os.MkdirTemp("", "milepost-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("MILEPOST_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeSite writes the archive at path into a new temporary site root.
func writeSite(t *testing.T, path string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range sitetest.Load(t, path).Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// milepost runs the command in-process and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBuildRebuildsNothingWhenNothingChanged(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", "-s", root, "-d", dest); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	for _, f := range []string{"index.html", "plan/index.html", "trackers/board/index.html", "status.json", "plan/badge.svg"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	before := snapshot(t, dest)
	old := time.Now().Add(-time.Hour)
	for name := range before {
		_ = os.Chtimes(filepath.Join(dest, name), old, old)
	}
	// Without the cache, which would skip the build: publish itself must
	// leave unchanged files alone.
	code, out, errOut := runCLI(t, "build", "--no-cache", "-s", root, "-d", dest)
	if code != 0 {
		t.Fatalf("second build: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "0 written") {
		t.Errorf("second build wrote files: %s", out)
	}
	after := snapshot(t, dest)
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed between identical builds", name)
		}
		fi, err := os.Stat(filepath.Join(dest, name))
		if err == nil && !fi.ModTime().Equal(old) {
			t.Errorf("%s was rewritten (mtime moved)", name)
		}
	}
}

// snapshot reads every file under dir except milepost's own dot-files.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildWithBrokenFrontMatterLeavesDestinationAlone(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", "-s", root, "-d", dest); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	before := snapshot(t, dest)
	bad := "---\ntitle: Broken\ntags: [a, b\n---\n# Broken\n"
	if err := os.WriteFile(filepath.Join(root, "content", "broken.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "build", "-s", root, "-d", dest)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	if want := filepath.ToSlash(filepath.Join(root, "content/broken.md")) + ":3"; !strings.Contains(errOut, want) {
		t.Errorf("error output does not name %s:\n%s", want, errOut)
	}
	after := snapshot(t, dest)
	if len(after) != len(before) {
		t.Errorf("destination has %d files after a failed build, %d before", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("failed build changed %s", name)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "--no-such-flag"}, {"build", "extra"}, {"check", "--format", "xml"}, {"check", "--fail-on", "typo"}, {"init"}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("milepost %s: exit %d, want 2", strings.Join(args, " "), code)
		}
	}
}

func TestBuildRefusesToWriteOverTheSource(t *testing.T) {
	root := writeSite(t, "testdata/small.txtar")
	code, _, errOut := runCLI(t, "build", "-s", root, "-d", root)
	if code != 1 || !strings.Contains(errOut, root) {
		t.Errorf("exit %d, want 1 and a message naming %s; got:\n%s", code, root, errOut)
	}
}

func TestCheck(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"check", "-s", root}, 0, "content/plan.md:10:5: warning: broken link 'Missing page'"},
		{[]string{"check", "-s", root, "--strict"}, 1, "warning: 'Ship it' says DONE, but 1 of its 2 items is open"},
		{[]string{"check", "-s", root, "--fail-on", "broken-link"}, 1, ""},
		{[]string{"check", "-s", root, "--fail-on", "stale"}, 0, ""},
		{[]string{"check", "-s", root, "--format", "github"}, 0, ",line=10,col=5,title=milepost broken-link::broken link"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tt.args, code, tt.code, out, errOut)
		}
		if !strings.Contains(out, tt.contains) {
			t.Errorf("%v: output lacks %q:\n%s", tt.args, tt.contains, out)
		}
	}
	code, out, _ := runCLI(t, "check", "-s", root, "--format", "json")
	var report struct {
		Errors, Warnings int
		Diagnostics      []struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil || code != 0 {
		t.Fatalf("json report: exit %d, %v\n%s", code, err, out)
	}
	if report.Errors != 0 || report.Warnings != 2 {
		t.Errorf("json report: %d errors, %d warnings; want 0 and 2 (drift, broken link)", report.Errors, report.Warnings)
	}
}

// TestCheckStoppedSaysSo: an error that stops the check before the pages
// are checked (here a page under a folder milepost writes its own pages
// into) leaves their warnings uncounted, and the report says so rather
// than "0 warnings".
func TestCheckStoppedSaysSo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	writeFileIn(t, dir, "content/tags/x.md", "# X\n")
	code, _, errOut := runCLI(t, "check", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "stopped at 1 error before the pages were checked") || strings.Contains(errOut, "0 warnings") {
		t.Errorf("check: exit %d, want 1 and a stop told plainly:\n%s", code, errOut)
	}
	_, out, _ := runCLI(t, "check", "-s", dir, "--format", "json")
	var report struct{ Stopped bool }
	if err := json.Unmarshal([]byte(out), &report); err != nil || !report.Stopped {
		t.Errorf("json report: stopped = %v (%v), want true\n%s", report.Stopped, err, out)
	}
}

// TestCheckGoesOnPastFrontMatter: a page's bad front matter is an error,
// and check still checks every page: the other pages' problems are
// reported in the same run, and a link to the flawed page resolves.
func TestCheckGoesOnPastFrontMatter(t *testing.T) {
	root := t.TempDir()
	writeFileIn(t, root, "content/a.md", "---\ntitle: [oops\n---\n# A\n\n- [ ] one\n")
	writeFileIn(t, root, "content/b.md", "---\nkind: banana\n---\n# B\n\nSee [[a]] and [[nope]].\n")
	code, out, errOut := runCLI(t, "check", "--no-history", "-s", root)
	errOut = out + errOut
	for _, want := range []string{
		"content/a.md:3: error: front matter",
		"content/b.md:2:7: error: front matter: kind \"banana\"",
		"content/b.md:6:", "broken link 'nope'",
		"checked 2 pages: 2 errors, 1 warning",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("check lacks %q:\n%s", want, errOut)
		}
	}
	if code != 1 || strings.Contains(errOut, "broken link 'a'") || strings.Contains(errOut, "stopped") {
		t.Errorf("check: exit %d, want 1, [[a]] resolved and no stop:\n%s", code, errOut)
	}
	dest := filepath.Join(root, "public")
	if code, _, _ := runCLI(t, "build", "--no-history", "-s", root, "-d", dest); code != 1 {
		t.Errorf("build: exit %d, want 1", code)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("a failed build made %s (%v)", dest, err)
	}
}

func TestInitBuildsAtOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my site")
	code, out, errOut := runCLI(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	if want := "milepost serve '" + dir + "'\n"; !strings.HasSuffix(out, want) {
		t.Errorf("init's next step is not a command to paste: %q, want it to end %q", out, want)
	}
	if code, _, errOut := runCLI(t, "build", "-s", dir); code != 0 {
		t.Fatalf("build of a new site: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "check", "-s", dir, "--strict"); code != 0 {
		t.Errorf("a new site has warnings:\n%s", errOut)
	}
	if code, _, _ := runCLI(t, "init", dir); code != 1 {
		t.Errorf("init into a non-empty folder: exit %d, want 1", code)
	}
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"site": "site", "docs/status": "docs/status", "ñandú": "ñandú", ".": ".",
		"sp ace": "'sp ace'", "it's": `'it'\''s'`, "a;rm": "'a;rm'", "": "''", "-weird": "./-weird",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestNotFoundPageLinksWithBaseURL: 404.html is served at any depth, so it
// links absolutely through the base URL, as a link, not as a file name.
func TestNotFoundPageLinksWithBaseURL(t *testing.T) {
	root := writeSite(t, "testdata/small.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", "--no-minify", "--base-url", "https://example.github.io/proj/", "-s", root, "-d", dest); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(dest, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "./https:") {
		t.Error("404.html has links starting ./https:")
	}
	for _, want := range []string{`href="https://example.github.io/proj/style.css"`, `src="https://example.github.io/proj/milepost.js"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
}

// TestNotFoundPageWithoutBaseURL: without a base URL, 404.html links from
// the host's root and carries its stylesheet and its logo, so it keeps its
// looks at any depth and under a sub-path; with file_links it stays
// relative.
func TestNotFoundPageWithoutBaseURL(t *testing.T) {
	root := writeSite(t, "testdata/small.txtar")
	for _, tc := range []struct {
		flags         []string
		style         bool
		stylesheetRef string
	}{
		{nil, true, `href="/style.css"`},
		{[]string{"--file-links"}, false, `href="style.css"`},
	} {
		dest := filepath.Join(t.TempDir(), "public")
		args := append([]string{"build", "--no-minify", "-s", root, "-d", dest}, tc.flags...)
		if code, _, errOut := runCLI(t, args...); code != 0 {
			t.Fatalf("build %v: exit %d\n%s", tc.flags, code, errOut)
		}
		page, err := os.ReadFile(filepath.Join(dest, "404.html"))
		if err != nil {
			t.Fatal(err)
		}
		css, err := os.ReadFile(filepath.Join(dest, "style.css"))
		if err != nil {
			t.Fatal(err)
		}
		inlined := strings.Contains(string(page), "<style>"+string(css)+"</style>")
		if inlined != tc.style {
			t.Errorf("%v: stylesheet inlined %v, want %v", tc.flags, inlined, tc.style)
		}
		if icon := strings.Contains(string(page), `<img src="data:image/svg`); icon != tc.style {
			t.Errorf("%v: logo inlined %v, want %v", tc.flags, icon, tc.style)
		}
		if !strings.Contains(string(page), tc.stylesheetRef) {
			t.Errorf("%v: 404.html lacks %s", tc.flags, tc.stylesheetRef)
		}
	}
}

// TestTagsNeverShareAPage: C++, C# and C slug alike; each keeps its own
// tag page.
func TestTagsNeverShareAPage(t *testing.T) {
	root := t.TempDir()
	for name, tag := range map[string]string{"a": "C++", "b": "C#", "c": "C", "d": "🚀", "e": "<>"} {
		writeFileIn(t, root, "content/"+name+".md", "---\ntags: [\""+tag+"\"]\n---\n# "+name+"\n")
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", "-s", root, "-d", dest); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	entries, err := os.ReadDir(filepath.Join(dest, "tags"))
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, e := range entries {
		if e.IsDir() {
			pages++
		}
	}
	if pages != 5 {
		t.Errorf("%d tag pages for 5 different tags", pages)
	}
}

func writeFileIn(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
