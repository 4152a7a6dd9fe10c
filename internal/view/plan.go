package view

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/health"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/plan"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
)

// The site's plan: every page's items and sections as plan nodes, computed
// once per build (package plan), and every page's, folder's and the site's
// health (package health).

// UpNext is how many ready tasks a page's Up next list names.
const UpNext = 5

// pagePlan is where a page's nodes are in the site's plan.
type pagePlan struct {
	items     []int          // node of each item, parallel to Status.Items
	sections  map[string]int // node of each section, by section id
	next      []plan.Entry
	health    health.Health
	hasHealth bool
	warnings  []status.Warning // the plan's warnings and overdue work at this page
	graph     *graphIn         // its dependency graph (graph.go), nil for none
	sig       [32]byte
	// byLine is the page's sections by their heading's line, made at the
	// first sectionAt: walking the sections for each line of a page's
	// Up next made a page of thousands of sections and tasks quadratic.
	byLine     map[int32]*status.Section
	byLineOnce sync.Once
	// owners is whom the page's sections answer to (owners.go), made at
	// the first owner asked for.
	owners     map[string]heldBy
	ownersOnce sync.Once
}

// sitePlan is the plan of the whole site.
type sitePlan struct {
	plan    *plan.Plan
	pages   map[string]*pagePlan // by content path
	folders map[string]health.Health
	site    health.Health
	hasSite bool
	graphs  *graphIndex // nil when graphs are off or nothing depends on anything
}

// makePlan builds the plan nodes of every page, in path order (sections
// before the items they hold), computes the plan on the build date and
// judges every page, folder and the site. The nodes and the computed
// plan are the last build's when they would come out the same
// (planreuse.go).
func (m *Maker) makePlan() {
	today := m.in.Now.UTC().Format("2006-01-02")
	sp := &sitePlan{pages: make(map[string]*pagePlan, len(m.in.Pages)), folders: map[string]health.Health{}}
	prev := m.in.PrevPlan
	reused := prev.fits(m.in.Pages, today)
	if reused {
		sp.plan = prev.plan
		for i, p := range m.in.Pages {
			sp.pages[p.Content.Path] = &pagePlan{items: prev.items[i], sections: prev.sections[i]}
		}
	} else {
		nodes := make([]plan.Node, 0, planSize(m.in.Pages))
		var works plan.Works
		for _, p := range m.in.Pages {
			pp := &pagePlan{}
			sp.pages[p.Content.Path] = pp
			nodes, pp.items, pp.sections = appendPageNodes(nodes, &works, p)
		}
		sp.plan = plan.Compute(nodes, today)
	}
	m.planReuse = newPlanReuse(m.in.Pages, today, sp)
	for _, w := range sp.plan.Warnings {
		pp := sp.pages[w.Page]
		pp.warnings = append(pp.warnings, status.Warning{Kind: w.Kind, Line: w.Line, Message: w.Message})
	}
	for i, st := range sp.plan.Status {
		n := sp.plan.Nodes[i]
		if st.Overdue && (n.Kind == plan.Item || n.ID != "") {
			pp := sp.pages[n.Page]
			pp.warnings = append(pp.warnings, status.Warning{Kind: diag.KindOverdue, Line: int(n.Line), Message: fmt.Sprintf("%s was due %s", quoteName(n), n.Due)})
		}
	}
	// each page's Up next and health read the plan and write only the
	// page's own pagePlan: the pages are judged in parallel
	parallel.Do(len(m.in.Pages), runtime.GOMAXPROCS(0), func(i int) bool {
		p := m.in.Pages[i]
		pp := sp.pages[p.Content.Path]
		if w, stale := m.gitStale(p); stale {
			pp.warnings = append(pp.warnings, w)
		}
		pp.next = sp.plan.Next(p.Content.Path, UpNext)
		if p.Tracked {
			pp.health, pp.hasHealth = health.Of(m.healthInput(p, pp, sp.plan, today))
		}
		return true
	})
	var all []health.Named
	for _, p := range m.in.Pages {
		if pp := sp.pages[p.Content.Path]; pp.hasHealth {
			all = append(all, health.Named{Name: p.Title, Health: pp.health})
		}
	}
	if h, ok := health.Worst(all); ok {
		sp.site, sp.hasSite = h, true
	}
	m.plan = sp
	for _, d := range m.in.Folders {
		var members []health.Named
		m.eachPageUnder(d, func(p *Page) {
			if pp := sp.pages[p.Content.Path]; pp.hasHealth {
				members = append(members, health.Named{Name: p.Title, Health: pp.health})
			}
		})
		if h, ok := health.Worst(members); ok {
			sp.folders[d] = h
		}
	}
	if !reused || !prev.takeGraphs(m.in.Pages, sp, m.cfg.Graphs.Off) {
		m.makeGraphs(sp)
	}
	m.planReuse.keepGraphs(m.in.Pages, sp, m.cfg.Graphs.Off)
	parallel.Do(len(m.in.Pages), runtime.GOMAXPROCS(0), func(i int) bool {
		p := m.in.Pages[i]
		sp.pages[p.Content.Path].sig = m.planSig(p)
		return true
	})
}

