package publish

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/manifest"
)

func TestCommitIntoMissingDestination(t *testing.T) {
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "deep", "er", "public")
	site := map[string]string{
		"index.html":                       "<h1>home</h1>",
		"milestones/pre-launch/index.html": "pre-launch",
		"img/a b.png":                      "\x89PNG",
		"tags/запуск/index.html":           "tag",
		"q/what?#frag%20&.html":            "odd name",
	}
	stats := build(t, dest, Options{}, site)
	if want := (Stats{Written: len(site)}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if got := files(t, dest); !equalMaps(got, site) {
		t.Errorf("destination holds %v, want %v", got, site)
	}
	if _, err := os.Stat(filepath.Join(dest, manifestName)); err != nil {
		t.Errorf("no manifest: %v", err)
	}
	assertNoStaging(t, dest)
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("%s holds %d entries, want only public", filepath.Dir(dest), len(entries))
	}
}

func TestCommitWritesOnlyChangesAndPrunesOwnFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, Options{}, map[string]string{
		"index.html":              "home v1",
		"same.css":                "body{}",
		"changed/index.html":      "old",
		"gone/index.html":         "bye",
		"gone/deeper/badge.svg":   "<svg/>",
		"kept/deep/a.json":        "{}",
		"kept/deep/removed.json":  "[]",
		"samesize/index.html":     "aaaa",
		"becomes-dir":             "file first",
		"dir-becomes-file/x.html": "x",
	})
	// What the user keeps there: a gh-pages worktree's .git and a .nojekyll,
	// and a file of their own inside a directory milepost prunes.
	writeTree(t, dest, map[string]string{
		".git/HEAD":           "ref: refs/heads/gh-pages\n",
		".nojekyll":           "",
		"gone/.keep":          "",
		"CNAME":               "status.example.com\n",
		".well-known/x.txt":   "x",
		"kept/deep/.DS_Store": "",
	})
	ageAll(t, dest)
	before := snapshot(t, dest)

	next := map[string]string{
		"index.html":             "home v1",
		"same.css":               "body{}",
		"changed/index.html":     "new!",
		"kept/deep/a.json":       "{}",
		"samesize/index.html":    "bbbb",
		"new/page/index.html":    "fresh",
		"becomes-dir/index.html": "now a directory",
		"dir-becomes-file":       "now a file",
	}
	stats := build(t, dest, Options{}, next)
	if want := (Stats{Written: 5, Unchanged: 3, Removed: 5}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	after := snapshot(t, dest)

	want := map[string]string{}
	for name, content := range next {
		want[name] = content
	}
	for _, name := range []string{".git/HEAD", ".nojekyll", "gone/.keep", "CNAME", ".well-known/x.txt", "kept/deep/.DS_Store"} {
		want[name] = before[name].content
	}
	if got := files(t, dest); !equalMaps(got, want) {
		t.Errorf("destination holds\n%v\nwant\n%v", got, want)
	}
	for _, name := range []string{"index.html", "same.css", "kept/deep/a.json", ".git/HEAD", ".nojekyll", "CNAME"} {
		if !after[name].mtime.Equal(oldTime) {
			t.Errorf("%s was rewritten (mtime %v)", name, after[name].mtime)
		}
	}
	for _, name := range []string{"changed/index.html", "samesize/index.html"} {
		if after[name].mtime.Equal(oldTime) {
			t.Errorf("%s was not rewritten", name)
		}
	}
	if _, ok := after["gone/deeper"]; ok {
		t.Error("emptied directory gone/deeper was not removed")
	}
	if _, ok := after["gone"]; !ok {
		t.Error("gone/ was removed although it still holds the user's .keep")
	}
	assertNoStaging(t, dest)
}

func TestCommitUnchangedBuildTouchesNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"index.html": "home", "a/index.html": "a", "a/badge.svg": "<svg/>"}
	build(t, dest, Options{}, site)
	ageAll(t, dest)
	before := snapshot(t, dest)
	stats := build(t, dest, Options{}, site)
	if want := (Stats{Unchanged: 3}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if diff := diffSnapshots(before, snapshot(t, dest)); diff != "" {
		t.Errorf("an unchanged build changed the destination:\n%s", diff)
	}
}

