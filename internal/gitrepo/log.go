package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Version is one commit that changed a file: the file as that commit
// left it.
type Version struct {
	Commit string    // the commit's id
	Time   time.Time // its author date, in UTC
	Path   string    // the file's path at that commit, relative to the folder, slash-separated
	Blob   string    // the blob id of the file's bytes at that commit
	// Added says the commit created the file (or moved it into the
	// folder): history read from here on is the file's whole history.
	// False for a shallow clone's oldest commit, where every file seems
	// added.
	Added bool
}

// LogOptions limit what Log reads; the zero value reads everything.
type LogOptions struct {
	Since      time.Time // commits authored before it are left out (zero: no limit)
	MaxCommits int       // at most this many commits, newest first (0: no limit)
	// Prev is a log Log read before in the same folder with the same
	// Since (the caller checks) and no MaxCommits. When its Head is on the
	// first-parent line of HEAD, only the commits after it are read, and
	// its files are followed on from there: one more commit costs one
	// commit's reading. Otherwise, or with MaxCommits or in a shallow
	// clone, it is not used. Log does not change it; the log returned may
	// share its slices.
	Prev *Log
}

// Log is the history of the files under the folder that exist at HEAD.
type Log struct {
	// Files maps each file's path at HEAD (relative to the folder,
	// slash-separated) to the commits that changed it, oldest first,
	// followed through renames. A file's first version is the commit
	// that added it (or the oldest one read, when options or a shallow
	// clone cut the history short).
	Files map[string][]Version
	// Commits is how many commits were read.
	Commits int
	// Shallow says the repository is a shallow clone: its oldest
	// commits are missing, so history starts later than the work did.
	Shallow bool
	// Head is the commit the log was read from (HEAD then); "" when
	// there was none.
	Head string
}

