package site

import (
	"context"
	"io/fs"
	"maps"
	"sort"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// resolved is RESOLVE's result: each page's link resolutions, who links to
// whom, and the broken links of the whole site.
type resolved struct {
	sig       [32]byte                   // hash of every target the index holds
	kept      bool                       // the index is the previous build's: no target changed
	links     map[string][]wikilink.Link // the links each page's resolutions are for
	index     *wikilink.Index
	byPage    map[string][]wikilink.Resolution // content path → resolution per link
	backlinks map[string][]backlink            // content path → pages linking to it
	broken    []render.BrokenLink
	diags     diag.List
}

// backlinkKey is a linked page and the section linking to it.
type backlinkKey struct{ path, section string }

// backlink is one page linking to another, from one section.
type backlink = view.Backlink

// resolveLinks builds the index of every page and file and resolves every
// wiki-link against it. Linear in pages + links. Given the previous
// build's result (the dev server's), it keeps that index when no target
// changed and re-resolves only the pages whose links are new.
func resolveLinks(pages []*parsed, set *content.Set, statics map[string]fs.FS, prefix string, prev *resolved) *resolved {
	files := make([]wikilink.Target, 0, len(set.Assets)+len(statics))
	for _, a := range set.Assets {
		files = append(files, wikilink.Target{Path: a.Path, URL: a.Path})
	}
	for _, name := range render.SortedKeys(statics) {
		files = append(files, wikilink.Target{Path: name, URL: name})
	}
	res := &resolved{sig: targetsSignature(pages, files)}
	reuse := prev != nil && prev.sig == res.sig
	res.kept = reuse
	if reuse {
		res.index = prev.index
		res.patchLinks(prev, pages)
	} else {
		res.links = make(map[string][]wikilink.Link, len(pages))
		res.byPage = make(map[string][]wikilink.Resolution, len(pages))
		res.backlinks = make(map[string][]backlink, len(pages))
		targets := make([]wikilink.Target, 0, len(pages)+len(files))
		for _, p := range pages {
			targets = append(targets, p.Target(p.Content))
		}
		res.index = wikilink.NewIndex(append(targets, files...))
		// The index is read-only now: links are resolved on every core,
		// and recorded (with their backlinks) in page order.
		all := make([][]wikilink.Resolution, len(pages))
		_ = parallel.ForEach(context.Background(), len(pages), func(i int) error {
			all[i] = res.resolveAll(pages[i])
			return nil
		}, nil)
		for i, p := range pages {
			res.setLinks(p, all[i])
		}
		for _, bl := range res.backlinks {
			sortBacklinks(bl)
		}
	}
	for _, p := range pages {
		file := prefix + p.Content.Path
		for i, r := range res.byPage[p.Content.Path] {
			l := p.Links[i]
			for _, w := range r.Warnings {
				res.diags = append(res.diags, diag.Warnf(w.Kind, file, l.Line, l.Col, "%s", w.Message))
			}
			if r.Broken {
				res.broken = append(res.broken, render.BrokenLink{
					File: file, Line: l.Line, Target: l.Written(),
					Page:   render.Link{Title: p.Title, URL: p.Content.URL},
					Reason: brokenReason(r),
				})
			}
		}
		for _, b := range p.BrokenMD {
			res.broken = append(res.broken, render.BrokenLink{
				File: file, Line: b.Line, Target: b.Target,
				Page:   render.Link{Title: p.Title, URL: p.Content.URL},
				Reason: "no page or file at that path",
			})
		}
	}
	sort.SliceStable(res.broken, func(i, j int) bool {
		a, b := res.broken[i], res.broken[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return res
}

// resolveAll resolves every wiki-link of p against the index.
func (res *resolved) resolveAll(p *parsed) []wikilink.Resolution {
	out := make([]wikilink.Resolution, len(p.Links))
	for i, l := range p.Links {
		out[i] = res.index.Resolve(p.Content.Path, l)
	}
	return out
}

// setLinks records p's links and their resolutions, and adds p to the
// backlinks of every page they reach (once per section). The callers sort
// the backlinks they touched.
func (res *resolved) setLinks(p *parsed, rs []wikilink.Resolution) {
	res.links[p.Content.Path], res.byPage[p.Content.Path] = p.Links, rs
	var linked map[backlinkKey]bool
	for i, r := range rs {
		if r.Broken || r.Path == "" || r.Path == p.Content.Path {
			continue
		}
		k := backlinkKey{r.Path, p.Links[i].Section}
		if linked == nil {
			linked = map[backlinkKey]bool{}
		}
		if !linked[k] {
			linked[k] = true
			res.backlinks[r.Path] = append(res.backlinks[r.Path], backlink{From: &p.Page, Section: k.section})
		}
	}
}

// patchLinks makes res from the previous build's RESOLVE when the index is
// the same: pages whose links are the same slice as then keep their
// resolutions and backlink entries; the others are resolved again, their
// old backlink entries taken out and the new ones put in. The previous
// build's lists are never changed: the dev server may still serve it.
func (res *resolved) patchLinks(prev *resolved, pages []*parsed) {
	res.links, res.byPage = maps.Clone(prev.links), maps.Clone(prev.byPage)
	res.backlinks = maps.Clone(prev.backlinks)
	touched := map[string]bool{}
	own := func(path string) { // copy a list before its first change
		if !touched[path] {
			touched[path] = true
			res.backlinks[path] = append([]backlink(nil), res.backlinks[path]...)
		}
	}
	for _, p := range pages {
		if sameLinks(prev.links[p.Content.Path], p.Links) {
			continue
		}
		for _, r := range prev.byPage[p.Content.Path] {
			if r.Path != "" {
				own(r.Path)
				res.backlinks[r.Path] = withoutFrom(res.backlinks[r.Path], p.Content.Path)
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
		if len(res.backlinks[path]) == 0 {
			delete(res.backlinks, path)
		} else {
			sortBacklinks(res.backlinks[path])
		}
	}
}

// withoutFrom drops the entries of page from from a backlink list, in place.
func withoutFrom(bl []backlink, from string) []backlink {
	out := bl[:0]
	for _, b := range bl {
		if b.From.Content.Path != from {
			out = append(out, b)
		}
	}
	return out
}

func sortBacklinks(bl []backlink) {
	sort.SliceStable(bl, func(i, j int) bool { return bl[i].From.Content.Path < bl[j].From.Content.Path })
}

// brokenReason is the first warning of a broken resolution, for the
// broken-links page.
func brokenReason(r wikilink.Resolution) string {
	for _, w := range r.Warnings {
		if w.Kind == diag.KindBrokenLink || w.Kind == diag.KindBadLink {
			return w.Message
		}
	}
	return "no page or file of that name"
}

// sameLinks reports whether two link lists are the same list: a page
// taken from the Builder's cache keeps its parse's slice.
func sameLinks(a, b []wikilink.Link) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// targetsSignature hashes everything the index answers from: each page's
// signature (made once, when it was parsed) and URL, and the files.
func targetsSignature(pages []*parsed, files []wikilink.Target) [32]byte {
	k := make(keyhash.Buf, 0, 64*(len(pages)+len(files)))
	for _, p := range pages {
		k.Raw(p.TargetSig[:])
		k.Str(p.Content.URL) // a page's URL can change when another page comes or goes
	}
	for _, t := range files {
		k.Str(t.Path, t.URL)
	}
	return k.Sum()
}