func TestCommitRewritesFileEditedBehindItsBack(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, Options{}, map[string]string{"index.html": "original"})
	ageAll(t, dest)
	// Same size, newer mtime: only the mtime can tell.
	writeTree(t, dest, map[string]string{"index.html": "edited!!"})
	stats := build(t, dest, Options{}, map[string]string{"index.html": "original"})
	if stats.Written != 1 {
		t.Errorf("stats = %+v, want the edited file rewritten", stats)
	}
	if got := files(t, dest)["index.html"]; got != "original" {
		t.Errorf("index.html = %q, want %q", got, "original")
	}
}

// TestVerifyRewritesFileRestoredWithItsTime: a file changed and given its
// old time again (tar, cp -p) has the size and time the manifest trusts;
// only Verify, which compares bytes, rewrites it.
func TestVerifyRewritesFileRestoredWithItsTime(t *testing.T) {
	for _, verify := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		build(t, dest, Options{}, map[string]string{"index.html": "original", "b.html": "b"})
		ageAll(t, dest)
		writeTree(t, dest, map[string]string{"index.html": "damaged!"})
		ageAll(t, dest)
		stats := build(t, dest, Options{Verify: verify}, map[string]string{"index.html": "original", "b.html": "b"})
		want, content := 0, "damaged!"
		if verify {
			want, content = 1, "original"
		}
		if stats.Written != want || stats.Unchanged != 2-want {
			t.Errorf("verify %v: stats = %+v, want %d written", verify, stats, want)
		}
		if got := files(t, dest)["index.html"]; got != content {
			t.Errorf("verify %v: index.html = %q, want %q", verify, got, content)
		}
	}
}

func TestCommitForcedIntoForeignDestination(t *testing.T) {
	dest := t.TempDir()
	writeTree(t, dest, map[string]string{"index.html": "theirs", "keep.txt": "theirs too"})
	stats := build(t, dest, Options{Force: true}, map[string]string{"index.html": "ours", "about/index.html": "ours"})
	if want := (Stats{Written: 2}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	// keep.txt is not milepost's: a later build without --force never prunes it.
	build(t, dest, Options{}, map[string]string{"about/index.html": "ours"})
	want := map[string]string{"about/index.html": "ours", "keep.txt": "theirs too"}
	if got := files(t, dest); !equalMaps(got, want) {
		t.Errorf("destination holds %v, want %v", got, want)
	}
}

func TestCommitRefusesToWriteThroughForeignFiles(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dest string)
	}{
		{"a foreign file where a directory is needed", func(t *testing.T, dest string) {
			writeTree(t, dest, map[string]string{"docs": "user's file"})
		}},
		{"a symlinked directory on the way", func(t *testing.T, dest string) {
			outside := t.TempDir()
			if err := os.Symlink(outside, filepath.Join(dest, "docs")); err != nil {
				t.Skipf("symlinks unavailable: %v", err)
			}
		}},
		{"a foreign directory where the file goes", func(t *testing.T, dest string) {
			writeTree(t, dest, map[string]string{"docs/index.html/user.txt": "x"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := t.TempDir()
			build(t, dest, Options{Force: true}, map[string]string{"index.html": "home"})
			tt.setup(t, dest)
			before := snapshot(t, dest)
			tx, err := Begin(dest, Options{})
			if err != nil {
				t.Fatal(err)
			}
			tx.Put("index.html", []byte("home v2"))
			tx.Put("docs/index.html", []byte("docs"))
			if _, err := tx.Commit(); err == nil || !strings.Contains(err.Error(), "docs") {
				t.Errorf("Commit: got %v, want an error naming docs", err)
			}
			if diff := diffSnapshots(before, snapshot(t, dest)); diff != "" {
				t.Errorf("a refused commit changed the destination:\n%s", diff)
			}
			assertNoStaging(t, dest)
		})
	}
}

func TestCommitNeverPrunesThroughSymlinks(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	outside := t.TempDir()
	build(t, dest, Options{}, map[string]string{"index.html": "home", "docs/x.html": "x"})
	// Someone replaces docs/ by a link to a directory holding a same-named file.
	writeTree(t, outside, map[string]string{"x.html": "precious"})
	os.RemoveAll(filepath.Join(dest, "docs"))
	if err := os.Symlink(outside, filepath.Join(dest, "docs")); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	build(t, dest, Options{}, map[string]string{"index.html": "home"})
	if data, err := os.ReadFile(filepath.Join(outside, "x.html")); err != nil || string(data) != "precious" {
		t.Errorf("file behind the link: %q, %v; want it untouched", data, err)
	}
}

func TestAbortLeavesDestinationExactlyAsItWas(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]string // nil: the destination does not exist
	}{
		{"existing destination", map[string]string{"index.html": "v1", "a/index.html": "a"}},
		{"missing destination", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			dest := filepath.Join(tmp, "new", "public")
			if tt.existing != nil {
				build(t, dest, Options{}, tt.existing)
				writeTree(t, dest, map[string]string{".git/HEAD": "x"})
				ageAll(t, dest)
			}
			before := snapshot(t, tmp)
			tx, err := Begin(dest, Options{Minify: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"index.html", "b/index.html", "a/index.html"} {
				if err := tx.Put(name, []byte("<p>changed   "+name+"</p>")); err != nil {
					t.Fatal(err)
				}
			}
			if err := tx.Abort(); err != nil {
				t.Fatalf("Abort: %v", err)
			}
			if diff := diffSnapshots(before, snapshot(t, tmp)); diff != "" {
				t.Errorf("Abort changed the tree:\n%s", diff)
			}
			assertNoStaging(t, dest)
			if err := tx.Put("late.html", nil); !errors.Is(err, ErrClosed) {
				t.Errorf("Put after Abort: got %v, want ErrClosed", err)
			}
			if _, err := tx.Commit(); !errors.Is(err, ErrClosed) {
				t.Errorf("Commit after Abort: got %v, want ErrClosed", err)
			}
			if err := tx.Abort(); err != nil {
				t.Errorf("second Abort: %v", err)
			}
		})
	}
}

