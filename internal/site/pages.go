package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// writePage writes one page's HTML, its status.json and its badges, or,
// when nothing the page is rendered from changed since the Builder's last
// build, the files that build rendered.
func (r *renderer) writePage(p *parsed) error {
	if p.page.URL == "" {
		return nil // the root index.md is shown on the home page
	}
	m := r.memoized(p)
	hit := m != nil
	if m == nil {
		if kept, err := r.keptFromCache(p.page.Path, r.keys[p.page.Path]); kept || err != nil {
			return err
		}
		files, err := r.renderPage(p)
		if err != nil {
			return err
		}
		m = r.remember(p, files)
	}
	return r.putFiles(p.page.Path, m.key, m.files, hit)
}

// putFiles hands the sink the files of owner (a page's path, or "list:"
// and a listing's name), made from key, and notes them for the next
// build's cache. unchanged says they are the files the last build made:
// the sink then keeps them with one call when it can.
func (r *renderer) putFiles(owner string, key [32]byte, files []outFile, unchanged bool) error {
	r.files.Add(int64(len(files)))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	r.recordOutput(owner, key, names)
	if unchanged {
		if kept, err := r.sink.KeepOwned(owner, names); kept || err != nil {
			return err
		}
	}
	if err := r.sink.PutOwned(owner, files); err != nil {
		return fmt.Errorf("writing %s: %w", owner, err)
	}
	return nil
}

// renderPage renders the files of one page.
func (r *renderer) renderPage(p *parsed) ([]outFile, error) {
	var out []outFile
	emit := func(name string, data []byte) error {
		out = append(out, outFile{Name: name, Data: data, Compact: r.compact(name)})
		return nil
	}
	v := r.view(p.page.URL, p.Title)
	body, err := r.body(p)
	if err != nil {
		return nil, err
	}
	v.Page = r.pageView(p, v, body)
	v.Crumbs = r.crumbs(p.page.URL)
	html, err := r.theme.Execute("page.html", v)
	if err != nil {
		return nil, fmt.Errorf("template page.html for %s: %w", p.page.URL, err)
	}
	_ = emit(p.page.URL+"index.html", html)
	_ = emit(p.page.URL+"status.json", machine.EncodePage(r.pageJSON(p, true)))
	if feed := r.pageFeed(p); feed != nil {
		_ = emit(p.page.URL+"feed.xml", feed)
	}
	return out, r.writePageBadges(p, emit)
}

// pageView assembles what page.html shows of p.
func (r *renderer) pageView(p *parsed, v *render.View, body []byte) *render.Page {
	pg := &render.Page{
		Path:       p.page.Path,
		SourceFile: r.prefix + p.page.Path,
		URL:        p.page.URL,
		Title:      p.Title,
		Kind:       p.Kind,
		Updated:    dateString(p.page.Updated),
		Runbook:    p.Kind == "runbook",
		Tracked:    p.Tracked,
		Stale:      r.isStale(p),
		Progress:   r.progress(p.Status.Counts),
		Sections:   r.sectionViews(p.Status.Sections),
		Body:       template.HTML(r.fillLinks(p, v, body)),
	}
	for _, t := range p.page.Tags {
		pg.Tags = append(pg.Tags, render.Link{Title: t, URL: tagURL(t)})
	}
	for _, w := range r.pageWarnings(p) {
		pg.Warnings = append(pg.Warnings, render.Warning{Kind: w.Kind, Line: w.Line, Message: w.Message, Anchor: w.Section})
	}
	titles := sectionTitles(p.Status.Sections)
	var from *parsed
	var fromTitles map[string]string
	for _, bl := range r.links.backlinks[p.page.Path] {
		if bl.from != from { // backlinks are grouped by linking page
			from, fromTitles = bl.from, sectionTitles(bl.from.Status.Sections)
		}
		// A link under the title heading, which the body does not
		// repeat, points at the page itself: the section has no element.
		section := bl.section
		if _, shown := fromTitles[section]; !shown {
			section = ""
		}
		pg.Backlinks = append(pg.Backlinks, render.Backlink{
			Title: bl.from.Title, URL: bl.from.page.URL,
			SectionID: section, SectionTitle: fromTitles[section],
		})
	}
	pg.Items = itemGroups(p.Status.Items, titles)
	pg.Legend = legendView(p.Status.Legend)
	if !pg.Runbook {
		pg.Badge = r.badgePanel(p)
	}
	if len(doneItems(p)) > 0 && p.Tracked && p.page.URL != "" {
		pg.Feed = p.page.URL + "feed.xml"
	}
	r.decoratePage(p, pg)
	if p.page.IsIndex {
		pg.Folder = r.folderListing(strings.TrimSuffix(p.page.Path[:max(0, strings.LastIndexByte(p.page.Path, '/'))], "/"), p, v)
	}
	return pg
}

// sectionViews converts the status section tree for the outline.
func (r *renderer) sectionViews(ss []*status.Section) []*render.Section {
	out := make([]*render.Section, len(ss))
	for i, s := range ss {
		out[i] = &render.Section{ID: s.ID, Title: s.Title, Level: s.Level, Progress: r.progress(s.Counts), Sections: r.sectionViews(s.Sections)}
	}
	return out
}

// sectionTitles maps every section id of a tree to its title.
func sectionTitles(ss []*status.Section) map[string]string {
	m := map[string]string{}
	var walk func([]*status.Section)
	walk = func(ss []*status.Section) {
		for _, s := range ss {
			m[s.ID] = s.Title
			walk(s.Sections)
		}
	}
	walk(ss)
	return m
}

// legendView is the page's legend as "how this is counted" shows it.
func legendView(entries []status.LegendEntry) []render.LegendEntry {
	var out []render.LegendEntry
	for _, e := range entries {
		out = append(out, render.LegendEntry{Marker: e.Marker, Label: e.Label, State: e.State})
	}
	return out
}

// itemGroups lists the items by section, in document order.
func itemGroups(items []status.Item, titles map[string]string) []render.ItemGroup {
	var groups []render.ItemGroup
	for _, it := range items {
		if len(groups) == 0 || groups[len(groups)-1].SectionID != it.Section {
			groups = append(groups, render.ItemGroup{SectionID: it.Section, SectionTitle: titles[it.Section]})
		}
		g := &groups[len(groups)-1]
		g.Items = append(g.Items, render.Item{Line: it.Line, State: it.State.String(), Source: string(it.Source), Text: it.Text, Date: it.Date})
	}
	return groups
}

// fillLinks replaces the wiki-link placeholders of p's body with links,
// images and status cards.
func (r *renderer) fillLinks(p *parsed, v *render.View, body []byte) []byte {
	res := r.links.byPage[p.page.Path]
	return wikilink.Fill(body, len(p.Links), func(i int, w *bytes.Buffer) {
		href := wikilink.Href(v.URL, v.Site.FileLinks, res[i])
		if !wikilink.WriteHTML(w, p.Links[i], href, res[i]) {
			r.writeEmbedCard(w, res[i], href)
		}
	})
}

// body returns p's rendered body, from memory or the spool.
func (r *renderer) body(p *parsed) ([]byte, error) {
	switch {
	case p.bodyLater: // parsed without its body: parse again, in full
		env := *r.parseEnv
		env.laterBody, env.spool = nil, nil
		return parsePage(&env, p.page).body, nil
	case p.body != nil || r.spool == nil:
		return p.body, nil
	}
	return r.spool.get(p.spooled)
}
