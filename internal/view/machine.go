package view

import (
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/search"
	"github.com/milepost/milepost/internal/status"
)

// PageJSON is a page as status.json describes it; withItems adds every
// item.
func (m *Maker) PageJSON(in *PageIn, withItems bool) *machine.PageJSON {
	p := in.Page
	j := &machine.PageJSON{
		Path: p.Content.Path, URL: p.Content.URL, Title: p.Title, Kind: p.Kind,
		Tags: machine.NonNil(p.Content.Tags), Tracked: p.Tracked, Counts: p.Status.Counts,
		Sections: machine.NonNilSections(p.Status.Sections), Warnings: machine.NonNilWarnings(in.Warnings),
		Links: []machine.LinkJSON{}, Backlinks: []string{},
	}
	if d := Date(p.Content.Updated); d != "" {
		j.Updated = &d
	}
	for i, rs := range in.Links {
		l := machine.LinkJSON{Target: p.Links[i].Written(), Line: p.Links[i].Line, Broken: rs.Broken}
		if !rs.Broken {
			u := rs.URL
			if rs.Anchor != "" {
				u += "#" + rs.Anchor
			}
			l.URL = &u
		}
		j.Links = append(j.Links, l)
	}
	seen := map[string]bool{}
	for _, bl := range in.Backlinks {
		if from := bl.From.Content.Path; !seen[from] {
			seen[from] = true
			j.Backlinks = append(j.Backlinks, from)
		}
	}
	if withItems {
		j.Items = p.Status.Items
		if j.Items == nil {
			j.Items = []status.Item{}
		}
	}
	return j
}

// Status is the site-wide part of status.json: title, date, counts and
// folders (the pages' entries are PageJSON's).
func (m *Maker) Status() machine.Status {
	folders := make([]machine.FolderJSON, 0, len(m.in.Folders))
	for _, d := range m.in.Folders {
		folders = append(folders, machine.FolderJSON{Path: d, URL: content.FolderURL(d), Title: m.FolderTitle(d), Counts: m.rollup.Tree(d)})
	}
	return machine.Status{Title: m.cfg.Title, Generated: m.site.GeneratedISO, Counts: m.total, Folders: folders}
}

// Sitemap lists every page and folder with the site's base URL.
func (m *Maker) Sitemap() []byte {
	urls := []string{""}
	for _, p := range m.in.Pages {
		if p.Content.URL != "" {
			urls = append(urls, p.Content.URL)
		}
	}
	for _, d := range m.in.Folders {
		if _, ok := m.byURL[content.FolderURL(d)]; !ok {
			urls = append(urls, content.FolderURL(d))
		}
	}
	return machine.Sitemap(m.cfg.BaseURL, urls)
}

// Feed is the site's Atom feed of completed, dated items, newest first.
func (m *Maker) Feed() []byte {
	return machine.Atom(m.cfg.Title+": completed", "tag:milepost,2000:"+m.cfg.Title, m.cfg.BaseURL, m.site.GeneratedISO, m.RecentlyDone(MaxRecent))
}

// PageFeed is one page's feed of its completed, dated items; nil when it
// has none.
func (m *Maker) PageFeed(p *Page) []byte {
	done := newestFirst(DoneItems(p), 50)
	if len(done) == 0 || !p.Tracked {
		return nil
	}
	return machine.Atom(p.Title+": completed", "tag:milepost,2000:"+p.Content.URL, m.cfg.BaseURL, m.site.GeneratedISO, done)
}

// SearchIndex is the contents of search-index.js, the index the theme's
// script loads on the first search.
func (m *Maker) SearchIndex() []byte {
	docs := make([]search.Doc, 0, len(m.in.Pages))
	for _, p := range m.in.Pages {
		d := search.Doc{Title: p.Title, URL: p.Content.URL, Kind: p.Kind}
		for _, h := range p.Headings {
			d.Headings = append(d.Headings, search.Heading{ID: h.ID, Text: h.Text})
		}
		for _, it := range p.Status.Items {
			d.Items = append(d.Items, search.Item{Text: it.Text, Section: it.Section, State: it.State.String()})
		}
		docs = append(docs, d)
	}
	return search.Script(docs)
}
