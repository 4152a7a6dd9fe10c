package buildcache

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/summary"
)

// Settings are what a build tells the cache beside its site.Input.
type Settings struct {
	// Dir is the cache folder of the site (see Folder).
	Dir string
	// Root is the site root on disk, as site.Input.Site reads it.
	Root string
	// ContentDir is the content folder relative to Root (the
	// configuration's content_dir, or the flag's), in the OS's form.
	ContentDir string
	// Dest is the destination folder, Minify whether it is minified.
	Dest   string
	Minify bool
	// History says the build reads git history: history is on and the
	// content folder is in a git work tree; Head is the commit checked
	// out there ("" without one, or without history). gitrepo.WorkTree
	// tells both.
	History bool
	Head    string
	// Warn is told, a "milepost: " line each, why a part of the cache is
	// ignored or could not be saved.
	Warn io.Writer
}

// A Session is the build cache as one build sees it: the state the last
// build left, and this build's own, saved after a successful commit. A nil
// *Session is a build without the cache (--no-cache): every method works
// and does nothing.
type Session struct {
	set        Settings
	prefix     string // the content folder, slash-terminated, as pages' paths are relative to it
	prev       *State // nil when there is none, or it is unreadable
	next       State
	inputsErr  error
	destIntact bool // the destination is as the last build left it

	readOnce sync.Once
	parts    chan cachedParts // what Offer hands over, read in the background
	takeOnce sync.Once
	got      cachedParts // what came through parts
}

// Open reads the cache of the build of in with set, and fingerprints this
// build's inputs: the content folder, templates/, static/ and the
// configuration file, with the flags and the destination.
func Open(in site.Input, set Settings) *Session {
	s := &Session{set: set, prefix: path.Clean(filepath.ToSlash(set.ContentDir)) + "/"}
	absDest, _ := filepath.Abs(set.Dest)
	s.next.Binary = BinaryID(in.Version)
	s.next.Settings = Key(absDest, strconv.FormatBool(set.Minify), in.BaseURL, strconv.FormatBool(in.Drafts), in.ContentDir, strconv.FormatBool(in.FileLinks))
	s.next.Date = in.Now.UTC().Format("2006-01-02")
	s.next.Head, s.next.History = set.Head, set.History
	prev, err := Load(set.Dir)
	if err != nil {
		s.warn("ignoring the build cache (%v)", err)
	}
	s.prev = prev
	// The destination is checked while the inputs are read: both mostly
	// wait on the kernel.
	intact := make(chan bool, 1)
	go func() {
		names, sizes := prev.Files()
		intact <- names != nil && publish.Intact(set.Dest, prev.Manifest, prev.ManifestFile, names, sizes)
	}()
	var prevIndex *Index
	if prev != nil {
		prevIndex = prev.InputIndex
	}
	s.next.Inputs, s.next.InputIndex, s.inputsErr = Fingerprint(set.Root, prevIndex, set.ContentDir, "templates", "static", "milepost.yaml")
	s.destIntact = <-intact
	return s
}

// warn tells Settings.Warn about a problem.
func (s *Session) warn(format string, args ...any) {
	if s.set.Warn != nil {
		fmt.Fprintf(s.set.Warn, "milepost: "+format+"\n", args...)
	}
}

// compatible reports whether the last build's outputs were made by this
// binary with these settings, so their keys mean what this build's mean.
func (s *Session) compatible() bool {
	return s != nil && s.prev != nil && s.next.Binary != "" &&
		s.prev.Binary == s.next.Binary && s.prev.Settings == s.next.Settings
}

// UpToDate reports whether nothing changed since the last build: the same
// inputs, settings and date, and a destination still as that build left
// it. When it is not, the session starts reading what Offer hands over,
// so that the caller's next steps (opening the destination) overlap it.
func (s *Session) UpToDate() bool {
	up := s.compatible() && s.inputsErr == nil && s.prev.Inputs == s.next.Inputs &&
		s.prev.Date == s.next.Date && s.prev.Head == s.next.Head && s.prev.History == s.next.History && s.destIntact
	if up {
		s.refreshIndex()
		return true
	}
	if s != nil && s.prev != nil {
		s.prev.FileNames = "" // checked: the build needs only their count now
	}
	s.readAhead()
	return false
}

// refreshIndex saves the state the last build left with this build's
// input index, when this build had to read input files the last index
// could not vouch for: files written just before the last build hashed
// them (a checkout, a generator) are read by every build after it until
// an index taken once they settled is saved, and a build with nothing to
// do saves nothing else. The inputs are the same, so the state's outputs
// still match it.
func (s *Session) refreshIndex() {
	if s.next.InputIndex == nil || s.next.InputIndex.Read == 0 {
		return
	}
	s.prev.InputIndex = s.next.InputIndex
	if err := s.prev.saveState(s.set.Dir); err != nil {
		s.warn("warning: could not save the build cache: %v", err)
	}
}

// Files is the number of files the last build left in the destination.
func (s *Session) Files() int {
	if s == nil || s.prev == nil {
		return 0
	}
	return len(s.prev.FileSizes)
}

// Checked is the hash of the destination's manifest when every file it
// lists was found as the last build left it (publish.Options.Checked).
func (s *Session) Checked() [32]byte {
	if s == nil || !s.destIntact {
		return [32]byte{}
	}
	return s.prev.Manifest
}

