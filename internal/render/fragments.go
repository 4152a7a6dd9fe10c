package render

import (
	"html/template"
	"strconv"
	"strings"
)

// The fragments a page repeats per section and per item (progress bars,
// the outline, a runbook's steps, the list of counted items) are drawn
// here in Go and reach the templates as functions (bar, outline, steps,
// itemList) that the partials of the same names call. In html/template
// every action costs a reflective call of its escaper, and on a page with
// dozens of sections and items those calls were most of its rendering
// time. The data stays in the view (Page.Sections, Page.Items): a theme
// that overrides a partial can draw it its own way.
//
// The card and row of the listings (folders, tags, home, people) are
// drawn here too (card, row), but partials.html keeps them as templates:
// only when it is the default theme's, minified (drawnPartials), are they
// defined as calls of these functions, which write the same bytes. A
// theme not minified, or a site's own partials.html, runs its templates.

// funcs are the template functions of every theme.
var funcs = template.FuncMap{
	"bar":      Bar,
	"outline":  Outline,
	"steps":    Steps,
	"itemList": ItemList,
	"card":     ListingCard,
	"row":      ListingRow,

	"timelineTable": TimelineTable,
}

// Bar is an accessible progress bar for p, or an empty one.
func Bar(p Progress) template.HTML {
	var b strings.Builder
	writeBar(&b, p)
	return template.HTML(b.String())
}

func writeBar(b writer, p Progress) {
	if !p.HasItems {
		b.WriteString(`<span class="bar bar-empty" role="img" aria-label="no tracked items"></span>`)
		return
	}
	b.WriteString(`<progress class="bar c-`)
	b.WriteString(escapeText(p.Color))
	b.WriteString(`" max="`)
	b.WriteString(strconv.Itoa(p.Total))
	b.WriteString(`" value="`)
	b.WriteString(strconv.Itoa(p.Counts.Done))
	b.WriteString(`" aria-label="`)
	b.WriteString(escapeText(p.Summary))
	b.WriteString(`">`)
	b.WriteString(strconv.Itoa(p.Percent))
	b.WriteString(`%</progress>`)
}

// Outline is the section tree, each entry with its count and bar.
func Outline(sections []*Section) template.HTML {
	var b strings.Builder
	writeOutline(&b, sections)
	return template.HTML(b.String())
}

