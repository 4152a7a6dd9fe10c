// Package githistory reads the history of a site's pages from git: it
// asks package gitrepo for the versions of each page and package history
// to follow their items, and turns every failure into a reason history
// is off, so a build never fails because of git.
//
// In: the content folder, the pages' paths in it, the function that turns
// a page's bytes into items (the status model, supplied by the caller),
// and Options (the build's time, limits, the items an earlier read left).
// Out: a Site: per page its history.File, what a reader must know (a
// shallow clone, or why history is off), and the items of every version
// read, for the next read (Cache; a build cache keeps it between builds
// with WriteCache and ReadCache).
// Must not: write anything (git runs read-only, see gitrepo), fail, or
// read a page's bytes from the work tree other than through Options.Current.
package githistory

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
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
	// Hash, when set, gives the SHA-256 of a page's bytes in the work
	// tree when the caller knows it (false when not): a page whose bytes
	// are those its history in the cache was read with is not read again.
	Hash func(path string) ([32]byte, bool)
	// Workers is how many pages are read at once (0: GOMAXPROCS).
	Workers int
	// ItemsKey names what the items read from a version of the page at
	// path depend on beside its bytes: the settings of the function that
	// reads them, and whatever of the path it looks at. Items are cached
	// by blob id and this key; nil keeps no cache (Site.Cache is nil).
	ItemsKey func(path string) string
	// Cache holds the items of versions read before (an earlier read's
	// Site.Cache): a version found there is neither fetched from git nor
	// read again. nil: every version is read.
	Cache *Cache
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
	// Fetched is how many versions' bytes were read from git (those the
	// cache did not hold); Worked how many pages' histories were worked
	// out from their versions (the others were the cache's).
	Fetched, Worked int
	// Cache is what the next read may take (Options.Cache): the items of
	// every version this read used, each page's history, and the log.
	// nil without Options.ItemsKey, or when history is off.
	Cache *Cache
}

// Read reads the history of the pages at paths (relative to dir,
// slash-separated). items gives the function that reads the items of a
// version of the page at a path; both are called from several goroutines
// at once.
//
// A page whose versions and items key are those of its history in
// Options.Cache, with no uncommitted edits, takes that history. The
// others are worked out from their versions' items: those the cache
// holds are taken, the others' bytes come in one `git cat-file --batch`,
// page after page, and each page is read as soon as its last version
// arrives, so only one page's bytes are held at a time. Pages with
// nothing to fetch are read meanwhile.
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
	cache := opts.Cache
	if opts.ItemsKey == nil {
		cache = nil // nothing in it can be looked up
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	logKey := fmt.Sprintf("%s\x00%d", abs, opts.Since.Unix()) // what a log read here is
	log, err := repo.Log(ctx, gitrepo.LogOptions{Since: opts.Since, MaxCommits: opts.MaxCommits, Prev: cache.prevLog(logKey)})
	if err != nil {
		site.Off = fmt.Sprintf("history is off: %v", err)
		return site
	}
	site.Shallow, site.Commits = log.Shallow, log.Commits
	current := opts.Current
	if current == nil {
		current = func(p string) ([]byte, error) { return rawfile.ReadFile(filepath.Join(dir, filepath.FromSlash(p))) }
	}
	hash := opts.Hash
	if hash == nil {
		hash = func(string) ([32]byte, bool) { return [32]byte{}, false }
	}

	// Each page's versions, with the items the cache holds, unless its
	// history may be the cache's; the blobs of the others, once per page,
	// in page order.
	pages := make([]page, len(paths))
	var fetch []int // pages with versions to fetch
	var ids []string
	keys := map[string][16]byte{} // a site's pages have a few items keys
	for i, p := range paths {
		pg := &pages[i]
		pg.path, pg.log = p, log.Files[p]
		pg.truncated = len(pg.log) > 0 && !pg.log[0].Added
		if opts.ItemsKey != nil {
			k := opts.ItemsKey(p)
			if _, ok := keys[k]; !ok {
				keys[k] = hashKey(k)
			}
			pg.key = keys[k]
			pg.sig = signature(pg.key, pg.truncated, pg.log)
			pg.cached = cache.page(p)
		}
		if pg.keepable() {
			continue // its history is likely the record's, which holds every version's items
		}
		pg.makeVersions()
		for j, v := range pg.log {
			pg.versions[j].Items, _ = cache.items(pg.cached, v.Blob, pg.key)
			if pg.versions[j].Items == nil && !slices.Contains(pg.blobs, v.Blob) {
				pg.blobs = append(pg.blobs, v.Blob)
			}
		}
		if len(pg.blobs) > 0 {
			fetch = append(fetch, i)
			ids = append(ids, pg.blobs...)
		}
	}
	site.Fetched = len(ids)

	hopts := history.Options{Now: opts.Now, Vocabulary: opts.Vocabulary}
	jobs := make(chan *page, 16)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var lateErr error
	var next map[string]*record
	if opts.ItemsKey != nil {
		next = make(map[string]*record, len(paths))
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for pg := range jobs {
				// The page's bytes now: the last version's (clean), or
				// uncommitted edits.
				var uncommitted []byte
				var clean [32]byte
				if h, ok := hash(pg.path); ok && pg.keepable() && h == pg.cached.clean {
					clean = h
				} else if data, err := current(pg.path); err == nil {
					if n := len(pg.log); n == 0 || gitrepo.BlobID(data, pg.log[n-1].Blob) != pg.log[n-1].Blob {
						uncommitted = data
					} else {
						clean = sha256.Sum256(data)
					}
				}
				late := func(ids []string) error { // what the cache was to hold and does not
					return repo.Blobs(ctx, ids, func(id string, data []byte) error { pg.fill(id, data); return nil })
				}
				f, rec, worked, err := pg.read(items(pg.path), hopts, uncommitted, clean, late)
				pg.versions = nil // their items are in rec now: only one page's are held at a time
				mu.Lock()
				if err != nil && lateErr == nil {
					lateErr = err
				}
				site.Files[pg.path] = f
				if worked {
					site.Worked++
				}
				if next != nil {
					next[pg.path] = rec
				}
				mu.Unlock()
			}
		}()
	}
	// Pages with nothing to fetch are read while git answers for the
	// others.
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		for i := range pages {
			if len(pages[i].blobs) == 0 {
				jobs <- &pages[i]
			}
		}
	}()
	at, blob := 0, 0 // the page being fetched (in fetch), and its next blob
	err = repo.Blobs(ctx, ids, func(id string, data []byte) error {
		pg := &pages[fetch[at]]
		pg.fill(id, data)
		if blob++; blob == len(pg.blobs) {
			jobs <- pg
			at, blob = at+1, 0
		}
		return nil
	})
	<-sent
	close(jobs)
	wg.Wait()
	if err == nil {
		err = lateErr
	}
	if err != nil {
		return &Site{Files: map[string]*history.File{}, Off: fmt.Sprintf("history is off: %v", err), Shallow: log.Shallow}
	}
	if next != nil {
		site.Cache = &Cache{pages: next}
		if opts.MaxCommits == 0 && !log.Shallow {
			site.Cache.log, site.Cache.logKey = log, logKey
		}
	}
	return site
}

