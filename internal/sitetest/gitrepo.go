package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Git runs git in dir as a fixed author, with no user or system
// configuration, and fails the test when it fails.
func Git(t testing.TB, dir string, args ...string) {
	t.Helper()
	run(t, dir, gitEnv(dir), args...)
}

// gitEnv runs git as a fixed author with no user or system configuration.
func gitEnv(home string) []string {
	return append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+home)
}

func run(t testing.TB, dir string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// GitRepo makes the git repository an archive describes, commit by commit
// (internal/githistory/testdata/README.md tells how), in a temporary
// folder, and returns that folder, the build's time (now:) and the weeks
// of the velocity window (weeks:). It skips the test when git is not
// installed.
func GitRepo(t testing.TB, a *Archive) (dir string, now time.Time, weeks int) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	top := t.TempDir()
	env := gitEnv(top)
	run(t, top, env, "init", "-q", "-b", "main")
	depth := 0
	for _, line := range strings.Split(a.Comment, "\n") {
		key, value, _ := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "now":
			var err error
			if now, err = time.Parse("2006-01-02T15:04", value); err != nil {
				t.Fatalf("now: %v", err)
			}
		case "weeks":
			weeks, _ = strconv.Atoi(value)
		case "depth":
			depth, _ = strconv.Atoi(value)
		}
	}
	write := func(name string, data []byte) {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pending := ""
	commit := func() {
		if pending == "" {
			return
		}
		run(t, top, env, "add", "-A")
		stamp := pending + ":00Z"
		if len(pending) == 10 {
			stamp = pending + "T12:00:00Z"
		}
		run(t, top, append(env, "GIT_AUTHOR_DATE="+stamp, "GIT_COMMITTER_DATE="+stamp), "commit", "-q", "--allow-empty", "-m", pending)
		pending = ""
	}
	for _, f := range a.Files {
		fields := strings.Fields(f.Name)
		if len(fields) < 2 || f.Name == "want" {
			continue
		}
		when := fields[0]
		if when == "work" {
			commit()
			write(fields[1], f.Data)
			continue
		}
		if when != pending {
			commit()
			pending = when
		}
		switch fields[1] {
		case "rm":
			if err := os.Remove(filepath.Join(top, filepath.FromSlash(fields[2]))); err != nil {
				t.Fatal(err)
			}
		case "mv":
			from, to := filepath.Join(top, filepath.FromSlash(fields[2])), filepath.Join(top, filepath.FromSlash(fields[3]))
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(from, to); err != nil {
				t.Fatal(err)
			}
			if len(f.Data) > 0 {
				write(fields[3], f.Data)
			}
		default:
			write(fields[1], f.Data)
		}
	}
	commit()
	if depth > 0 {
		clone := filepath.Join(t.TempDir(), "clone")
		run(t, top, env, "clone", "-q", "--depth", strconv.Itoa(depth), "file://"+top, clone)
		top = clone
	}
	return top, now, weeks
}
