package render

import "strconv"

// The default theme's page.html, drawn in Go: the page template with its
// layout and every partial it calls (health, progress, counts, chart,
// upnext, nextitem, timeline, depgraph, and the fragments of
// fragments.go, card and row among them), writing the bytes html/template
// writes for the minified theme,
// each value escaped as html/template escapes it where it stands (see
// escape.go). A page is the template rendered most often, once per
// document, and html/template's reflection and per-action escaper calls
// were most of a build's rendering time.
//
// Theme.Execute draws page.html here only when the site overrides none of
// the templates the page uses and the theme was minified at load with
// the source this file was written from (see nativePageSource); any other
// theme runs its templates. When the templates change, this file changes
// with them: TestNativeSources fails until it does, and
// TestNativeMatchesTemplates and the site's TestNativePagesMatchTemplates
// compare the two, value by value and page by page.

// drawPage writes page.html for v.
func drawPage(w writer, v *View) {
	drawLayout(w, v, drawPageMain)
	w.WriteByte('\n')
}

// drawLayout writes layout.html around main.
func drawLayout(w writer, v *View, main func(writer, *View)) {
	w.WriteString(`<!doctype html><html lang="`)
	w.WriteString(escapeText(v.Site.Lang))
	w.WriteString(`" data-root="`)
	w.WriteString(escapeText(v.Root))
	w.WriteByte('"')
	if v.Site.FileLinks {
		w.WriteString(` data-file-links`)
	}
	w.WriteString(`><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>`)
	if v.Title != "" {
		w.WriteString(escapeText(v.Title))
		w.WriteString(` · `)
	}
	w.WriteString(escapeText(v.Site.Title))
	w.WriteString(`</title>`)
	if d := v.Site.Description; d != "" {
		w.WriteString(`<meta name="description" content="`)
		w.WriteString(escapeText(d))
		w.WriteString(`">`)
	}
	w.WriteString("\n" + `<meta name="generator" content="milepost `)
	w.WriteString(escapeText(v.Site.Version))
	w.WriteString(`"><meta name="color-scheme" content="light dark"><link rel="stylesheet" href="`)
	w.WriteString(escapeURL(v.Rel("style.css")))
	w.WriteString(`"><link rel="icon" href="`)
	w.WriteString(escapeURL(v.Rel("favicon.svg")))
	w.WriteString(`" type="image/svg+xml"><link rel="alternate" type="application/atom+xml" title="`)
	w.WriteString(escapeText(v.Site.Title))
	w.WriteString(`: completed items" href="`)
	w.WriteString(escapeURL(v.Rel("feed.xml")))
	w.WriteString(`">`)
	if v.Page != nil && v.Page.Feed != "" {
		drawFeedLink(w, v, v.Page.Title, v.Page.Feed)
	}
	if v.Folder != nil && v.Folder.Feed != "" {
		drawFeedLink(w, v, v.Folder.Title, v.Folder.Feed)
	}
	w.WriteString("\n" + `<script src="`)
	w.WriteString(escapeURL(v.Rel("milepost.js")))
	w.WriteString(`"></script></head><body><a class="skip-link" href="#main">Skip to content</a><header class="site-header"><div class="wrap"><a class="site-title" href="`)
	w.WriteString(escapeURL(v.Rel("")))
	w.WriteString(`"><img src="`)
	w.WriteString(escapeURL(v.Rel("favicon.svg")))
	w.WriteString(`" alt width="24" height="24">`)
	w.WriteString(escapeText(v.Site.Title))
	w.WriteString(`</a><div class="search" role="search" hidden><label class="visually-hidden" for="search-input">Search titles, headings and items</label>` + "\n" +
		`<input id="search-input" type="search" placeholder="Search  /" autocomplete="off" aria-describedby="search-status"><p id="search-status" class="visually-hidden" aria-live="polite"></p><ol class="search-results" id="search-results"></ol></div><nav class="site-nav" aria-label="Site">`)
	if v.Site.Changes {
		w.WriteString(`<a href="`)
		w.WriteString(escapeURL(v.Rel("changes/")))
		w.WriteString(`">Changes</a> `)
	}
	w.WriteString(`<a href="`)
	w.WriteString(escapeURL(v.Rel("tags/")))
	w.WriteString(`">Tags</a>` + "\n" + `<a href="`)
	w.WriteString(escapeURL(v.Rel("broken-links/")))
	w.WriteString(`">Broken links</a>` + "\n" +
		`<button type="button" class="icon-button theme-toggle" aria-pressed="false" hidden><span aria-hidden="true">◐</span> Dark</button></nav></div></header><div class="wrap">`)
	if len(v.Crumbs) > 0 {
		w.WriteString(`<nav class="crumbs" aria-label="Breadcrumb"><ol>`)
		for _, c := range v.Crumbs {
			w.WriteString(`<li><a href="`)
			w.WriteString(escapeURL(v.Rel(c.URL)))
			w.WriteString(`">`)
			w.WriteString(escapeText(c.Title))
			w.WriteString(`</a></li>`)
		}
		w.WriteString(`<li aria-current="page">`)
		w.WriteString(escapeText(v.Title))
		w.WriteString(`</li></ol></nav>`)
	}
	w.WriteString(`<main id="main">`)
	main(w, v)
	w.WriteString(`</main><footer class="site-footer"><p>Built with milepost · <a href="`)
	w.WriteString(escapeURL(v.Rel("status.json")))
	w.WriteString(`">status.json</a> · <a href="`)
	w.WriteString(escapeURL(v.Rel("feed.xml")))
	w.WriteString(`">site Atom feed</a></p></footer></div></body></html>`)
}

