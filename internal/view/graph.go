package view

import (
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strconv"

	"github.com/milepost/milepost/internal/depgraph"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/plan"
	"github.com/milepost/milepost/internal/render"
)

// Dependency graphs: what a page's graph is made from is worked out once
// per build with the plan (makeGraphs) and enters the page's plan
// signature, so a page's key changes whenever its drawing would; the
// drawing itself (package depgraph) is made only when the page is
// rendered. A folder's graph is the union of its pages', so the folder
// signature, made of its pages' plan signatures, covers it.

// graphIn is what one drawing is made from.
type graphIn struct {
	g       depgraph.Graph // hrefs: "#section" on the page itself, else from the site's root
	title   string         // what it is the graph of, for the drawing's title
	length  float64        // of the critical path
	byHours bool
	sig     [32]byte
}

// graphIndex is what every graph of a build reads beside the plan (which
// holds each page's nodes): who waits on each node. A node's section
// anchor is worked out when it is drawn (anchorOf).
type graphIndex struct {
	// list holds the dependents of every node, node after node: node
	// i's are list[start[i]:start[i+1]]. Every page's graph looks up
	// each of its nodes, and most nodes have none.
	list  []int
	start []int32
}

// dependents are the nodes that depend on node i, in plan order.
func (gx *graphIndex) dependents(i int) []int {
	return gx.list[gx.start[i]:gx.start[i+1]:gx.start[i+1]]
}

// makeGraphs works out every page's graph (nil for a page none of whose
// nodes has a dependency or a dependent).
func (m *Maker) makeGraphs(sp *sitePlan) {
	if m.cfg.Graphs.Off {
		return
	}
	pl := sp.plan
	n := len(pl.Nodes)
	gx := &graphIndex{start: make([]int32, n+1)}
	any := false
	for i := 0; i < n; i++ {
		for _, j := range pl.Deps(i) {
			gx.start[j+1]++
			any = true
		}
		any = any || len(pl.Status[i].External()) > 0
	}
	if !any {
		return
	}
	for i := 0; i < n; i++ {
		gx.start[i+1] += gx.start[i]
	}
	gx.list = make([]int, gx.start[n])
	next := slices.Clone(gx.start[:n])
	for i := 0; i < n; i++ {
		for _, j := range pl.Deps(i) {
			gx.list[next[j]] = i
			next[j]++
		}
	}
	sp.graphs = gx
	for _, p := range m.in.Pages {
		path := p.Content.Path
		sp.pages[path].graph = m.graphOf(sp, pl.PageNodes(path), func(i int) bool { return pl.Nodes[i].Page == path }, path, p.Title)
	}
}

// graphOf is the graph of the nodes in scope (in plan order; in says
// whether a node is), with the nodes outside it they are linked to. here
// is the content path of the page drawn, "" for a folder. nil when no
// node in scope has a dependency or a dependent.
func (m *Maker) graphOf(sp *sitePlan, scope []int, in func(int) bool, here, title string) *graphIn {
	pl, gx := sp.plan, sp.graphs
	involved := map[int]bool{}
	var missing []string
	missingAt := map[string]int{}
	for _, i := range scope {
		st := pl.Status[i]
		deps, deps2 := pl.Deps(i), gx.dependents(i)
		if len(deps)+len(deps2)+len(st.External()) == 0 {
			continue
		}
		involved[i] = true
		for _, j := range deps {
			involved[j] = true
		}
		for _, j := range deps2 {
			involved[j] = true
		}
		for _, id := range st.External() {
			if _, ok := missingAt[id]; !ok {
				missingAt[id] = len(missing)
				missing = append(missing, id)
			}
		}
	}
	if len(involved) == 0 {
		return nil
	}
	order := make([]int, 0, len(involved))
	for i := range involved {
		order = append(order, i)
	}
	sort.Ints(order)
	gi := &graphIn{title: title}
	idx := make(map[int]int, len(order))
	for _, i := range order {
		idx[i] = len(gi.g.Nodes)
		gi.g.Nodes = append(gi.g.Nodes, m.graphNode(sp, i, in(i), here))
	}
	for _, id := range missing {
		missingAt[id] = len(gi.g.Nodes)
		gi.g.Nodes = append(gi.g.Nodes, depgraph.Node{ID: id, Missing: true})
	}
	for _, i := range order {
		if !in(i) {
			continue
		}
		for _, j := range pl.Deps(i) {
			gi.g.Edges = append(gi.g.Edges, depgraph.Edge{From: idx[j], To: idx[i]})
		}
		for _, id := range pl.Status[i].External() {
			gi.g.Edges = append(gi.g.Edges, depgraph.Edge{From: missingAt[id], To: idx[i]})
		}
		for _, w := range gx.dependents(i) {
			if !in(w) {
				gi.g.Edges = append(gi.g.Edges, depgraph.Edge{From: idx[i], To: idx[w]})
			}
		}
	}
	// the critical path among the nodes and edges drawn: the scope's
	// and those it is linked to
	path, length, byHours := pl.CriticalPathAmong(order, func(from, to int) bool { return in(from) || in(to) })
	if len(path) > 1 {
		for _, i := range path {
			gi.g.Critical = append(gi.g.Critical, idx[i])
		}
		gi.length, gi.byHours = length, byHours
	}
	gi.sig = gi.hash(pl, order)
	return gi
}