// TestAbandonRemovesStaging: a process abandoned on a signal exits right
// after Abandon returns, so Abandon removes the staging directory itself,
// whether the build was still putting files or an Abort had begun and
// was waiting for a Put in flight.
func TestAbandonRemovesStaging(t *testing.T) {
	for _, aborting := range []bool{false, true} {
		t.Run(map[bool]string{false: "open", true: "aborting"}[aborting], func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			build(t, dest, Options{}, map[string]string{"index.html": "v1"})
			tx, err := Begin(dest, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := range 50 {
				if err := tx.Put(fmt.Sprintf("p%d/index.html", i), []byte("new")); err != nil {
					t.Fatal(err)
				}
			}
			if err := tx.reserve("slow.html"); err != nil { // a Put in flight, never ending in time
				t.Fatal(err)
			}
			aborted := make(chan error, 1)
			if aborting {
				go func() { aborted <- tx.Abort() }()
				for {
					tx.mu.Lock()
					state := tx.state
					tx.mu.Unlock()
					if state == txAborting {
						break
					}
					time.Sleep(time.Millisecond)
				}
			}
			if !tx.Abandon() {
				t.Error("Abandon() = false, want true")
			}
			assertNoStaging(t, dest)
			if err := tx.Put("late.html", nil); !errors.Is(err, ErrClosed) {
				t.Errorf("Put after Abandon: got %v, want ErrClosed", err)
			}
			tx.inflight.Done()
			if aborting {
				if err := <-aborted; err != nil {
					t.Errorf("Abort: %v", err)
				}
			}
			if want := map[string]string{"index.html": "v1"}; !equalMaps(files(t, dest), want) {
				t.Errorf("destination holds %v, want %v", files(t, dest), want)
			}
		})
	}
}

func TestPutErrorHalfWayThenAbort(t *testing.T) {
	tests := []struct {
		name string
		bad  string // the name of the failing Put
	}{
		{"name escaping the destination", "../escape.html"},
		{"duplicate name", "index.html"},
		{"file and directory at once", "a"},
		{"write into .git", ".git/hooks/post-checkout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			dest := filepath.Join(tmp, "public")
			build(t, dest, Options{}, map[string]string{"index.html": "v1", "old/index.html": "old"})
			ageAll(t, dest)
			before := snapshot(t, tmp)

			tx, err := Begin(dest, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"index.html", "a/index.html"} {
				if err := tx.Put(name, []byte("v2 "+name)); err != nil {
					t.Fatal(err)
				}
			}
			if err := tx.Put(tt.bad, []byte("bad")); err == nil {
				t.Fatalf("Put(%q) succeeded", tt.bad)
			}
			if _, err := tx.Commit(); err == nil {
				t.Error("Commit succeeded after a failed Put")
			}
			if err := tx.Abort(); err != nil {
				t.Errorf("Abort: %v", err)
			}
			if diff := diffSnapshots(before, snapshot(t, tmp)); diff != "" {
				t.Errorf("the destination changed:\n%s", diff)
			}
		})
	}
}

