package view

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/milepost/milepost/internal/chart"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/wikilink"
)

// MaxRecent is the most done items any list of recent ones shows (the
// site feed's length).
const MaxRecent = 50

// homeRecent is how much recent work the home page lists: enough to see
// the pace, few enough that stale pages and people follow it on a phone.
const homeRecent = 8

// homeRows is how many pages of a folder the home page lists; the folder's
// page lists the rest, so a site of thousands of pages keeps a home page
// that loads fast and reads at a glance.
const homeRows = 12

// Home is the home page's view: the root index page (body is its
// rendered body, nil when the site has none), every folder's first pages,
// recent and stale items, the burn-up chart of every tracked page.
func (m *Maker) Home(body []byte) *render.View {
	v := m.view("", "")
	v.Site = m.homeSite
	home := &render.Home{}
	if p, ok := m.byURL[""]; ok {
		home.Page, _ = m.page(m.PageIn(p), v, body, new(bytes.Buffer))
		v.Title = ""
	}
	for _, d := range append([]string{""}, m.in.Folders...) {
		var pages []*Page
		for _, p := range m.pagesIn[d] {
			if p.Content.URL != "" {
				pages = append(pages, p)
			}
		}
		if len(pages) == 0 {
			continue
		}
		title := "Pages"
		if d != "" {
			title = content.FolderTitle(d)
			if fp, ok := m.byURL[content.FolderURL(d)]; ok {
				title = fp.Title
			}
		}
		g := render.Group{Folder: render.Card{Title: title, Progress: m.progress(m.rollup.Folder(d))}}
		if d != "" {
			g.Folder.Health = healthView(m.FolderHealth(d))
		}
		if d != "" {
			g.Folder.URL = content.FolderURL(d)
			if len(pages) > homeRows { // the folder's own page lists them all
				g.More, pages = len(pages)-homeRows, pages[:homeRows]
			}
		}
		g.Pages = m.cards(pages, v)
		home.Groups = append(home.Groups, g)
	}
	home.Health = healthView(m.FolderHealth(""))
	home.Now = m.siteNow(v)
	linkOwners(v, home.Now)
	home.People = m.peopleLines(v, m.People())
	home.Recent = m.RecentlyDone(homeRecent)
	var stale []*Page
	for _, p := range m.in.Pages {
		if m.isStale(p) {
			stale = append(stale, p)
		}
	}
	// The stalest first, and a handful of them: check lists every one.
	sort.SliceStable(stale, func(i, j int) bool { return m.updated(stale[i]).Before(m.updated(stale[j])) })
	if len(stale) > homeRows {
		stale = stale[:homeRows]
	}
	home.Stale = m.cards(stale, v)
	home.Burnup = m.burnupIn("")
	home.Roadmap = m.roadmap(v)
	home.Graph = m.folderGraph("", m.cfg.Title, v)
	v.Home = home
	return v
}

// FolderView is folder.html's view of folder d, which has no page of its own.
func (m *Maker) FolderView(d string) *render.View {
	u := content.FolderURL(d)
	v := m.view(u, content.FolderTitle(d))
	v.Crumbs = m.Crumbs(u)
	v.Folder = m.folderListing(d, nil, v)
	return v
}

// folderListing lists folder d's pages and sub-folders; self is the
// folder's own page, left out of its list.
func (m *Maker) folderListing(d string, self *Page, v *render.View) *render.Folder {
	f := &render.Folder{Path: d, Title: content.FolderTitle(d), URL: content.FolderURL(d), Progress: m.progress(m.rollup.Tree(d)), Health: healthView(m.FolderHealth(d)), Feed: m.folderFeedURL(d)}
	var pages []*Page
	for _, p := range m.pagesIn[d] {
		if p != self {
			pages = append(pages, p)
		}
	}
	f.Pages = m.cards(pages, v)
	for _, sub := range m.subfolders[d] {
		u := content.FolderURL(sub)
		f.Folders = append(f.Folders, render.Card{Title: m.FolderTitle(sub), URL: v.Rel(u), Progress: m.progress(m.rollup.Tree(sub)), Health: healthView(m.FolderHealth(sub))})
	}
	f.Burnup = m.burnupIn(d)
	f.Graph = m.folderGraph(d, f.Title, v)
	return f
}

