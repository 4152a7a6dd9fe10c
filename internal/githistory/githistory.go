// Package githistory reads the history of a site's pages from git: it
// asks package gitrepo for the versions of each page and package history
// to follow their items, and turns every failure into a reason history
// is off, so a build never fails because of git.
//
// In: the content folder, the pages' paths in it, the function that turns
// a page's bytes into items (the status model, supplied by the caller),
// and Options (the build's time, limits). Out: a Site: per page its
// history.File, and what a reader must know (a shallow clone, or why
// history is off).
// Must not: write anything (git runs read-only, see gitrepo), fail, or
// read a page's bytes from the work tree other than through Options.Current.
package githistory

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/rawfile"
)

// Options are the rest of what Read needs.
type Options struct {
	Now        time.Time // the build's time: uncommitted edits are dated now
	Since      time.Time // commits authored before it are not read (zero: all)
	MaxCommits int       // at most this many commits, newest first (0: all)
	Vocabulary *marker.Vocabulary
	// Current reads a page as the work tree holds it (path relative to
	// the folder, slash-separated); nil reads the file in the folder.
	Current func(path string) ([]byte, error)
	// Workers is how many pages are read at once (0: GOMAXPROCS).
	Workers int
}

// Site is the history of a site's pages.
type Site struct {
	// Files holds the history of each page asked for, by its path. A page
	// git has never seen has one version: its bytes now, dated now.
	Files map[string]*history.File
	// Off says why there is no history ("" when there is): no git, a
	// folder outside a work tree, or an error reading it. Files is then
	// empty.
	Off string
	// Shallow says the repository is a shallow clone: history starts
	// where the clone was cut, not where the work did.
	Shallow bool
	// Commits is how many commits were read.
	Commits int
}

// Read reads the history of the pages at paths (relative to dir,
// slash-separated). items gives the function that reads the items of a
// version of the page at a path; both are called from several goroutines
// at once.
func Read(ctx context.Context, dir string, paths []string, items func(path string) history.ItemsFunc, opts Options) *Site {
	site := &Site{Files: map[string]*history.File{}}
	repo, err := gitrepo.Open(ctx, dir)
	if err != nil {
		if errors.Is(err, gitrepo.ErrNoRepo) {
			site.Off = "history is off: the content folder is not in a git work tree, or git cannot be run"
		} else {
			site.Off = fmt.Sprintf("history is off: %v", err)
		}
		return site
	}
	log, err := repo.Log(ctx, gitrepo.LogOptions{Since: opts.Since, MaxCommits: opts.MaxCommits})
	if err != nil {
		site.Off = fmt.Sprintf("history is off: %v", err)
		return site
	}
	site.Shallow, site.Commits = log.Shallow, log.Commits
	current := opts.Current
	if current == nil {
		current = func(p string) ([]byte, error) { return rawfile.ReadFile(filepath.Join(dir, filepath.FromSlash(p))) }
	}
	// All blobs in one batch, page after page; each page is read as soon
	// as its last version arrives, so only one page's versions are held.
	var ids []string
	for _, p := range paths {
		for _, v := range log.Files[p] {
			ids = append(ids, v.Blob)
		}
	}
	hopts := history.Options{Now: opts.Now, Vocabulary: opts.Vocabulary}
	type job struct {
		path     string
		versions []history.Version
	}
	jobs := make(chan job, 16)
	var mu sync.Mutex
	var wg sync.WaitGroup
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				o := hopts
				if vs := log.Files[j.path]; len(vs) > 0 && !vs[0].Added {
					o.Truncated = true
				}
				if data, err := current(j.path); err == nil {
					o.Uncommitted = data
				}
				f := history.Read(j.versions, items(j.path), o)
				mu.Lock()
				site.Files[j.path] = f
				mu.Unlock()
			}
		}()
	}
	page, next := 0, 0 // the page being read, and its next version
	var versions []history.Version
	skipEmpty := func() {
		for page < len(paths) && len(log.Files[paths[page]]) == 0 {
			jobs <- job{path: paths[page]}
			page++
		}
	}
	skipEmpty()
	err = repo.Blobs(ctx, ids, func(id string, data []byte) error {
		v := log.Files[paths[page]][next]
		versions = append(versions, history.Version{Commit: v.Commit, Time: v.Time, Blob: v.Blob, Data: append([]byte(nil), data...)})
		if next++; next == len(log.Files[paths[page]]) {
			jobs <- job{paths[page], versions}
			versions, next = nil, 0
			page++
			skipEmpty()
		}
		return nil
	})
	close(jobs)
	wg.Wait()
	if err != nil {
		return &Site{Files: map[string]*history.File{}, Off: fmt.Sprintf("history is off: %v", err), Shallow: log.Shallow}
	}
	return site
}