func drawFeedLink(w writer, v *View, title, feed string) {
	w.WriteString("\n" + `<link rel="alternate" type="application/atom+xml" title="`)
	w.WriteString(escapeText(title))
	w.WriteString(`: completed items" href="`)
	w.WriteString(escapeURL(v.Rel(feed)))
	w.WriteString(`">`)
}

// drawPageMain writes page.html's "main".
func drawPageMain(w writer, v *View) {
	p := v.Page
	if p == nil {
		return
	}
	w.WriteString(`<article class="doc`)
	if p.Runbook {
		w.WriteString(` doc-runbook`)
	}
	w.WriteString(`" data-kind="`)
	w.WriteString(escapeText(p.Kind))
	w.WriteString(`" data-path="`)
	w.WriteString(escapeText(p.Path))
	w.WriteString(`"><header class="hero`)
	if p.Burnup != nil {
		w.WriteString(` has-chart`)
	}
	w.WriteString(`"><div><h1>`)
	w.WriteString(escapeText(p.Title))
	w.WriteString(`</h1><p class="doc-meta">`)
	if pl := p.Plan; pl != nil {
		drawHealth(w, pl.Health)
		if pl.Target != "" {
			w.WriteString(`<span>Target `)
			drawTime(w, pl.Target, "")
			w.WriteString(`</span>`)
		}
		if pl.Owner != "" {
			drawOwner(w, "Owner ", pl.Owner, pl.OwnerURL)
		}
	}
	w.WriteString(`<span class="kind">`)
	w.WriteString(escapeText(p.Kind))
	w.WriteString(`</span>`)
	if p.Stale {
		w.WriteString(`<span class="tag-stale">stale</span>`)
	}
	if p.Updated != "" && !p.Runbook {
		w.WriteString(`<span>Updated `)
		drawTime(w, p.Updated, " data-age")
		w.WriteString(`</span>`)
	}
	for _, t := range p.Tags {
		w.WriteString(`<a class="tag" href="`)
		w.WriteString(escapeURL(v.Rel(t.URL)))
		w.WriteString(`">#`)
		w.WriteString(escapeText(t.Title))
		w.WriteString(`</a>`)
	}
	w.WriteString(`</p>`)
	if p.Runbook {
		w.WriteString(`<p class="freshness`)
		if p.Stale {
			w.WriteString(` freshness-stale`)
		}
		if p.Updated == "" {
			w.WriteString(` freshness-none`)
		}
		w.WriteString(`">`)
		if p.Updated != "" {
			w.WriteString(`Last updated `)
			drawTime(w, p.Updated, " data-age")
		} else {
			w.WriteString(`No last-updated date: check this procedure before you follow it.`)
		}
		w.WriteString(`</p>`)
	} else {
		drawProgress(w, p.Progress)
	}
	w.WriteByte('\n')
	if pl := p.Plan; pl != nil && len(pl.Why) > 0 && pl.Health != nil && (pl.Health.State == "at-risk" || pl.Health.State == "off-track") {
		w.WriteString(`<ul class="health-why">`)
		for _, why := range pl.Why {
			w.WriteString(`<li>`)
			w.WriteString(escapeText(why))
			w.WriteString(`</li>`)
		}
		w.WriteString(`</ul>`)
	}
	w.WriteByte('\n')
	if warnings := p.StatusWarnings(); len(warnings) > 0 {
		w.WriteString(`<section class="warnings" aria-labelledby="warnings-title"><h2 id="warnings-title">`)
		w.WriteString(strconv.Itoa(len(warnings)))
		w.WriteString(` warning`)
		if len(warnings) > 1 {
			w.WriteByte('s')
		}
		w.WriteString(`</h2><ul>`)
		drawWarnings(w, warnings)
		w.WriteString(`</ul></section>`)
	}
	w.WriteByte('\n')
	if p.Plan != nil {
		drawUpNext(w, p.Plan)
	}
	w.WriteString(`</div>`)
	drawChart(w, p.Burnup)
	w.WriteString(`</header>`)
	drawTimeline(w, p.Timeline)
	drawGraph(w, p.Graph)
	w.WriteString(`<div class="doc-layout`)
	if len(p.Sections) > 0 {
		w.WriteString(` has-toc`)
	}
	w.WriteString(`">`)
	if len(p.Sections) > 0 {
		name := "Sections"
		if p.Runbook {
			name = "Steps"
		}
		w.WriteString(`<nav class="toc" aria-label="` + name + `"><details open><summary>` + name + `</summary>`)
		if p.Runbook {
			writeSteps(w, p)
		} else {
			writeOutline(w, p.Sections)
		}
		w.WriteString(`</details></nav>`)
	}
	w.WriteString(`<div class="doc-body">`)
	w.WriteString(string(p.Body))
	w.WriteByte('\n')
	if f := p.Folder; f != nil {
		w.WriteString(`<section class="folder-listing" aria-labelledby="folder-title"><h2 id="folder-title">In this folder</h2>`)
		if len(f.Folders) > 0 {
			w.WriteString(`<div class="cards">`)
			for i := range f.Folders {
				writeCard(w, &f.Folders[i])
			}
			w.WriteString(`</div>`)
		}
		w.WriteString(`<ul class="rows">`)
		for i := range f.Pages {
			writeRow(w, &f.Pages[i])
		}
		w.WriteString(`</ul></section>`)
	}
	w.WriteByte('\n')
	if len(p.Items) > 0 || len(p.Legend) > 0 {
		w.WriteString(`<details class="counted"><summary><h2>How this is counted (`)
		w.WriteString(strconv.Itoa(p.Progress.Total))
		w.WriteString(` item`)
		if p.Progress.Total != 1 {
			w.WriteByte('s')
		}
		if n := p.Progress.Counts.Dropped; n != 0 {
			w.WriteString(`, `)
			w.WriteString(strconv.Itoa(n))
			w.WriteString(` dropped`)
		}
		w.WriteString(`)</h2></summary>`)
		writeItemList(w, p.Items)
		if len(p.Legend) > 0 {
			w.WriteString(`<h3>Legend used</h3><dl class="legend">`)
			for _, l := range p.Legend {
				w.WriteString(`<dt>`)
				w.WriteString(escapeText(l.Marker))
				w.WriteString(`</dt><dd>`)
				w.WriteString(escapeText(l.Label))
				w.WriteString(` <span class="state">`)
				if l.State != "" {
					w.WriteString(escapeText(l.State))
				} else {
					w.WriteString(`no state`)
				}
				w.WriteString(`</span></dd>`)
			}
			w.WriteString(`</dl>`)
		}
		w.WriteString(`</details>`)
	}
	w.WriteByte('\n')
	if len(p.Backlinks) > 0 {
		w.WriteString(`<section class="backlinks" aria-labelledby="backlinks-title"><h2 id="backlinks-title">Linked from</h2><ul>`)
		for _, b := range p.Backlinks {
			w.WriteString(`<li><a href="`)
			w.WriteString(escapeURL(v.Rel(b.URL)))
			if b.SectionID != "" {
				w.WriteByte('#')
				w.WriteString(escapeURLPart(b.SectionID))
			}
			w.WriteString(`">`)
			w.WriteString(escapeText(b.Title))
			w.WriteString(`</a>`)
			if b.SectionTitle != "" {
				w.WriteString(` <span class="where">in `)
				w.WriteString(escapeText(b.SectionTitle))
				w.WriteString(`</span>`)
			}
			w.WriteString(`</li>`)
		}
		w.WriteString(`</ul></section>`)
	}
	w.WriteByte('\n')
	if b := p.Badge; b != nil {
		w.WriteString(`<details class="badge-panel"><summary><h2>Badge</h2></summary><p><img src="`)
		w.WriteString(escapeURL(v.Rel(b.Image)))
		w.WriteString(`" alt="progress badge: `)
		w.WriteString(escapeText(p.Title))
		w.WriteString(`, `)
		w.WriteString(escapeText(p.Progress.Summary))
		w.WriteString(`"></p><label>Markdown<textarea readonly rows="2">`)
		w.WriteString(escapeText(b.Markdown))
		w.WriteString(`</textarea></label>` + "\n" + `<label>HTML<textarea readonly rows="2">`)
		w.WriteString(escapeText(b.HTML))
		w.WriteString(`</textarea></label>` + "\n")
		if b.Endpoint != "" {
			w.WriteString(`<label>shields.io endpoint<textarea readonly rows="2">`)
			w.WriteString(escapeText(b.Endpoint))
			w.WriteString(`</textarea></label>`)
		}
		if b.Section != "" {
			w.WriteString(`<label>A section (`)
			w.WriteString(escapeText(b.SectionTitle))
			w.WriteString(`), from status.json: put another section's id in the query<textarea readonly rows="3">`)
			w.WriteString(escapeText(b.Section))
			w.WriteString(`</textarea></label>`)
		}
		w.WriteByte('\n')
		if !b.Absolute {
			w.WriteString(`<p class="hint">Set <code>base_url</code> in milepost.yaml for absolute URLs you can paste into a README.</p>`)
		}
		w.WriteString(`</details>`)
	}
	w.WriteByte('\n')
	if notes := p.SourceNotes(); len(notes) > 0 {
		w.WriteString(`<details class="source-notes"><summary><h2>Source notes (`)
		w.WriteString(strconv.Itoa(len(notes)))
		w.WriteString(`)</h2></summary><p class="hint">For the page's authors: links that found nothing, ids and dependencies to check, overdue work.</p><ul>`)
		drawWarnings(w, notes)
		w.WriteString(`</ul></details>`)
	}
	w.WriteString(`<p class="source">Source: <code>`)
	w.WriteString(escapeText(p.SourceFile))
	w.WriteString(`</code> · <a href="`)
	w.WriteString(escapeURL(v.Rel(p.URL + "status.json")))
	w.WriteString(`">status.json</a>`)
	if p.Feed != "" {
		w.WriteString(` · <a href="`)
		w.WriteString(escapeURL(v.Rel(p.Feed)))
		w.WriteString(`">Atom feed</a>`)
	}
	w.WriteString(`</p></div></div></article>`)
}

