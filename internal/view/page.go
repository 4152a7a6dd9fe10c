package view

import (
	"bytes"
	"fmt"
	"html/template"
	"unsafe"

	"github.com/milepost/milepost/internal/bufpool"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// PageView is page.html's view of a page; body is its rendered HTML with
// wiki-link placeholders (markdown.Parser's output), which it fills. The
// spans say where each link's HTML lies in the filled body (v.Page.Body).
// The filled body is in a pooled buffer, or is body itself when it has no
// link to fill: body must not change while the view is in use, and once
// the caller calls release neither v.Page.Body nor the view may be used.
func (m *Maker) PageView(in *PageIn, body []byte) (v *render.View, spans []wikilink.Span, release func()) {
	v = m.view(in.Page.Content.URL, in.Page.Title)
	buf := bufpool.Get()
	v.Page, spans = m.page(in, v, body, buf)
	v.Crumbs = in.Crumbs
	return v, spans, func() { bufpool.Put(buf) }
}

// page assembles what page.html shows of a page, its body filled into
// buf, and where its links' HTML lies in its filled body.
func (m *Maker) page(in *PageIn, v *render.View, body []byte, buf *bytes.Buffer) (*render.Page, []wikilink.Span) {
	filled, spans := m.fillLinks(in, v, body, buf)
	p := in.Page
	pg := &render.Page{
		Path:       p.Content.Path,
		SourceFile: m.in.Prefix + p.Content.Path,
		URL:        p.Content.URL,
		Title:      p.Title,
		Kind:       p.Kind,
		Updated:    Date(m.updated(p)),
		Runbook:    p.Kind == "runbook",
		Tracked:    p.Tracked,
		Stale:      m.isStale(p),
		Progress:   m.progress(p.Status.Counts),
		Sections:   m.sectionViews(p.Status.Sections),
		Body:       htmlOf(filled),
	}
	for _, t := range p.Content.Tags {
		pg.Tags = append(pg.Tags, render.Link{Title: t, URL: TagURL(t)})
	}
	for _, w := range in.Warnings {
		pg.Warnings = append(pg.Warnings, render.Warning{Kind: w.Kind, Line: w.Line, Message: w.Message, Anchor: w.Section})
	}
	titles := sectionTitles(p.Status.Sections)
	var from *Page
	var fromTitles func(string) (string, bool)
	for _, bl := range in.Backlinks {
		if bl.From != from { // backlinks are grouped by linking page
			from, fromTitles = bl.From, sectionTitles(bl.From.Status.Sections)
		}
		// A link under the title heading, which the body does not
		// repeat, points at the page itself: the section has no element.
		section := bl.Section
		title, shown := fromTitles(section)
		if !shown {
			section, title = "", ""
		}
		pg.Backlinks = append(pg.Backlinks, render.Backlink{
			Title: from.Title, URL: from.Content.URL,
			SectionID: section, SectionTitle: title,
		})
	}
	pg.Plan = m.planView(p)
	if pg.Plan != nil {
		if pg.Plan.Health != nil {
			pg.Plan.Why = reasonsNotWarned(pg.Plan.Health.Reasons, pg.StatusWarnings())
		}
		pg.Plan.OwnerURL = ownerURL(v, pg.Plan.Owner)
		linkOwners(v, pg.Plan.Next)
		linkOwners(v, pg.Plan.Waiting)
	}
	pg.Timeline = m.pageTimeline(p)
	pg.Graph = m.pageGraph(p, pg.Plan, v)
	pg.Items = m.itemGroups(p, titles)
	pg.Legend = legendView(p.Status.Legend)
	if !pg.Runbook {
		pg.Badge = m.badgePanel(p)
		pg.Burnup = m.burnupOf([]*Page{p}, p.Content.Target) // runbooks show freshness, not progress
	}
	if m.cfg.Feeds.Pages && len(m.DoneItems(p)) > 0 && p.Tracked && p.Content.URL != "" {
		pg.Feed = p.Content.URL + "feed.xml"
	}
	if p.Content.IsIndex {
		// foo.md beside foo/ lists foo/, as its key says (PageIn.Folder).
		pg.Folder = m.folderListing(m.FolderAt(p.Content.URL), p, v)
		if pg.Folder.Feed != "" { // the folder's feed, at the URL a page feed would have
			pg.Feed = pg.Folder.Feed
		}
		if pg.Folder.Graph != nil { // the folder's graph holds the page's own
			pg.Graph, pg.Folder.Graph = pg.Folder.Graph, nil
		}
	}
	return pg, spans
}

// reasonsNotWarned are the reasons of a page's health that its warnings
// at the top do not already say (drift and staleness are both), so a
// reader reads each once.
func reasonsNotWarned(reasons []string, warnings []render.Warning) []string {
	said := make(map[string]bool, len(warnings))
	for _, w := range warnings {
		said[w.Message] = true
	}
	var out []string
	for _, r := range reasons {
		if !said[r] {
			out = append(out, r)
		}
	}
	return out
}

// sectionViews converts the status section tree for the outline.
func (m *Maker) sectionViews(ss []*status.Section) []*render.Section {
	out := make([]*render.Section, len(ss))
	for i, s := range ss {
		out[i] = &render.Section{ID: s.ID, Title: s.Title, Level: s.Level, Progress: m.progress(s.Counts), Sections: m.sectionViews(s.Sections)}
	}
	return out
}

// sectionTitles looks up the titles of a tree's sections by id. A page
// has a few sections, found by walking them; a map is made for a page
// with many (making a map for every page and every page linking to it was
// a fiftieth of a cold build).
func sectionTitles(ss []*status.Section) func(id string) (string, bool) {
	if countSections(ss, manySections) < manySections {
		return func(id string) (string, bool) { return findSectionTitle(ss, id) }
	}
	t := map[string]string{}
	var walk func([]*status.Section)
	walk = func(ss []*status.Section) {
		for _, s := range ss {
			t[s.ID] = s.Title
			walk(s.Sections)
		}
	}
	walk(ss)
	return func(id string) (string, bool) {
		title, ok := t[id]
		return title, ok
	}
}

// manySections is how many sections a page has from which their titles
// are looked up in a map.
const manySections = 64

// countSections counts the sections of a tree, up to most.
func countSections(ss []*status.Section, most int) int {
	n := 0
	for _, s := range ss {
		if n++; n >= most {
			return n
		}
		n += countSections(s.Sections, most-n)
	}
	return n
}

// findSectionTitle is the title of the section id of a tree (the last
// of that id, as a map filled in document order would say).
func findSectionTitle(ss []*status.Section, id string) (title string, found bool) {
	for _, s := range ss {
		if s.ID == id {
			title, found = s.Title, true
		}
		if t, ok := findSectionTitle(s.Sections, id); ok {
			title, found = t, true
		}
	}
	return title, found
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
func (m *Maker) itemGroups(p *Page, titles func(string) (string, bool)) []render.ItemGroup {
	var groups []render.ItemGroup
	items := make([]render.Item, len(p.Status.Items)) // the groups' items, one slice for all
	for k, it := range p.Status.Items {
		if len(groups) == 0 || groups[len(groups)-1].SectionID != it.Section {
			title, _ := titles(it.Section)
			groups = append(groups, render.ItemGroup{SectionID: it.Section, SectionTitle: title, Items: items[k:k:len(items)]})
		}
		items[k] = render.Item{Line: it.Line, State: it.State.String(), Source: string(it.Source), Text: it.Text, Date: m.dateShown(p, k)}
		g := &groups[len(groups)-1]
		g.Items = g.Items[:len(g.Items)+1]
	}
	for i := range groups { // no group's items reach into the next's
		groups[i].Items = groups[i].Items[:len(groups[i].Items):len(groups[i].Items)]
	}
	return groups
}

// htmlOf is filled as HTML without a copy of it: a page's filled body is
// a fifth of what a page view allocates. filled is what fillLinks returns:
// the buffer it was handed (PageView's pooled one, given back only when
// the view is done with; Home's own) or the body as read, which PageView's
// caller keeps unchanged while the view is in use.
func htmlOf(filled []byte) template.HTML {
	return template.HTML(unsafe.String(unsafe.SliceData(filled), len(filled)))
}

// fillLinks replaces the wiki-link placeholders of a page's body with
// links, images and status cards, and says where each went.
func (m *Maker) fillLinks(in *PageIn, v *render.View, body []byte, buf *bytes.Buffer) ([]byte, []wikilink.Span) {
	p, res := in.Page, in.Links
	return wikilink.FillInto(buf, body, len(p.Links), func(i int, w *bytes.Buffer) {
		href := wikilink.Href(v.URL, v.Site.FileLinks, res[i])
		if !wikilink.WriteHTML(w, p.Links[i], href, res[i]) {
			m.writeEmbedCard(w, in.Embeds[i], res[i].Anchor, href)
		}
	})
}

// Warnings are the warnings status.json and the page show for p: the
// status model's (drift), staleness, a milestone without items, and its
// links' problems.
func (m *Maker) Warnings(p *Page) []status.Warning {
	ws := append([]status.Warning(nil), p.Status.Warnings...)
	if w, stale := status.StaleWarning(p.Content.Updated, m.in.Now, m.cfg.StaleAfter, p.Content.UpdatedLine); stale {
		ws = append(ws, w)
	}
	if p.Kind == "milestone" && p.Status.Counts.Total() == 0 && p.Content.Kind == "milestone" {
		ws = append(ws, status.Warning{Kind: diag.KindNoItems, Line: 1, Message: "milestone page with no tracked items"})
	}
	var titles func(string) (string, bool) // made for the first link with a warning
	for i, rs := range m.in.Links[p.Content.Path] {
		if len(rs.Warnings) == 0 {
			continue
		}
		if titles == nil {
			titles = sectionTitles(p.Status.Sections)
		}
		section := p.Links[i].Section
		if _, ok := titles(section); !ok {
			section = "" // under the title heading, which the body does not repeat
		}
		for _, w := range rs.Warnings {
			ws = append(ws, status.Warning{Kind: w.Kind, Line: p.Links[i].Line, Section: section, Message: w.Message})
		}
	}
	for _, b := range p.BrokenMD {
		ws = append(ws, status.Warning{Kind: diag.KindBrokenLink, Line: b.Line, Message: "broken link " + b.Target})
	}
	return ws
}

// writeEmbedCard writes the status card of an embedded page, or of its
// section anchor.
func (m *Maker) writeEmbedCard(w *bytes.Buffer, target *Page, anchor, href string) {
	title, counts := target.Title, target.Status.Counts
	var items []status.Item
	if anchor != "" {
		if s := findSection(target.Status.Sections, anchor); s != nil {
			title, counts = target.Title+" › "+s.Title, s.Counts
			ids := map[string]bool{}
			collectIDs(s, ids)
			for _, it := range target.Status.Items {
				if ids[it.Section] {
					items = append(items, it)
				}
			}
		}
	}
	pr := m.progress(counts)
	esc := template.HTMLEscapeString
	fmt.Fprintf(w, `<aside class="embed-card"><p class="embed-title"><a href="%s">%s</a></p>`, esc(href), esc(title))
	if pr.HasItems {
		w.WriteString(string(render.Bar(pr)))
	}
	fmt.Fprintf(w, `<p class="embed-summary">%s</p>`, esc(pr.Summary))
	if len(items) > 0 {
		w.WriteString(`<ul class="item-list">`)
		for _, it := range items {
			fmt.Fprintf(w, `<li class="s-%s"><span class="state">%s</span> %s</li>`, it.State, it.State, esc(it.Text))
		}
		w.WriteString(`</ul>`)
	}
	w.WriteString(`</aside>`)
}

func findSection(ss []*status.Section, id string) *status.Section {
	for _, s := range ss {
		if s.ID == id {
			return s
		}
		if f := findSection(s.Sections, id); f != nil {
			return f
		}
	}
	return nil
}

func collectIDs(s *status.Section, ids map[string]bool) {
	ids[s.ID] = true
	for _, c := range s.Sections {
		collectIDs(c, ids)
	}
}
