package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/benchcorpus"
	"github.com/milepost/milepost/internal/publish"
)

// TestKillDuringCommitLeavesOldOrNew (MILEPOST_LONG=1; MILEPOST_LONG_PAGES
// sets the size, 10,000 by default) builds two different corpora in turn
// into one destination and kills the build (SIGKILL) at many points of
// its commit. After each kill, the next Begin must leave exactly the
// destination's previous build or the one killed, as the manifest of one
// of them lists it, and say that it did so.
func TestKillDuringCommitLeavesOldOrNew(t *testing.T) {
	if os.Getenv("MILEPOST_LONG") != "1" {
		t.Skip("a long test: set MILEPOST_LONG=1 (make test-long)")
	}
	pages := 10000
	if s := os.Getenv("MILEPOST_LONG_PAGES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		pages = n
	}
	var sites [2]string
	for i := range sites {
		sites[i] = t.TempDir()
		if _, err := benchcorpus.Generate(sites[i], benchcorpus.Options{Pages: pages, Seed: uint64(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	buildOnce(t, sites[0], dest)
	manifests := map[string]int{readManifestSum(t, dest): 0}

	// One whole build of the other corpus, timing its commit: from the
	// journal's appearance to the end of the process.
	next := 1
	commit := timeCommit(t, sites[next], dest)
	manifests[readManifestSum(t, dest)] = next
	commit += commit / 8 // and a point just past it
	t.Logf("%d pages: the commit took %v", pages, commit)
	if commit < 10*time.Millisecond {
		t.Fatalf("a commit of %v is too short to cut at many points", commit)
	}

	const points = 8
	for k := 0; k < points; k++ {
		next = 1 - next
		delay := commit * time.Duration(k) / points
		cmd, stderr := commandProcess(t, "build", "-s", sites[next], "-d", dest, "-q")
		journal := filepath.Join(dest, ".milepost-journal.json")
		if !waitFor(func() bool { _, err := os.Lstat(journal); return err == nil }, cmd, 5*time.Minute) {
			t.Fatalf("point %d: the build ended before its commit began:\n%s", k, stderr)
		}
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()

		tx, err := publish.Begin(dest, publish.Options{})
		if err != nil {
			t.Fatalf("point %d: Begin after the kill: %v", k, err)
		}
		said := tx.Recovered()
		if err := tx.Abort(); err != nil {
			t.Fatal(err)
		}
		sum := readManifestSum(t, dest)
		which, known := manifests[sum]
		if !known {
			// The kill came after the commit point of a build not seen yet.
			which = next
			manifests[sum] = next
		}
		if problems := checkAgainstManifest(t, dest); len(problems) > 0 {
			t.Errorf("point %d (killed %v into the commit): the destination is not the build its manifest lists:\n%s",
				k, delay, strings.Join(problems[:min(10, len(problems))], "\n"))
		}
		t.Logf("point %d (%v into the commit): build %d; %s", k, delay, which, said)
		if which != next && said == "" {
			t.Errorf("point %d: Begin restored the previous build without saying so", k)
		}
		if which != next {
			next = 1 - next // the destination is still the other corpus's
		}
	}
}

// timeCommit runs a build of site into dest to its end and returns how
// long its commit took: from the journal's appearance to its removal.
func timeCommit(t *testing.T, site, dest string) time.Duration {
	t.Helper()
	cmd, stderr := commandProcess(t, "build", "-s", site, "-d", dest, "-q")
	journal := filepath.Join(dest, ".milepost-journal.json")
	exited := make(chan error, 1)
	var began, ended time.Time
	go func() { exited <- cmd.Wait() }()
	for {
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("build: %v\n%s", err, stderr)
			}
			if began.IsZero() || ended.IsZero() {
				t.Fatal("the commit ran too fast to see its journal")
			}
			return ended.Sub(began)
		default:
		}
		_, err := os.Lstat(journal)
		switch {
		case err == nil && began.IsZero():
			began = time.Now()
		case err != nil && !began.IsZero() && ended.IsZero():
			ended = time.Now()
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// waitFor polls cond until it holds (true), cmd exits or timeout passes.
func waitFor(cond func() bool, cmd *exec.Cmd, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		if cmd.ProcessState != nil || syscall.Kill(cmd.Process.Pid, 0) != nil {
			return false
		}
		time.Sleep(200 * time.Microsecond)
	}
	return false
}

func readManifestSum(t *testing.T, dest string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, ".milepost-manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// checkAgainstManifest lists how dest differs from what its manifest
// says: a listed file missing or with other bytes, a file it does not
// list (outside dot-folders).
func checkAgainstManifest(t *testing.T, dest string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, ".milepost-manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Files []struct {
			Path   string `json:"path"`
			Size   int64  `json:"size"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, f := range m.Files {
		listed[f.Path] = f.SHA256
	}
	var problems []string
	seen := 0
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(d.Name(), ".") && rel != "." {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		want, ok := listed[rel]
		if !ok {
			problems = append(problems, "not listed: "+rel)
			return nil
		}
		seen++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != want {
			problems = append(problems, "other bytes: "+rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != len(listed) {
		problems = append(problems, fmt.Sprintf("%d listed files missing", len(listed)-seen))
	}
	return problems
}
