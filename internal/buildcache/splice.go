package buildcache

import (
	"path"
	"strings"

	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// Splice makes the files of a build whose only changes since the last one
// are edits of pages' prose (see site.Splice), reading the last build's
// files with held (publish.Tx.Held). The caller keeps every other file of
// the destination, puts these, and ends with CommitSplice.
//
// ok is false when the build is not such a build: another input changed
// (configuration, templates, static files, a file came or went), the
// settings, binary or day are not the last build's, git history is read
// (an edit changes what it finds), the destination is not as the last
// build left it, a part of the cache is missing or damaged, or
// site.Splice says no. The caller then builds the whole site.
func (s *Session) Splice(in site.Input, held func(name string) ([]byte, bool)) (*site.SplicedPages, bool) {
	if s == nil || !s.compatible() || s.inputsErr != nil || !s.destIntact ||
		s.prev.Date != s.next.Date || s.prev.History || s.next.History {
		return nil, false
	}
	edits, ok := s.edits()
	if !ok {
		return nil, false
	}
	parts := s.takeParts()
	if len(parts.problems) > 0 || parts.outputs == nil {
		return nil, false
	}
	return site.Splice(in, edits, site.LastBuild{Loaded: parts.loaded, Summaries: parts.summaries, Outputs: parts.outputs, Held: held})
}

// CommitSplice commits tx, the destination of a build that spliced sp,
// and saves the state: the last build's, with the spliced pages' outputs
// and the new destination. It returns what the build says: what the last
// build said, with the edited pages as parsed. It is called after Splice
// and instead of Offer, which hands the cached parts to a whole build.
func (s *Session) CommitSplice(sp *site.SplicedPages, tx Committer) (*site.Result, publish.Stats, error) {
	stats, err := tx.Commit()
	if err != nil {
		return nil, stats, err
	}
	outputs := s.takeParts().outputs
	for path, out := range sp.Outputs {
		outputs[path] = out
	}
	said := s.prev.Report
	s.next.Manifest, s.next.ManifestFile, s.next.Outputs, s.next.Report = stats.Manifest, stats.ManifestFile, outputs, said
	s.next.SetFiles(stats.Names, stats.Sizes)
	if err := s.next.Save(s.set.Dir); err != nil {
		s.warn("warning: could not save the build cache: %v", err)
	}
	res := &site.Result{Pages: said.Pages, Parsed: len(sp.Outputs), Spliced: true, Files: len(stats.Names), Diagnostics: said.Warnings, History: said.History}
	return res, stats, nil
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
