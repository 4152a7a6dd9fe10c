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
	args := []string{"log", "-z", "--first-parent", "--diff-merges=first-parent", "-M", "--raw",
		"--no-abbrev", "--no-color", "--no-show-signature", "--format=%x01%H %at"}
	if !opts.Since.IsZero() {
		args = append(args, "--since="+strconv.FormatInt(opts.Since.Unix(), 10))
	}
	if opts.MaxCommits > 0 {
		args = append(args, "-n", strconv.Itoa(opts.MaxCommits))
	}
	args = append(args, "--", ".")
	log := &Log{Files: map[string][]Version{}}
	shallow, err := r.git(ctx, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return nil, err
	}
	log.Shallow = strings.TrimSpace(string(shallow)) == "true"
	if _, err := r.git(ctx, "rev-parse", "-q", "--verify", "HEAD"); err != nil {
		return log, nil // no commit yet: no history
	}
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
	perr := r.readLog(bufio.NewReaderSize(out, 64<<10), log)
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
	return log, nil
}

// readLog reads git log's output, newest commit first, into log.Files.
//
// Walking back in time, the first change seen of a path is its latest: if
// it is a deletion the path is gone at HEAD and older changes of it are
// not followed (owner ""); otherwise the path is a file at HEAD, its own
// owner. A rename hands the old path to the new path's owner; an addition
// (or the new side of a rename) ends the owner's claim on the path, so
// older changes of it belong to an earlier file of that name.
func (r *Repo) readLog(in *bufio.Reader, log *Log) error {
	owner := map[string]string{} // path → the HEAD path whose history it is; "" for none
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
