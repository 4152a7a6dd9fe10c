package status

import (
	"slices"
	"strings"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/gantt"
	"github.com/milepost/milepost/internal/marker"
	"github.com/yuin/goldmark/ast"
)

// collectGantt appends the tasks of a Mermaid gantt chart (a ```mermaid
// block opening with `gantt`) to out: done and active as tagged, the
// others open; a task's first and last day are its start and due date, a
// done task's last day its done date, and crit is high priority. The
// chart's ids order its dates only: charts name their tasks a1, des2 …,
// which would meet another chart's across the site.
func (c *computer) collectGantt(n *ast.FencedCodeBlock, out *[]*found) {
	if string(n.Language(c.src)) != "mermaid" || c.underExample() {
		return
	}
	lines := n.Lines()
	text := make([]string, lines.Len())
	for i := range text {
		seg := lines.At(i)
		text[i] = string(seg.Value(c.src))
	}
	tasks, ok := gantt.Parse(text)
	if !ok || c.ganttHistory(tasks) {
		return
	}
	for _, t := range tasks {
		st := marker.Open
		switch {
		case t.Done:
			st = marker.Done
		case t.Active:
			st = marker.Active
		}
		if c.cur != nil && c.cur.scope && st != marker.Done {
			st = marker.Dropped
		}
		it := &found{offset: lines.At(t.Line).Start, node: n}
		it.State, it.Source, it.Text = st, SourceGantt, t.Name
		a := ItemAttrs{Start: t.Start, Due: t.End, Priority: attr.NoPriority}
		if t.Crit {
			a.Priority = attr.High
		}
		if st == marker.Done {
			it.Date, a.Due = t.End, ""
		}
		if !a.isZero() {
			it.keepAttrs(a)
		}
		*out = append(*out, it)
		c.gantt = true
	}
}

// ganttHistory reports whether a chart draws what already happened: no
// task is tagged done or active, and every one ended before the day the
// page is dated (Options.PageDate, a day: a postmortem's timeline, a
// schedule drawn again in a retrospective; a week's or a month's plan
// may chart its first days). Its tasks are no open work, overdue since.
func (c *computer) ganttHistory(tasks []gantt.Task) bool {
	if c.opts.PageDate == "" || !c.opts.PageDay {
		return false
	}
	for _, t := range tasks {
		if t.Done || t.Active || t.End == "" || t.End >= c.opts.PageDate {
			return false
		}
	}
	return len(tasks) > 0
}

// underExample reports whether the section being read, or one that holds
// it, the page's title too, shows how to write something rather than
// plans: "# How to draw a Gantt chart", "## Example", "## Syntax". (A
// template's section holds no items at all: collectBlock.)
func (c *computer) underExample() bool {
	for s := c.cur; s != nil; s = s.parent {
		if s.heading == nil {
			continue
		}
		w := " " + headingWords(s.bare) + " "
		for _, x := range []string{" example ", " examples ", " how to ", " syntax ", " tutorial ", " cheat sheet ", " cheatsheet "} {
			if strings.Contains(w, x) {
				return true
			}
		}
	}
	return false
}

// mergeGantt folds a chart's task into the item the page already lists by
// the same name (a table of workstreams beside a chart of them): the item
// takes the task's start and due date when it has none, and the task is
// no second item.
func (c *computer) mergeGantt(root *sectionNode) {
	if !c.gantt {
		return // most pages: no chart
	}
	named := map[string]*found{}
	walkSections(root, func(s *sectionNode) {
		for _, it := range s.items {
			if k := strings.ToLower(strings.TrimSpace(it.Text)); it.Source != SourceGantt && named[k] == nil {
				named[k] = it
			}
		}
	})
	dropItems(root, func(it *found) bool {
		if it.Source != SourceGantt {
			return false
		}
		same := named[strings.ToLower(strings.TrimSpace(it.Text))]
		if same == nil {
			return false
		}
		a, t := same.Attributes(), it.Attributes()
		if a.Start == "" && a.Due == "" && (t.Start != "" || t.Due != "") {
			a.Start, a.Due = t.Start, t.Due
			if same.State == marker.Done {
				a.Due = ""
				if same.Date == "" {
					same.Date = it.Date
				}
			}
			same.keepAttrs(a)
		}
		return true
	})
}

// walkSections calls f on s and every section under it, parents first.
func walkSections(s *sectionNode, f func(*sectionNode)) {
	f(s)
	for _, ch := range s.children {
		walkSections(ch, f)
	}
}

// dropItems removes from s and every section under it the items drop
// reports true for.
func dropItems(s *sectionNode, drop func(*found) bool) {
	walkSections(s, func(s *sectionNode) { s.items = slices.DeleteFunc(s.items, drop) })
}