// cards turns pages into listing cards, with URLs relative to v.
func (m *Maker) cards(pages []*Page, v *render.View) []render.Card {
	out := make([]render.Card, len(pages))
	for i, p := range pages {
		out[i] = render.Card{
			Title: p.Title, URL: v.Rel(p.Content.URL), Kind: p.Kind, Updated: Date(m.updated(p)),
			Runbook: p.Kind == "runbook", Stale: m.isStale(p), Progress: m.progress(p.Status.Counts),
			Health: healthView(m.Health(p)), Owner: p.Content.Owner, Target: p.Content.Target, Next: m.firstNext(p),
			OwnerURL: ownerURL(v, p.Content.Owner),
		}
	}
	return out
}

// TagPage is one tag and the pages that carry it.
type TagPage struct {
	Name, URL string
	Pages     []*Page
}

// TagPages groups pages by tag, sorted by tag name.
func (m *Maker) TagPages() []TagPage {
	byURL := map[string]*TagPage{}
	var order []string
	for _, p := range m.in.Pages {
		for _, t := range p.Content.Tags {
			u := TagURL(t)
			tp, ok := byURL[u]
			if !ok {
				tp = &TagPage{Name: t, URL: u}
				byURL[u] = tp
				order = append(order, u)
			}
			if len(tp.Pages) == 0 || tp.Pages[len(tp.Pages)-1] != p {
				tp.Pages = append(tp.Pages, p)
			}
		}
	}
	sort.Strings(order)
	out := make([]TagPage, len(order))
	for i, u := range order {
		out[i] = *byURL[u]
	}
	return out
}

// TagView is tag.html's view of one tag.
func (m *Maker) TagView(t TagPage) *render.View {
	v := m.view(t.URL, "#"+t.Name)
	v.Crumbs = []render.Link{{Title: "Home", URL: ""}, {Title: "Tags", URL: "tags/"}}
	v.Tag = &render.Tag{Name: t.Name, URL: t.URL, Pages: m.cards(t.Pages, v)}
	return v
}

// TagsView is tags.html's view: every tag with its count of pages.
func (m *Maker) TagsView(tags []TagPage) *render.View {
	v := m.view("tags/", "Tags")
	for _, t := range tags {
		v.Tags = append(v.Tags, &render.Tag{Name: t.Name, URL: t.URL, Count: len(t.Pages)})
	}
	return v
}

// BrokenView is broken-links.html's view.
func (m *Maker) BrokenView() *render.View {
	v := m.view("broken-links/", "Broken links")
	v.Broken = m.broken
	return v
}

