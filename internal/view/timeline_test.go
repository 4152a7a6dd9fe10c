package view

import (
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

var timelineNow = time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)

// datedPage is a tracked page at path in folder with front matter start
// and target and one open item.
func datedPage(path, folder, start, target string) *Page {
	url := strings.TrimSuffix(path, ".md") + "/"
	st := &status.Page{Items: []status.Item{{State: marker.Open, Text: "work"}}, Counts: status.Counts{Open: 1}}
	return &Page{
		Content: &content.Page{Path: path, URL: url, Folder: folder, Start: start, Target: target},
		Page:    summary.Page{Title: path, Tracked: true, Status: st},
	}
}

func timelineMaker(cfg config.Config, pages ...*Page) *Maker {
	return New(In{Config: cfg, Now: timelineNow, Pages: pages, Folders: []string{"plans"}})
}

// The roadmap shows every page's start date, so the home page's key
// must change with it.
func TestRoadmapStartIsInTheHomeKey(t *testing.T) {
	a := timelineMaker(config.Default(), datedPage("plans/a.md", "plans", "2026-03-01", "2026-05-01"), datedPage("plans/b.md", "plans", "", "2026-06-01"))
	b := timelineMaker(config.Default(), datedPage("plans/a.md", "plans", "2026-03-02", "2026-05-01"), datedPage("plans/b.md", "plans", "", "2026-06-01"))
	if a.HomeKey() == b.HomeKey() {
		t.Error("a page's start date changed and the home page's key did not")
	}
	v := &render.View{Site: &render.Site{}}
	r := a.roadmap(v)
	if r == nil || len(r.Rows) != 3 || !r.Rows[0].Span || r.Rows[0].Start != "2026-03-01" || r.Rows[0].Due != "2026-06-01" {
		t.Fatalf("roadmap = %+v, want the folder spanning its two pages", r)
	}
}

func TestTimelinesSwitchOff(t *testing.T) {
	cfg := config.Default()
	cfg.Graphs.Timeline = false
	p := datedPage("plans/a.md", "plans", "2026-03-01", "2026-05-01")
	p.Status.Items[0].Attrs = &status.ItemAttrs{Due: "2026-04-01"}
	m := timelineMaker(cfg, p)
	if r := m.roadmap(&render.View{Site: &render.Site{}}); r != nil {
		t.Errorf("graphs: {timeline: false} drew a roadmap")
	}
	if tl := m.pageTimeline(p); tl != nil {
		t.Errorf("graphs: {timeline: false} drew a page's timeline")
	}
}

// A page's timeline: a section without dates spans its dated items, an
// open item past its due date is overdue, a dropped one is left out, a
// section's own Start and Due make its bar.
func TestPageTimelineRows(t *testing.T) {
	p := datedPage("plans/a.md", "plans", "", "2026-05-01")
	p.Status.Sections = []*status.Section{
		{ID: "build", Title: "Build", Counts: status.Counts{Done: 1, Open: 1}},
		{ID: "ship", Title: "Ship", Counts: status.Counts{Open: 1}, Attrs: &attr.Section{Start: "2026-04-01", Due: "2026-04-20"}},
	}
	p.Status.Items = []status.Item{
		{Section: "build", State: marker.Done, Text: "Schema", Date: "2026-03-05", Attrs: &status.ItemAttrs{Start: "2026-03-02", Due: "2026-03-06"}},
		{Section: "build", State: marker.Open, Text: "Importer", Attrs: &status.ItemAttrs{Due: "2026-03-18"}},
		{Section: "build", State: marker.Dropped, Text: "Old plan", Attrs: &status.ItemAttrs{Due: "2026-03-10"}},
		{Section: "ship", State: marker.Open, Text: "Release"},
	}
	p.Status.Counts = status.Counts{Done: 1, Open: 2, Dropped: 1}
	m := timelineMaker(config.Default(), p)
	tl := m.pageTimeline(p)
	if tl == nil {
		t.Fatal("no timeline")
	}
	var got []string
	for _, r := range tl.Rows {
		got = append(got, r.Label+" "+r.URL+" "+r.Start+" "+r.Due+" "+r.Done+" "+r.State)
	}
	want := []string{
		"Build #build 2026-03-02 2026-03-18  active",
		"Schema #build 2026-03-02 2026-03-06 2026-03-05 done",
		"Importer #build  2026-03-18  overdue",
		"Ship #ship 2026-04-01 2026-04-20  open",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(tl.Caption, "target 2026-05-01") {
		t.Errorf("caption %q does not name the target", tl.Caption)
	}
}

// A milestone section without an id whose target date has passed with
// items open makes its page at risk, as an overdue task does; a done or
// future one does not.
func TestMilestonePastItsDateIsOverdue(t *testing.T) {
	p := datedPage("plans/roadmap.md", "plans", "", "")
	p.Status.Sections = []*status.Section{
		{ID: "m1", Title: "M1 — Alpha", Counts: status.Counts{Done: 1}, Attrs: &attr.Section{Due: "2026-01-01"}},
		{ID: "m2", Title: "M2 — Beta", Counts: status.Counts{Open: 1}, Attrs: &attr.Section{Due: "2026-03-01"}},
		{ID: "m3", Title: "M3 — GA", Counts: status.Counts{Open: 1}, Attrs: &attr.Section{Due: "2026-06-01"}},
		{ID: "m4", Title: "M4 — Closed", Declared: "done", Counts: status.Counts{Open: 1}, Attrs: &attr.Section{Due: "2026-02-01"}},
	}
	m := timelineMaker(config.Default(), p)
	h := m.plan.pages[p.Content.Path].health
	if h.State != "at-risk" || len(h.Reasons) != 1 || h.Reasons[0] != "1 item overdue: M2 — Beta (due 2026-03-01)" {
		t.Errorf("health = %+v, want at risk for M2 alone", h)
	}
}

// A task its Status or heading declares blocked makes its page at risk
// and is named among the blocked work, as Up next lists it, though its
// open boxes count open.
func TestDeclaredBlockedTaskIsBlockedWork(t *testing.T) {
	p := datedPage("plans/phase.md", "plans", "", "")
	p.Status.Sections = []*status.Section{
		{ID: "p1-5-legal", Title: "P1-5: Legal review", TaskID: "P1-5", Declared: "blocked", Counts: status.Counts{Open: 1}},
	}
	m := timelineMaker(config.Default(), p)
	h := m.plan.pages[p.Content.Path].health
	if h.State != "at-risk" || len(h.Reasons) != 1 || h.Reasons[0] != "1 item blocked: P1-5: Legal review" {
		t.Errorf("health = %+v, want at risk for the blocked task", h)
	}
}
