package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// buildState is the build cache as one build sees it: the state the last
// build left, and this build's own, saved after a successful commit. A nil
// *buildState is a build without the cache (--no-cache).
type buildState struct {
	root, dest string
	prev       *buildcache.State // nil when there is none, or it is unreadable
	next       buildcache.State
	inputsErr  error
	destIntact bool // the destination is as the last build left it
}

// loadBuildState reads the cache of the site at sf.source and fingerprints
// this build's inputs: the content folder, templates/, static/ and the
// config file, the flags and the destination.
func loadBuildState(sf siteFlags, in site.Input, dest, contentDir string, minify bool, stderr io.Writer) *buildState {
	s := &buildState{root: sf.source, dest: dest}
	absDest, _ := filepath.Abs(dest)
	s.next.Binary = buildcache.BinaryID(in.Version)
	s.next.Settings = buildcache.Key(absDest, strconv.FormatBool(minify), in.BaseURL, strconv.FormatBool(in.Drafts), in.ContentDir)
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
	s.next.Inputs, s.inputsErr = buildcache.Fingerprint(sf.source, contentDir, "templates", "static", "milepost.yaml")
	s.destIntact = <-intact
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

// usable returns the last build's outputs when this build may keep them.
func (s *buildState) usable(stderr io.Writer) map[string]buildcache.Output {
	if !s.compatible() {
		return nil
	}
	if err := s.prev.LoadOutputs(s.root); err != nil {
		fmt.Fprintf(stderr, "milepost: ignoring the build cache (%v)\n", err)
	}
	return s.prev.Outputs
}

// summaries returns the page summaries the last build saved, when this
// build may use them: a damaged file is reported and left unused.
func (s *buildState) summaries(stderr io.Writer) *site.Summaries {
	if !s.compatible() {
		return nil
	}
	data, err := buildcache.ReadPages(s.root)
	if err == nil && data != nil {
		var sums *site.Summaries
		if sums, err = site.ReadSummaries(data); err == nil {
			return sums
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "milepost: ignoring the cached page summaries (%v)\n", err)
	}
	return nil
}

// save writes this build's state. A failure costs the next build time,
// not correctness: it is reported as a warning.
func (s *buildState) save(res *site.Result, stats publish.Stats, stderr io.Writer) {
	if s == nil {
		return
	}
	if s.inputsErr != nil { // the inputs could not be fingerprinted: no fast path next time
		_ = buildcache.Remove(s.root)
		return
	}
	s.next.Manifest, s.next.Outputs = stats.Manifest, res.Outputs
	s.next.SetFiles(stats.Names, stats.Sizes)
	err := buildcache.WritePages(s.root, res.WriteSummaries)
	if err == nil {
		err = s.next.Save(s.root)
	}
	if err != nil {
		fmt.Fprintf(stderr, "milepost: warning: could not save the build cache: %v\n", err)
	}
}
