package buildcache

import (
	"path"
	"strings"

	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// Destination is the destination's transaction as a build that splices
// uses it (publish.Tx).
type Destination interface {
	Held(name string) ([]byte, bool)
	KeepAllBut(names []string) (bool, error)
	PutCompact(name string, data []byte) error
}

// Splice ends a build whose only changes since the last one are edits of
// pages' prose (see site.Splice): it puts the edited pages' HTML and the
// site's status.json into dest, keeps every other file as the last build
// left it, commits with commit and saves the state. The result says what
// the last build said, with the edited pages as parsed.
//
// ok is false, with nothing put into dest, when the build is not such a
// build: another input changed (configuration, templates, static files,
// a file came or went), the settings, binary or day are not the last
// build's, history is read (an edit changes what it finds), the
// destination is not as the last build left it, or site.Splice says no.
// The caller then builds the whole site into the same dest.
func (s *Session) Splice(in site.Input, dest Destination, commit Committer) (res *site.Result, stats publish.Stats, ok bool, err error) {
	if s == nil || !s.compatible() || s.inputsErr != nil || !s.destIntact ||
		s.prev.Date != s.next.Date || s.prev.Head != "" || s.next.Head != "" {
		return nil, stats, false, nil
	}
	edits, ok := s.edits()
	if !ok {
		return nil, stats, false, nil
	}
	parts := s.takeParts()
	if len(parts.problems) > 0 || parts.outputs == nil {
		return nil, stats, false, nil
	}
	spliced, ok := site.Splice(in, edits, site.Last{Loaded: parts.loaded, Summaries: parts.summaries, Outputs: parts.outputs, Held: dest.Held})
	if !ok {
		return nil, stats, false, nil
	}
	names := make([]string, len(spliced.Files))
	for i, f := range spliced.Files {
		names[i] = f.Name
	}
	kept, err := dest.KeepAllBut(names)
	if err != nil {
		return nil, stats, true, err
	}
	if !kept {
		return nil, stats, false, nil
	}
	for _, f := range spliced.Files {
		if err := dest.PutCompact(f.Name, f.Data); err != nil {
			return nil, stats, true, err
		}
	}
	if stats, err = commit.Commit(); err != nil {
		return nil, stats, true, err
	}
	for path, out := range spliced.Outputs {
		parts.outputs[path] = out
	}
	said := s.prev.Report
	s.next.Manifest, s.next.Outputs, s.next.Report = stats.Manifest, parts.outputs, said
	s.next.SetFiles(stats.Names, stats.Sizes)
	if err := s.next.Save(s.set.Dir); err != nil {
		s.warn("warning: could not save the build cache: %v", err)
	}
	res = &site.Result{Pages: said.Pages, Parsed: len(edits), Spliced: true, Files: len(stats.Names), Diagnostics: said.Warnings, History: said.History}
	return res, stats, true, nil
}

// edits lists the pages of the content folder whose bytes changed since
// the last build, by content-relative path with their new hash, when no
// other input did: the same files, and every changed one markdown in the
// content folder. ok is false when there are none.
func (s *Session) edits() (map[string][32]byte, bool) {
	prev, next := s.prev.InputIndex, s.next.InputIndex
	if prev == nil || next == nil || len(prev.Files) != len(next.Files) {
		return nil, false
	}
	edits := map[string][32]byte{}
	for i, now := range next.Files {
		was := prev.Files[i]
		if was.Name != now.Name {
			return nil, false
		}
		if was.Hash == now.Hash {
			continue
		}
		rel, inContent := strings.CutPrefix(now.Name, s.prefix)
		if !inContent || !strings.EqualFold(path.Ext(rel), ".md") {
			return nil, false
		}
		edits[rel] = now.Hash
	}
	return edits, len(edits) > 0
}
