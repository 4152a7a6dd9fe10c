package plan

import (
	"fmt"
	"strings"

	"github.com/milepost/milepost/internal/marker"
)

// Kind says whether a node is an item or a section.
type Kind uint8

const (
	Item Kind = iota
	Section
)

// Node is one item or section as the plan sees it. The plan holds one per
// item and section of the site for a whole build, so its fields are
// ordered, and its numbers sized, to keep it small, and what few nodes
// have (an id, dependencies, a due date, an estimate) is behind a
// pointer.
type Node struct {
	Page string // the page's path as a user would type it, for warnings and "All <prefix> tasks"
	Text string // the item's text or the section's title, for messages

	// Work is read through the node (n.ID, n.Due) and never written
	// through it: nodes with none share one zero Work (Works.Of). Compute
	// gives a node made without one the shared zero Work.
	*Work

	Line        int32
	DependsLine int32 // the line the dependencies were written on; 0 means Line
	Parent      int32 // index of the section holding this node, -1 for the page itself; less than the node's own index

	// State is the node's state. A section's state is derived from its
	// items when it has an id and Declared is false (its heading carries
	// no marker).
	State    marker.State
	Kind     Kind
	Declared bool
	Priority int8 // higher is more urgent; 0 for none (attr.Priority fits)
}

// Work is what a node says about the work it stands for.
type Work struct {
	ID            string
	Depends       []string
	DependsAll    string  // "All P4 tasks": every id on the same page with this prefix and a dash, but the node's own
	Due           string  // YYYY-MM-DD or ""
	EstimateHours float64 // 0 for none
}

// noWork is the Work of every node that has none.
var noWork = &Work{}

// Works hands out the Work values of a plan's nodes from blocks of
// worksBlock, so a site's tens of thousands of them are a few
// allocations, not one each. Its zero value is ready to use.
type Works struct{ block []Work }

// worksBlock is how many Work values one block holds.
const worksBlock = 1024

// Of returns w for a node to hold: the shared zero Work when w is zero,
// else a copy in the current block. A Work handed out never moves.
func (ws *Works) Of(w Work) *Work {
	if w.ID == "" && len(w.Depends) == 0 && w.DependsAll == "" && w.Due == "" && w.EstimateHours == 0 {
		return noWork
	}
	if len(ws.block) == cap(ws.block) {
		ws.block = make([]Work, 0, worksBlock)
	}
	ws.block = append(ws.block, w)
	return &ws.block[len(ws.block)-1]
}

// Status is what the plan says about one node. The plan holds one per
// node; what few nodes have (ids waited on) is behind a pointer.
type Status struct {
	State marker.State // the node's state, derived for task sections
	// Ready: open and not waiting. ReadyToStart: ready, and it had at
	// least one dependency (its own or a section's), now all met.
	Ready, ReadyToStart bool
	Overdue             bool // due before the build date and not done or dropped
	waits               *waits
}

// waits are the ids a node waits on; nil when it waits on none.
type waits struct {
	waitingOn []string
	external  []string
}

// WaitingOn are the ids of the node's dependencies, its own and its
// sections', not done or dropped.
func (s Status) WaitingOn() []string {
	if s.waits == nil {
		return nil
	}
	return s.waits.waitingOn
}

// External are the node's own dependencies defined nowhere in the site.
func (s Status) External() []string {
	if s.waits == nil {
		return nil
	}
	return s.waits.external
}

func (s *Status) addExternal(id string) {
	if s.waits == nil {
		s.waits = &waits{}
	}
	s.waits.external = append(s.waits.external, id)
}

func (s *Status) setWaitingOn(ids []string) {
	if len(ids) == 0 {
		if s.waits != nil {
			s.waits.waitingOn = nil
		}
		return
	}
	if s.waits == nil {
		s.waits = &waits{}
	}
	s.waits.waitingOn = ids
}

// Warning is a problem with the plan, at a page's line. Kind is one of the
// Kind* names.
type Warning struct {
	Kind    string
	Page    string
	Line    int
	Message string
}

