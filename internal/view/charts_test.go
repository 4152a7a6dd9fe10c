package view

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

// themePage is a page in folder with one done item per date and open
// open items.
func themePage(folder string, tracked bool, open int, dates ...string) *Page {
	st := &status.Page{}
	for _, d := range dates {
		st.Items = append(st.Items, status.Item{State: marker.Done, Date: d})
		st.Counts.Done++
	}
	st.Counts.Open = open
	return &Page{Content: &content.Page{Folder: folder}, Page: summary.Page{Tracked: tracked, Status: st}}
}

func TestBurnupCharts(t *testing.T) {
	m := New(In{Pages: []*Page{
		themePage("plans", true, 2, "2026-03-01", "2026-03-05"),
		themePage("plans/q2", true, 1, "2026-04-01"),
		themePage("tasks", true, 4, "2026-03-02"),
		themePage("runbooks", false, 0, "2026-01-01", "2026-01-02", "2026-01-03"), // untracked: not in roll-ups
	}})

	if c := m.burnupOf(m.in.Pages[:1], ""); c != nil {
		t.Errorf("a page with two dated items got a chart")
	}
	if c := m.burnupIn("plans"); c == nil || !strings.HasPrefix(c.Caption, "3 of 6 items done; 3 of them dated, from 2026-03-01 to 2026-04-01") {
		t.Errorf("folder plans (with plans/q2): chart %+v", c)
	}
	if c := m.burnupIn("tasks"); c != nil {
		t.Errorf("folder tasks has one dated item, got a chart")
	}
	if c := m.burnupIn(""); c == nil || !strings.HasPrefix(c.Caption, "4 of 11 items done; 4 of them dated, from 2026-03-01 to 2026-04-01") {
		t.Errorf("home: chart %+v", c)
	}
}

func TestRunbookHasNoBurnup(t *testing.T) {
	p := themePage("runbooks", false, 0, "2026-01-01", "2026-01-02", "2026-01-03")
	p.Kind = "runbook"
	p.Content.Path, p.Content.URL = "runbooks/r.md", "runbooks/r/"
	m := New(In{Pages: []*Page{p}})
	m.SetWarnings(nil)
	if v, _, _ := m.PageView(m.PageIn(p), nil); v.Page.Burnup != nil {
		t.Errorf("a runbook got a burn-up chart")
	}
}