// cachedParts is what a build that is not up to date takes from the
// cache, beside the state: the last build's outputs, page summaries and
// loaded pages, and the complaints about any that could not be read.
type cachedParts struct {
	outputs   map[string]site.Output
	summaries *summary.Summaries
	loaded    map[string]*content.Page
	history   *githistory.Cache
	problems  []string
}

// readAhead starts reading the cached parts, once.
func (s *Session) readAhead() {
	if s == nil {
		return
	}
	s.readOnce.Do(func() {
		s.parts = make(chan cachedParts, 1)
		go func() { s.parts <- s.readParts() }()
	})
}

// takeParts waits for the cached parts readAhead reads.
func (s *Session) takeParts() cachedParts {
	s.readAhead()
	s.takeOnce.Do(func() { s.got = <-s.parts })
	return s.got
}

// readParts reads the cached parts a compatible state may use; a damaged
// part is a problem reported, and left unused.
func (s *Session) readParts() cachedParts {
	var parts cachedParts
	dir := s.set.Dir
	if s.set.Head != "" && s.prev != nil && s.next.Binary != "" && s.prev.Binary == s.next.Binary {
		// What history found does not depend on the destination or the
		// flags: only the binary must be the same (the cache's keys name
		// the settings).
		var err error
		if parts.history, err = ReadHistory(dir); err != nil {
			parts.problems = append(parts.problems, fmt.Sprintf("ignoring the cached history (%v)", err))
		}
	}
	if !s.compatible() {
		return parts
	}
	if err := s.prev.LoadOutputs(dir); err != nil {
		parts.problems = append(parts.problems, fmt.Sprintf("ignoring the build cache (%v)", err))
	}
	parts.outputs, s.prev.Outputs = s.prev.Outputs, nil // the build's, to drop when done
	data, err := ReadPages(dir)
	if err == nil && data != nil {
		parts.summaries, err = summary.Read(data)
	}
	if err != nil {
		parts.problems = append(parts.problems, fmt.Sprintf("ignoring the cached page summaries (%v)", err))
	}
	if parts.loaded, err = ReadLoaded(dir, s.prefix); err != nil {
		parts.problems = append(parts.problems, fmt.Sprintf("ignoring the cached pages (%v)", err))
	}
	return parts
}

// Offer gives the build what it may take from the last one: outputs to
// keep, page summaries, and pages LOAD need not read (site.Input.Loaded:
// each for as long as the file's bytes are the ones it was read from; the
// hashes are the fingerprint's, so no file is read to answer).
func (s *Session) Offer(in *site.Input) {
	if s == nil {
		return
	}
	parts := s.takeParts()
	s.got = cachedParts{} // the build's now: held here, they would outlive its use of them
	for _, p := range parts.problems {
		s.warn("%s", p)
	}
	in.Cached, in.Summaries, in.HistoryCache = parts.outputs, parts.summaries, parts.history
	loaded := parts.loaded // only this: the closure outlives the summaries' bytes
	if len(loaded) == 0 || s.inputsErr != nil {
		return
	}
	index := s.next.InputIndex
	prefix := s.prefix
	in.Loaded = func(p string) (*content.Page, bool) {
		prev, ok := loaded[p]
		if !ok {
			return nil, false
		}
		if hash, ok := index.Hash(prefix + p); !ok || hash != prev.Hash {
			return nil, false
		}
		cp := *prev
		cp.Unread = true
		return &cp, true
	}
}

// fingerprinted keeps the pages read from the bytes the fingerprint
// hashed: a file changed between the two is read again next time.
func (s *Session) fingerprinted(pages []*content.Page) []*content.Page {
	kept := pages[:0:0]
	for _, p := range pages {
		if hash, ok := s.next.InputIndex.Hash(s.prefix + p.Path); ok && hash == p.Hash {
			kept = append(kept, p)
		}
	}
	return kept
}

// A Committer is the destination's transaction (publish.Tx).
type Committer interface {
	Commit() (publish.Stats, error)
}

// Commit commits tx, the destination of the build that made res, and
// saves this build's state around it: the page summaries and the loaded
// pages, which do not depend on the commit, while it runs (they are
// written even if the commit fails: each record names the source and
// settings it was made from), the rest once it succeeded. Failing to save
// costs the next build time, not correctness: it is a warning.
func (s *Session) Commit(res *site.Result, tx Committer) (publish.Stats, error) {
	if s == nil {
		return tx.Commit()
	}
	if s.inputsErr != nil { // the inputs could not be fingerprinted: no fast path next time
		stats, err := tx.Commit()
		if err == nil {
			_ = Remove(s.set.Dir)
		}
		return stats, err
	}
	aside := make(chan error, 1)
	go func() {
		err := WritePages(s.set.Dir, res.WriteSummaries)
		if err == nil {
			err = WriteLoaded(s.set.Dir, s.prefix, s.fingerprinted(res.LoadedPages()))
		}
		if h := res.HistoryCache(); err == nil && h != nil {
			err = WriteHistory(s.set.Dir, h)
		}
		aside <- err
	}()
	stats, err := tx.Commit()
	saved := <-aside
	if err != nil {
		return stats, err
	}
	s.next.Manifest, s.next.ManifestFile, s.next.Outputs = stats.Manifest, stats.ManifestFile, res.Outputs
	s.next.Report = Report{Pages: res.Pages, Warnings: res.Diagnostics, History: res.History}
	s.next.SetFiles(stats.Names, stats.Sizes)
	if saved == nil {
		saved = s.next.Save(s.set.Dir)
	}
	if saved != nil {
		s.warn("warning: could not save the build cache: %v", saved)
	}
	return stats, nil
}