// Log reads, in one `git log` pass, the commits that changed files under
// the folder:
//
//   - along the first-parent line of HEAD, so versions follow one another
//     as the branch saw them; a merge counts as one commit that changes
//     what the merged branch changed (its diff against its first parent),
//     dated when it was made;
//   - renames (and moves inside the folder) are followed: the history of a
//     file at HEAD includes its versions under older names;
//   - dates are author dates in UTC, as git recorded them; they may run
//     backwards (a rebased or cherry-picked commit keeps its author date),
//     which Log leaves as they are: the order of Files is the order of
//     the commits, not of the dates;
//   - a file deleted and added again starts over; files deleted by HEAD
//     are not listed.
func (r *Repo) Log(ctx context.Context, opts LogOptions) (*Log, error) {
	log := &Log{Files: map[string][]Version{}, Shallow: r.shallow}
	prev := opts.Prev
	if prev == nil || prev.Head == "" || opts.MaxCommits > 0 || log.Shallow || prev.Shallow {
		prev = nil
	} else if head, ok := r.after(ctx, prev.Head); !ok {
		prev = nil
	} else if log.Head = head; head == "" {
		return prev, nil // no commit since
	}
	if log.Head == "" {
		head, err := r.git(ctx, "rev-parse", "-q", "--verify", "HEAD")
		if err != nil {
			return log, nil // no commit yet: no history
		}
		log.Head = strings.TrimSpace(string(head))
	}
	args := []string{"log", "-z", "--first-parent", "--diff-merges=first-parent", "-M", "--raw",
		"--no-abbrev", "--no-color", "--no-show-signature", "--format=%x01%H %at"}
	if !opts.Since.IsZero() {
		args = append(args, "--since="+strconv.FormatInt(opts.Since.Unix(), 10))
	}
	if opts.MaxCommits > 0 {
		args = append(args, "-n", strconv.Itoa(opts.MaxCommits))
	}
	if prev != nil {
		args = append(args, prev.Head+".."+log.Head)
	} else {
		args = append(args, log.Head)
	}
	args = append(args, "--", ".")
	cmd := r.command(ctx, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	owner := map[string]string{}
	perr := r.readLog(bufio.NewReaderSize(out, 64<<10), log, owner)
	if perr != nil {
		io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	switch {
	case perr != nil:
		return nil, fmt.Errorf("git log: %w", perr)
	case werr != nil:
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git log: %s", firstLine(msg))
		}
		return nil, fmt.Errorf("git log: %w", werr)
	}
	var cut map[string]bool
	if log.Shallow {
		cut = r.shallowCommits(ctx)
	}
	for _, vs := range log.Files {
		for i, j := 0, len(vs)-1; i < j; i, j = i+1, j-1 {
			vs[i], vs[j] = vs[j], vs[i]
		}
		if len(vs) > 0 && cut[vs[0].Commit] {
			vs[0].Added = false
		}
	}
	if prev != nil {
		log.follow(prev, owner)
	}
	return log, nil
}

// follow puts the history prev read before the commits log read in front
// of it: each file of prev belongs to the file its path became in those
// commits (owner, as readLog left it: renamed, or "" when deleted or
// added anew), or to itself when they did not touch it.
func (log *Log) follow(prev *Log, owner map[string]string) {
	log.Commits += prev.Commits
	for p, old := range prev.Files {
		o, seen := owner[p]
		if !seen {
			o = p
		}
		if o == "" {
			continue
		}
		if cur := log.Files[o]; len(cur) == 0 {
			log.Files[o] = old
		} else {
			log.Files[o] = append(old[:len(old):len(old)], cur...)
		}
	}
}

// after tells whether commit old is on the first-parent line of HEAD, or
// is HEAD: only then do the commits after it, read along that line,
// continue a log read at old. head is HEAD when it is a commit after old,
// "" when HEAD is old.
func (r *Repo) after(ctx context.Context, old string) (head string, ok bool) {
	// The first-parent walk from HEAD stops at commits old reaches; old
	// is on the line when the last commit walked is its child. Its first
	// line is HEAD.
	out, err := r.git(ctx, "rev-list", "--first-parent", "--parents", old+"..HEAD")
	if err != nil {
		return "", false
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if lines[0] == "" { // HEAD is old, or a commit before it
		now, err := r.git(ctx, "rev-parse", "-q", "--verify", "HEAD")
		return "", err == nil && strings.TrimSpace(string(now)) == old
	}
	first, last := strings.Fields(lines[0]), strings.Fields(lines[len(lines)-1])
	if len(first) == 0 || len(last) < 2 || last[1] != old {
		return "", false
	}
	return first[0], true
}

// readLog reads git log's output, newest commit first, into log.Files.
//
// Walking back in time, the first change seen of a path is its latest: if
// it is a deletion the path is gone at HEAD and older changes of it are
// not followed (owner ""); otherwise the path is a file at HEAD, its own
// owner. A rename hands the old path to the new path's owner; an addition
// (or the new side of a rename) ends the owner's claim on the path, so
// older changes of it belong to an earlier file of that name.
//
// owner, empty when called, maps each path seen to the HEAD path whose
// history it is ("" for none) when readLog returns.
func (r *Repo) readLog(in *bufio.Reader, log *Log, owner map[string]string) error {
	ownerOf := func(p string) string {
		o, seen := owner[p]
		if !seen {
			owner[p] = p
			return p
		}
		return o
	}
	var commit string
	var when time.Time
	add := func(p, blob string, added bool) {
		if o := ownerOf(p); o != "" {
			log.Files[o] = append(log.Files[o], Version{Commit: commit, Time: when, Path: p, Blob: blob, Added: added})
		}
	}
	for {
		field, err := in.ReadString(0)
		if err == io.EOF && field == "" {
			return nil
		}
		if err != nil && err != io.EOF {
			return err
		}
		field = strings.TrimSuffix(field, "\x00")
		field = strings.TrimLeft(field, "\n")
		switch {
		case strings.HasPrefix(field, "\x01"):
			id, at, ok := strings.Cut(field[1:], " ")
			secs, perr := strconv.ParseInt(at, 10, 64)
			if !ok || perr != nil {
				return fmt.Errorf("unexpected commit line %q", field)
			}
			commit, when = id, time.Unix(secs, 0).UTC()
			log.Commits++
		case strings.HasPrefix(field, ":"):
			// ":<mode> <mode> <blob> <blob> <status>", then one path, or
			// two for a rename or copy.
			f := strings.Fields(field[1:])
			if len(f) != 5 || f[4] == "" {
				return fmt.Errorf("unexpected change line %q", field)
			}
			newMode, newBlob, status := f[1], f[3], f[4][0]
			p1, err := readPath(in)
			if err != nil {
				return err
			}
			p1, in1 := r.rel(p1)
			switch status {
			case 'R', 'C':
				p2, err := readPath(in)
				if err != nil {
					return err
				}
				p2, in2 := r.rel(p2)
				if !in2 || !regular(newMode) {
					continue
				}
				o := ownerOf(p2)
				add(p2, newBlob, !in1)
				owner[p2] = ""
				// The old name's earlier versions are the new name's; when
				// that file is gone at HEAD, they are nobody's (and the old
				// name is not a file at HEAD, unless a later commit made it
				// one again).
				if status == 'R' && in1 {
					if _, seen := owner[p1]; !seen || (owner[p1] == "" && o != "") {
						owner[p1] = o
					}
				}
			case 'D':
				if in1 {
					if _, seen := owner[p1]; !seen {
						owner[p1] = ""
					}
				}
			case 'A':
				if in1 && regular(newMode) {
					add(p1, newBlob, true)
					owner[p1] = ""
				}
			default: // M, T
				if in1 {
					if !regular(newMode) {
						if _, seen := owner[p1]; !seen {
							owner[p1] = ""
						}
						continue
					}
					add(p1, newBlob, false)
				}
			}
		case field == "":
		default:
			return fmt.Errorf("unexpected output %q", field)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// shallowCommits are the commits where a shallow clone was cut: their
// parents are missing.
func (r *Repo) shallowCommits(ctx context.Context) map[string]bool {
	out, err := r.git(ctx, "rev-parse", "--git-path", "shallow")
	if err != nil {
		return nil
	}
	p := strings.TrimSpace(string(out))
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.dir, p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	cut := map[string]bool{}
	for _, id := range strings.Fields(string(data)) {
		cut[id] = true
	}
	return cut
}

// readPath reads one NUL-terminated path.
func readPath(in *bufio.Reader) (string, error) {
	p, err := in.ReadString(0)
	if err != nil {
		return "", fmt.Errorf("truncated change: %w", err)
	}
	return strings.TrimSuffix(p, "\x00"), nil
}

// rel makes a path from the top of the work tree relative to the folder,
// and says whether it lies in it.
func (r *Repo) rel(p string) (string, bool) {
	if !strings.HasPrefix(p, r.prefix) {
		return p, false
	}
	return p[len(r.prefix):], true
}

// regular says a mode is a regular file's (not a link or a submodule).
func regular(mode string) bool { return mode == "100644" || mode == "100755" }

// command is the git command run in the folder, read-only.
func (r *Repo) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	return cmd
}