// drawWarnings writes the list items of a page's warnings or source notes.
func drawWarnings(w writer, warnings []Warning) {
	for _, x := range warnings {
		w.WriteString(`<li class="warning w-`)
		w.WriteString(escapeText(x.Kind))
		w.WriteString(`">`)
		if x.Anchor != "" {
			writeFragmentLink(w, x.Anchor, x.Message)
		} else {
			w.WriteString(escapeText(x.Message))
		}
		w.WriteString(` <span class="where">line `)
		w.WriteString(strconv.Itoa(x.Line))
		w.WriteString(`</span></li>`)
	}
}

// drawProgress is partials.html's "progress", with its "counts".
func drawProgress(w writer, p Progress) {
	w.WriteString(`<div class="doc-progress">`)
	if p.HasItems {
		w.WriteString(`<p class="big-number"><strong>`)
		w.WriteString(strconv.Itoa(p.Percent))
		w.WriteString(`%</strong> <span class="doc-summary">`)
		w.WriteString(strconv.Itoa(p.Counts.Done))
		w.WriteString(` of `)
		w.WriteString(strconv.Itoa(p.Total))
		w.WriteString(` done</span></p>`)
	} else {
		w.WriteString(`<p class="big-number"><span class="doc-summary">No tracked items</span></p>`)
	}
	w.WriteByte('\n')
	writeBar(w, p)
	if p.HasItems {
		c := p.Counts
		w.WriteString(`<ul class="counts" aria-label="Items by state"><li class="chip s-done"><span class="n">`)
		w.WriteString(strconv.Itoa(c.Done))
		w.WriteString(`</span> done</li>`)
		if c.Active != 0 {
			w.WriteString(`<li class="chip s-active"><span class="n">`)
			w.WriteString(strconv.Itoa(c.Active))
			w.WriteString(`</span> in progress</li>`)
		}
		w.WriteString(`<li class="chip s-blocked"><span class="n">`)
		w.WriteString(strconv.Itoa(c.Blocked))
		w.WriteString(`</span> blocked</li><li class="chip s-open"><span class="n">`)
		w.WriteString(strconv.Itoa(c.Open))
		w.WriteString(`</span> open</li>`)
		if c.Dropped != 0 {
			w.WriteString(`<li class="chip s-dropped"><span class="n">`)
			w.WriteString(strconv.Itoa(c.Dropped))
			w.WriteString(`</span> dropped</li>`)
		}
		w.WriteString(`</ul>`)
	}
	w.WriteString(`</div>`)
}

