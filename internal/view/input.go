package view

import (
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// PageIn is what one page's files are made from: page.html (PageView),
// its status.json entry (PageJSON), its feed and its badges read nothing of
// the build but this value and the site-wide inputs (settings, theme,
// date, version: the site key the caller passes to Key). Key hashes every
// field, so whatever a page shows enters its key: a field added here and
// not to Key fails TestPageInKeyCoversEveryField.
//
// Pages other than the page itself (Embeds, Backlinks) enter the key by
// their path, URL and summary signature (summary.Page.SummarySig), which
// covers what the views show of another page; the page itself by its
// source's hash, path, URL and markdown link look-ups, from which, with
// the settings, the rest of its summary is made.
type PageIn struct {
	Page *Page
	// Links are the page's wiki-link resolutions, one per link; Embeds
	// the pages they embed, one per link (nil for a link that embeds no
	// page).
	Links  []wikilink.Resolution
	Embeds []*Page
	// Backlinks are the pages linking to this one, by path.
	Backlinks []Backlink
	Crumbs    []render.Link
	// Warnings are the page's (Maker.Warnings).
	Warnings []status.Warning
	// Folder is, for a folder's own page, FolderSig of its folder.
	Folder [32]byte
	// Plan is what the page shows of the site's plan (PlanSig): another
	// page's edit can change it.
	Plan [32]byte
}

// Backlink is one page linking to another, from one of its sections.
type Backlink struct {
	From    *Page
	Section string
}

// PageIn gathers what p's files are made from.
func (m *Maker) PageIn(p *Page) *PageIn {
	in := &PageIn{Page: p, Links: m.in.Links[p.Content.Path], Crumbs: m.Crumbs(p.Content.URL), Warnings: m.warnings[p.Content.Path]}
	for i, rs := range in.Links {
		if p.Links[i].Embed && rs.IsPage {
			if in.Embeds == nil {
				in.Embeds = make([]*Page, len(in.Links))
			}
			in.Embeds[i] = m.byPath[rs.Path]
		}
	}
	if bls := m.in.Backlinks[p.Content.Path]; len(bls) > 0 {
		in.Backlinks = make([]Backlink, len(bls))
		for i, bl := range bls {
			in.Backlinks[i] = Backlink{From: m.byPath[bl.From], Section: bl.Section}
		}
	}
	if p.Content.IsIndex {
		in.Folder = m.FolderSig(m.FolderAt(p.Content.URL))
	}
	in.Plan = m.PlanSig(p.Content.Path)
	return in
}

// Key hashes in with the site key site.
func (in *PageIn) Key(site [32]byte) [32]byte {
	var k keyhash.Buf
	k.Raw(site[:])
	p := in.Page
	k.Raw(p.Content.Hash[:])
	k.Str(p.Content.Path, p.Content.URL, p.Content.Folder)
	k.Flag(p.Content.IsIndex)
	k.Num(len(p.Lookups))
	for _, l := range p.Lookups { // markdown links: their targets are in the body
		k.Str(l.Key, l.URL)
	}
	k.Num(len(in.Links))
	for _, rs := range in.Links {
		k.Str(rs.Path, rs.URL, rs.Anchor)
		k.Flag(rs.IsPage)
		k.Flag(rs.Broken)
		k.Num(len(rs.Warnings))
		for _, w := range rs.Warnings {
			k.Str(w.Kind, w.Message)
			k.Num(len(w.Candidates))
			k.Str(w.Candidates...)
		}
	}
	k.Num(len(in.Embeds))
	for _, e := range in.Embeds {
		pageRef(&k, e)
	}
	k.Num(len(in.Backlinks))
	for _, bl := range in.Backlinks {
		pageRef(&k, bl.From)
		k.Str(bl.Section)
	}
	crumbsKey(&k, in.Crumbs)
	k.Num(len(in.Warnings))
	for _, w := range in.Warnings {
		k.Str(w.Kind, w.Section, w.Message)
		k.Num(w.Line)
	}
	k.Raw(in.Folder[:])
	k.Raw(in.Plan[:])
	return k.Sum()
}

// pageRef adds another page as the views show it: its path, URL and
// summary signature.
func pageRef(k *keyhash.Buf, p *Page) {
	k.Flag(p != nil)
	if p != nil {
		k.Str(p.Content.Path, p.Content.URL)
		k.Raw(p.SummarySig[:])
	}
}

// FolderSig hashes what a listing of folder d shows: its pages' summaries
// and URLs, and its sub-folders' (recursively, for counts and charts).
// Computed once per build for every folder.
func (m *Maker) FolderSig(d string) [32]byte {
	m.folderSigOnce.Do(func() {
		m.folderSigs = map[string][32]byte{}
		var walk func(d string) [32]byte
		walk = func(d string) [32]byte {
			var k keyhash.Buf
			k.Str(d, m.FolderTitle(d))
			for _, p := range m.pagesIn[d] {
				k.Raw(p.SummarySig[:])
				plan := m.PlanSig(p.Content.Path)
				k.Raw(plan[:])
				k.Str(p.Content.URL)
			}
			for _, sub := range m.subfolders[d] {
				sig := walk(sub)
				k.Raw(sig[:])
			}
			sig := k.Sum()
			m.folderSigs[d] = sig
			return sig
		}
		walk("")
	})
	return m.folderSigs[d]
}
