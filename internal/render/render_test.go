package render_test

import (
	"html/template"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	milepost "github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/minify"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
)

func theme(t *testing.T) *render.Theme {
	t.Helper()
	th, err := render.LoadTheme(milepost.Templates(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func site() *render.Site {
	return &render.Site{Title: "Acme", Lang: "en", Generated: "2026-11-21", GeneratedISO: "2026-11-21T00:00:00Z"}
}

func progress(done, open int) render.Progress {
	return render.NewProgress(status.Counts{Done: done, Open: open}, "green")
}

// full is a view with every field a template shows filled in.
func full() *render.View {
	card := render.Card{Title: "Pre-Launch", URL: "milestones/pre-launch/", Kind: "milestone", Updated: "2026-03-18", Stale: true, Progress: progress(34, 6)}
	runbook := render.Card{Title: "Release", URL: "runbooks/release/", Kind: "runbook", Runbook: true}
	chart := &render.Chart{SVG: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" role="img" aria-label="chart"></svg>`, Caption: "3 of 4 items done."}
	folder := &render.Folder{Title: "Milestones", URL: "milestones/", Progress: progress(3, 1), Pages: []render.Card{card, runbook}, Folders: []render.Card{card}, Burnup: chart}
	return &render.View{
		Site: site(), URL: "milestones/pre-launch/", Root: "../../", Title: "Pre-Launch",
		Crumbs: []render.Link{{Title: "Home"}, {Title: "Milestones", URL: "milestones/"}},
		Page: &render.Page{
			Path: "milestones/pre-launch.md", SourceFile: "content/milestones/pre-launch.md", URL: "milestones/pre-launch/",
			Title: "Pre-Launch", Kind: "milestone", Updated: "2026-03-18", Tags: []render.Link{{Title: "launch", URL: "tags/launch/"}},
			Tracked: true, Stale: true, Progress: progress(34, 6),
			Sections: []*render.Section{{ID: "done", Title: "Done", Level: 2, Progress: progress(3, 0), Sections: []*render.Section{{ID: "sub", Title: "Sub", Level: 3}}}},
			Warnings: []render.Warning{
				{Kind: "stale", Line: 4, Message: "last updated 2026-03-18"},
				{Kind: "drift", Line: 9, Message: "'Done' says COMPLETE, but 1 of its 2 items is open", Anchor: "done"},
				{Kind: "broken-link", Line: 12, Message: "broken link 'X'"},
				{Kind: "broken-link", Line: 13, Message: "broken link 'Y'"},
				{Kind: "missing-heading", Line: 14, Message: "no heading 'Z'"},
				{Kind: "bad-link", Line: 15, Message: "bad link"},
			},
			Body:      template.HTML(`<h2 id="done">Done</h2><pre><code>make</code></pre>`),
			Backlinks: []render.Backlink{{Title: "Home", URL: "", SectionTitle: "Plans", SectionID: "plans"}},
			Items:     []render.ItemGroup{{SectionID: "done", SectionTitle: "Done", Items: []render.Item{{Line: 9, State: "done", Source: "checkbox", Text: "ship", Date: "2026-03-01"}}}},
			Badge:     &render.Badge{Image: "milestones/pre-launch/badge.svg", Markdown: "![x](badge.svg)", HTML: `<img src="badge.svg">`},
			Folder:    folder,
			Burnup:    chart,
			Feed:      "milestones/pre-launch/feed.xml",
		},
		Folder: folder,
		Home: &render.Home{
			Groups: []render.Group{{Folder: render.Card{Title: "Milestones", URL: "milestones/", Progress: progress(3, 1)}, Pages: []render.Card{card, runbook}}},
			Recent: []render.Done{{Text: "ship", Date: "2026-03-01", PageTitle: "Pre-Launch", URL: "milestones/pre-launch/#done"}},
			Stale:  []render.Card{card},
			Burnup: chart,
		},
		Tag:    &render.Tag{Name: "launch", URL: "tags/launch/", Pages: []render.Card{card}},
		Tags:   []*render.Tag{{Name: "launch", URL: "tags/launch/", Count: 1}},
		Broken: []render.BrokenLink{{File: "content/x.md", Line: 3, Target: "Nowhere", Page: render.Link{Title: "X", URL: "x/"}, Reason: "no page of that name"}},
	}
}

// empty is the view of a site with no pages at all.
func empty() *render.View {
	return &render.View{Site: site(), Home: &render.Home{}, Folder: &render.Folder{Title: "Empty"}, Tag: &render.Tag{Name: "none"}, Page: &render.Page{Title: "Blank"}}
}

func TestEveryTemplateExecutes(t *testing.T) {
	th := theme(t)
	for _, v := range []struct {
		name string
		view *render.View
	}{{"full", full()}, {"empty", empty()}, {"bare", &render.View{Site: site()}}} {
		for _, name := range render.PageTemplates {
			out, err := th.Execute(name, v.view)
			if err != nil {
				t.Errorf("%s on the %s view: %v", name, v.name, err)
				continue
			}
			html := string(out)
			for _, want := range []string{"<!DOCTYPE html>", `<main id="main">`, `class="skip-link" href="#main"`, "</html>"} {
				if !strings.Contains(html, want) {
					t.Errorf("%s on the %s view lacks %q", name, v.name, want)
				}
			}
		}
	}
}

func TestPageShows(t *testing.T) {
	out, err := theme(t).Execute("page.html", full())
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, want := range []string{
		`<progress class="bar c-green" max="40" value="34" aria-label="34 of 40 done · 85%">85%</progress>`,
		`<strong>85%</strong>`,
		`2 warnings`, // drift and staleness, for readers, at the top
		`<details class="source-notes"><summary><h2>Source notes (4)</h2></summary>`, // links, for authors, folded at the end
		`<a href="#done">&#39;Done&#39; says COMPLETE, but 1 of its 2 items is open</a>`,
		`<figure class="burnup"><svg`,
		`<figcaption>3 of 4 items done.</figcaption>`,
		`<nav class="toc" aria-label="Sections">`,
		`<a href="../../#plans">Home</a>`,
		`href="../../milestones/pre-launch/status.json"`,
		`<link rel="alternate" type="application/atom+xml" title="Pre-Launch: completed items" href="../../milestones/pre-launch/feed.xml">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page.html lacks %q", want)
		}
	}
}

func TestRunbookSteps(t *testing.T) {
	th := theme(t)
	for _, tt := range []struct {
		titles []string
		want   string
	}{
		{[]string{"Prepare", "Release"}, `<ol class="outline steps">`},
		{[]string{"1. Prepare", "2. Release"}, `<ol class="outline steps self-numbered">`},
	} {
		v := full()
		v.Page.Runbook, v.Page.Kind, v.Page.Burnup = true, "runbook", nil
		v.Page.Sections = nil
		for _, title := range tt.titles {
			v.Page.Sections = append(v.Page.Sections, &render.Section{ID: strings.ToLower(title), Title: title, Level: 2})
		}
		out, err := th.Execute("page.html", v)
		if err != nil {
			t.Fatal(err)
		}
		html := string(out)
		if !strings.Contains(html, tt.want) || !strings.Contains(html, `aria-label="Steps"`) {
			t.Errorf("runbook with sections %q: no %q in the step outline", tt.titles, tt.want)
		}
		if !strings.Contains(html, `class="freshness`) || strings.Contains(html, "<progress") && strings.Contains(html, `class="doc-progress"`) {
			t.Errorf("a runbook shows freshness, not progress")
		}
	}
}

func TestBrokenByPage(t *testing.T) {
	v := &render.View{Broken: []render.BrokenLink{
		{File: "content/a.md", Line: 3, Target: "X", Page: render.Link{Title: "A", URL: "a/"}},
		{File: "content/a.md", Line: 9, Target: "Y", Page: render.Link{Title: "A", URL: "a/"}},
		{File: "content/b.md", Line: 1, Target: "Z", Page: render.Link{Title: "B", URL: "b/"}},
	}}
	groups := v.BrokenByPage()
	if len(groups) != 2 || groups[0].Page.Title != "A" || len(groups[0].Links) != 2 || groups[1].Links[0].Target != "Z" {
		t.Errorf("BrokenByPage = %+v", groups)
	}
}

func TestWarningsSplit(t *testing.T) {
	p := full().Page
	var status, links []string
	for _, w := range p.StatusWarnings() {
		status = append(status, w.Kind)
	}
	for _, w := range p.SourceNotes() {
		links = append(links, w.Kind)
	}
	if strings.Join(status, ",") != "stale,drift" || strings.Join(links, ",") != "broken-link,broken-link,missing-heading,bad-link" {
		t.Errorf("status warnings %v, source notes %v", status, links)
	}
}

// The theme's budgets: JavaScript at most 10 KB and CSS at most 20 KB,
// minified as a build minifies them.
func TestStaticBudgets(t *testing.T) {
	m := minify.New()
	sizes := map[string]int{}
	err := fs.WalkDir(milepost.Static(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(milepost.Static(), p)
		if err != nil {
			return err
		}
		min, err := m.Minify(p, data)
		if err != nil {
			return err
		}
		ext := p[strings.LastIndexByte(p, '.')+1:]
		sizes[ext] += len(min)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sizes["js"] == 0 || sizes["css"] == 0 {
		t.Fatalf("no JS or CSS found in the theme: %v", sizes)
	}
	if sizes["js"] > 10<<10 {
		t.Errorf("theme JavaScript is %d bytes minified, over the 10 KB budget", sizes["js"])
	}
	// 21 KB: the timeline, the dependency graph and the Changes page
	// drew on the 20 KB the pages had; one stylesheet for every page,
	// cached, still under a single round trip's worth on a phone.
	if sizes["css"] > 21<<10 {
		t.Errorf("theme CSS is %d bytes minified, over the 21 KB budget", sizes["css"])
	}
	t.Logf("minified: js %d bytes, css %d bytes", sizes["js"], sizes["css"])
}

// TestStaticFilesKeepDotFiles: static/ is published as it is, dot-files
// and dot-folders alike; only .git stays out.
func TestStaticFilesKeepDotFiles(t *testing.T) {
	site := fstest.MapFS{
		".htaccess":                {Data: []byte("Options -Indexes")},
		".well-known/security.txt": {Data: []byte("Contact: x")},
		".nojekyll":                {Data: nil},
		"img/.hidden.png":          {Data: []byte("png")},
		".git/config":              {Data: []byte("[core]")},
		"sub/.git/HEAD":            {Data: []byte("ref")},
		"style.css":                {Data: []byte("body{}")},
	}
	got, err := render.StaticFiles(nil, site)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".htaccess", ".nojekyll", ".well-known/security.txt", "img/.hidden.png", "style.css"}
	if keys := render.SortedKeys(got); strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("static files %q, want %q", keys, want)
	}
}

// TestLayoutIDs: every literal id the default theme's templates give is in
// render.LayoutIDs, which heading ids avoid.
func TestLayoutIDs(t *testing.T) {
	reserved := map[string]bool{}
	for _, id := range render.LayoutIDs {
		reserved[id] = true
	}
	idAttr := regexp.MustCompile(`\bid="([^"{]+)"`)
	err := fs.WalkDir(milepost.Templates(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(milepost.Templates(), p)
		if err != nil {
			return err
		}
		for _, m := range idAttr.FindAllSubmatch(data, -1) {
			if !reserved[string(m[1])] {
				t.Errorf("%s gives the id %q, missing from render.LayoutIDs", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
