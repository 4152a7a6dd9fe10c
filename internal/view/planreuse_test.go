package view

import (
	"testing"
	"time"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/fieldtest"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/plan"
	"github.com/milepost/milepost/internal/status"
)

// clonePage is p with a copy of its status model: what a page parsed
// again after an edit of its prose is.
func clonePage(p *Page) *Page {
	c := *p
	st := *p.Status
	st.Items = append([]status.Item(nil), p.Status.Items...)
	c.Status = &st
	return &c
}

// The dev server hands each build's plan to the next, which takes it over
// only when every page makes the same nodes on the same day; whichever
// way a build gets its plan, the pages' plan signatures are the same.
func TestPlanReuse(t *testing.T) {
	day := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	first := New(In{Config: config.Default(), Now: day, Pages: []*Page{taskPage("a.md", "a/", "A-1", "Build", "B-1"), taskPage("b.md", "b/", "B-1", "Design")}})
	prev := first.PlanReuse()
	for _, c := range []struct {
		name  string
		edit  func() []*Page
		now   time.Time
		reuse bool
	}{
		{"the same pages", func() []*Page { return first.in.Pages }, day, true},
		{"a page parsed again, its items the same", func() []*Page { return []*Page{clonePage(first.in.Pages[0]), first.in.Pages[1]} }, day, true},
		{"an item done", func() []*Page {
			b := clonePage(first.in.Pages[1])
			b.Status.Items[0].State = marker.Done
			return []*Page{first.in.Pages[0], b}
		}, day, false},
		{"an item added", func() []*Page {
			a := clonePage(first.in.Pages[0])
			a.Status.Items = append(a.Status.Items, status.Item{Line: 9, Text: "More", Section: "a-1"})
			return []*Page{a, first.in.Pages[1]}
		}, day, false},
		{"another day", func() []*Page { return first.in.Pages }, day.AddDate(0, 0, 1), false},
		// page a's graph draws b's task with b's title and URL: the plan
		// is taken over, the graphs drawn again
		{"a page retitled", func() []*Page {
			b := clonePage(first.in.Pages[1])
			b.Title = "Bee"
			return []*Page{first.in.Pages[0], b}
		}, day, true},
		{"a page moved", func() []*Page {
			b := clonePage(first.in.Pages[1])
			moved := *b.Content
			moved.URL = "bee/"
			b.Content = &moved
			return []*Page{first.in.Pages[0], b}
		}, day, true},
		{"a section's id changed, its title not", func() []*Page {
			b := clonePage(first.in.Pages[1])
			sec := *b.Status.Sections[0]
			sec.ID = "design-step"
			b.Status.Sections = []*status.Section{&sec}
			b.Status.Items[0].Section = sec.ID
			return []*Page{first.in.Pages[0], b}
		}, day, false},
		{"a page gone", func() []*Page { return first.in.Pages[:1] }, day, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := c.edit()
			if got := prev.fits(ps, c.now.UTC().Format("2006-01-02")); got != c.reuse {
				t.Fatalf("fits = %v, want %v", got, c.reuse)
			}
			reused := New(In{Config: config.Default(), Now: c.now, Pages: ps, PrevPlan: prev})
			reused.SetWarnings(nil)
			fresh := New(In{Config: config.Default(), Now: c.now, Pages: ps})
			fresh.SetWarnings(nil)
			if (reused.plan.plan == prev.plan) != c.reuse {
				t.Errorf("the plan was taken over: %v, want %v", reused.plan.plan == prev.plan, c.reuse)
			}
			for _, p := range ps {
				if reused.PlanSig(p.Content.Path) != fresh.PlanSig(p.Content.Path) {
					t.Errorf("%s: plan signature with the last build's plan differs from a fresh one's", p.Content.Path)
				}
			}
		})
	}
}

// sameNode compares every field of plan.Node and of its Work: one it
// missed would let the dev server keep a plan made from nodes that have
// since changed.
func TestSameNodeComparesEveryField(t *testing.T) {
	base := func() plan.Node {
		return plan.Node{Page: "a.md", Text: "t", Work: &plan.Work{ID: "i", Depends: []string{"d"}, DependsAll: "P", Due: "2026-01-01", EstimateHours: 1},
			State: marker.Open, Line: 1, DependsLine: 1, Parent: 1, Kind: plan.Item, Priority: 1}
	}
	if a := base(); !sameNode(a, a) {
		t.Fatal("a node is not the same as itself")
	}
	fieldtest.EachChanged(t, base(), func(field string, other plan.Node) {
		if sameNode(base(), other) {
			t.Errorf("sameNode misses a change of %s", field)
		}
	})
}
