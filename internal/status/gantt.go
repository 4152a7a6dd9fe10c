package status

import (
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
	if string(n.Language(c.src)) != "mermaid" {
		return
	}
	lines := n.Lines()
	text := make([]string, lines.Len())
	for i := range text {
		seg := lines.At(i)
		text[i] = string(seg.Value(c.src))
	}
	tasks, ok := gantt.Parse(text)
	if !ok {
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
	}
}
