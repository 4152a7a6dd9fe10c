package timeline

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestLayoutKeepsEverythingInItsBox lays out the golden cases and many
// generated timelines (spans of days to years, long and wide labels,
// targets, forecasts, today inside and outside) and checks the layout's
// promises: rows follow one another without overlapping; a row's label
// stays in the label column of its row and its marks in the plot and the
// row; axis labels stay above the rows, in the plot, apart; marker labels
// stay below the rows, in the drawing, apart.
func TestLayoutKeepsEverythingInItsBox(t *testing.T) {
	var inputs []Input
	for _, name := range []string{"dated-items", "section-span", "target-forecast", "overdue", "done-long-ago"} {
		inputs = append(inputs, readInput(t, "testdata/"+name+".txtar"))
	}
	r := rand.New(rand.NewSource(18))
	for i := 0; i < 300; i++ {
		inputs = append(inputs, randomInput(r))
	}
	for i, in := range inputs {
		lines, _ := linesOf(in.Rows)
		if len(lines) == 0 {
			continue
		}
		l := layOut(in, lines)
		for _, p := range layoutProblems(l) {
			t.Errorf("input %d: %s\n%+v", i, p, in)
		}
	}
}

func layoutProblems(l *layout) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	plot := box{plotX0, l.plotTop, plotX1, l.plotY1}
	for i, r := range l.rows {
		if i > 0 && r.row.overlaps(l.rows[i-1].row) {
			bad("row %d overlaps row %d", i, i-1)
		}
		if r.row.y0 < l.plotTop || r.row.y1 > l.plotY1 {
			bad("row %d leaves the rows' band", i)
		}
		labelBox := box{labelX, r.row.y0, labelRight, r.row.y1}
		if !r.label.box.inside(labelBox) {
			bad("row %d's label %q (%v) leaves its box %v", i, r.label.text, r.label.box, labelBox)
		}
		if !r.bar.inside(box{plot.x0, r.row.y0, plot.x1, r.row.y1}) {
			bad("row %d's bar %v leaves its row %v or the plot", i, r.bar, r.row)
		}
		if r.late != nil && !r.late.inside(box{plot.x0, r.row.y0, plot.x1, r.row.y1}) {
			bad("row %d's overdue run %v leaves its row or the plot", i, *r.late)
		}
	}
	var axis []box
	for _, tk := range l.ticks {
		if tk.x < plot.x0 || tk.x > plot.x1 {
			bad("tick at %v outside the plot", tk.x)
		}
		if tk.label == nil {
			continue
		}
		b := tk.label.box
		if b.x0 < plot.x0 || b.x1 > plot.x1 || b.y0 < 0 || b.y1 > l.plotTop {
			bad("axis label %q (%v) leaves the axis", tk.label.text, b)
		}
		axis = append(axis, b)
	}
	var marks []box
	for _, m := range l.markers {
		if m.x < plot.x0 || m.x > plot.x1 {
			bad("marker %s at %v outside the plot", m.class, m.x)
		}
		b := m.label.box
		if b.x0 < 0 || b.x1 > width || b.y0 < l.plotY1 || b.y1 > l.height {
			bad("marker label %q (%v) leaves the drawing below the rows", m.label.text, b)
		}
		if m.band != nil && !m.band.inside(plot) {
			bad("forecast band %v leaves the plot", *m.band)
		}
		marks = append(marks, b)
	}
	for _, group := range [][]box{axis, marks} {
		for i := range group {
			for j := i + 1; j < len(group); j++ {
				if group[i].overlaps(group[j]) {
					bad("labels %v and %v overlap", group[i], group[j])
				}
			}
		}
	}
	return out
}

// randomInput is a timeline of up to 50 rows over a span of a day to
// three years.
func randomInput(r *rand.Rand) Input {
	base := day(20400 + r.Intn(800))
	span := []int{1, 5, 20, 70, 200, 700, 1100}[r.Intn(7)]
	date := func() string {
		if r.Intn(6) == 0 {
			return ""
		}
		return (base + day(r.Intn(span+1))).String()
	}
	words := []string{"Sync", "engine", "WWWWWWWW", "im", "Ship the 🚀 launch", "配置同步", "API", "a-very-long-token-without-spaces-at-all"}
	label := func() string {
		var b strings.Builder
		for n := 1 + r.Intn(6); n > 0; n-- {
			b.WriteString(words[r.Intn(len(words))] + " ")
		}
		return strings.TrimSpace(b.String())
	}
	states := []State{Done, Active, Open, Blocked, Overdue}
	var in Input
	for n := r.Intn(20); n >= 0; n-- {
		row := Row{Label: label(), URL: "#x", Start: date(), Due: date(), Done: date(), State: states[r.Intn(len(states))]}
		for k := r.Intn(4); k > 0; k-- {
			row.Rows = append(row.Rows, Row{Label: label(), Start: date(), Due: date(), State: states[r.Intn(len(states))]})
		}
		in.Rows = append(in.Rows, row)
	}
	if r.Intn(2) == 0 {
		in.Today = (base + day(r.Intn(span*2+1)) - day(span/2)).String()
	}
	if r.Intn(2) == 0 {
		in.Target = date()
	}
	if r.Intn(3) == 0 {
		in.Forecast = &Forecast{Date: date(), Earliest: date(), Latest: date()}
	}
	return in
}