// drawChart is partials.html's "chart".
func drawChart(w writer, c *Chart) {
	if c == nil {
		return
	}
	w.WriteString(`<figure class="burnup">`)
	w.WriteString(string(c.SVG))
	w.WriteString(`<figcaption>`)
	w.WriteString(escapeText(c.Caption))
	w.WriteString(`</figcaption></figure>`)
}

// drawUpNext is partials.html's "upnext".
func drawUpNext(w writer, pl *Plan) {
	if len(pl.Next) == 0 && len(pl.Waiting) == 0 {
		return
	}
	w.WriteString(`<section class="upnext" aria-labelledby="upnext-title"><h2 id="upnext-title">Up next</h2>`)
	if len(pl.Next) > 0 {
		w.WriteString(`<ol class="next-list">`)
		for i := range pl.Next {
			drawNextItem(w, &pl.Next[i])
		}
		w.WriteString(`</ol>`)
	}
	w.WriteByte('\n')
	if n := len(pl.Waiting); n > 0 {
		w.WriteString(`<details class="waiting"`)
		if n <= 6 {
			w.WriteString(` open`)
		}
		w.WriteString(`><summary>Waiting on other work (`)
		w.WriteString(strconv.Itoa(n))
		w.WriteString(`)</summary><ul class="next-list">`)
		for i := range pl.Waiting {
			drawNextItem(w, &pl.Waiting[i])
		}
		w.WriteString(`</ul></details>`)
	}
	w.WriteString(`</section>`)
}