// Warning kinds, as status.json and `milepost check --fail-on` name them.
const (
	KindUnknownDependency = "unknown-dependency"
	KindDuplicateID       = "duplicate-id"
	KindDependencyCycle   = "dependency-cycle"
)

// Plan is the computed plan of a site.
type Plan struct {
	Nodes    []Node
	Status   []Status // parallel to Nodes
	Warnings []Warning
	byID     map[string]int
	byPage   map[string][]int // the nodes of each page, in order
	// depList holds the resolved dependencies of every node (own and
	// "All" ones), in order, node after node: node i's are
	// depList[depStart[i]:depStart[i+1]]. Most nodes have none, so one
	// list for all keeps a slice header per node out of the heap.
	depList  []int
	depStart []int32
	cycle    []int32 // the number of the cycle each node is in, -1 for none (findCycles)
}

// Compute works out the plan of nodes on the build date today
// (YYYY-MM-DD; "" turns overdue off).
func Compute(nodes []Node, today string) *Plan {
	for i := range nodes {
		if nodes[i].Work == nil {
			nodes[i].Work = noWork
		}
	}
	p := &Plan{Nodes: nodes, Status: make([]Status, len(nodes)), byID: map[string]int{}, byPage: map[string][]int{}, depStart: make([]int32, len(nodes)+1)}
	p.index()
	p.deriveSections()
	p.resolve()
	p.wait(today)
	p.findCycles()
	return p
}

// parent returns the holding section of node i, or -1.
func (p *Plan) parent(i int) int {
	if q := int(p.Nodes[i].Parent); q >= 0 && q < i {
		return q
	}
	return -1
}

// index maps pages to their nodes and ids to their first definition,
// and warns of the other definitions.
func (p *Plan) index() {
	// A page's nodes usually come one after another: each run of them is
	// a slice of one array of every index. A page met again in a later run
	// gets the run appended, which copies (each slice's capacity ends
	// with it).
	every := make([]int, len(p.Nodes))
	for i := range every {
		every[i] = i
	}
	for start := 0; start < len(p.Nodes); {
		end := start + 1
		for end < len(p.Nodes) && p.Nodes[end].Page == p.Nodes[start].Page {
			end++
		}
		page := p.Nodes[start].Page
		if seen, ok := p.byPage[page]; ok {
			p.byPage[page] = append(seen, every[start:end]...)
		} else {
			p.byPage[page] = every[start:end:end]
		}
		start = end
	}
	for i, n := range p.Nodes {
		if n.ID == "" {
			continue
		}
		if first, ok := p.byID[n.ID]; ok {
			f := p.Nodes[first]
			p.warn(i, n.Line, KindDuplicateID, fmt.Sprintf("id %s is also defined at %s:%d", n.ID, f.Page, f.Line))
			continue
		}
		p.byID[n.ID] = i
	}
}

// PageNodes are the nodes of page, in order. The caller must not change
// the slice.
func (p *Plan) PageNodes(page string) []int { return p.byPage[page] }

// Deps are the nodes node i depends on, resolved (its own and "All"
// ones; ids defined nowhere are in Status.External), in order. The caller
// must not change the slice.
func (p *Plan) Deps(i int) []int { return p.depList[p.depStart[i]:p.depStart[i+1]:p.depStart[i+1]] }

func (p *Plan) warn(i int, line int32, kind, msg string) {
	p.Warnings = append(p.Warnings, Warning{Kind: kind, Page: p.Nodes[i].Page, Line: int(line), Message: msg})
}

