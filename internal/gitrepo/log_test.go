package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// work is a work tree for tests, committing with set dates.
type work struct {
	t   *testing.T
	top string
}

func newWork(t *testing.T) *work {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	w := &work{t: t, top: t.TempDir()}
	w.git("", "init", "-q", "-b", "main")
	return w
}

// git runs git in the work tree; date (YYYY-MM-DD) sets the author and
// committer dates of a commit.
func (w *work) git(date string, args ...string) string {
	w.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = w.top
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+w.top)
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date+"T12:00:00Z", "GIT_COMMITTER_DATE="+date+"T12:00:00Z")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		w.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func (w *work) write(name, text string) {
	w.t.Helper()
	p := filepath.Join(w.top, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

func (w *work) commit(date, msg string) {
	w.t.Helper()
	w.git("", "add", "-A")
	w.git(date, "commit", "-q", "--allow-empty", "-m", msg)
}

// long is text long enough for git to see a rename with an edit.
func long(name string, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", name)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, "- [ ] %s step %d\n", name, i)
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// summary writes a Log's files as "path: date@path date@path …", sorted.
func summary(l *Log) []string {
	var out []string
	for p, vs := range l.Files {
		var s []string
		for _, v := range vs {
			mark := ""
			if v.Added {
				mark = "+"
			}
			s = append(s, mark+v.Time.Format("2006-01-02")+"@"+v.Path)
		}
		out = append(out, p+": "+strings.Join(s, " "))
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestLog(t *testing.T) {
	w := newWork(t)
	w.write("docs/a.md", long("a"))
	w.write("docs/b.md", long("b"))
	w.write("docs/gone.md", "# gone\n")
	w.write("outside.md", "# not in the folder\n")
	w.commit("2026-01-05", "start")

	w.write("docs/a.md", long("a", "- [x] a done"))
	w.git("", "rm", "-q", "docs/gone.md")
	w.commit("2026-01-06", "tick a, remove gone")

	// A rename with an edit, into a sub-folder.
	w.git("", "rm", "-q", "docs/b.md")
	w.write("docs/sub/c.md", long("b", "- [x] b done"))
	w.commit("2026-01-08", "move b")

	// A branch, merged: its edit counts once, at the merge.
	w.git("", "checkout", "-q", "-b", "topic")
	w.write("docs/a.md", long("a", "- [x] a done", "- [ ] a on topic"))
	w.commit("2026-01-09", "topic edit")
	w.git("", "checkout", "-q", "main")
	w.write("docs/d.md", "# d\n")
	w.commit("2026-01-10", "add d")
	w.git("2026-01-11", "merge", "-q", "--no-ff", "-m", "merge topic", "topic")

	// A commit whose author date runs backwards.
	w.write("docs/d.md", "# d\n\n- [ ] one\n")
	w.commit("2026-01-07", "late commit, early date")

	// Deleted, then a new file of the same name.
	w.git("", "rm", "-q", "docs/d.md")
	w.commit("2026-01-12", "remove d")
	w.write("docs/d.md", "# d again\n")
	w.commit("2026-01-13", "d again")

	repo, err := Open(context.Background(), filepath.Join(w.top, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := repo.Log(context.Background(), LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.md: +2026-01-05@a.md 2026-01-06@a.md 2026-01-11@a.md",
		"d.md: +2026-01-13@d.md",
		"sub/c.md: +2026-01-05@b.md 2026-01-08@sub/c.md",
	}
	if got := summary(l); !reflect.DeepEqual(got, want) {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l.Shallow {
		t.Error("a full repository reads as shallow")
	}
	if l.Commits != 8 {
		t.Errorf("%d commits read, want 8 (the first-parent commits touching docs/)", l.Commits)
	}

	// Every version's blob reads back as that version's bytes.
	var ids []string
	for _, v := range l.Files["a.md"] {
		ids = append(ids, v.Blob)
	}
	var got []string
	err = repo.Blobs(context.Background(), ids, func(id string, data []byte) error {
		got = append(got, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantA := []string{long("a"), long("a", "- [x] a done"), long("a", "- [x] a done", "- [ ] a on topic")}
	if !reflect.DeepEqual(got, wantA) {
		t.Errorf("blobs of a.md:\n%q\nwant\n%q", got, wantA)
	}

	// Limits: the last two commits, or those since a date.
	if l, err = repo.Log(context.Background(), LogOptions{MaxCommits: 2}); err != nil {
		t.Fatal(err)
	}
	if got := summary(l); !reflect.DeepEqual(got, []string{"d.md: +2026-01-13@d.md"}) || l.Commits != 2 {
		t.Errorf("two commits: %q (%d commits)", got, l.Commits)
	}
}

func TestLogShallowClone(t *testing.T) {
	w := newWork(t)
	for i, d := range []string{"2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04"} {
		w.write("a.md", long("a", strings.Repeat("- [x] done\n", i)))
		w.commit(d, "step")
	}
	clone := filepath.Join(t.TempDir(), "clone")
	w.git("", "clone", "-q", "--depth", "2", "file://"+w.top, clone)
	repo, err := Open(context.Background(), clone)
	if err != nil {
		t.Fatal(err)
	}
	l, err := repo.Log(context.Background(), LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !l.Shallow {
		t.Error("a shallow clone is not said to be one")
	}
	if got, want := summary(l), []string{"a.md: 2026-02-03@a.md 2026-02-04@a.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("shallow history %q, want %q", got, want)
	}
}

func TestBlobsMissing(t *testing.T) {
	w := newWork(t)
	w.write("a.md", "a\n")
	w.commit("2026-01-01", "a")
	repo, err := Open(context.Background(), w.top)
	if err != nil {
		t.Fatal(err)
	}
	err = repo.Blobs(context.Background(), []string{strings.Repeat("0", 40)}, func(string, []byte) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing blob: %v", err)
	}
	stop := errors.New("stop")
	blob := w.git("", "rev-parse", "HEAD:a.md")
	if err := repo.Blobs(context.Background(), []string{blob, blob}, func(string, []byte) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("fn's error: %v", err)
	}
}

func TestLogWithoutCommits(t *testing.T) {
	w := newWork(t)
	w.write("a.md", "a\n")
	repo, err := Open(context.Background(), w.top)
	if err != nil {
		t.Fatal(err)
	}
	l, err := repo.Log(context.Background(), LogOptions{})
	if err != nil || len(l.Files) != 0 {
		t.Errorf("a repository without commits: %v, %v", l, err)
	}
}

func TestOpenWithoutGit(t *testing.T) {
	w := newWork(t)
	t.Setenv("PATH", "")
	if _, err := Open(context.Background(), w.top); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open without git on PATH: %v, want ErrNoRepo", err)
	}
}

// TestLogRenamedThenDeleted: a file renamed onto a name, which is later
// deleted and added again, leaves no file under its old name: its history
// went with the deleted file.
func TestLogRenamedThenDeleted(t *testing.T) {
	w := newWork(t)
	w.write("a.md", long("a"))
	w.commit("2026-02-01", "start")
	w.write("a.md", long("a", "- [x] one"))
	w.commit("2026-02-02", "edit a")
	w.git("", "mv", "a.md", "b.md")
	w.commit("2026-02-04", "a becomes b")
	w.git("", "rm", "-q", "b.md")
	w.commit("2026-02-05", "remove")
	w.write("b.md", long("b again"))
	w.commit("2026-02-06", "b again")
	repo, err := Open(context.Background(), w.top)
	if err != nil {
		t.Fatal(err)
	}
	l, err := repo.Log(context.Background(), LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(l), []string{"b.md: +2026-02-06@b.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
}

// TestBlobID: the id BlobID gives a file's bytes is the one git gives
// them, in SHA-1 and in SHA-256 repositories.
func TestBlobID(t *testing.T) {
	for _, format := range []string{"sha1", "sha256"} {
		w := newWork(t)
		if format == "sha256" {
			w.top = t.TempDir()
			w.git("", "init", "-q", "--object-format=sha256")
		}
		for _, text := range []string{"", "a\n", long("a", "- [x] done")} {
			w.write("a.md", text)
			want := w.git("", "hash-object", "a.md")
			if got := BlobID([]byte(text), want); got != want {
				t.Errorf("%s, %q: BlobID %s, git %s", format, text, got, want)
			}
		}
	}
}

// TestLogFollowsPrev: a log read on from an earlier one (LogOptions.Prev)
// equals a log read from scratch, after each commit of a history with
// edits, renames (onto a name just freed, too), deletions, a file added
// again, a merge and a reset; and only what is new is read.
func TestLogFollowsPrev(t *testing.T) {
	w := newWork(t)
	repo, err := Open(context.Background(), w.top)
	if err != nil {
		t.Fatal(err)
	}
	var prev *Log
	step := func(what string) {
		t.Helper()
		full, err := repo.Log(context.Background(), LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		next, err := repo.Log(context.Background(), LogOptions{Prev: prev})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(next, full) {
			t.Errorf("%s: read on from the last log:\n%s (%d commits)\nread from scratch:\n%s (%d commits)",
				what, strings.Join(summary(next), "\n"), next.Commits, strings.Join(summary(full), "\n"), full.Commits)
		}
		prev = next
	}
	w.write("a.md", long("a"))
	w.write("b.md", long("b"))
	w.commit("2026-02-01", "start")
	step("first commit")
	step("no new commit")
	w.write("a.md", long("a", "- [x] one"))
	w.commit("2026-02-02", "edit a")
	step("an edit")
	w.git("", "rm", "-q", "b.md")
	w.write("sub/c.md", long("b"))
	w.commit("2026-02-03", "move b")
	step("a rename")
	w.git("", "mv", "a.md", "b.md")
	w.commit("2026-02-04", "a takes b's old name")
	step("a rename onto a freed name")
	if got, want := summary(prev), []string{"b.md: +2026-02-01@a.md 2026-02-02@a.md 2026-02-04@b.md", "sub/c.md: +2026-02-01@b.md 2026-02-03@sub/c.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a rename onto a freed name: %q, want %q", got, want)
	}
	w.git("", "rm", "-q", "b.md")
	w.commit("2026-02-05", "remove")
	w.write("b.md", long("b again"))
	w.commit("2026-02-06", "b again")
	step("deleted, then added again")
	// a.md went on as b.md, which was then deleted: neither is a file
	// with that history any more.
	if got, want := summary(prev), []string{"b.md: +2026-02-06@b.md", "sub/c.md: +2026-02-01@b.md 2026-02-03@sub/c.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a rename onto a freed name, a deletion and an addition: %q, want %q", got, want)
	}
	w.git("", "checkout", "-q", "-b", "topic")
	w.write("sub/c.md", long("b", "- [x] on topic"))
	w.commit("2026-02-07", "topic")
	step("on a branch")
	w.git("", "checkout", "-q", "main")
	w.write("d.md", "# d\n")
	w.commit("2026-02-08", "d")
	w.git("2026-02-09", "merge", "-q", "--no-ff", "-m", "merge topic", "topic")
	step("the branch merged (the last log's HEAD is not on the first-parent line)")
	w.write("d.md", "# d\n\n- [ ] two\n")
	w.commit("2026-02-10", "edit d")
	w.git("", "reset", "-q", "--hard", "HEAD~1")
	step("reset back")
	w.write("d.md", "# d\n\n- [ ] three\n")
	w.commit("2026-02-11", "edit d again")
	step("after a reset")

	// Reading on from the last log reads one commit, not the whole history.
	w.write("a2.md", "# new\n")
	w.commit("2026-02-12", "add")
	next, err := repo.Log(context.Background(), LogOptions{Prev: &Log{Head: prev.Head, Files: map[string][]Version{}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(next); next.Commits != 1 || !reflect.DeepEqual(got, []string{"a2.md: +2026-02-12@a2.md"}) {
		t.Errorf("read on from an empty log: %q, %d commits", got, next.Commits)
	}
}