// drawNextItem is partials.html's "nextitem".
func drawNextItem(w writer, n *NextItem) {
	w.WriteString(`<li class="next r-`)
	w.WriteString(escapeText(n.Reason))
	w.WriteString(`"><span class="next-why">`)
	w.WriteString(escapeText(n.ReasonLabel))
	w.WriteString(`</span><span class="next-what">`)
	if n.URL != "" {
		w.WriteString(`<a href="`)
		w.WriteString(escapeURL(n.URL))
		w.WriteString(`">`)
	}
	if n.TaskID != "" {
		w.WriteString(`<span class="task-id">`)
		w.WriteString(escapeText(n.TaskID))
		w.WriteString(`</span> `)
	}
	w.WriteString(escapeText(n.Text))
	if n.URL != "" {
		w.WriteString(`</a>`)
	}
	w.WriteString("\n" + `<span class="next-meta">`)
	if n.PageTitle != "" {
		w.WriteString(`<span>`)
		w.WriteString(escapeText(n.PageTitle))
		w.WriteString(`</span>`)
	}
	if n.TaskID == "" && n.SectionTitle != "" {
		w.WriteString(`<span>in `)
		w.WriteString(escapeText(n.SectionTitle))
		w.WriteString(`</span>`)
	}
	if n.Owner != "" {
		drawOwner(w, "", n.Owner, n.OwnerURL)
	}
	if n.Due != "" {
		w.WriteString(`<span`)
		if n.Overdue {
			w.WriteString(` class="overdue"`)
		}
		w.WriteString(`>due `)
		drawTime(w, n.Due, "")
		w.WriteString(`</span>`)
	}
	if n.Waits != "" {
		w.WriteString(`<span>waits on `)
		w.WriteString(escapeText(n.Waits))
		w.WriteString(`</span>`)
	}
	w.WriteString(`</span></span></li>`)
}

