package wikilink

import (
	"context"
	"maps"
	"sort"

	"github.com/milepost/milepost/internal/parallel"
)

// A Graph is the wiki-links of a whole site resolved against one Index:
// each page's resolutions and, for each page, who links to it. Made in
// time linear in pages + links; patched, when the index is the same, by
// resolving again only the pages whose links changed.

// PageLinks are one page's wiki-links, in document order.
type PageLinks struct {
	Path  string
	Links []Link
}

// Backlink is one page linking to another, from one of its sections
// ("" for links under the title heading).
type Backlink struct {
	From, Section string
}

// Graph is every page's link resolutions and backlinks.
type Graph struct {
	Index *Index
	// Resolutions are each page's, by content path: one per link.
	Resolutions map[string][]Resolution
	// Backlinks are the pages linking to each page or file, by content
	// path, sorted by the linking page's path, once per section.
	Backlinks map[string][]Backlink
	links     map[string][]Link // the links each page's resolutions are for
}

// NewGraph resolves every page's links against index, on every core.
func NewGraph(index *Index, pages []PageLinks) *Graph {
	g := &Graph{
		Index:       index,
		links:       make(map[string][]Link, len(pages)),
		Resolutions: make(map[string][]Resolution, len(pages)),
		Backlinks:   make(map[string][]Backlink, len(pages)),
	}
	// The index is read-only: links are resolved on every core, and
	// recorded (with their backlinks) in page order.
	all := make([][]Resolution, len(pages))
	_ = parallel.ForEach(context.Background(), len(pages), func(i int) error {
		all[i] = g.resolveAll(pages[i])
		return nil
	}, nil)
	for i, p := range pages {
		g.setLinks(p, all[i])
	}
	for _, bl := range g.Backlinks {
		sortBacklinks(bl)
	}
	return g
}

// Patch returns the graph of pages against the same index: pages whose
// links are the same slice as in g keep their resolutions and backlink
// entries; the others are resolved again, their old backlink entries
// taken out and the new ones put in. g is not changed: a server may
// still be showing the build it belongs to.
func (g *Graph) Patch(pages []PageLinks) *Graph {
	res := &Graph{Index: g.Index, links: maps.Clone(g.links), Resolutions: maps.Clone(g.Resolutions), Backlinks: maps.Clone(g.Backlinks)}
	touched := map[string]bool{}
	own := func(path string) { // copy a list before its first change
		if !touched[path] {
			touched[path] = true
			res.Backlinks[path] = append([]Backlink(nil), res.Backlinks[path]...)
		}
	}
	for _, p := range pages {
		if sameLinks(g.links[p.Path], p.Links) {
			continue
		}
		for _, r := range g.Resolutions[p.Path] {
			if r.Path != "" {
				own(r.Path)
				res.Backlinks[r.Path] = withoutFrom(res.Backlinks[r.Path], p.Path)
			}
		}
		rs := res.resolveAll(p)
		for _, r := range rs {
			if r.Path != "" {
				own(r.Path)
			}
		}
		res.setLinks(p, rs)
	}
	for path := range touched {
		if len(res.Backlinks[path]) == 0 {
			delete(res.Backlinks, path)
		} else {
			sortBacklinks(res.Backlinks[path])
		}
	}
	return res
}

// resolveAll resolves every wiki-link of p against the index.
func (g *Graph) resolveAll(p PageLinks) []Resolution {
	out := make([]Resolution, len(p.Links))
	for i, l := range p.Links {
		out[i] = g.Index.Resolve(p.Path, l)
	}
	return out
}

// setLinks records p's links and their resolutions, and adds p to the
// backlinks of every page they reach (once per section). The callers sort
// the backlinks they touched.
func (g *Graph) setLinks(p PageLinks, rs []Resolution) {
	g.links[p.Path], g.Resolutions[p.Path] = p.Links, rs
	var linked map[Backlink]bool
	for i, r := range rs {
		if r.Broken || r.Path == "" || r.Path == p.Path {
			continue
		}
		k := Backlink{From: r.Path, Section: p.Links[i].Section} // keyed by the target
		if linked == nil {
			linked = map[Backlink]bool{}
		}
		if !linked[k] {
			linked[k] = true
			g.Backlinks[r.Path] = append(g.Backlinks[r.Path], Backlink{From: p.Path, Section: k.Section})
		}
	}
}

// withoutFrom drops the entries of page from from a backlink list, in place.
func withoutFrom(bl []Backlink, from string) []Backlink {
	out := bl[:0]
	for _, b := range bl {
		if b.From != from {
			out = append(out, b)
		}
	}
	return out
}

func sortBacklinks(bl []Backlink) {
	sort.SliceStable(bl, func(i, j int) bool { return bl[i].From < bl[j].From })
}

// sameLinks reports whether two link lists are the same list: a page
// whose parse was kept keeps its slice.
func sameLinks(a, b []Link) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
