package view

import (
	"slices"

	"github.com/milepost/milepost/internal/plan"
	"github.com/milepost/milepost/internal/status"
)

// PlanReuse is what a build's plan hands to the next build of the same
// site (a Builder's, the dev server's): the nodes made from every page's
// status model and the plan computed from them on one day. The next
// build takes them over when every page makes the same nodes, as after
// an edit of a page's prose, and saves making and computing the plan of
// the whole site on every reload. It is read only: the builds that share
// it must not change it.
type PlanReuse struct {
	today    string
	paths    []string
	statuses []*status.Page // each page's status model, which the nodes were made from
	plan     *plan.Plan
	items    [][]int          // by page: the node of each item
	sections []map[string]int // by page: the node of each section, by id

	// The dependency graphs drawn from the plan, and the page titles and
	// URLs their nodes are labelled and linked with: a build that takes
	// the plan over takes them too when no page's title or URL changed.
	graphsMade   bool
	graphsOff    bool // config graphs: false when they were made
	graphs       *graphIndex
	pageGraphs   []*graphIn // by page
	titles, urls []string   // by page
}

// PlanReuse is this build's plan, for the next build's In.PrevPlan.
func (m *Maker) PlanReuse() *PlanReuse { return m.planReuse }

func newPlanReuse(pages []*Page, today string, sp *sitePlan) *PlanReuse {
	r := &PlanReuse{today: today, plan: sp.plan, paths: make([]string, len(pages)), statuses: make([]*status.Page, len(pages)),
		items: make([][]int, len(pages)), sections: make([]map[string]int, len(pages))}
	for i, p := range pages {
		pp := sp.pages[p.Content.Path]
		r.paths[i], r.statuses[i], r.items[i], r.sections[i] = p.Content.Path, p.Status, pp.items, pp.sections
	}
	return r
}

// keepGraphs notes the graphs made from r's plan for pages, with
// graphs switched off or not.
func (r *PlanReuse) keepGraphs(pages []*Page, sp *sitePlan, off bool) {
	r.graphsMade, r.graphsOff, r.graphs = true, off, sp.graphs
	r.pageGraphs, r.titles, r.urls = make([]*graphIn, len(pages)), make([]string, len(pages)), make([]string, len(pages))
	for i, p := range pages {
		r.pageGraphs[i], r.titles[i], r.urls[i] = sp.pages[p.Content.Path].graph, p.Title, p.Content.URL
	}
}

// takeGraphs gives sp, which took r's plan over for pages, the graphs
// drawn from it, and reports whether it did: only when graphs are
// switched on or off as they were and every page has the title and URL
// the graphs were labelled with.
func (r *PlanReuse) takeGraphs(pages []*Page, sp *sitePlan, off bool) bool {
	if !r.graphsMade || r.graphsOff != off {
		return false
	}
	for i, p := range pages {
		if p.Title != r.titles[i] || p.Content.URL != r.urls[i] {
			return false
		}
	}
	sp.graphs = r.graphs
	for i, p := range pages {
		sp.pages[p.Content.Path].graph = r.pageGraphs[i]
	}
	return true
}

// fits says whether pages make, on today, exactly the nodes r was
// computed from: the same pages in the same order, each with the status
// model r saw or one that makes the same nodes.
func (r *PlanReuse) fits(pages []*Page, today string) bool {
	if r == nil || r.today != today || len(pages) != len(r.paths) {
		return false
	}
	for i, p := range pages {
		if p.Content.Path != r.paths[i] {
			return false
		}
		if p.Status == r.statuses[i] {
			continue
		}
		own := r.plan.PageNodes(p.Content.Path)
		base := 0
		if len(own) > 0 {
			base = own[0]
		}
		nodes, _, sections := appendPageNodes(make([]plan.Node, 0, len(own)), &plan.Works{}, p)
		if len(nodes) != len(own) {
			return false
		}
		// sections found by the same ids (a heading's own {#id} changes
		// its id and not its node): links and anchors are made from them
		if len(sections) != len(r.sections[i]) {
			return false
		}
		for id, k := range sections {
			if at, ok := r.sections[i][id]; !ok || at != base+k {
				return false
			}
		}
		for k, n := range nodes {
			if n.Parent >= 0 {
				n.Parent += int32(base) // appendPageNodes numbered this page's nodes from 0
			}
			if !sameNode(n, r.plan.Nodes[base+k]) {
				return false
			}
		}
	}
	return true
}

// sameNode says whether a and b are the same node.
func sameNode(a, b plan.Node) bool {
	return a.Page == b.Page && a.Text == b.Text && a.ID == b.ID && slices.Equal(a.Depends, b.Depends) &&
		a.DependsAll == b.DependsAll && a.Due == b.Due && a.State == b.State && a.EstimateHours == b.EstimateHours &&
		a.Line == b.Line && a.DependsLine == b.DependsLine && a.Parent == b.Parent && a.Kind == b.Kind &&
		a.Declared == b.Declared && a.Priority == b.Priority
}
