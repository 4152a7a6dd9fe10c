package site

import (
	"html/template"
	"strings"

	"github.com/milepost/milepost/internal/chart"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/search"
)

// decoratePage adds theme extras to a page's view after the page view is
// assembled: the burn-up chart of its own dated done items (runbooks show
// freshness, not progress, and get none).
func (r *renderer) decoratePage(p *parsed, pg *render.Page) {
	if pg.Runbook {
		return
	}
	pg.Burnup = burnupOf([]*parsed{p})
}

// decorateFolder adds theme extras to a folder listing: the burn-up chart
// of the tracked pages in folder d and its sub-folders.
func (r *renderer) decorateFolder(d string, f *render.Folder) {
	var pages []*parsed
	for _, p := range r.pages {
		if p.Tracked && (d == "" || p.page.Folder == d || strings.HasPrefix(p.page.Folder, d+"/")) {
			pages = append(pages, p)
		}
	}
	f.Burnup = burnupOf(pages)
}

// decorateHome adds theme extras to the home page: the burn-up chart of
// every tracked page.
func (r *renderer) decorateHome(h *render.Home) {
	var pages []*parsed
	for _, p := range r.pages {
		if p.Tracked {
			pages = append(pages, p)
		}
	}
	h.Burnup = burnupOf(pages)
}

// burnupOf draws the burn-up chart of pages' items together, or returns nil
// when too few of their done items are dated.
func burnupOf(pages []*parsed) *render.Chart {
	var b chart.BurnUp
	done := 0
	for _, p := range pages {
		b.Total += p.Status.Counts.Total()
		done += p.Status.Counts.Done
		for _, it := range p.Status.Items {
			if it.State == marker.Done && it.Date != "" {
				b.Dates = append(b.Dates, it.Date)
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

// writeThemeExtras writes the theme's site-wide extra files once per build:
// search-index.js, the index of the client-side search, which the theme's
// script loads on the first search.
func (r *renderer) writeThemeExtras() error {
	return r.putDeferred("search-index.js", r.searchIndex)
}

// searchIndex is the contents of search-index.js.
func (r *renderer) searchIndex() []byte {
	docs := make([]search.Doc, 0, len(r.pages))
	for _, p := range r.pages {
		d := search.Doc{Title: p.Title, URL: p.page.URL, Kind: p.Kind}
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