// planSize is how many plan nodes pages make: a node per section and
// per item. The plan holds one per item of the site for the whole build,
// so its slice is made at its length at once.
func planSize(pages []*Page) int {
	var count func(ss []*status.Section) int
	count = func(ss []*status.Section) int {
		n := len(ss)
		for _, s := range ss {
			n += count(s.Sections)
		}
		return n
	}
	n := 0
	for _, p := range pages {
		n += len(p.Status.Items) + count(p.Status.Sections)
	}
	return n
}

// appendPageNodes appends the plan nodes of page p to nodes: a node per
// section, in document order, then one per item. It returns the nodes,
// the node of each item and the node of each section by its id.
func appendPageNodes(nodes []plan.Node, works *plan.Works, p *Page) ([]plan.Node, []int, map[string]int) {
	sections := map[string]int{}
	var walk func(ss []*status.Section, parent int)
	walk = func(ss []*status.Section, parent int) {
		for _, s := range ss {
			i := len(nodes)
			sections[s.ID] = i
			n := plan.Node{
				Kind: plan.Section, Page: p.Content.Path, Line: int32(s.Line), Text: s.Title, Parent: int32(parent),
				State: marker.Open,
			}
			w := plan.Work{ID: s.TaskID}
			if a := s.Attrs; a != nil {
				w.Depends, w.DependsAll, w.Due, w.EstimateHours = a.Depends, a.DependsAll, a.Due, a.EstimateHours
				n.DependsLine, n.Priority = int32(a.DependsLine), int8(a.Priority)
			}
			n.Work = works.Of(w)
			if st, ok := marker.ParseState(s.Declared); ok {
				n.State, n.Declared = st, true
			}
			nodes = append(nodes, n)
			walk(s.Sections, i)
		}
	}
	walk(p.Status.Sections, -1)
	items := make([]int, len(p.Status.Items))
	for k, it := range p.Status.Items {
		parent := -1
		if it.Section != "" {
			if s, ok := sections[it.Section]; ok {
				parent = s
			}
		}
		items[k] = len(nodes)
		n := plan.Node{Kind: plan.Item, Page: p.Content.Path, Line: int32(it.Line), Text: it.Text, Parent: int32(parent), State: it.State}
		var w plan.Work
		if a := it.Attrs; a != nil {
			w = plan.Work{ID: a.ID, Depends: a.Depends, Due: a.Due, EstimateHours: a.EstimateHours}
			n.Priority = int8(a.Priority)
		}
		n.Work = works.Of(w)
		nodes = append(nodes, n)
	}
	return nodes, items, sections
}

// eachPageUnder calls f for every page of folder d and its sub-folders.
func (m *Maker) eachPageUnder(d string, f func(*Page)) {
	for _, p := range m.pagesIn[d] {
		f(p)
	}
	for _, sub := range m.subfolders[d] {
		m.eachPageUnder(sub, f)
	}
}

// quoteName names a node in a message: its text, quoted.
func quoteName(n plan.Node) string { return fmt.Sprintf("%q", n.Text) }

