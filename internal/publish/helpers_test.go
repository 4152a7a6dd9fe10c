package publish

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/manifest"
)

// oldTime is an mtime far enough in the past that a rewrite cannot go
// unnoticed.
var oldTime = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

// writeTree creates files (slash names, string contents) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// entry is what a snapshot records about one path.
type entry struct {
	kind    string // "dir", "file", "link"
	content string // file bytes or link target
	mtime   time.Time
}

// snapshot records every path below dir (dot-files and the manifest
// included) with kind, content and mtime. A missing dir is an empty map.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := entry{mtime: info.ModTime()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			e.kind = "link"
			e.content, _ = os.Readlink(p)
		case info.IsDir():
			e.kind = "dir"
			e.mtime = time.Time{} // directory mtimes move with their entries
		default:
			e.kind = "file"
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.content = string(data)
		}
		out[rel] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffSnapshots(before, after map[string]entry) string {
	var diffs []string
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			diffs = append(diffs, "removed "+p)
		case a.kind != b.kind || a.content != b.content:
			diffs = append(diffs, "changed "+p)
		case !a.mtime.Equal(b.mtime):
			diffs = append(diffs, "mtime changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "added "+p)
		}
	}
	sort.Strings(diffs)
	return strings.Join(diffs, "\n")
}

// files lists the regular files below dir (relative, slash) with contents,
// leaving out the manifest.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, e := range snapshot(t, dir) {
		if e.kind == "file" && p != manifestName {
			out[p] = e.content
		}
	}
	return out
}

// build publishes files into dest in one transaction.
func build(t *testing.T, dest string, o Options, files map[string]string) Stats {
	t.Helper()
	tx, err := Begin(dest, o)
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	defer tx.Abort()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := tx.Put(name, []byte(files[name])); err != nil {
			t.Fatalf("Put(%q): %v", name, err)
		}
	}
	stats, err := tx.Commit()
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return stats
}

// ageAll sets every file and link target below dir to oldTime.
func ageAll(t *testing.T, dir string) {
	t.Helper()
	for p, e := range snapshot(t, dir) {
		if e.kind == "file" {
			if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(p)), oldTime, oldTime); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func assertNoStaging(t *testing.T, dest string) {
	t.Helper()
	for _, p := range []string{
		filepath.Join(dest, stagingName),
		besideDest(dest, stagingName),
		besideDest(dest, lockName),
	} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s still exists (err %v)", p, err)
		}
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal([]byte(v), []byte(w)) {
			return false
		}
	}
	return true
}

// encodeManifest is m in the manifest's canonical form.
func encodeManifest(m manifest.Files) []byte {
	es := make([]manifest.Entry, 0, len(m))
	for _, e := range m {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Path < es[j].Path })
	return manifest.Encode(es)
}