func TestBeginCleansStaleStaging(t *testing.T) {
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "public")
	build(t, dest, Options{}, map[string]string{"index.html": "v1"})
	// A build killed half-way, in either staging place.
	writeTree(t, dest, map[string]string{stagingName + "/index.html": "half-written", stagingName + "/x/y.html": "y"})
	writeTree(t, tmp, map[string]string{stagingName + "-public/z.html": "z"})
	stats := build(t, dest, Options{}, map[string]string{"index.html": "v1", "b.html": "b"})
	if want := (Stats{Written: 1, Unchanged: 1}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	assertNoStaging(t, dest)
	if want := map[string]string{"index.html": "v1", "b.html": "b"}; !equalMaps(files(t, dest), want) {
		t.Errorf("destination holds %v, want %v", files(t, dest), want)
	}
}

func TestInterruptedCommitIsCompletedByNextBuild(t *testing.T) {
	// The state a commit killed after its journal leaves: old.html should
	// have been pruned, index.html was about to become "v2" (same size),
	// new.html was moved in. Told by a journal, or (as an older milepost
	// wrote it) by a manifest listing the written names without a hash.
	for _, form := range []string{"journal", "manifest"} {
		t.Run(form, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			build(t, dest, Options{}, map[string]string{"index.html": "v1", "old.html": "old", "keep.html": "keep"})
			found, err := readManifest(dest)
			if err != nil {
				t.Fatal(err)
			}
			left := map[string]string{"index.html": "v2", "new.html": "new"}
			if form == "journal" {
				left[journalName] = `{"writing":["index.html","new.html"]}`
			} else {
				old := found.files
				old["index.html"] = manifest.Entry{Path: "index.html", Size: 2}
				old["new.html"] = manifest.Entry{Path: "new.html", Size: 3}
				left[manifestName] = string(encodeManifest(old))
			}
			writeTree(t, dest, left)
			ageAll(t, dest)
			if names, sizes := manifestFiles(t, dest); Intact(dest, sha256.Sum256(found.raw), FileID{}, names, sizes) {
				t.Error("a destination with a commit cut short reads as intact")
			}

			stats := build(t, dest, Options{}, map[string]string{"index.html": "v1", "keep.html": "keep"})
			if want := (Stats{Written: 1, Unchanged: 1, Removed: 2}); !statsEqual(stats, want) {
				t.Errorf("stats = %+v, want %+v", stats, want)
			}
			if want := map[string]string{"index.html": "v1", "keep.html": "keep"}; !equalMaps(files(t, dest), want) {
				t.Errorf("destination holds %v, want %v", files(t, dest), want)
			}
			if _, err := os.Lstat(filepath.Join(dest, journalName)); err == nil {
				t.Error("the journal is still there after a complete commit")
			}
		})
	}
}

// manifestFiles lists the files dest's manifest names, sorted, with their
// sizes, as Stats gives them.
func manifestFiles(t *testing.T, dest string) (names []string, sizes []int64) {
	t.Helper()
	found, err := readManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(found.files)) {
		names, sizes = append(names, name), append(sizes, found.files[name].Size)
	}
	return names, sizes
}