// healthInput is what page p's health is judged from.
func (m *Maker) healthInput(p *Page, pp *pagePlan, pl *plan.Plan, today string) health.Page {
	c := p.Status.Counts
	h := health.Page{
		Declared: p.Content.Status, Items: c.Total() + c.Dropped, Open: c.Active + c.Blocked + c.Open,
		Target: p.Content.Target, Today: today,
	}
	for k, it := range p.Status.Items {
		if it.State == marker.Blocked {
			h.Blocked = append(h.Blocked, it.Text)
		}
		if pl.Status[pp.items[k]].Overdue {
			h.Overdue = append(h.Overdue, health.Dated{Text: it.Text, Due: it.Attributes().Due})
		}
	}
	// A task (a section with an id) past its due date is overdue work
	// too, as Up next and the warnings say, and one its heading or Status
	// declares blocked is blocked work; so is a milestone without an
	// id ("## M2 — Beta" over "**Target date:** 2026-11-01") whose date
	// has passed with its items open.
	var tasks func(ss []*status.Section)
	tasks = func(ss []*status.Section) {
		for _, s := range ss {
			if i, ok := pp.sections[s.ID]; ok && pl.Nodes[i].ID != "" {
				if pl.Status[i].Overdue {
					h.Overdue = append(h.Overdue, health.Dated{Text: s.Title, Due: pl.Nodes[i].Due})
				}
				if pl.Status[i].State == marker.Blocked && s.Counts.Blocked == 0 {
					h.Blocked = append(h.Blocked, s.Title) // "**Status:** Blocked" over open boxes, as Up next says
				}
			} else if due := s.Attributes().Due; due != "" && due < today && s.Counts.Active+s.Counts.Blocked+s.Counts.Open > 0 &&
				s.Declared != marker.Done.String() && s.Declared != marker.Dropped.String() {
				h.Overdue = append(h.Overdue, health.Dated{Text: s.Title, Due: due})
			}
			tasks(s.Sections)
		}
	}
	tasks(p.Status.Sections)
	for _, w := range p.Status.Warnings {
		if w.Kind == diag.KindDrift {
			h.Drift = append(h.Drift, w.Message) // worded for a reader (package status)
		}
	}
	if w, stale := status.StaleWarning(p.Content.Updated, m.in.Now, m.cfg.StaleAfter, p.Content.UpdatedLine); stale {
		h.Stale = w.Message
	} else if w, stale := m.gitStale(p); stale {
		h.Stale = w.Message
	}
	if ph := m.historyOf(p); ph != nil {
		h.Idle = ph.idle
		if fc := ph.outlook.Forecast; fc != nil {
			h.Forecast = fc.Date
		}
	}
	return h
}

// PlanWarnings are the plan's warnings at page path (unknown dependency,
// duplicate id, dependency cycle) and its overdue work.
func (m *Maker) PlanWarnings(path string) []status.Warning {
	if pp := m.plan.pages[path]; pp != nil {
		return pp.warnings
	}
	return nil
}

// PlanSig hashes what the outputs of page path show of the site's plan:
// its health, its Up next list, what the plan says of its items and
// tasks, and its dependency graph (graph.go). Another page's edit can change it (a dependency done), so it
// enters the page's key and the listings'.
func (m *Maker) PlanSig(path string) [32]byte {
	if pp := m.plan.pages[path]; pp != nil {
		return pp.sig
	}
	return [32]byte{}
}

func (m *Maker) planSig(p *Page) [32]byte {
	pp := m.plan.pages[p.Content.Path]
	pl := m.plan.plan
	var k keyhash.Buf
	k.Flag(pp.hasHealth)
	k.Str(string(pp.health.State))
	k.Str(pp.health.Reasons...)
	k.Str(p.Content.Owner, p.Content.Target, p.Content.Status)
	if ph := m.historyOf(p); ph != nil { // history's dates, series and outlook
		k.Raw(ph.sig[:])
	}
	k.Num(len(pp.next))
	base := 0 // nodes are numbered across the site: an item added to one page renumbers the pages after it
	if own := pl.PageNodes(p.Content.Path); len(own) > 0 {
		base = own[0]
	}
	for _, e := range pp.next { // the text, owner and due date a card or Up next shows
		n := pl.Nodes[e.Node]
		k.Num(e.Node - base)
		k.Str(e.Reason, n.Text, n.ID, n.Due)
		if n.Kind == plan.Item {
			k.Str(m.itemOwner(p, m.itemAt(p, e.Node)))
		} else {
			s := m.sectionAt(p, e.Node)
			k.Str(s.ID, s.Title, m.sectionOwner(p, s))
		}
	}
	node := func(i int) {
		st := pl.Status[i]
		k.Num(int(st.State))
		k.Flag(st.Ready)
		k.Flag(st.ReadyToStart)
		k.Flag(st.Overdue)
		k.Num(len(st.WaitingOn()))
		k.Str(st.WaitingOn()...)
		k.Num(len(st.External()))
		k.Str(st.External()...)
	}
	for _, i := range pp.items {
		node(i)
	}
	for _, s := range sortedSectionNodes(pp.sections) {
		node(s)
	}
	for _, w := range pp.warnings {
		k.Str(w.Kind, w.Message)
		k.Num(w.Line)
	}
	k.Str(p.Content.Start) // where the page's bar starts on the home page's roadmap
	k.Flag(pp.graph != nil)
	if pp.graph != nil {
		k.Raw(pp.graph.sig[:])
	}
	return k.Sum()
}