// graphNode is plan node i as a graph shows it.
func (m *Maker) graphNode(sp *sitePlan, i int, inside bool, here string) depgraph.Node {
	n, st := sp.plan.Nodes[i], sp.plan.Status[i]
	out := depgraph.Node{ID: n.ID, Title: n.Text, State: st.State.String()}
	if n.Kind == plan.Section && n.ID != "" {
		out.Title = taskTitle(n.Text, n.ID)
	}
	p := m.byPath[n.Page]
	anchor := anchorOf(sp.pages[n.Page], p, n, i)
	switch {
	case n.Page == here && anchor != "":
		out.Href = "#" + anchor
	case n.Page != here && p != nil:
		out.Href = p.Content.URL
		if anchor != "" {
			out.Href += "#" + anchor
		}
	}
	if !inside && p != nil {
		out.Page = p.Title
	}
	return out
}

// anchorOf is the id of the section on its page that plan node i (n) is,
// or holds it; "" for an item under no section. pp and p are its page's.
func anchorOf(pp *pagePlan, p *Page, n plan.Node, i int) string {
	if pp == nil || p == nil {
		return ""
	}
	if n.Kind == plan.Item {
		if len(pp.items) == 0 {
			return ""
		}
		return p.Status.Items[i-pp.items[0]].Section // a page's items are its last nodes, in order
	}
	if s := pp.section(p, n); s != nil {
		return s.ID
	}
	return ""
}

// hash is what the drawing shows: every node, edge and the critical
// path, and the estimates the critical path's length is made from.
func (gi *graphIn) hash(pl *plan.Plan, order []int) [32]byte {
	var k keyhash.Buf
	k.Str(gi.title)
	k.Num(len(gi.g.Nodes))
	for _, n := range gi.g.Nodes {
		k.Str(n.ID, n.Title, n.State, n.Href, n.Page)
		k.Flag(n.Missing)
	}
	for _, i := range order {
		k.Str(strconv.FormatFloat(pl.Nodes[i].EstimateHours, 'g', -1, 64))
	}
	k.Num(len(gi.g.Edges))
	for _, e := range gi.g.Edges {
		k.Num(e.From)
		k.Num(e.To)
	}
	k.Num(len(gi.g.Critical))
	for _, c := range gi.g.Critical {
		k.Num(c)
	}
	k.Str(strconv.FormatFloat(gi.length, 'g', -1, 64))
	k.Flag(gi.byHours)
	return k.Sum()
}

// graphCaption says how to read a drawing of a scope ("page", "folder",
// "site").
func graphCaption(scope string) string {
	return "Arrows run from a task to the work waiting on it; each box links to where it is written. " +
		"Thick boxes and arrows: the critical path. Dashed boxes: outside this " + scope + ". Dashed red arrows close a cycle."
}

// drawGraph lays gi out and draws it for view v, with ready, the
// ready-to-start lines of the page's Up next list.
func (m *Maker) drawGraph(gi *graphIn, v *render.View, ready []render.NextItem, scope string) *render.Graph {
	g := gi.g
	g.Nodes = append([]depgraph.Node(nil), g.Nodes...)
	for i := range g.Nodes {
		if h := g.Nodes[i].Href; h != "" && h[0] != '#' {
			g.Nodes[i].Href = v.Rel(h)
		}
	}
	rg := &render.Graph{Nodes: len(g.Nodes), Max: m.cfg.Graphs.MaxNodes, Ready: ready, Caption: graphCaption(scope)}
	l := depgraph.Lay(g)
	if len(g.Nodes) <= rg.Max {
		title := fmt.Sprintf("Dependency graph of %s: %d tasks and items, %d dependencies", gi.title, len(g.Nodes), len(l.Routes))
		rg.SVG = template.HTML(depgraph.SVG(g, l, title))
	}
	rg.List = template.HTML(depgraph.List(g, l))
	for _, c := range g.Critical {
		n := g.Nodes[c]
		rg.Critical = append(rg.Critical, render.GraphStep{ID: n.Name(), Title: n.Title, State: n.State, URL: n.Href})
	}
	if gi.byHours {
		rg.CriticalLength = strconv.FormatFloat(gi.length, 'g', -1, 64) + " hours"
	} else {
		rg.CriticalLength = strconv.Itoa(len(g.Critical)) + " tasks"
	}
	return rg
}

