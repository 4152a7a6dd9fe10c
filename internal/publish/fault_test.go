package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// faultOps is the file system with one call made to fail (a disk error)
// or every call from one on (the process killed there: nothing it would do
// after happens). Calls are counted from 1.
type faultOps struct {
	mu     sync.Mutex
	calls  int
	at     int  // the call that fails; 0: none
	crash  bool // and every call after it
	failed bool
}

var errFault = errors.New("injected fault")

func (f *faultOps) fault(op, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.at > 0 && (f.calls == f.at || (f.crash && f.calls > f.at)) {
		f.failed = true
		return fmt.Errorf("%s %s: %w", op, name, errFault)
	}
	return nil
}

func (f *faultOps) Rename(from, to string) error {
	if err := f.fault("rename", from); err != nil {
		return err
	}
	return osOps{}.Rename(from, to)
}

func (f *faultOps) Remove(name string) error {
	if err := f.fault("remove", name); err != nil {
		return err
	}
	return osOps{}.Remove(name)
}

func (f *faultOps) RemoveAll(name string) error {
	if err := f.fault("remove all", name); err != nil {
		return err
	}
	return osOps{}.RemoveAll(name)
}

func (f *faultOps) MkdirAll(dir string) error {
	if err := f.fault("mkdir", dir); err != nil {
		return err
	}
	return osOps{}.MkdirAll(dir)
}

func (f *faultOps) WriteFile(name string, data []byte) error {
	if err := f.fault("write", name); err != nil {
		return err
	}
	return osOps{}.WriteFile(name, data)
}

func (f *faultOps) ReadFile(name string) ([]byte, error) {
	if err := f.fault("read", name); err != nil {
		return nil, err
	}
	return osOps{}.ReadFile(name)
}

// visibleSnapshot is snapshot without milepost's own working entries
// (staging, backup, lock), which a kill may leave and the next Begin removes.
func visibleSnapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	snap := snapshot(t, dir)
	for name := range snap {
		first, _, _ := strings.Cut(name, "/")
		if first == stagingName || first == backupName {
			delete(snap, name)
		}
	}
	return snap
}