// sortedSectionNodes lists a page's section nodes in document order.
func sortedSectionNodes(sections map[string]int) []int {
	out := make([]int, 0, len(sections))
	for _, i := range sections {
		out = append(out, i)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Health is page p's health; ok is false when it has none (no tracked
// items, or a runbook that does not count).
func (m *Maker) Health(p *Page) (health.Health, bool) {
	pp := m.plan.pages[p.Content.Path]
	return pp.health, pp.hasHealth
}

// FolderHealth is the health of folder d ("" for the site).
func (m *Maker) FolderHealth(d string) (health.Health, bool) {
	if d == "" {
		return m.plan.site, m.plan.hasSite
	}
	h, ok := m.plan.folders[d]
	return h, ok
}

// ItemPlan is what the plan says of item k of page p.
func (m *Maker) ItemPlan(p *Page, k int) plan.Status {
	return m.plan.plan.Status[m.plan.pages[p.Content.Path].items[k]]
}

// healthLabels are the words a pill shows for each health state.
var healthLabels = map[health.State]string{
	health.OnTrack: "On track", health.AtRisk: "At risk", health.OffTrack: "Off track",
	health.Paused: "Paused", health.Done: "Done", health.NoTarget: "No target",
}

// healthView is h as a pill shows it.
func healthView(h health.Health, ok bool) *render.Health {
	if !ok {
		return nil
	}
	return &render.Health{State: string(h.State), Label: healthLabels[h.State], Reasons: h.Reasons}
}

// reasonLabels are the words the Up next block shows for each reason.
var reasonLabels = map[string]string{
	plan.ReasonActive: "In progress", plan.ReasonBlocked: "Blocked", plan.ReasonOverdue: "Overdue",
	plan.ReasonReadyToStart: "Ready to start", plan.ReasonReady: "Next", plan.ReasonWaiting: "Waiting",
}

// UpNext is page p's Up next list, in the order plan.Next gives it.
func (m *Maker) UpNext(p *Page) []render.NextItem {
	pp := m.plan.pages[p.Content.Path]
	if pp == nil {
		return nil
	}
	out := make([]render.NextItem, 0, len(pp.next))
	for _, e := range pp.next {
		out = append(out, m.nextItem(p, e))
	}
	return out
}

// nextItem is entry e of page p as a line of a list of work, with a URL
// relative to the page ("#section", "" for the page itself).
func (m *Maker) nextItem(p *Page, e plan.Entry) render.NextItem {
	pl := m.plan.plan
	n, st := pl.Nodes[e.Node], pl.Status[e.Node]
	it := render.NextItem{
		Line: int(n.Line), Text: n.Text, State: st.State.String(), Reason: e.Reason, ReasonLabel: reasonLabels[e.Reason],
		Due: n.Due, Overdue: st.Overdue, WaitingOn: st.WaitingOn(), External: st.External(),
	}
	if n.Kind == plan.Section {
		s := m.sectionAt(p, e.Node)
		it.TaskID, it.SectionID, it.SectionTitle, it.Owner = n.ID, s.ID, s.Title, m.sectionOwner(p, s)
		it.Text = taskTitle(s.Title, n.ID)
	} else {
		if n.Parent >= 0 {
			s := m.sectionAt(p, int(n.Parent))
			it.SectionID, it.SectionTitle = s.ID, s.Title
		}
		it.Owner = m.itemOwner(p, m.itemAt(p, e.Node))
		if it.SectionTitle == it.Text { // a heading that is an item: its section says nothing more
			it.SectionTitle = ""
		}
	}
	it.Waits = waitsText(st.WaitingOn(), st.External())
	if it.SectionID != "" {
		it.URL = "#" + it.SectionID
	}
	return it
}

// sectionAt is the section of page p that is node i.
func (m *Maker) sectionAt(p *Page, i int) *status.Section {
	if s := m.plan.pages[p.Content.Path].section(p, m.plan.plan.Nodes[i]); s != nil {
		return s
	}
	return &status.Section{}
}

// section is the section of page p (pp's page) that plan node n is; nil
// when n is not one of its sections.
func (pp *pagePlan) section(p *Page, n plan.Node) *status.Section {
	pp.byLineOnce.Do(func() {
		pp.byLine = make(map[int32]*status.Section, len(pp.sections))
		var walk func([]*status.Section)
		walk = func(ss []*status.Section) {
			for _, s := range ss {
				pp.byLine[int32(s.Line)] = s // a line holds one heading
				walk(s.Sections)
			}
		}
		walk(p.Status.Sections)
	})
	// A section node is made from its section, with its line
	// (appendPageNodes).
	if n.Kind != plan.Section || n.Page != p.Content.Path {
		return nil
	}
	return pp.byLine[n.Line]
}

// itemAt is the item of page p that is node i.
func (m *Maker) itemAt(p *Page, i int) *status.Item {
	pp := m.plan.pages[p.Content.Path]
	if len(pp.items) == 0 {
		return &status.Item{}
	}
	// A page's items are consecutive nodes.
	if k := i - pp.items[0]; k >= 0 && k < len(pp.items) && pp.items[k] == i {
		return &p.Status.Items[k]
	}
	return &status.Item{}
}

// taskTitle is a task's heading without its id ("P4-2: Git Auth" → "Git
// Auth"), since the id is shown beside it.
func taskTitle(title, id string) string {
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(title), id))
	t = strings.TrimLeft(t, ":.)-–— ")
	if t == "" {
		return title
	}
	return t
}