// pageGraph is page p's dependency section, nil when it has none; pv is
// its Up next block, whose ready-to-start lines it names.
func (m *Maker) pageGraph(p *Page, pv *render.Plan, v *render.View) *render.Graph {
	pp := m.plan.pages[p.Content.Path]
	if pp == nil || pp.graph == nil {
		return nil
	}
	var ready []render.NextItem
	if pv != nil {
		for _, n := range pv.Next {
			if n.Reason == plan.ReasonReadyToStart {
				ready = append(ready, n)
			}
		}
	}
	return m.drawGraph(pp.graph, v, ready, "page")
}

// betweenRows is how many page-to-page lines a folder summarised by pages
// lists at most.
const betweenRows = 30

// underFolder reports whether a page (by content path) is one of folder
// d's or of its sub-folders' (those eachPageUnder visits), going up the
// page's folders: the few pages asked about are the ends of dependencies,
// and a set of every page under each folder was a fiftieth of a cold build.
func (m *Maker) underFolder(d string) func(pagePath string) bool {
	if d == "" { // the site's: every page
		return func(pagePath string) bool { return m.byPath[pagePath] != nil }
	}
	return func(pagePath string) bool {
		p := m.byPath[pagePath]
		if p == nil {
			return false
		}
		for f := p.Content.Folder; ; f = parentFolder(f) {
			if f == d {
				return true
			}
			if f == "" {
				return false
			}
		}
	}
}

// folderGraph is the dependency section of folder d ("" for the site),
// for view v: nil unless a dependency runs between two of its pages. Up
// to the drawing limit it is one drawing of every page's tasks; above,
// the pages' dependencies on each other, counted.
func (m *Maker) folderGraph(d, title string, v *render.View) *render.Graph {
	sp := m.plan
	if sp.graphs == nil {
		return nil
	}
	pl := sp.plan
	under := m.underFolder(d)
	type pair struct{ from, to string }
	between := map[pair]int{}
	size := 0
	m.eachPageUnder(d, func(p *Page) {
		nodes := pl.PageNodes(p.Content.Path)
		size += len(nodes)
		for _, i := range nodes {
			for _, j := range pl.Deps(i) {
				if a, b := pl.Nodes[j].Page, pl.Nodes[i].Page; a != b && under(a) {
					between[pair{a, b}]++
				}
			}
		}
	})
	if len(between) == 0 {
		return nil // most folders: their nodes are not gathered
	}
	scope := make([]int, 0, size)
	m.eachPageUnder(d, func(p *Page) {
		scope = append(scope, pl.PageNodes(p.Content.Path)...)
	})
	sort.Ints(scope)
	in := func(i int) bool { return under(pl.Nodes[i].Page) }
	gi := m.graphOf(sp, scope, in, "", title)
	if len(gi.g.Nodes) <= m.cfg.Graphs.MaxNodes {
		scope := "folder"
		if d == "" {
			scope = "site"
		}
		return m.drawGraph(gi, v, nil, scope)
	}
	rg := &render.Graph{Nodes: len(gi.g.Nodes), Max: m.cfg.Graphs.MaxNodes}
	pairs := make([]pair, 0, len(between))
	for p := range between {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(a, b int) bool {
		pa, pb := pairs[a], pairs[b]
		if between[pa] != between[pb] {
			return between[pa] > between[pb]
		}
		if pa.from != pb.from {
			return pa.from < pb.from
		}
		return pa.to < pb.to
	})
	link := func(path string) render.Link {
		p := m.byPath[path]
		return render.Link{Title: p.Title, URL: v.Rel(p.Content.URL)}
	}
	for k, p := range pairs {
		if k == betweenRows {
			break
		}
		rg.Between = append(rg.Between, render.PageEdge{From: link(p.from), To: link(p.to), Count: between[p]})
	}
	return rg
}
