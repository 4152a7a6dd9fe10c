package site

import (
	"context"
	"sort"
	"strconv"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/render"
)

// writeListings writes the pages that list other pages: home, folders,
// tags, broken links, and 404.
func (r *renderer) writeListings() error {
	if err := r.writeHome(); err != nil {
		return err
	}
	folders := r.set.Folders
	err := forEach(context.Background(), len(folders), func(i int) error {
		d := folders[i]
		u := content.FolderURL(d)
		if _, hasPage := r.byURL[u]; hasPage {
			return nil // the folder's own page lists it
		}
		title, crumbs := content.FolderTitle(d), r.crumbs(u)
		var k keyBuf
		k.raw(r.siteKey[:])
		k.str("folder.html", u, title)
		k.crumbs(crumbs)
		sig := r.folderSig(d)
		k.raw(sig[:])
		return r.executeKeyed("folder.html", u+"index.html", k.sum(), func() (*render.View, error) {
			v := r.view(u, title)
			v.Crumbs = crumbs
			v.Folder = r.folderListing(d, nil, v)
			return v, nil
		})
	}, nil)
	if err != nil {
		return err
	}
	tags := r.tagPages()
	err = forEach(context.Background(), len(tags), func(i int) error {
		t := tags[i]
		title, crumbs := "#"+t.Name, []render.Link{{Title: "Home", URL: ""}, {Title: "Tags", URL: "tags/"}}
		return r.executeKeyed("tag.html", t.URL+"index.html", r.pagesKey([]string{"tag.html", t.URL, t.Name}, t.pages), func() (*render.View, error) {
			v := r.view(t.URL, title)
			v.Crumbs = crumbs
			v.Tag = &render.Tag{Name: t.Name, URL: t.URL, Pages: r.cards(t.pages, v)}
			return v, nil
		})
	}, nil)
	if err != nil {
		return err
	}
	var k keyBuf
	k.raw(r.siteKey[:])
	for _, t := range tags {
		k.str(t.Name, t.URL)
		k.num(len(t.pages))
	}
	err = r.executeKeyed("tags.html", "tags/index.html", k.sum(), func() (*render.View, error) {
		v := r.view("tags/", "Tags")
		for _, t := range tags {
			v.Tags = append(v.Tags, &render.Tag{Name: t.Name, URL: t.URL, Count: len(t.pages)})
		}
		return v, nil
	})
	if err != nil {
		return err
	}
	k = nil
	k.raw(r.siteKey[:])
	for _, b := range r.links.broken {
		k.str(b.File, strconv.Itoa(b.Line), b.Target, b.Page.Title, b.Page.URL, b.Reason)
	}
	err = r.executeKeyed("broken-links.html", "broken-links/index.html", k.sum(), func() (*render.View, error) {
		v := r.view("broken-links/", "Broken links")
		v.Broken = r.links.broken
		return v, nil
	})
	if err != nil {
		return err
	}
	return r.executeKeyed("404.html", "404.html", r.siteKey, func() (*render.View, error) {
		v := r.view("404.html", "Page not found")
		if r.cfg.BaseURL != "" {
			v.Root = r.cfg.BaseURL // 404.html is served at any depth: absolute links
		}
		return v, nil
	})
}

// maxRecent is the most done items any list of recent ones shows (the
// site feed's length).
const maxRecent = 50

// homeRows is how many pages of a folder the home page lists; the folder's
// page lists the rest, so a site of thousands of pages keeps a home page
// that loads fast and reads at a glance.
const homeRows = 12

// writeHome writes the front page: the root index page's body when there
// is one, every folder's first pages, recent and stale items, the chart.
func (r *renderer) writeHome() error {
	var k keyBuf
	k.raw(r.siteKey[:])
	k.str("home.html")
	if p, ok := r.byURL[""]; ok {
		key := r.keys[p.page.Path]
		k.raw(key[:])
	}
	sig := r.folderSig("")
	k.raw(sig[:])
	return r.executeKeyed("home.html", "index.html", k.sum(), r.homeView)
}

