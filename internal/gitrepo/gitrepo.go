// Package gitrepo is milepost's one reader of git: it answers questions
// about the work tree that holds a folder, through the git command: which
// files git ignores (git-ignored attachments are not published), the
// history of the folder's files (Log: the commits that changed each file,
// in one git log pass) and their old bytes by blob id (Blobs: one git
// cat-file --batch), so that every git question shares one way of finding
// the repository, running git and failing.
//
// In: a folder on disk. Out: a Repo, or ErrNoRepo when the folder is not
// in a work tree or git cannot be run; callers then go on without git.
// Must not: write anything. git runs with GIT_OPTIONAL_LOCKS=0, so not even
// the index's stat cache is refreshed, and only read-only commands are run.
//
// Why the git command and not a Go implementation of git (go-git): it is
// git itself that decides what is ignored (nested .gitignore files,
// .git/info/exclude, core.excludesFile, negations), with no second reading
// of its rules to drift from it; history is one `git log` pass over every
// file, as Hugo's git info reads it, where go-git filters history by
// path by diffing trees commit by commit; and it adds no dependency. The
// price is that git must be installed, which a folder in a work tree
// almost always implies; without it, the build goes on without git.
// Measured on a repository of 1,000 pages and 5,000 commits (BENCHMARKS.md,
// "History"): git log and cat-file read every file's versions and bytes
// in about 1 s; go-git v5.19.3, diffing each commit's tree against its
// parent's, took 78-110 s and allocated 7.8 GB.
package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// ErrNoRepo says the folder is not in a git work tree, or git cannot be
// run there (not installed, or a repository owned by another user that
// git refuses to read).
var ErrNoRepo = errors.New("not in a git work tree")

// Repo is the work tree holding a folder, seen from that folder.
type Repo struct {
	dir     string // the folder asked about, absolute
	top     string // the work tree's root, absolute
	prefix  string // dir relative to top, slash-separated and -terminated; "" at the top
	shallow bool   // the repository is a shallow clone
}

// Open finds the work tree holding dir.
func Open(ctx context.Context, dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r := &Repo{dir: abs}
	out, err := r.git(ctx, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoRepo)
	}
	// Three lines: the top, the prefix (empty at the top), the shallowness.
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 3 || lines[0] == "" {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoRepo)
	}
	r.top, r.prefix, r.shallow = filepath.FromSlash(lines[0]), lines[1], lines[2] == "true"
	return r, nil
}

// Ignored returns what git ignores under the folder: untracked files that
// its ignore rules match (a tracked file is never ignored), by path
// relative to the folder, slash-separated. A folder that is itself
// ignored (the benchmark corpora live in one) has nothing ignored in it:
// it was named on purpose.
func (r *Repo) Ignored(ctx context.Context) (func(path string) bool, error) {
	if r.prefix != "" {
		if _, err := r.git(ctx, "check-ignore", "-q", "."); err == nil {
			return func(string) bool { return false }, nil
		}
	}
	out, err := r.git(ctx, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory")
	if err != nil {
		return nil, err
	}
	files, dirs := map[string]bool{}, []string{}
	for _, p := range strings.Split(string(out), "\x00") {
		switch {
		case p == "":
		case strings.HasSuffix(p, "/"): // a folder ignored as a whole
			dirs = append(dirs, p)
		default:
			files[p] = true
		}
	}
	return func(p string) bool {
		if files[p] {
			return true
		}
		for _, d := range dirs {
			if strings.HasPrefix(p, d) {
				return true
			}
		}
		return false
	}, nil
}

// git runs git in the folder and returns its standard output.
func (r *Repo) git(ctx context.Context, args ...string) ([]byte, error) {
	cmd := r.command(ctx, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], firstLine(msg))
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return stdout.Bytes(), nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Head is the commit checked out in the work tree holding dir, "" when
// there is none (no git, no work tree, no commit yet): a Builder reads
// history again only when it moved.
func Head(ctx context.Context, dir string) string {
	head, _ := WorkTree(ctx, dir)
	return head
}

// WorkTree reports whether dir is inside a git work tree, and the commit
// checked out there ("" before the first commit), with one git process.
func WorkTree(ctx context.Context, dir string) (head string, inTree bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	// git prints "true" in a work tree, then HEAD's commit if there is
	// one, and exits non-zero when there is none; outside a work tree it
	// prints nothing.
	out, _ := (&Repo{dir: abs}).command(ctx, "rev-parse", "--is-inside-work-tree", "-q", "--verify", "HEAD").Output()
	lines := strings.Fields(string(out))
	if len(lines) == 0 || lines[0] != "true" {
		return "", false
	}
	if len(lines) > 1 {
		head = lines[1]
	}
	return head, true
}