// planView is the top of tracked page p: health, target, owner, Up next
// (waiting tasks apart). nil for a page without tracked items.
func (m *Maker) planView(p *Page) *render.Plan {
	if !p.Tracked || p.Status.Counts.Total() == 0 {
		return nil
	}
	pv := &render.Plan{Health: healthView(m.Health(p)), Target: p.Content.Target, Owner: p.Content.Owner}
	for _, n := range m.UpNext(p) {
		if n.Reason == plan.ReasonWaiting {
			pv.Waiting = append(pv.Waiting, n)
		} else {
			pv.Next = append(pv.Next, n)
		}
	}
	return pv
}

// firstNext is the first line of page p's Up next list that is not
// waiting, for a card: "In progress: Sync engine".
func (m *Maker) firstNext(p *Page) string {
	pp := m.plan.pages[p.Content.Path]
	if pp == nil {
		return ""
	}
	for _, e := range pp.next { // UpNext's entries, the first made only
		if e.Reason != plan.ReasonWaiting {
			n := m.nextItem(p, e)
			return n.ReasonLabel + ": " + n.Text
		}
	}
	return ""
}

// siteNowMax is how many lines the home page's "Now" block shows.
const siteNowMax = 10

// siteNow is the home page's list of what is moving across the site:
// every tracked page's work in progress, blocked and overdue, then the
// first ready task of each page, at most siteNowMax lines, with links
// relative to v.
func (m *Maker) siteNow(v *render.View) []render.NextItem {
	ranked := []string{plan.ReasonActive, plan.ReasonBlocked, plan.ReasonOverdue, plan.ReasonReadyToStart, plan.ReasonReady}
	const firstReady = 3 // ranks from here on are ready work: a page's first only
	rank := make(map[string]int, len(ranked))
	for r, reason := range ranked {
		rank[reason] = r
	}
	// The entries by rank, in page order, each rank's first siteNowMax
	// only: what a stable sort by rank of them all, cut to siteNowMax,
	// keeps (at 10k pages gathering them all took a third of the home page).
	byRank := make([][]render.NextItem, len(ranked))
	for _, p := range m.in.Pages {
		pp := m.plan.pages[p.Content.Path]
		if !p.Tracked || pp == nil {
			continue
		}
		readyTaken := false
		for _, e := range pp.next { // UpNext's entries, made only when shown
			r, ok := rank[e.Reason]
			if !ok || r >= firstReady && readyTaken {
				continue
			}
			readyTaken = readyTaken || r >= firstReady
			if len(byRank[r]) == siteNowMax {
				continue
			}
			n := m.nextItem(p, e)
			n.PageTitle = p.Title
			n.URL = v.Rel(p.Content.URL + n.URL)
			byRank[r] = append(byRank[r], n)
		}
	}
	var out []render.NextItem
	for _, entries := range byRank {
		out = append(out, entries[:min(len(entries), siteNowMax-len(out))]...)
	}
	return out
}

// waitsText says what an entry waits on, marking ids defined nowhere in
// the site.
func waitsText(waiting, external []string) string {
	ext := map[string]bool{}
	for _, id := range external {
		ext[id] = true
	}
	parts := make([]string, len(waiting))
	for i, id := range waiting {
		parts[i] = id
		if ext[id] {
			parts[i] += " (not in this site)"
		}
	}
	return strings.Join(parts, ", ")
}