// homeView is the home page's view.
func (r *renderer) homeView() (*render.View, error) {
	v := r.view("", "")
	home := &render.Home{}
	if p, ok := r.byURL[""]; ok {
		body, err := r.body(p)
		if err != nil {
			return nil, err
		}
		home.Page = r.pageView(p, v, body)
		v.Title = ""
	}
	for _, d := range append([]string{""}, r.set.Folders...) {
		var pages []*parsed
		for _, p := range r.pagesIn[d] {
			if p.page.URL != "" {
				pages = append(pages, p)
			}
		}
		if len(pages) == 0 {
			continue
		}
		title := "Pages"
		if d != "" {
			title = content.FolderTitle(d)
			if fp, ok := r.byURL[content.FolderURL(d)]; ok {
				title = fp.Title
			}
		}
		g := render.Group{Folder: render.Card{Title: title, Progress: r.progress(r.rollup.Folder(d))}}
		if d != "" {
			g.Folder.URL = content.FolderURL(d)
			if len(pages) > homeRows { // the folder's own page lists them all
				g.More, pages = len(pages)-homeRows, pages[:homeRows]
			}
		}
		g.Pages = r.cards(pages, v)
		home.Groups = append(home.Groups, g)
	}
	home.Recent = r.recentlyDone(20)
	var stale []*parsed
	for _, p := range r.pages {
		if r.isStale(p) {
			stale = append(stale, p)
		}
	}
	// The stalest first, and a handful of them: check lists every one.
	sort.SliceStable(stale, func(i, j int) bool { return stale[i].page.Updated.Before(stale[j].page.Updated) })
	if len(stale) > homeRows {
		stale = stale[:homeRows]
	}
	home.Stale = r.cards(stale, v)
	r.decorateHome(home)
	v.Home = home
	return v, nil
}

// folderListing lists folder d's pages and sub-folders; self is the
// folder's own page, left out of its list.
func (r *renderer) folderListing(d string, self *parsed, v *render.View) *render.Folder {
	f := &render.Folder{Path: d, Title: content.FolderTitle(d), URL: content.FolderURL(d), Progress: r.progress(r.rollup.Tree(d))}
	var pages []*parsed
	for _, p := range r.pagesIn[d] {
		if p != self {
			pages = append(pages, p)
		}
	}
	f.Pages = r.cards(pages, v)
	for _, sub := range r.subfolders[d] {
		u := content.FolderURL(sub)
		f.Folders = append(f.Folders, render.Card{Title: r.folderTitle(sub), URL: v.Rel(u), Progress: r.progress(r.rollup.Tree(sub))})
	}
	r.decorateFolder(d, f)
	return f
}

// cards turns pages into listing cards, with URLs relative to v.
func (r *renderer) cards(pages []*parsed, v *render.View) []render.Card {
	out := make([]render.Card, len(pages))
	for i, p := range pages {
		out[i] = r.card(p, v)
	}
	return out
}

func (r *renderer) card(p *parsed, v *render.View) render.Card {
	return render.Card{
		Title: p.Title, URL: v.Rel(p.page.URL), Kind: p.Kind, Updated: dateString(p.page.Updated),
		Runbook: p.Kind == "runbook", Stale: r.isStale(p), Progress: r.progress(p.Status.Counts),
	}
}

type tagPage struct {
	Name, URL string
	pages     []*parsed
}

// tagPages groups pages by tag, sorted by tag name.
func (r *renderer) tagPages() []tagPage {
	byURL := map[string]*tagPage{}
	var order []string
	for _, p := range r.pages {
		for _, t := range p.page.Tags {
			u := tagURL(t)
			tp, ok := byURL[u]
			if !ok {
				tp = &tagPage{Name: t, URL: u}
				byURL[u] = tp
				order = append(order, u)
			}
			if len(tp.pages) == 0 || tp.pages[len(tp.pages)-1] != p {
				tp.pages = append(tp.pages, p)
			}
		}
	}
	sort.Strings(order)
	out := make([]tagPage, len(order))
	for i, u := range order {
		out[i] = *byURL[u]
	}
	return out
}

// recentlyDone lists the newest dated done items of tracked pages.
func (r *renderer) recentlyDone(n int) []render.Done {
	r.recentOnce.Do(func() {
		var all []render.Done
		for _, p := range r.pages {
			if p.Tracked {
				all = append(all, doneItems(p)...)
			}
		}
		r.recent = newestFirst(all, maxRecent)
	})
	if n > len(r.recent) {
		n = len(r.recent)
	}
	return r.recent[:n]
}

// doneItems lists p's dated done items.
func doneItems(p *parsed) []render.Done {
	var out []render.Done
	for _, it := range p.Status.Items {
		if it.Date == "" || it.State != marker.Done {
			continue
		}
		u := p.page.URL
		if it.Section != "" {
			u += "#" + it.Section
		}
		out = append(out, render.Done{Text: it.Text, Date: it.Date, PageTitle: p.Title, URL: u})
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