// page is one page on its way through Read.
type page struct {
	path      string
	log       []gitrepo.Version // its versions, as git log gave them
	truncated bool              // its history is cut short
	key       [16]byte          // its items key, hashed (Options.ItemsKey)
	sig       [32]byte          // what its history is worked out from
	cached    *record           // its record in the cache, or nil
	versions  []history.Version // oldest first, Items set for those cached; nil until needed
	blobs     []string          // the blobs to fetch, each once
}

// keepable says the page's record in the cache keeps the history it would
// have now, unless it has uncommitted edits (or it cannot be decoded: see
// page.read).
func (pg *page) keepable() bool {
	r := pg.cached
	return r != nil && r.key == pg.key && r.sig == pg.sig && r.sig != [32]byte{}
}

// read gives the page's history, and its record for the next cache: the
// cached one when it still holds (worked false), or one made anew. late
// fetches the bytes of versions whose items the cache was to hold and
// turned out not to (a record that cannot be decoded).
func (pg *page) read(fn history.ItemsFunc, hopts history.Options, uncommitted []byte, clean [32]byte, late func(ids []string) error) (f *history.File, rec *record, worked bool, err error) {
	if pg.keepable() {
		if f := pg.cached.decodedFile(); f != nil && uncommitted == nil && clean == pg.cached.clean {
			return f, pg.cached, false, nil
		}
		pg.makeVersions()
		items := pg.cached.decodedItems()
		for i := range pg.versions {
			pg.versions[i].Items = items[hexToRaw(pg.versions[i].Blob)]
		}
	}
	var missing []string
	for _, v := range pg.versions {
		if v.Items == nil && v.Data == nil && !slices.Contains(missing, v.Blob) {
			missing = append(missing, v.Blob)
		}
	}
	if len(missing) > 0 {
		if err := late(missing); err != nil {
			return &history.File{}, nil, true, err
		}
	}
	pg.readItems(fn)
	o := hopts
	o.Truncated, o.Uncommitted = pg.truncated, uncommitted
	f = history.Read(pg.versions, fn, o)
	keep := f
	if uncommitted != nil {
		keep = nil // dated now: worked out again next time
	}
	return f, newRecord(pg.path, pg.key, pg.sig, pg.versions, keep, clean), true, nil
}

// makeVersions makes the page's versions from its log, without items.
func (pg *page) makeVersions() {
	pg.versions = make([]history.Version, len(pg.log))
	for j, v := range pg.log {
		pg.versions[j] = history.Version{Commit: v.Commit, Time: v.Time, Blob: v.Blob}
	}
}

// fill gives the versions of blob id its bytes.
func (pg *page) fill(id string, data []byte) {
	data = bytes.Clone(data)
	for i := range pg.versions {
		if v := &pg.versions[i]; v.Items == nil && v.Blob == id {
			v.Data = data
		}
	}
}

// readItems reads the items of the versions fetched, once per blob, and
// drops their bytes: every version then has its Items.
func (pg *page) readItems(fn history.ItemsFunc) {
	read := map[string][]history.Item{}
	for i := range pg.versions {
		v := &pg.versions[i]
		if v.Items != nil {
			continue
		}
		items, ok := read[v.Blob]
		if !ok {
			if items = fn(v.Data); items == nil {
				items = []history.Item{}
			}
			read[v.Blob] = items
		}
		v.Items, v.Data = items, nil
	}
}
