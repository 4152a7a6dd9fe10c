package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/milepost/milepost/internal/benchcorpus"
)

// Modes of a measured build.
const (
	modeCold    = "cold"     // fresh destination, no cache
	modeWarm    = "warm"     // rebuild, nothing changed
	modeOneEdit = "one edit" // rebuild after appending a line of prose to one page
	modeOneTask = "one task" // rebuild after adding a task to one page
	modeFull    = "full"     // the floor: every page, every time
)

// dirtyMarker, beside content/, says a page of the corpus is being edited;
// a corpus that still has it after a crash is regenerated.
const dirtyMarker = ".bench-editing"

// ensureCorpus returns the folder of an n-page corpus under out, reusing
// one whose manifest names the same generator version, size and seed.
func ensureCorpus(out string, n int, seed uint64) (string, benchcorpus.Summary, error) {
	dir := filepath.Join(out, fmt.Sprintf("corpus-%d", n))
	if m, err := benchcorpus.ReadManifest(dir); err == nil && m.Version == benchcorpus.Version && m.Pages == n && m.Seed == seed {
		if _, err := os.Stat(filepath.Join(dir, dirtyMarker)); errors.Is(err, fs.ErrNotExist) {
			return dir, m, nil
		}
	}
	fmt.Printf("generating %d-page corpus in %s\n", n, dir)
	for _, p := range []string{"content", benchcorpus.ManifestName, dirtyMarker, "public", ".milepost-cache"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			return "", benchcorpus.Summary{}, err
		}
	}
	sum, err := benchcorpus.Generate(dir, benchcorpus.Options{Pages: n, Seed: seed})
	return dir, sum, err
}

// editor appends lines to one page of a corpus and puts it back as it was.
type editor struct {
	corpus string
	file   string // absolute path of the page
	orig   []byte
	count  int
}

func newEditor(corpus string, n int, seed uint64) (*editor, error) {
	c, err := benchcorpus.New(benchcorpus.Options{Pages: n, Seed: seed})
	if err != nil {
		return nil, err
	}
	// The middle page: a page like any other, not a hub many pages link to.
	file := filepath.Join(corpus, "content", filepath.FromSlash(c.PagePath(n/2)))
	orig, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(corpus, dirtyMarker), []byte(file+"\n"), 0o644); err != nil {
		return nil, err
	}
	return &editor{corpus: corpus, file: file, orig: orig}, nil
}

// edit appends one new line of prose, different every time, to the page.
func (e *editor) edit() error { return e.appendLine("\nEdited for the benchmark, change %d.\n") }

// addTask appends one new open task, different every time, to the page:
// an edit that changes what the site shows of the page.
func (e *editor) addTask() error { return e.appendLine("\n- [ ] Benchmark task %d\n") }

// appendLine appends format, filled with the edit's number, to the page.
func (e *editor) appendLine(format string) error {
	e.count++
	f, err := os.OpenFile(e.file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, format, e.count)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// restore writes the page back and drops the dirty marker.
func (e *editor) restore() error {
	if err := os.WriteFile(e.file, e.orig, 0o644); err != nil {
		return err
	}
	return os.Remove(filepath.Join(e.corpus, dirtyMarker))
}

// relPath returns the page's path under content/, for the report.
func (e *editor) relPath() string {
	rel, err := filepath.Rel(filepath.Join(e.corpus, "content"), e.file)
	if err != nil {
		return e.file
	}
	return filepath.ToSlash(rel)
}

// buildFunc runs a tool's build once; name names its log.
type buildFunc func(ctx context.Context, name string) runResult

// measureBuilds runs the build modes of one tool against one corpus: cold
// (reset, then a build that neither reads nor writes a cache), warm
// (nothing changed since the last build), one edit of prose and, with
// tasks, one task added (a tool that builds every edit alike need not).
// With prime, one unmeasured cached build runs before the warm ones, to
// fill a cache the cold builds did not write.
func (h *harness) measureBuilds(ctx context.Context, tool string, n int, corpus, dest string, cold, build buildFunc, reset func() error, prime, tasks bool) (map[string]*sample, error) {
	results := map[string]*sample{modeCold: {}, modeWarm: {}, modeOneEdit: {}}
	if tasks {
		results[modeOneTask] = &sample{}
	}
	name := func(mode string, k int) string {
		return fmt.Sprintf("%s-%d-%s-%d", tool, n, strings.ReplaceAll(mode, " ", "-"), k)
	}
	for k := 1; k <= h.runs; k++ {
		if err := reset(); err != nil {
			return nil, err
		}
		r := cold(ctx, name(modeCold, k))
		results[modeCold].add(r)
		progress(tool, modeCold, k, r)
		if r.err != nil {
			return results, nil
		}
	}
	files, _, err := countFiles(dest)
	if err != nil {
		return nil, err
	}
	results[modeCold].files = files
	if prime {
		if r := build(ctx, name("prime", 0)); r.err != nil {
			results[modeWarm].err = r.err
			return results, nil
		}
	}
	for k := 1; k <= h.runs; k++ {
		r := build(ctx, name(modeWarm, k))
		results[modeWarm].add(r)
		progress(tool, modeWarm, k, r)
	}
	ed, err := newEditor(corpus, n, h.seed)
	if err != nil {
		return nil, err
	}
	restored := false
	defer func() {
		if !restored {
			if rerr := ed.restore(); rerr != nil {
				fmt.Fprintln(os.Stderr, "bench: could not restore", ed.file, rerr)
			}
		}
	}()
	for k := 1; k <= h.runs; k++ {
		if err := ed.edit(); err != nil {
			return nil, err
		}
		r := build(ctx, name(modeOneEdit, k))
		results[modeOneEdit].add(r)
		progress(tool, modeOneEdit, k, r)
	}
	results[modeOneEdit].note = "edits " + ed.relPath()
	for k := 1; tasks && k <= h.runs; k++ {
		if err := ed.addTask(); err != nil {
			return nil, err
		}
		r := build(ctx, name(modeOneTask, k))
		results[modeOneTask].add(r)
		progress(tool, modeOneTask, k, r)
	}
	restored = true
	if err := ed.restore(); err != nil {
		return nil, err
	}
	// Build once more, unmeasured, so the destination matches the corpus.
	_ = build(ctx, name("restore", 0))
	return results, nil
}

// progress prints one run as it finishes.
func progress(tool, mode string, k int, r runResult) {
	fmt.Printf("  %-8s %-9s run %d: %7.3fs wall %7.2fs cpu %6.0f MB%s\n", tool, mode, k, r.wall.Seconds(), r.cpu.Seconds(), float64(r.rssKB)/1024, errSuffix(r.err))
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return "  FAILED: " + strings.ReplaceAll(err.Error(), "\n", "\n      ")
}