// brokenLinks lists the wiki-links that found nothing and the markdown
// links to nothing, by file and line.
func (m *Maker) brokenLinks() []render.BrokenLink {
	var out []render.BrokenLink
	for _, p := range m.in.Pages {
		file := m.in.Prefix + p.Content.Path
		for i, r := range m.in.Links[p.Content.Path] {
			if r.Broken {
				l := p.Links[i]
				out = append(out, render.BrokenLink{
					File: file, Line: l.Line, Target: l.Written(),
					Page:   render.Link{Title: p.Title, URL: p.Content.URL},
					Reason: brokenReason(r),
				})
			}
		}
		for _, b := range p.BrokenMD {
			out = append(out, render.BrokenLink{
				File: file, Line: b.Line, Target: b.Target,
				Page:   render.Link{Title: p.Title, URL: p.Content.URL},
				Reason: "no page or file at that path",
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return out
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

// NotFoundView is 404.html's view.
func (m *Maker) NotFoundView() *render.View {
	v := m.view("404.html", "Page not found")
	switch {
	case m.cfg.BaseURL != "":
		v.Root = m.cfg.BaseURL // 404.html is served at any depth: absolute links
	case !m.cfg.FileLinks:
		// No base URL: links from the host's root, right for a site served
		// there (and by milepost serve), and the stylesheet inlined, so the
		// page keeps its looks under a sub-path too.
		v.Root = "/"
		if m.in.Static != nil {
			v.Style = template.CSS(m.in.Static("style.css"))
			if icon := m.in.Static("favicon.svg"); len(icon) > 0 {
				v.Icon = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(icon))
			}
		}
	}
	return v
}

// RecentlyDone lists the newest dated done items of tracked pages, at
// most n (and MaxRecent).
func (m *Maker) RecentlyDone(n int) []render.Done {
	recent := m.recentIn("")
	if n > len(recent) {
		n = len(recent)
	}
	return recent[:n]
}

// recentIn lists the newest MaxRecent dated done items of the tracked
// pages in folder d and its sub-folders ("": the whole site), and of the
// folder's own page beside it (foo.md beside foo/), newest first: what
// the site's and each folder's feed show. Every folder's list is made in
// one walk, each from its own pages' items and its sub-folders' lists
// (the newest of a union are among the newest of each part).
func (m *Maker) recentIn(d string) []render.Done {
	m.recentOnce.Do(func() {
		m.recent = make(map[string][]render.Done, len(m.in.Folders)+1)
		var walk func(d string) []render.Done
		walk = func(d string) []render.Done {
			var all []render.Done
			for _, p := range m.pagesIn[d] {
				if p.Tracked && !isBeside(p) { // a page beside its folder is in the folder's list
					all = append(all, m.DoneItems(p)...)
				}
			}
			if p, ok := m.byURL[content.FolderURL(d)]; ok && d != "" && isBeside(p) && p.Tracked {
				all = append(all, m.DoneItems(p)...)
			}
			for _, sub := range m.subfolders[d] {
				all = append(all, walk(sub)...)
			}
			recent := slices.Clip(newestFirst(all, MaxRecent))
			m.recent[d] = recent
			return recent
		}
		walk("")
	})
	return m.recent[d]
}

// isBeside reports whether p is the page of a folder it lies beside
// (foo.md beside foo/), not in.
func isBeside(p *Page) bool {
	return p.Content.IsIndex && p.Content.URL != content.FolderURL(p.Content.Folder)
}

// DoneItems lists p's dated done items (dated in their text or by git).
func (m *Maker) DoneItems(p *Page) []render.Done {
	var out []render.Done
	for k, it := range p.Status.Items {
		date, _, _ := m.DoneDate(p, k)
		if date == "" {
			continue
		}
		u := p.Content.URL
		if it.Section != "" {
			u += "#" + it.Section
		}
		out = append(out, render.Done{Text: it.Text, Date: date, PageTitle: p.Title, URL: u})
	}
	return out
}

// newestFirst sorts done items newest first and keeps the first n.
func newestFirst(out []render.Done, n int) []render.Done {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].URL < out[j].URL
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// burnupIn draws the burn-up chart of the tracked pages in folder d and
// its sub-folders ("": every tracked page).
func (m *Maker) burnupIn(d string) *render.Chart {
	var pages []*Page
	for _, p := range m.in.Pages {
		if p.Tracked && (d == "" || p.Content.Folder == d || strings.HasPrefix(p.Content.Folder, d+"/")) {
			pages = append(pages, p)
		}
	}
	return m.burnupOf(pages, "")
}

// burnupOf draws the burn-up chart of pages' items together: from their
// git history when it is known (done and scope by day, today, the target
// date and the forecast), else from the done dates written in the text;
// nil when too few of their done items are dated.
func (m *Maker) burnupOf(pages []*Page, target string) *render.Chart {
	if c, ok := m.seriesChart(pages, target); ok {
		return &render.Chart{SVG: template.HTML(c.SVG), Caption: c.Caption}
	}
	var b chart.BurnUp
	done := 0
	for _, p := range pages {
		b.Total += p.Status.Counts.Total()
		done += p.Status.Counts.Done
		for k := range p.Status.Items {
			if date, _, _ := m.DoneDate(p, k); date != "" {
				b.Dates = append(b.Dates, date)
			}
		}
	}
	b.Undated = max(0, done-len(b.Dates))
	c, ok := chart.Draw(b)
	if !ok {
		return nil
	}
	return &render.Chart{SVG: template.HTML(c.SVG), Caption: c.Caption}
}

// Listing is one page that lists others: its template, output file, the
// key of what it shows (the site-wide inputs aside) and its view, made
// only when the page must be rendered.
type Listing struct {
	Template, Name string
	Key            [32]byte
	View           func() *render.View
}

// Listings are the pages that list others but home: the pages of folders
// without a page of their own, each tag's page, the tags page, the
// broken-links page and 404.
func (m *Maker) Listings() []Listing {
	var out []Listing
	for _, d := range m.in.Folders {
		u := content.FolderURL(d)
		if _, hasPage := m.byURL[u]; hasPage {
			continue // the folder's own page lists it
		}
		var k keyhash.Buf
		k.Str("folder.html", u, content.FolderTitle(d))
		crumbsKey(&k, m.Crumbs(u))
		sig := m.FolderSig(d)
		k.Raw(sig[:])
		out = append(out, Listing{"folder.html", u + "index.html", k.Sum(), func() *render.View { return m.FolderView(d) }})
	}
	tags := m.TagPages()
	for _, t := range tags {
		var k keyhash.Buf
		k.Str("tag.html", t.URL, t.Name)
		for _, p := range t.Pages {
			k.Raw(p.SummarySig[:])
			plan := m.PlanSig(p.Content.Path)
			k.Raw(plan[:])
			k.Str(p.Content.URL)
		}
		out = append(out, Listing{"tag.html", t.URL + "index.html", k.Sum(), func() *render.View { return m.TagView(t) }})
	}
	var k keyhash.Buf
	for _, t := range tags {
		k.Str(t.Name, t.URL)
		k.Num(len(t.Pages))
	}
	out = append(out, Listing{"tags.html", "tags/index.html", k.Sum(), func() *render.View { return m.TagsView(tags) }})
	for _, b := range m.broken {
		k.Str(b.File, strconv.Itoa(b.Line), b.Target, b.Page.Title, b.Page.URL, b.Reason)
	}
	out = append(out, Listing{"broken-links.html", "broken-links/index.html", k.Sum(), m.BrokenView})
	if m.HasChanges() {
		out = append(out, Listing{"changes.html", "changes/index.html", m.ChangesKey(), m.ChangesView})
	}
	if people := m.People(); len(people) > 0 {
		for _, pp := range people {
			out = append(out, Listing{"person.html", pp.URL + "index.html", m.PersonKey(pp), func() *render.View { return m.PersonView(pp) }})
		}
		out = append(out, Listing{"people.html", PeopleURL + "index.html", m.PeopleKey(people), func() *render.View { return m.PeopleView(people) }})
	}
	return append(out, Listing{"404.html", "404.html", [32]byte{}, m.NotFoundView})
}

// HomeKey is the key of what the home page shows besides the root page
// (whose key the caller adds) and the site-wide inputs: every folder.
func (m *Maker) HomeKey() [32]byte {
	var k keyhash.Buf
	k.Str("home.html")
	sig := m.FolderSig("")
	k.Raw(sig[:])
	people := m.PeopleKey(m.People()) // owners are not in summary signatures
	k.Raw(people[:])
	return k.Sum()
}

func crumbsKey(k *keyhash.Buf, cs []render.Link) {
	k.Num(len(cs))
	for _, c := range cs {
		k.Str(c.Title, c.URL)
	}
}