func writeOutline(b writer, sections []*Section) {
	b.WriteString(`<ol class="outline">`)
	for _, s := range sections {
		writeSectionLink(b, s)
		if s.Progress.HasItems {
			b.WriteString(`<span class="outline-count">`)
			b.WriteString(strconv.Itoa(s.Progress.Counts.Done))
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(s.Progress.Total))
			b.WriteString(`</span>`)
		}
		b.WriteString(`</a>`)
		if s.Progress.HasItems {
			writeBar(b, s.Progress)
		}
		if len(s.Sections) > 0 {
			writeOutline(b, s.Sections)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
}

// writeFragmentLink writes a link to the element of this page whose id
// is id: <a href="#id">text</a>.
func writeFragmentLink(b writer, id, text string) {
	b.WriteString(`<a href="#`)
	b.WriteString(escapeURLPart(id))
	b.WriteString(`">`)
	b.WriteString(escapeText(text))
	b.WriteString(`</a>`)
}

// writeSectionLink opens an outline entry: <li><a href="#id"><span>title</span>.
func writeSectionLink(b writer, s *Section) {
	b.WriteString(`<li><a href="#`)
	b.WriteString(escapeURLPart(s.ID))
	b.WriteString(`"><span class="outline-title">`)
	b.WriteString(escapeText(s.Title))
	b.WriteString(`</span>`)
}

// Steps is a runbook's outline: two levels, numbered by the theme unless
// the headings carry numbers (page.HeadingsNumbered).
func Steps(p *Page) template.HTML {
	var b strings.Builder
	writeSteps(&b, p)
	return template.HTML(b.String())
}

func writeSteps(b writer, p *Page) {
	b.WriteString(`<ol class="outline steps`)
	if p.HeadingsNumbered() {
		b.WriteString(` self-numbered`)
	}
	b.WriteString(`">`)
	for _, s := range p.Sections {
		writeSectionLink(b, s)
		b.WriteString(`</a>`)
		if len(s.Sections) > 0 {
			b.WriteString(`<ol class="outline">`)
			for _, sub := range s.Sections {
				writeSectionLink(b, sub)
				b.WriteString(`</a></li>`)
			}
			b.WriteString(`</ol>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
}

// ItemList is every counted item by section: state, text, date and where
// it was found.
func ItemList(groups []ItemGroup) template.HTML {
	var b strings.Builder
	size := 0 // grown once: a page's list can hold hundreds of items
	for _, g := range groups {
		size += 64 + 2*len(g.SectionID) + len(g.SectionTitle)
		for _, it := range g.Items {
			size += 112 + len(it.Text)
		}
	}
	b.Grow(size)
	writeItemList(&b, groups)
	return template.HTML(b.String())
}

func writeItemList(b writer, groups []ItemGroup) {
	for _, g := range groups {
		b.WriteString(`<h3>`)
		if g.SectionTitle != "" {
			writeFragmentLink(b, g.SectionID, g.SectionTitle)
		} else {
			b.WriteString(`Before the first heading`)
		}
		b.WriteString(`</h3><ul class="item-list">`)
		for _, it := range g.Items {
			state := escapeText(it.State)
			b.WriteString(`<li class="s-`)
			b.WriteString(state)
			b.WriteString(`"><span class="state">`)
			b.WriteString(state)
			b.WriteString(`</span> `)
			b.WriteString(escapeText(it.Text))
			if it.Date != "" {
				date := escapeText(it.Date)
				b.WriteString(` <time datetime="`)
				b.WriteString(date)
				b.WriteString(`">`)
				b.WriteString(date)
				b.WriteString(`</time>`)
			}
			b.WriteString(` <span class="where">`)
			b.WriteString(escapeText(it.Source))
			b.WriteString(`, line `)
			b.WriteString(strconv.Itoa(it.Line))
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul>`)
	}
}

// ListingCard is partials.html's card, a page or folder in a listing
// (c's URL already relative), drawn in Go: the cards and rows of the
// listings were most of their rendering time.
func ListingCard(c Card) template.HTML {
	var b strings.Builder
	b.Grow(640 + len(c.Title) + len(c.URL) + len(c.Next))
	writeCard(&b, &c)
	return template.HTML(b.String())
}

// ListingRow is partials.html's row, a page as one line of a panel.
func ListingRow(c Card) template.HTML {
	var b strings.Builder
	b.Grow(512 + len(c.Title) + len(c.URL) + len(c.Next))
	writeRow(&b, &c)
	return template.HTML(b.String())
}

// writeCard is partials.html's "card".
func writeCard(w writer, c *Card) {
	w.WriteString(`<article class="card`)
	if c.Runbook {
		w.WriteString(` card-runbook`)
	}
	w.WriteString(`"><div class="card-head">`)
	drawHealth(w, c.Health)
	if c.Kind != "" {
		w.WriteString(`<span class="kind">`)
		w.WriteString(escapeText(c.Kind))
		w.WriteString(`</span>`)
	}
	if c.Stale {
		w.WriteString(`<span class="tag-stale">stale</span>`)
	}
	w.WriteString(`</div><h3 class="card-title"><a href="`)
	w.WriteString(escapeURL(c.URL))
	w.WriteString(`">`)
	w.WriteString(escapeText(c.Title))
	w.WriteString(`</a></h3>`)
	if c.Runbook {
		w.WriteString(`<p class="card-meta">`)
		if c.Updated != "" {
			w.WriteString(`Last updated `)
			drawTime(w, c.Updated, " data-age")
		} else {
			w.WriteString(`Procedure, no last-updated date`)
		}
		w.WriteString(`</p>`)
	} else {
		w.WriteString(`<div class="card-stat">`)
		if c.Progress.HasItems {
			w.WriteString(`<strong>`)
			w.WriteString(strconv.Itoa(c.Progress.Percent))
			w.WriteString(`%</strong><span class="bar-label">`)
			w.WriteString(strconv.Itoa(c.Progress.Counts.Done))
			w.WriteString(` of `)
			w.WriteString(strconv.Itoa(c.Progress.Total))
			w.WriteString(` done</span>`)
		} else {
			w.WriteString(`<span class="bar-label">No tracked items</span>`)
		}
		w.WriteString(`</div>`)
		writeBar(w, c.Progress)
		w.WriteByte('\n')
		if why := c.Why(); why != "" {
			w.WriteString(`<p class="card-why">`)
			w.WriteString(escapeText(why))
			w.WriteString(`</p>`)
		}
		if c.Next != "" {
			w.WriteString(`<p class="card-next">`)
			w.WriteString(escapeText(c.Next))
			w.WriteString(`</p>`)
		}
		w.WriteByte('\n')
		if c.Updated != "" {
			w.WriteString(`<p class="card-meta">Updated `)
			drawTime(w, c.Updated, "")
			w.WriteString(`</p>`)
		}
	}
	w.WriteString(`</article>`)
}

// writeRow is partials.html's "row".
func writeRow(w writer, c *Card) {
	w.WriteString(`<li class="row"><span class="row-title"><a href="`)
	w.WriteString(escapeURL(c.URL))
	w.WriteString(`">`)
	w.WriteString(escapeText(c.Title))
	w.WriteString(`</a>`)
	if c.Health != nil {
		w.WriteByte(' ')
		drawHealth(w, c.Health)
	}
	if c.Kind != "" {
		w.WriteString(` <span class="kind">`)
		w.WriteString(escapeText(c.Kind))
		w.WriteString(`</span>`)
	}
	if c.Stale {
		w.WriteString(` <span class="tag-stale">stale</span>`)
	}
	w.WriteString(`</span>` + "\n")
	if c.Runbook {
		w.WriteString(`<span class="row-meta">`)
		if c.Updated != "" {
			w.WriteString(`updated `)
			drawTime(w, c.Updated, " data-age")
		} else {
			w.WriteString(`procedure`)
		}
		w.WriteString(`</span>`)
	} else {
		w.WriteString(`<span class="row-bar">`)
		writeBar(w, c.Progress)
		w.WriteString(`</span><span class="row-pct">`)
		if c.Progress.HasItems {
			w.WriteString(strconv.Itoa(c.Progress.Counts.Done))
			w.WriteByte('/')
			w.WriteString(strconv.Itoa(c.Progress.Total))
			w.WriteString(` · <strong>`)
			w.WriteString(strconv.Itoa(c.Progress.Percent))
			w.WriteString(`%</strong>`)
		} else {
			w.WriteString(`n/a`)
		}
		w.WriteString(`</span>`)
	}
	w.WriteByte('\n')
	why := c.Why()
	if why != "" || c.Next != "" || c.Owner != "" || c.Target != "" || c.Updated != "" && !c.Runbook {
		w.WriteString(`<span class="row-next">`)
		if why != "" {
			w.WriteString(`<span class="row-why">`)
			w.WriteString(escapeText(why))
			w.WriteString(`</span>`)
		}
		if c.Next != "" {
			w.WriteString(`<span>`)
			w.WriteString(escapeText(c.Next))
			w.WriteString(`</span>`)
		}
		if c.Owner != "" {
			drawOwner(w, "", c.Owner, c.OwnerURL)
		}
		if c.Target != "" {
			w.WriteString(`<span>target `)
			drawTime(w, c.Target, "")
			w.WriteString(`</span>`)
		}
		if !c.Runbook && c.Updated != "" {
			w.WriteString(`<span>updated `)
			drawTime(w, c.Updated, " data-age")
			w.WriteString(`</span>`)
		}
		w.WriteString(`</span>`)
	}
	w.WriteString(`</li>`)
}

// drawTime writes <time datetime="d"{attrs}>d</time>.
func drawTime(w writer, d, attrs string) {
	d = escapeText(d)
	w.WriteString(`<time datetime="`)
	w.WriteString(d)
	w.WriteString(`"` + attrs + `>`)
	w.WriteString(d)
	w.WriteString(`</time>`)
}

// drawOwner writes <span>{label}<a href="url">@owner</a></span>.
func drawOwner(w writer, label, owner, url string) {
	w.WriteString(`<span>` + label + `<a href="`)
	w.WriteString(escapeURL(url))
	w.WriteString(`">@`)
	w.WriteString(escapeText(owner))
	w.WriteString(`</a></span>`)
}

// drawHealth is partials.html's "health".
func drawHealth(w writer, h *Health) {
	if h == nil {
		return
	}
	w.WriteString(`<span class="pill h-`)
	w.WriteString(escapeText(h.State))
	w.WriteString(`">`)
	w.WriteString(escapeText(h.Label))
	w.WriteString(`</span>`)
}
