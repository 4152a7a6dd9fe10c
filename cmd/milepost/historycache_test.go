package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/sitetest"
)

// TestHistoryCache: milepost build keeps what it read of the git history
// in the build cache. After one more commit it asks git for the bytes of
// the one version that commit made; a damaged cache is reported, ignored
// and written anew; --no-cache neither reads nor writes it. Each time the
// site is the one a build without the cache makes. What is asked of git
// is counted by a git in front of the real one that logs the ids given to
// cat-file.
func TestHistoryCache(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the counting git is a shell script")
	}
	realGit, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	a := sitetest.Load(t, "../../internal/site/testdata/history/target.txtar")
	root, now, _ := sitetest.GitRepo(t, a)
	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(now.Unix(), 10))

	bin, asked := t.TempDir(), filepath.Join(t.TempDir(), "asked")
	script := fmt.Sprintf("#!/bin/sh\nif [ \"$1\" = cat-file ]; then tee -a %q | %q \"$@\"; else exec %q \"$@\"; fi\n", asked, realGit, realGit)
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	fetched := func() int { // versions asked of git since the last call
		data, _ := os.ReadFile(asked)
		os.Remove(asked)
		return strings.Count(string(data), "\n")
	}
	commits := 0
	commit := func() { // ticks a box of content/launch.md, a day later each time
		t.Helper()
		page := filepath.Join(root, "content", "launch.md")
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("- [ ] ")) {
			t.Fatal("no box left to tick")
		}
		if err := os.WriteFile(page, bytes.Replace(data, []byte("- [ ] "), []byte("- [x] "), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		commits++
		at := now.Add(time.Duration(commits-10) * 24 * time.Hour).UTC().Format(time.RFC3339)
		sitetest.Git(t, root, "commit", "-q", "-a", "--date", at, "-m", "tick")
	}
	dest := filepath.Join(t.TempDir(), "public")
	cached := filepath.Join(cacheFolder(t, root), "history.bin")

	buildSite(t, root, "-d", dest)
	all := fetched()
	if all < 4 {
		t.Fatalf("the first build asked git for %d versions, want every one", all)
	}
	if _, err := os.Stat(cached); err != nil {
		t.Fatalf("no history in the build cache: %v", err)
	}

	commit()
	buildSite(t, root, "-d", dest)
	if n := fetched(); n != 1 {
		t.Errorf("after one commit the build asked git for %d versions, want the 1 it made", n)
	}
	sameAsFresh(t, root, dest, "after one commit")
	fetched()

	// A damaged cache: said, every version read again, the site the same.
	data, err := os.ReadFile(cached)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(cached, data, 0o644); err != nil {
		t.Fatal(err)
	}
	commit()
	code, out, errOut := runCLI(t, "build", "-s", root, "-d", dest)
	if code != 0 || !strings.Contains(errOut, "ignoring the cached history") {
		t.Errorf("a build with a damaged history cache: exit %d, %q, %q", code, out, errOut)
	}
	if n := fetched(); n < all+2 {
		t.Errorf("with a damaged cache the build asked git for %d versions, want all %d", n, all+2)
	}
	sameAsFresh(t, root, dest, "with a damaged history cache")
	fetched()

	// ... and written anew.
	commit()
	buildSite(t, root, "-d", dest)
	if n := fetched(); n != 1 {
		t.Errorf("after the damaged cache was written anew and one commit, %d versions asked, want 1", n)
	}

	// --no-cache neither reads the history cache nor writes it.
	before, err := os.ReadFile(cached)
	if err != nil {
		t.Fatal(err)
	}
	commit()
	buildSite(t, root, "--no-cache", "-d", filepath.Join(t.TempDir(), "public"))
	if n := fetched(); n < all+4 {
		t.Errorf("--no-cache asked git for %d versions, want all %d", n, all+4)
	}
	if after, err := os.ReadFile(cached); err != nil || !bytes.Equal(after, before) {
		t.Errorf("--no-cache changed the history cache (%v)", err)
	}
}
