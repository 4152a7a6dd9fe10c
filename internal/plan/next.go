package plan

import (
	"sort"

	"github.com/milepost/milepost/internal/marker"
)

// Reasons an entry is in a page's Up next list, as status.json names them.
const (
	ReasonActive       = "active"
	ReasonBlocked      = "blocked"
	ReasonOverdue      = "overdue"
	ReasonReadyToStart = "ready_to_start"
	ReasonReady        = "ready"
	ReasonWaiting      = "waiting"
)

// Entry is one line of a page's Up next list: the node's index and why it
// is listed.
type Entry struct {
	Node   int
	Reason string
}

// Next returns a page's Up next list: its tasks in progress, then
// everything blocked, then everything overdue (earliest due first), then
// the next ready tasks (at most ready of them; ready_to_start ones first,
// then by priority, due date and order), then the tasks waiting on others.
// Each node is listed once, for the first reason that applies.
//
// Tasks are the page's items outside any section with an id, and its
// sections with an id (such a section stands for the items it holds, its
// checklist); blocked and overdue items are listed wherever they are.
func (p *Plan) Next(page string, ready int) []Entry {
	var tasks []int
	all := p.PageNodes(page)
	for _, i := range all {
		if p.isTask(i) {
			tasks = append(tasks, i)
		}
	}
	listed := map[int]bool{}
	var out []Entry
	add := func(i int, reason string) {
		if !listed[i] {
			listed[i] = true
			out = append(out, Entry{i, reason})
		}
	}
	for _, i := range tasks {
		if p.Status[i].State == marker.Active {
			add(i, ReasonActive)
		}
	}
	for _, i := range all {
		if p.Status[i].State == marker.Blocked && p.counts(i) {
			add(i, ReasonBlocked)
		}
	}
	var overdue []int
	for _, i := range all {
		if p.Status[i].Overdue && p.counts(i) {
			overdue = append(overdue, i)
		}
	}
	sort.SliceStable(overdue, func(a, b int) bool { return p.Nodes[overdue[a]].Due < p.Nodes[overdue[b]].Due })
	for _, i := range overdue {
		add(i, ReasonOverdue)
	}
	var candidates []int
	for _, i := range tasks {
		if p.Status[i].Ready && !listed[i] {
			candidates = append(candidates, i)
		}
	}
	sort.SliceStable(candidates, func(a, b int) bool { return p.readyBefore(candidates[a], candidates[b]) })
	for k, i := range candidates {
		if k == ready {
			break
		}
		if p.Status[i].ReadyToStart {
			add(i, ReasonReadyToStart)
		} else {
			add(i, ReasonReady)
		}
	}
	for _, i := range tasks {
		if len(p.Status[i].WaitingOn()) > 0 && !finished(p.Status[i].State) {
			add(i, ReasonWaiting)
		}
	}
	return out
}

// isTask reports whether node i is a task of its page: a section with an
// id, or an item outside every section with an id.
func (p *Plan) isTask(i int) bool {
	n := p.Nodes[i]
	if n.Kind == Section {
		return n.ID != ""
	}
	for s := p.parent(i); s >= 0; s = p.parent(s) {
		if p.Nodes[s].ID != "" {
			return false
		}
	}
	return true
}

// counts reports whether node i is an item or a task section: sections
// without an id are headings, not work.
func (p *Plan) counts(i int) bool {
	return p.Nodes[i].Kind == Item || p.Nodes[i].ID != ""
}

// readyBefore orders ready tasks: ready_to_start first, then higher
// priority, then earlier due date (undated last), then document order.
func (p *Plan) readyBefore(a, b int) bool {
	sa, sb := p.Status[a], p.Status[b]
	if sa.ReadyToStart != sb.ReadyToStart {
		return sa.ReadyToStart
	}
	na, nb := p.Nodes[a], p.Nodes[b]
	if na.Priority != nb.Priority {
		return na.Priority > nb.Priority
	}
	if na.Due != nb.Due {
		return nb.Due == "" || na.Due != "" && na.Due < nb.Due
	}
	// Document order: on one page, by line (a page's sections are
	// numbered before its items); across pages, by node, in path order.
	if na.Page == nb.Page && na.Line != nb.Line {
		return na.Line < nb.Line
	}
	return a < b
}

// ReasonDone names finished work in a list of one person's work (Ranked).
const ReasonDone = "done"

// Ranked orders nodes from anywhere in the site, as a person's list of
// work reads them: in progress, blocked, overdue (earliest due first),
// ready (as Up next orders them), waiting, then done; each with the first
// reason that applies. Dropped nodes are left out, and so are sections
// without an id (headings, not work).
func (p *Plan) Ranked(nodes []int) []Entry {
	rank := map[string]int{ReasonActive: 0, ReasonBlocked: 1, ReasonOverdue: 2, ReasonReadyToStart: 3, ReasonReady: 3, ReasonWaiting: 4, ReasonDone: 5}
	var out []Entry
	for _, i := range nodes {
		if !p.counts(i) || p.Status[i].State == marker.Dropped {
			continue
		}
		out = append(out, Entry{i, p.reason(i)})
	}
	sort.SliceStable(out, func(a, b int) bool {
		ea, eb := out[a], out[b]
		if rank[ea.Reason] != rank[eb.Reason] {
			return rank[ea.Reason] < rank[eb.Reason]
		}
		switch ea.Reason {
		case ReasonOverdue:
			return p.Nodes[ea.Node].Due < p.Nodes[eb.Node].Due
		case ReasonReady, ReasonReadyToStart:
			return p.readyBefore(ea.Node, eb.Node)
		}
		return false
	})
	return out
}

// reason is why node i is in a list of work: the first of its states
// that applies, in Next's order.
func (p *Plan) reason(i int) string {
	st := p.Status[i]
	switch {
	case finished(st.State):
		return ReasonDone
	case st.State == marker.Active:
		return ReasonActive
	case st.State == marker.Blocked:
		return ReasonBlocked
	case st.Overdue:
		return ReasonOverdue
	case st.ReadyToStart:
		return ReasonReadyToStart
	case st.Ready:
		return ReasonReady
	}
	return ReasonWaiting
}