// sameBuild reports how dest differs from the build in reference (files
// and manifest; mtimes are not compared, the two were written apart).
func sameBuild(t *testing.T, dest, reference string) string {
	t.Helper()
	var diffs []string
	got, want := visibleSnapshot(t, dest), visibleSnapshot(t, reference)
	for name, w := range want {
		if g, ok := got[name]; !ok || g.kind != w.kind || g.content != w.content {
			diffs = append(diffs, "differs "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok && name != journalName {
			diffs = append(diffs, "extra "+name)
		}
	}
	if _, ok := got[journalName]; ok {
		diffs = append(diffs, "journal left")
	}
	return strings.Join(diffs, "\n")
}

// commitScenarios are pairs of builds whose commit creates, replaces and
// prunes files, turns a folder into a file and a file into a folder, and
// keeps some files unchanged.
var commitScenarios = []struct {
	name     string
	from, to map[string]string
}{
	{"forward", map[string]string{
		"index.html": "v1", "same.html": "same", "c/d.html": "d1",
		"old.html": "old", "old2/x.html": "x", "dir/index.html": "was a dir", "f": "was a file",
		"swap/a.html": "pruned from a folder that stays",
	}, map[string]string{
		"index.html": "v2", "same.html": "same", "c/d.html": "d2!",
		"new.html": "new", "new2/y.html": "y", "dir": "now a file", "f/g.html": "now a folder",
		"swap/b.html": "new in a folder emptied by pruning",
	}},
}

func init() {
	s := commitScenarios[0]
	commitScenarios = append(commitScenarios, struct {
		name     string
		from, to map[string]string
	}{"backward", s.to, s.from})
}

// TestCommitIsOldOrNew cuts a commit at every call it makes to the file
// system, both as a kill (that call and every later one fail: nothing
// after it happens) and as a disk error (that call alone fails). After an
// error the destination must be the old build at once, mtimes included;
// after a kill, the next Begin must make it the old build or the new one,
// say so, and the build after must complete normally.
func TestCommitIsOldOrNew(t *testing.T) {
	for _, sc := range commitScenarios {
		reference := filepath.Join(t.TempDir(), "public")
		build(t, reference, Options{}, sc.to)
		for _, crash := range []bool{true, false} {
			for at := 1; ; at++ {
				label := fmt.Sprintf("%s, %s at call %d", sc.name, map[bool]string{true: "kill", false: "error"}[crash], at)
				dest := filepath.Join(t.TempDir(), "public")
				build(t, dest, Options{}, sc.from)
				writeTree(t, dest, map[string]string{".git/HEAD": "ref", "hand.txt": "not milepost's"})
				ageAll(t, dest)
				before := visibleSnapshot(t, dest)

				ops := &faultOps{}
				tx, err := begin(dest, Options{}, ops)
				if err != nil {
					t.Fatal(err)
				}
				for name, content := range sc.to {
					if err := tx.Put(name, []byte(content)); err != nil {
						t.Fatal(err)
					}
				}
				ops.mu.Lock()
				ops.calls, ops.at, ops.crash = 0, at, crash
				ops.mu.Unlock()
				_, err = tx.Commit()
				if !ops.failed {
					if err != nil {
						t.Fatalf("%s: %v", label, err)
					}
					break // the commit ran to its end: every call has been cut
				}
				if !crash {
					// An error before the commit point rolls back at once;
					// one after it (or in a call whose failure only leaves
					// an empty folder) leaves the new build.
					if err == nil || strings.Contains(err.Error(), "published, but") {
						want := filepath.Join(t.TempDir(), "public")
						build(t, want, Options{}, sc.to)
						writeTree(t, want, map[string]string{".git/HEAD": "ref", "hand.txt": "not milepost's"})
						if diff := sameBuild(t, dest, want); diff != "" && diff != "journal left" {
							t.Errorf("%s: after the error (%v) the destination is not the new build:\n%s", label, err, diff)
						}
					} else if diff := diffSnapshots(before, visibleSnapshot(t, dest)); diff != "" {
						t.Errorf("%s: after the error (%v) the destination is not the old build:\n%s", label, err, diff)
					}
				}

				// The next run restores one of the two before anything else.
				_, journalErr := os.Lstat(filepath.Join(dest, journalName))
				tx, err = Begin(dest, Options{})
				if err != nil {
					t.Fatalf("%s: Begin after the cut: %v", label, err)
				}
				recovered := tx.Recovered()
				_ = tx.Abort()
				after := visibleSnapshot(t, dest)
				old := diffSnapshots(before, after)
				if old != "" {
					want := filepath.Join(t.TempDir(), "public")
					build(t, want, Options{}, sc.to)
					writeTree(t, want, map[string]string{".git/HEAD": "ref", "hand.txt": "not milepost's"})
					if diff := sameBuild(t, dest, want); diff != "" {
						t.Errorf("%s: the destination is neither the old build (%s) nor the new one (%s)", label, old, diff)
					}
				}
				if journalErr == nil && recovered == "" {
					t.Errorf("%s: Begin ended a commit cut short without saying so", label)
				}
				if _, err := os.Lstat(filepath.Join(dest, journalName)); err == nil {
					t.Errorf("%s: the journal is still there after Begin", label)
				}

				build(t, dest, Options{}, sc.to)
				want := files(t, reference)
				want[".git/HEAD"], want["hand.txt"] = "ref", "not milepost's"
				if got := files(t, dest); !equalMaps(got, want) {
					t.Errorf("%s: the next build left %v, want %v", label, got, want)
				}
				gotManifest, _ := os.ReadFile(filepath.Join(dest, manifestName))
				wantManifest, _ := os.ReadFile(filepath.Join(reference, manifestName))
				if string(gotManifest) != string(wantManifest) {
					t.Errorf("%s: manifest\n%s\nwant\n%s", label, gotManifest, wantManifest)
				}
			}
		}
	}
}

// TestCommitRefusesHandWrittenFile: a file added by hand where a new page
// now goes is not the build's to overwrite, manifest or not; --force
// overwrites it.
func TestCommitRefusesHandWrittenFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, Options{}, map[string]string{"index.html": "home"})
	writeTree(t, dest, map[string]string{"trackers/status/index.html": "written by hand"})
	before := snapshot(t, dest)

	tx, err := Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"index.html": "home", "trackers/status/index.html": "generated"} {
		if err := tx.Put(name, []byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	_, err = tx.Commit()
	if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "trackers/status/index.html") {
		t.Fatalf("Commit: %v, want a refusal naming the hand-written file", err)
	}
	if diff := diffSnapshots(before, snapshot(t, dest)); diff != "" {
		t.Errorf("a refused commit changed the destination:\n%s", diff)
	}

	build(t, dest, Options{Force: true}, map[string]string{"index.html": "home", "trackers/status/index.html": "generated"})
	if got := files(t, dest)["trackers/status/index.html"]; got != "generated" {
		t.Errorf("with Force the file holds %q", got)
	}
}
