package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// crumbs lists the folders above the output at url, home first. The
// lists are shared by every page of a folder: callers must not modify them.
func (r *renderer) crumbs(url string) []render.Link {
	parent := ""
	if i := strings.LastIndexByte(strings.TrimSuffix(url, "/"), '/'); i >= 0 {
		parent = url[:i+1]
	}
	r.crumbsMu.Lock()
	defer r.crumbsMu.Unlock()
	if cs, ok := r.crumbsOf[parent]; ok {
		return cs
	}
	if r.crumbsOf == nil {
		r.crumbsOf = map[string][]render.Link{}
	}
	cs := r.makeCrumbs(parent)
	r.crumbsOf[parent] = cs
	return cs
}

// makeCrumbs lists the folders down to folder URL parent ("a/b/"), home
// first.
func (r *renderer) makeCrumbs(parent string) []render.Link {
	out := []render.Link{{Title: "Home", URL: ""}}
	if parent == "" {
		return out
	}
	segs := strings.Split(parent, "/")
	for i := 0; i < len(segs)-1; i++ { // the last is "" after parent's slash
		u := strings.Join(segs[:i+1], "/") + "/"
		title := segs[i]
		if p, ok := r.byURL[u]; ok {
			title = p.Title
		} else if d, ok := r.folderByURL()[u]; ok {
			title = content.FolderTitle(d)
		}
		out = append(out, render.Link{Title: title, URL: u})
	}
	return out
}

// folderByURL maps folder URLs to content folder paths.
func (r *renderer) folderByURL() map[string]string {
	r.folderOnce.Do(func() {
		r.folders = make(map[string]string, len(r.set.Folders))
		for _, d := range r.set.Folders {
			r.folders[content.FolderURL(d)] = d
		}
	})
	return r.folders
}

// dateString formats a date as YYYY-MM-DD, "" when unknown.
func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// isStale reports whether p's updated date is older than stale_after days.
func (r *renderer) isStale(p *parsed) bool {
	return status.Stale(p.page.Updated, r.in.Now, r.cfg.StaleAfter)
}

// pageWarnings are p's warnings, collected once per build.
func (r *renderer) pageWarnings(p *parsed) []status.Warning { return r.warnings[p.page.Path] }

// collectWarnings gathers the warnings status.json and the page show for p:
// the status model's (drift), staleness, and its links' problems.
func (r *renderer) collectWarnings(p *parsed) []status.Warning {
	ws := append([]status.Warning(nil), p.Status.Warnings...)
	if w, stale := status.StaleWarning(p.page.Updated, r.in.Now, r.cfg.StaleAfter, p.page.UpdatedLine); stale {
		ws = append(ws, w)
	}
	if p.Kind == "milestone" && p.Status.Counts.Total() == 0 && p.page.Kind == "milestone" {
		ws = append(ws, status.Warning{Kind: diag.KindNoItems, Line: 1, Message: "milestone page with no tracked items"})
	}
	var titles map[string]string // made for the first link with a warning
	for i, rs := range r.links.byPage[p.page.Path] {
		if len(rs.Warnings) == 0 {
			continue
		}
		if titles == nil {
			titles = sectionTitles(p.Status.Sections)
		}
		section := p.Links[i].Section
		if _, ok := titles[section]; !ok {
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

// writeEmbedCard writes the status card of an embedded page or section.
func (r *renderer) writeEmbedCard(w *bytes.Buffer, rs wikilink.Resolution, href string) {
	target := r.byPath[rs.Path]
	title, counts := target.Title, target.Status.Counts
	var items []status.Item
	if rs.Anchor != "" {
		if s := findSection(target.Status.Sections, rs.Anchor); s != nil {
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
	pr := r.progress(counts)
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