// deriveSections sets the state of every section with an id and no
// marker of its own from the items it holds at any depth: done when all
// are done or dropped, active when any is done or active, else open.
func (p *Plan) deriveSections() {
	type tally struct{ items, finished, started int }
	t := make([]tally, len(p.Nodes))
	for i, n := range p.Nodes {
		p.Status[i].State = n.State
		if n.Kind != Item {
			continue
		}
		for s := p.parent(i); s >= 0; s = p.parent(s) {
			t[s].items++
			switch n.State {
			case marker.Done:
				t[s].finished++
				t[s].started++
			case marker.Dropped:
				t[s].finished++
			case marker.Active:
				t[s].started++
			}
		}
	}
	for i, n := range p.Nodes {
		if n.Kind != Section || n.ID == "" || n.Declared || t[i].items == 0 {
			continue
		}
		switch {
		case t[i].finished == t[i].items:
			p.Status[i].State = marker.Done
		case t[i].started > 0:
			p.Status[i].State = marker.Active
		default:
			p.Status[i].State = marker.Open
		}
	}
}

// resolve turns each node's dependencies into node indices, expanding
// "All <prefix> tasks", and warns of ids defined nowhere.
func (p *Plan) resolve() {
	pageIDs := map[string][]int{}
	for i, n := range p.Nodes {
		if n.ID != "" && p.byID[n.ID] == i {
			pageIDs[n.Page] = append(pageIDs[n.Page], i)
		}
	}
	for i, n := range p.Nodes {
		p.depStart[i] = int32(len(p.depList))
		line := n.DependsLine
		if line == 0 {
			line = n.Line
		}
		seen := map[string]bool{}
		for _, id := range n.Depends {
			if seen[id] {
				continue
			}
			seen[id] = true
			if j, ok := p.byID[id]; ok {
				p.depList = append(p.depList, j)
				continue
			}
			p.Status[i].addExternal(id)
			p.warn(i, line, KindUnknownDependency, fmt.Sprintf("%s depends on %s, which is defined nowhere in the site", name(n), id))
		}
		if n.DependsAll != "" {
			prefix := strings.TrimSuffix(n.DependsAll, "-") + "-"
			for _, j := range pageIDs[n.Page] {
				if id := p.Nodes[j].ID; j != i && strings.HasPrefix(id, prefix) && !seen[id] {
					seen[id] = true
					p.depList = append(p.depList, j)
				}
			}
		}
	}
	p.depStart[len(p.Nodes)] = int32(len(p.depList))
}

// name is how messages name a node: its id, else its text.
func name(n Node) string {
	if n.ID != "" {
		return n.ID
	}
	return fmt.Sprintf("%q", n.Text)
}

func finished(s marker.State) bool { return s == marker.Done || s == marker.Dropped }

// wait sets waiting_on, ready, ready_to_start and overdue. A node inherits
// what its sections wait on; done and dropped nodes wait on nothing, and
// sections without an id (headings, not tasks) get none of these.
func (p *Plan) wait(today string) {
	hadDeps := make([]bool, len(p.Nodes))
	inherited := make([][]string, len(p.Nodes)) // what node i and its sections wait on
	for i, n := range p.Nodes {
		st := &p.Status[i]
		var waiting []string
		if s := p.parent(i); s >= 0 {
			hadDeps[i] = hadDeps[s]
			waiting = append(waiting, inherited[s]...)
		}
		hadDeps[i] = hadDeps[i] || len(p.Deps(i)) > 0 || len(st.External()) > 0
		for _, j := range p.Deps(i) {
			if !finished(p.Status[j].State) {
				waiting = appendNew(waiting, p.Nodes[j].ID)
			}
		}
		waiting = appendNew(waiting, st.External()...)
		inherited[i] = waiting
		if finished(st.State) || n.Kind == Section && n.ID == "" {
			continue // done work waits on nothing; a heading without an id is not work
		}
		st.setWaitingOn(waiting)
		st.Ready = st.State == marker.Open && len(waiting) == 0
		st.ReadyToStart = st.Ready && hadDeps[i]
		st.Overdue = today != "" && n.Due != "" && n.Due < today
	}
}

// appendNew appends the ids list does not hold yet.
func appendNew(list []string, ids ...string) []string {
next:
	for _, id := range ids {
		for _, have := range list {
			if have == id {
				continue next
			}
		}
		list = append(list, id)
	}
	return list
}
