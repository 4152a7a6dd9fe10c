package main

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// buildState is the build cache as one build sees it: the state the last
// build left, and this build's own, saved after a successful commit. A nil
// *buildState is a build without the cache (--no-cache).
type buildState struct {
	root, dest string
	prefix     string            // the content folder, slash-terminated, as pages' paths are relative to it
	prev       *buildcache.State // nil when there is none, or it is unreadable
	next       buildcache.State
	inputsErr  error
	destIntact bool // the destination is as the last build left it
}

// loadBuildState reads the cache of the site at sf.source and fingerprints
// this build's inputs: the content folder, templates/, static/ and the
// config file, the flags and the destination.
func loadBuildState(sf siteFlags, in site.Input, dest, contentDir string, minify bool, stderr io.Writer) *buildState {
	s := &buildState{root: sf.source, dest: dest, prefix: path.Clean(filepath.ToSlash(contentDir)) + "/"}
	absDest, _ := filepath.Abs(dest)
	s.next.Binary = buildcache.BinaryID(in.Version)
	s.next.Settings = buildcache.Key(absDest, strconv.FormatBool(minify), in.BaseURL, strconv.FormatBool(in.Drafts), in.ContentDir, strconv.FormatBool(in.FileLinks))
	s.next.Date = in.Now.UTC().Format("2006-01-02")
	prev, err := buildcache.Load(sf.source)
	if err != nil {
		fmt.Fprintf(stderr, "milepost: ignoring the build cache (%v)\n", err)
	}
	s.prev = prev
	// The destination is checked while the inputs are read: both mostly
	// wait on the kernel.
	intact := make(chan bool, 1)
	go func() {
		names, sizes := prev.Files()
		intact <- names != nil && publish.Intact(dest, prev.Manifest, names, sizes)
	}()
	var prevIndex *buildcache.Index
	if prev != nil {
		prevIndex = prev.InputIndex
	}
	s.next.Inputs, s.next.InputIndex, s.inputsErr = buildcache.Fingerprint(sf.source, prevIndex, contentDir, "templates", "static", "milepost.yaml")
	s.destIntact = <-intact
	if prev != nil {
		prev.FileNames = "" // checked: the build needs only their count now
	}
	return s
}

// compatible reports whether the last build's outputs were made by this
// binary with these settings, so their keys mean what this build's mean.
func (s *buildState) compatible() bool {
	return s != nil && s.prev != nil && s.next.Binary != "" &&
		s.prev.Binary == s.next.Binary && s.prev.Settings == s.next.Settings
}

// upToDate reports whether nothing changed since the last build: the same
// inputs, settings and date, and a destination still as that build left it.
func (s *buildState) upToDate() bool {
	return s.compatible() && s.inputsErr == nil && s.prev.Inputs == s.next.Inputs &&
		s.prev.Date == s.next.Date && s.destIntact
}

// checkedManifest is the hash of the destination's manifest when every
// file it lists was found as the last build left it (publish.Options.Checked).
func (s *buildState) checkedManifest() [32]byte {
	if s == nil || !s.destIntact {
		return [32]byte{}
	}
	return s.prev.Manifest
}

// cachedParts is what a build that is not up to date takes from the
// cache, beside the state: the last build's outputs, page summaries and
// loaded pages, and the complaints about any that could not be read.
type cachedParts struct {
	outputs   map[string]buildcache.Output
	summaries *site.Summaries
	loaded    map[string]*content.Page
	problems  []string
}

// readParts reads the cached parts a compatible state may use; a damaged
// part is a problem reported, and left unused.
func (s *buildState) readParts() cachedParts {
	var parts cachedParts
	if !s.compatible() {
		return parts
	}
	if err := s.prev.LoadOutputs(s.root); err != nil {
		parts.problems = append(parts.problems, fmt.Sprintf("ignoring the build cache (%v)", err))
	}
	parts.outputs, s.prev.Outputs = s.prev.Outputs, nil // the build's, to drop when done
	data, err := buildcache.ReadPages(s.root)
	if err == nil && data != nil {
		parts.summaries, err = site.ReadSummaries(data)
	}
	if err != nil {
		parts.problems = append(parts.problems, fmt.Sprintf("ignoring the cached page summaries (%v)", err))
	}
	if parts.loaded, err = buildcache.ReadLoaded(s.root, s.prefix); err != nil {
		parts.problems = append(parts.problems, fmt.Sprintf("ignoring the cached pages (%v)", err))
	}
	return parts
}

// offer gives the build what it may take from the last one: outputs to
// keep, page summaries, and pages LOAD need not read (site.Input.Loaded:
// each for as long as the file's bytes are the ones it was read from; the
// hashes are the fingerprint's, so no file is read to answer).
func (s *buildState) offer(in *site.Input, parts cachedParts, stderr io.Writer) {
	if s == nil {
		return
	}
	for _, p := range parts.problems {
		fmt.Fprintln(stderr, "milepost:", p)
	}
	in.Cached, in.Summaries = parts.outputs, parts.summaries
	loaded := parts.loaded // only this: the closure outlives the summaries' bytes
	if len(loaded) == 0 || s.inputsErr != nil {
		return
	}
	in.Loaded = func(p string) (*content.Page, bool) {
		prev, ok := loaded[p]
		if !ok {
			return nil, false
		}
		if hash, ok := s.next.InputIndex.Hash(s.prefix + p); !ok || hash != prev.Hash {
			return nil, false
		}
		cp := *prev
		cp.Unread = true
		return &cp, true
	}
}

// fingerprinted keeps the pages read from the bytes the fingerprint
// hashed: a file changed between the two is read again next time.
func (s *buildState) fingerprinted(pages []*content.Page) []*content.Page {
	kept := pages[:0:0]
	for _, p := range pages {
		if hash, ok := s.next.InputIndex.Hash(s.prefix + p.Path); ok && hash == p.Hash {
			kept = append(kept, p)
		}
	}
	return kept
}

// saveAside starts saving the parts of the cache that do not depend on
// the commit, the page summaries and the loaded pages, and returns what
// waits for them. They are written even if the commit then fails: each
// record names the source and settings it was made from.
func (s *buildState) saveAside(res *site.Result) (wait func() error) {
	if s == nil || s.inputsErr != nil {
		return func() error { return nil }
	}
	done := make(chan error, 1)
	go func() {
		err := buildcache.WritePages(s.root, res.WriteSummaries)
		if err == nil {
			err = buildcache.WriteLoaded(s.root, s.prefix, s.fingerprinted(res.LoadedPages()))
		}
		done <- err
	}()
	return func() error { return <-done }
}

// save writes this build's state, once saveAside's writing is done. A
// failure costs the next build time, not correctness: it is reported as a
// warning.
func (s *buildState) save(res *site.Result, stats publish.Stats, aside func() error, stderr io.Writer) {
	if s == nil {
		return
	}
	if s.inputsErr != nil { // the inputs could not be fingerprinted: no fast path next time
		_ = buildcache.Remove(s.root)
		return
	}
	s.next.Manifest, s.next.Outputs = stats.Manifest, res.Outputs
	s.next.SetFiles(stats.Names, stats.Sizes)
	err := aside()
	if err == nil {
		err = s.next.Save(s.root)
	}
	if err != nil {
		fmt.Fprintf(stderr, "milepost: warning: could not save the build cache: %v\n", err)
	}
}
