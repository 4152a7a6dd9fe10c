package view

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

// taskPage is a page at path with one task section (id, title) that
// depends on deps, holding one open item.
func taskPage(path, url, id, title string, deps ...string) *Page {
	slug := strings.ToLower(id)
	st := &status.Page{
		Sections: []*status.Section{{ID: slug, Title: id + ": " + title, Level: 2, Line: 3, TaskID: id, Attrs: &attr.Section{Depends: deps}}},
		Items:    []status.Item{{Line: 5, Text: "Do it", Section: slug}},
	}
	st.Counts.Open = 1
	return &Page{Content: &content.Page{Path: path, URL: url}, Page: summary.Page{Title: strings.TrimSuffix(path, ".md"), Tracked: true, Status: st}}
}

// A page's graph shows another page's task: when that task's title
// changes, the page's plan signature (and so its key) changes too.
func TestGraphEntersPlanSig(t *testing.T) {
	make := func(bTitle string, cfg config.Config) *Maker {
		m := New(In{Config: cfg, Pages: []*Page{
			taskPage("a.md", "a/", "A-1", "Build", "B-1"),
			taskPage("b.md", "b/", "B-1", bTitle),
		}})
		m.SetWarnings(nil)
		return m
	}
	cfg := config.Default()
	m := make("Design", cfg)
	if m.PlanSig("a.md") == make("Design again", cfg).PlanSig("a.md") {
		t.Errorf("page a's plan signature does not change with the title of the task it draws")
	}
	a := m.in.Pages[0]
	v, _, _ := m.PageView(m.PageIn(a), nil)
	g := v.Page.Graph
	if g == nil || !strings.Contains(string(g.SVG), "B-1 · b") || !strings.Contains(string(g.SVG), `href="../b/#b-1"`) {
		t.Fatalf("page a's graph does not draw b's task as outside, linked: %+v", g)
	}
	if len(g.Critical) != 2 || g.Critical[0].ID != "B-1" || g.CriticalLength != "2 tasks" {
		t.Errorf("critical path %+v (%s)", g.Critical, g.CriticalLength)
	}
	cfg.Graphs.Off = true
	off := make("Design", cfg)
	if v, _, _ := off.PageView(off.PageIn(off.in.Pages[0]), nil); v.Page.Graph != nil {
		t.Errorf("graphs: false still draws a graph")
	}
}

// Plan nodes are numbered across the site, so an item added to one page
// renumbers every page after it: their signatures, and so their keys and
// the listings that show them, must not change with it.
func TestPlanSigIgnoresOtherPagesItems(t *testing.T) {
	sig := func(extra int) [32]byte {
		a := taskPage("a.md", "a/", "A-1", "Build")
		for i := range extra {
			a.Status.Items = append(a.Status.Items, status.Item{Line: 10 + i, Text: "More", Section: "a-1"})
			a.Status.Counts.Open++
		}
		m := New(In{Config: config.Default(), Pages: []*Page{a, taskPage("b.md", "b/", "B-1", "Ship")}})
		m.SetWarnings(nil)
		return m.PlanSig("b.md")
	}
	if sig(0) != sig(3) {
		t.Errorf("page b's plan signature changed when page a gained items")
	}
}