// drawTimeline is timeline.html's "timeline".
func drawTimeline(w writer, t *Timeline) {
	if t == nil {
		return
	}
	title := escapeText(t.Title)
	w.WriteString(`<section class="timeline"><h2>`)
	w.WriteString(title)
	w.WriteString(`</h2><figure class="burnup tl">`)
	w.WriteString(string(t.SVG))
	w.WriteString(`<figcaption>`)
	w.WriteString(escapeText(t.Caption))
	w.WriteString(`</figcaption></figure><details class="tl-table"><summary>`)
	w.WriteString(title)
	w.WriteString(` as a table</summary><table><thead><tr><th scope="col">Name</th><th scope="col">Start</th><th scope="col">Due</th><th scope="col">Done</th><th scope="col">State</th></tr></thead><tbody>`)
	writeTimelineTable(w, t)
	w.WriteString(`</tbody></table>`)
	if t.More != 0 {
		w.WriteString(`<p class="hint">`)
		w.WriteString(strconv.Itoa(t.More))
		w.WriteString(` more rows under sections are left out: their sections span them.</p>`)
	}
	w.WriteString(`</details></section>`)
}

// drawGraph is graph.html's "depgraph".
func drawGraph(w writer, g *Graph) {
	if g == nil {
		return
	}
	w.WriteString(`<section class="depgraph" aria-labelledby="graph-title"><h2 id="graph-title">Dependencies</h2>`)
	if g.SVG != "" {
		w.WriteString(`<figure><div class="dg-f">`)
		w.WriteString(string(g.SVG))
		w.WriteString(`</div><figcaption class="hint">`)
		w.WriteString(escapeText(g.Caption))
		w.WriteString(`</figcaption></figure>`)
	} else if g.List != "" {
		w.WriteString(`<p class="hint">`)
		w.WriteString(strconv.Itoa(g.Nodes))
		w.WriteString(` tasks and items with dependencies: more than a drawing holds (`)
		w.WriteString(strconv.Itoa(g.Max))
		w.WriteString(`), so they are listed.</p>`)
	}
	w.WriteByte('\n')
	if len(g.Critical) > 0 {
		w.WriteString(`<p><strong>Critical path</strong> (`)
		w.WriteString(escapeText(g.CriticalLength))
		w.WriteString(`):`)
		for i, s := range g.Critical {
			if i > 0 {
				w.WriteString(` →`)
			}
			w.WriteByte(' ')
			drawMaybeLink(w, s.URL, "", s.ID)
		}
		w.WriteString(`</p>`)
	}
	w.WriteByte('\n')
	if len(g.Ready) > 0 {
		w.WriteString(`<p><strong>Ready to start</strong>:`)
		for i, n := range g.Ready {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteByte(' ')
			drawMaybeLink(w, n.URL, n.TaskID, n.Text)
		}
		w.WriteString(`</p>`)
	}
	w.WriteByte('\n')
	if len(g.Between) > 0 {
		w.WriteString(`<p class="hint">`)
		w.WriteString(strconv.Itoa(g.Nodes))
		w.WriteString(` tasks and items with dependencies: more than a drawing holds (`)
		w.WriteString(strconv.Itoa(g.Max))
		w.WriteString(`). Each page draws its own; between pages:</p><ul>`)
		for _, e := range g.Between {
			w.WriteString(`<li><a href="`)
			w.WriteString(escapeURL(e.From.URL))
			w.WriteString(`">`)
			w.WriteString(escapeText(e.From.Title))
			w.WriteString(`</a> → <a href="`)
			w.WriteString(escapeURL(e.To.URL))
			w.WriteString(`">`)
			w.WriteString(escapeText(e.To.Title))
			w.WriteString(`</a>: `)
			w.WriteString(strconv.Itoa(e.Count))
			w.WriteString(`</li>`)
		}
		w.WriteString(`</ul>`)
	}
	w.WriteByte('\n')
	if g.List != "" {
		w.WriteString(`<details class="dg-alt"`)
		if g.SVG == "" {
			w.WriteString(` open`)
		}
		w.WriteString(`><summary>The graph as a list</summary>`)
		w.WriteString(string(g.List))
		w.WriteString(`</details>`)
	}
	w.WriteString(`</section>`)
}

// drawMaybeLink writes "{id }text", in a link to url when there is one.
func drawMaybeLink(w writer, url, id, text string) {
	if url != "" {
		w.WriteString(`<a href="`)
		w.WriteString(escapeURL(url))
		w.WriteString(`">`)
	}
	if id != "" {
		w.WriteString(escapeText(id))
		w.WriteByte(' ')
	}
	w.WriteString(escapeText(text))
	if url != "" {
		w.WriteString(`</a>`)
	}
}
