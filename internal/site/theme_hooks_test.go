package site

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

// themePage is a parsed page in folder with one done item per date and
// open open items.
func themePage(folder string, tracked bool, open int, dates ...string) *parsed {
	st := &status.Page{}
	for _, d := range dates {
		st.Items = append(st.Items, status.Item{State: marker.Done, Date: d})
		st.Counts.Done++
	}
	st.Counts.Open = open
	return &parsed{page: &content.Page{Folder: folder}, Page: summary.Page{Tracked: tracked, Status: st}}
}

func TestBurnupHooks(t *testing.T) {
	r := &renderer{pages: []*parsed{
		themePage("plans", true, 2, "2026-03-01", "2026-03-05"),
		themePage("plans/q2", true, 1, "2026-04-01"),
		themePage("tasks", true, 4, "2026-03-02"),
		themePage("runbooks", false, 0, "2026-01-01", "2026-01-02", "2026-01-03"), // untracked: not in roll-ups
	}}

	pg := &render.Page{}
	r.decoratePage(r.pages[0], pg)
	if pg.Burnup != nil {
		t.Errorf("a page with two dated items got a chart")
	}

	f := &render.Folder{}
	r.decorateFolder("plans", f)
	if f.Burnup == nil || !strings.HasPrefix(f.Burnup.Caption, "3 of 6 items done; 3 of them dated, from 2026-03-01 to 2026-04-01") {
		t.Errorf("folder plans (with plans/q2): chart %+v", f.Burnup)
	}
	r.decorateFolder("tasks", f)
	if f.Burnup != nil {
		t.Errorf("folder tasks has one dated item, got a chart")
	}

	h := &render.Home{}
	r.decorateHome(h)
	if h.Burnup == nil || !strings.HasPrefix(h.Burnup.Caption, "4 of 11 items done; 4 of them dated, from 2026-03-01 to 2026-04-01") {
		t.Errorf("home: chart %+v", h.Burnup)
	}

	rb := &render.Page{Runbook: true}
	r.decoratePage(r.pages[3], rb)
	if rb.Burnup != nil {
		t.Errorf("a runbook got a burn-up chart")
	}
}
