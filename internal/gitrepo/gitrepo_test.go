package gitrepo

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// newRepo makes a work tree in a temporary folder with files (path →
// text) and commits the ones listed in tracked.
func newRepo(t *testing.T, files map[string]string, tracked ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	top := t.TempDir()
	for name, text := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = top
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	if len(tracked) > 0 {
		run(append([]string{"add", "-f", "--"}, tracked...)...)
		run("commit", "-q", "-m", "files")
	}
	return top
}

func TestIgnored(t *testing.T) {
	top := newRepo(t, map[string]string{
		".gitignore":           "*.log\nbuild/\nsecret.png\n!keep.log\n",
		"docs/.gitignore":      "drafts/\n",
		"docs/a.md":            "# A",
		"docs/img/x.png":       "png",
		"docs/img/secret.png":  "png",
		"docs/notes.log":       "log",
		"docs/keep.log":        "log",
		"docs/build/out.bin":   "bin",
		"docs/drafts/d.png":    "png",
		"docs/tracked.log":     "log",
		"corpus/ignored.txt":   "x",
		"build/corpus/a.md":    "# A",
		"build/corpus/img.png": "png",
	}, ".gitignore", "docs/.gitignore", "docs/tracked.log")
	ctx := context.Background()
	repo, err := Open(ctx, filepath.Join(top, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	if repo.Prefix() != "docs/" {
		t.Errorf("prefix %q, want docs/", repo.Prefix())
	}
	ignored, err := repo.Ignored(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"a.md": false, "img/x.png": false, "keep.log": false,
		"tracked.log":    false, // tracked: git does not ignore it
		"img/secret.png": true, "notes.log": true, "build/out.bin": true, "drafts/d.png": true,
	} {
		if got := ignored(path); got != want {
			t.Errorf("ignored(%q) = %v, want %v", path, got, want)
		}
	}

	// A folder ignored as a whole was named on purpose: nothing in it is.
	repo, err = Open(ctx, filepath.Join(top, "build", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if ignored, err = repo.Ignored(ctx); err != nil {
		t.Fatal(err)
	}
	if ignored("img.png") {
		t.Error("a file of an ignored folder that was named on purpose is ignored")
	}
}

func TestOpenOutsideAWorkTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open of a plain folder: %v, want ErrNoRepo", err)
	}
}

// Prefix is the folder Open was given, relative to the work tree's root,
// slash-separated and -terminated ("docs/"); "" at the root.
func (r *Repo) Prefix() string { return r.prefix }

// WorkTree tells a plain folder, a work tree with no commit yet and one
// with a commit apart, with HEAD's commit in the last.
func TestWorkTree(t *testing.T) {
	ctx := context.Background()
	plain := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	if head, in := WorkTree(ctx, plain); head != "" || in {
		t.Errorf("plain folder: %q, %v", head, in)
	}
	empty := newRepo(t, nil)
	if head, in := WorkTree(ctx, empty); head != "" || !in {
		t.Errorf("no commit yet: %q, %v", head, in)
	}
	committed := newRepo(t, map[string]string{"a.md": "a"}, "a.md")
	if head, in := WorkTree(ctx, committed); len(head) < 40 || !in || Head(ctx, committed) != head {
		t.Errorf("a commit: %q, %v", head, in)
	}
}