func TestConcurrentPut(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	const workers, perWorker = 8, 150
	for round := range 2 { // the second round finds everything unchanged but one file per worker
		tx, err := Begin(dest, Options{Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		shared := []byte("<p>shared   bytes, put under many names</p>")
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := range workers {
			wg.Go(func() {
				for i := range perWorker {
					name := fmt.Sprintf("w%d/p%03d/index.html", w, i)
					data := shared
					if round == 1 && i == 0 {
						data = []byte("<p>changed</p>")
					}
					if err := tx.Put(name, data); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		stats, err := tx.Commit()
		if err != nil {
			t.Fatal(err)
		}
		want := Stats{Written: workers * perWorker}
		if round == 1 {
			want = Stats{Written: workers, Unchanged: workers * (perWorker - 1)}
		}
		if !statsEqual(stats, want) {
			t.Errorf("round %d: stats = %+v, want %+v", round, stats, want)
		}
		if string(shared) != "<p>shared   bytes, put under many names</p>" {
			t.Fatal("Put modified the caller's bytes")
		}
	}
	got := files(t, dest)
	if len(got) != workers*perWorker || got["w3/p042/index.html"] != "<p>shared bytes, put under many names</p>" || got["w3/p000/index.html"] != "<p>changed</p>" {
		t.Errorf("destination holds %d files; w3/p042 = %q, w3/p000 = %q", len(got), got["w3/p042/index.html"], got["w3/p000/index.html"])
	}
}

func TestCommitReportsUnminifiedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	broken := "function ( {"
	stats := build(t, dest, Options{Minify: true}, map[string]string{"app.js": broken, "ok.js": "var a = 1 ;"})
	if len(stats.Unminified) != 1 || stats.Unminified[0] != "app.js" {
		t.Errorf("Unminified = %v, want [app.js]", stats.Unminified)
	}
	if got := files(t, dest); got["app.js"] != broken || got["ok.js"] != "var a=1" {
		t.Errorf("app.js = %q (want the original), ok.js = %q (want minified)", got["app.js"], got["ok.js"])
	}
}

func TestManifestIsDeterministic(t *testing.T) {
	site := map[string]string{"b.html": "b", "a/index.html": "a", "img/a b.png": "png", "tags/ü/index.html": "u", "x&y.html": "&"}
	var manifests []string
	for range 2 {
		dest := filepath.Join(t.TempDir(), "public")
		build(t, dest, Options{}, site)
		data, err := os.ReadFile(filepath.Join(dest, manifestName))
		if err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, string(data))
		time.Sleep(10 * time.Millisecond)
	}
	if manifests[0] != manifests[1] {
		t.Errorf("two builds wrote different manifests:\n%s\n%s", manifests[0], manifests[1])
	}
	checkGolden(t, "manifest.golden", []byte(manifests[0]))
}

func TestMissingFileIsRewritten(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, Options{}, map[string]string{"a.html": "a", "b.html": "b"})
	if err := os.Remove(filepath.Join(dest, "a.html")); err != nil {
		t.Fatal(err)
	}
	stats := build(t, dest, Options{}, map[string]string{"a.html": "a", "b.html": "b"})
	if want := (Stats{Written: 1, Unchanged: 1}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	if _, err := os.Stat(filepath.Join(dest, "a.html")); errors.Is(err, fs.ErrNotExist) {
		t.Error("a.html was not restored")
	}
}

func statsEqual(a, b Stats) bool {
	return a.Written == b.Written && a.Unchanged == b.Unchanged && a.Removed == b.Removed &&
		strings.Join(a.Unminified, ",") == strings.Join(b.Unminified, ",")
}

func TestCommitThroughSymlinkedDestination(t *testing.T) {
	tmp := t.TempDir()
	target := filepath.Join(tmp, "www")
	link := filepath.Join(tmp, "public")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	build(t, link, Options{}, map[string]string{"index.html": "v1", "a/index.html": "a"})
	build(t, link, Options{}, map[string]string{"index.html": "v2"})
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the destination link was replaced: %v", err)
	}
	if want := map[string]string{"index.html": "v2"}; !equalMaps(files(t, target), want) {
		t.Errorf("link target holds %v, want %v", files(t, target), want)
	}
}

func TestCommitRelativeDestination(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	writeTree(t, tmp, map[string]string{"content/a.md": "x"})
	opts := Options{Protected: []string{"."}, Inputs: []string{"content"}}
	if _, err := Begin(".", opts); !errors.Is(err, ErrProtected) {
		t.Errorf("Begin(\".\"): got %v, want ErrProtected", err)
	}
	build(t, "public", opts, map[string]string{"index.html": "home"})
	if want := map[string]string{"index.html": "home"}; !equalMaps(files(t, filepath.Join(tmp, "public")), want) {
		t.Errorf("public holds %v, want %v", files(t, filepath.Join(tmp, "public")), want)
	}
}

// A name cannot be both a file and a folder of other files, in either order
// and at any depth.
func TestFileAndFolderOfTheSameName(t *testing.T) {
	for _, names := range [][]string{
		{"a/b/c.html", "a/b"},
		{"a/b/c.html", "a"},
		{"a", "a/b/c.html"},
		{"a/b", "a/b/c/d.html"},
		{"x/y.html", "a/b", "a/b/c.html"},
	} {
		tx, err := Begin(filepath.Join(t.TempDir(), "public"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var last error
		for _, name := range names {
			if last = tx.Put(name, []byte("x")); last != nil {
				break
			}
		}
		if last == nil || !strings.Contains(last.Error(), "directory") {
			t.Errorf("%q: %v, want a file/folder clash", names, last)
		}
		_ = tx.Abort()
	}
	tx, err := Begin(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a/b/c.html", "a/b/d.html", "a/e.html", "f.html"} {
		if err := tx.Put(name, []byte("x")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	_ = tx.Abort()
}
