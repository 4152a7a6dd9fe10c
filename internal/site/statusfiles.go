package site

import (
	"io"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/status"
)

// pageJSON is p as status.json describes it; withItems adds every item.
func (r *renderer) pageJSON(p *parsed, withItems bool) *machine.PageJSON {
	j := &machine.PageJSON{
		Path: p.page.Path, URL: p.page.URL, Title: p.Title, Kind: p.Kind,
		Tags: machine.NonNil(p.page.Tags), Tracked: p.Tracked, Counts: p.Status.Counts,
		Sections: machine.NonNilSections(p.Status.Sections), Warnings: machine.NonNilWarnings(r.pageWarnings(p)),
		Links: []machine.LinkJSON{}, Backlinks: []string{},
	}
	if d := dateString(p.page.Updated); d != "" {
		j.Updated = &d
	}
	for i, rs := range r.links.byPage[p.page.Path] {
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
	for _, bl := range r.links.backlinks[p.page.Path] {
		if !seen[bl.from.page.Path] {
			seen[bl.from.page.Path] = true
			j.Backlinks = append(j.Backlinks, bl.from.page.Path)
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

// writeMachineFiles writes status.json, the site and folder badges,
// robots.txt, sitemap.xml and the feed.
func (r *renderer) writeMachineFiles() error {
	if err := r.putStreamed("status.json", r.writeSiteStatusJSON); err != nil {
		return err
	}
	if err := r.writeRollupBadges(); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if r.cfg.BaseURL != "" {
		robots += "Sitemap: " + r.cfg.BaseURL + "sitemap.xml\n"
		if err := r.putDeferred("sitemap.xml", r.sitemap); err != nil {
			return err
		}
	}
	if err := r.put("robots.txt", []byte(robots)); err != nil {
		return err
	}
	return r.putDeferred("feed.xml", r.feed)
}

// writeSiteStatusJSON writes status.json, page by page.
func (r *renderer) writeSiteStatusJSON(w io.Writer) error {
	folders := make([]machine.FolderJSON, 0, len(r.set.Folders))
	for _, d := range r.set.Folders {
		folders = append(folders, machine.FolderJSON{Path: d, URL: content.FolderURL(d), Title: r.folderTitle(d), Counts: r.rollup.Tree(d)})
	}
	s := machine.Status{Title: r.cfg.Title, Generated: r.site.GeneratedISO, Counts: r.site.Progress.Counts, Folders: folders}
	return machine.WriteStatus(w, s, len(r.pages), func(i int) []byte { return r.pageJSONEntry(r.pages[i]) })
}

// folderTitle is the title of folder d: its own page's, else its name.
func (r *renderer) folderTitle(d string) string {
	if p, ok := r.byURL[content.FolderURL(d)]; ok {
		return p.Title
	}
	return content.FolderTitle(d)
}

// sitemap lists every page and folder with the site's base URL.
func (r *renderer) sitemap() []byte {
	urls := []string{""}
	for _, p := range r.pages {
		if p.page.URL != "" {
			urls = append(urls, p.page.URL)
		}
	}
	for _, d := range r.set.Folders {
		if _, ok := r.byURL[content.FolderURL(d)]; !ok {
			urls = append(urls, content.FolderURL(d))
		}
	}
	return machine.Sitemap(r.cfg.BaseURL, urls)
}

// feed is the site's Atom feed of completed, dated items, newest first.
func (r *renderer) feed() []byte {
	return machine.Atom(r.cfg.Title+": completed", "tag:milepost,2000:"+r.cfg.Title, r.cfg.BaseURL, r.site.GeneratedISO, r.recentlyDone(maxRecent))
}

// pageFeed is one page's feed of its completed, dated items; nil when it
// has none.
func (r *renderer) pageFeed(p *parsed) []byte {
	done := newestFirst(doneItems(p), 50)
	if len(done) == 0 || !p.Tracked {
		return nil
	}
	return machine.Atom(p.Title+": completed", "tag:milepost,2000:"+p.page.URL, r.cfg.BaseURL, r.site.GeneratedISO, done)
}
