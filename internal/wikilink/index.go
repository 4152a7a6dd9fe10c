package wikilink

import (
	"sort"
	"strings"
	"sync"

	"github.com/milepost/milepost/internal/slug"
)

// Target is one thing a link may point at: a page, or a file copied to the
// output (an image, a PDF).
type Target struct {
	// Path is the content-relative, slash-separated source path:
	// "milestones/pre-launch.md", "img/diagram.png".
	Path string
	// URL is the output URL relative to the site root, unescaped, as links
	// should reach it: "milestones/pre-launch/" (or
	// "milestones/pre-launch/index.html" with file links), "img/diagram.png".
	URL      string
	Title    string
	Aliases  []string  // front matter aliases
	Headings []Heading // in document order; pages only
	BlockIDs []string  // block ids (without '^') found in the page
	IsPage   bool
}

// Heading is one heading of a page.
type Heading struct {
	ID           string // the section id the parser gave it
	Text         string // its plain text
	Level        int
	GitHubAnchor string // the anchor GitHub would give it, "" if none
}

// Index finds link targets. It is safe for concurrent use: read-only after
// NewIndex but for the heading lookups it makes once for a target with many.
type Index struct {
	targets []Target
	textIDs [][]string // per target, slug.Make of each heading's text

	exact    map[string]int32   // Path as given
	byPath   map[string][]int32 // folded path, ".md" dropped from pages
	byFolder map[string][]int32 // folded folder path of index/README pages
	bySuffix map[string][]int32 // folded last 1..n segments of each path
	byTitle  map[string][]int32 // folded titles and aliases

	// headings looks up the headings of a target with many, made at its
	// first link to one (findHeading).
	headings     []*headingLookup
	headingsOnce []sync.Once

	// drafts indexes the pages left out as drafts (WithDrafts), so that a
	// link to one says why it is broken.
	drafts *Index
}

// WithDrafts makes ix tell, of a link that finds no target, that it names
// one of drafts, pages left out of the site; it returns ix.
func (ix *Index) WithDrafts(drafts []Target) *Index {
	if len(drafts) > 0 {
		ix.drafts = NewIndex(drafts)
	}
	return ix
}

// NewIndex indexes targets. Its time and memory are linear in the total
// number of path segments, titles and aliases.
func NewIndex(targets []Target) *Index {
	ix := &Index{
		targets:      targets,
		textIDs:      make([][]string, len(targets)),
		headings:     make([]*headingLookup, len(targets)),
		headingsOnce: make([]sync.Once, len(targets)),
		exact:        make(map[string]int32, len(targets)),
		byPath:       make(map[string][]int32, len(targets)),
		byFolder:     map[string][]int32{},
		bySuffix:     make(map[string][]int32, 2*len(targets)),
		byTitle:      make(map[string][]int32, len(targets)),
	}
	for i := range targets {
		t := &targets[i]
		id := int32(i)
		if _, dup := ix.exact[t.Path]; !dup {
			ix.exact[t.Path] = id
		}
		segs := splitPath(t.Path)
		if len(segs) == 0 {
			continue
		}
		if t.IsPage {
			segs[len(segs)-1] = trimMD(segs[len(segs)-1])
			if isIndexName(segs[len(segs)-1]) {
				add(ix.byFolder, foldSegments(segs[:len(segs)-1]), id)
			}
		}
		add(ix.byPath, foldSegments(segs), id)
		for k := len(segs) - 1; k >= 0; k-- {
			add(ix.bySuffix, foldSegments(segs[k:]), id)
		}
		ix.addTitle(fold(strings.TrimSpace(t.Title)), id)
		for _, a := range t.Aliases {
			ix.addTitle(fold(strings.TrimSpace(a)), id)
		}
		if len(t.Headings) > 0 {
			ids := make([]string, len(t.Headings))
			var buf [keyBuffer]byte
			for j, h := range t.Headings {
				if id := slug.Append(buf[:0], h.Text); string(id) == h.ID {
					ids[j] = h.ID // usually: then no new string
				} else {
					ids[j] = string(id)
				}
			}
			ix.textIDs[i] = ids
		}
	}
	for _, m := range []map[string][]int32{ix.byPath, ix.byFolder, ix.bySuffix, ix.byTitle} {
		for _, ids := range m {
			if len(ids) > 1 {
				ix.sortCandidates(ids)
			}
		}
	}
	return ix
}

// addTitle indexes a title or alias key of target id, once per target.
func (ix *Index) addTitle(key string, id int32) {
	if key == "" {
		return
	}
	if ids := ix.byTitle[key]; len(ids) > 0 && ids[len(ids)-1] == id {
		return
	}
	add(ix.byTitle, key, id)
}

func add(m map[string][]int32, key string, id int32) {
	m[key] = append(m[key], id)
}

// sortCandidates orders the targets sharing a key: pages before files, then
// fewer folders, then shorter path, then alphabetical path.
func (ix *Index) sortCandidates(ids []int32) {
	sort.Slice(ids, func(a, b int) bool {
		ta, tb := &ix.targets[ids[a]], &ix.targets[ids[b]]
		if ta.IsPage != tb.IsPage {
			return ta.IsPage
		}
		da, db := strings.Count(ta.Path, "/"), strings.Count(tb.Path, "/")
		if da != db {
			return da < db
		}
		if len(ta.Path) != len(tb.Path) {
			return len(ta.Path) < len(tb.Path)
		}
		return ta.Path < tb.Path
	})
}

// Target returns the target with the given Path.
func (ix *Index) Target(path string) (Target, bool) {
	i, ok := ix.exact[path]
	if !ok {
		return Target{}, false
	}
	return ix.targets[i], true
}

// Len returns the number of targets.
func (ix *Index) Len() int { return len(ix.targets) }
