package gantt

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

// TestCharts reads each chart of testdata/charts.txtar (NAME.mmd) and
// compares its tasks with NAME.want; -update rewrites the wants.
func TestCharts(t *testing.T) {
	path := filepath.Join("testdata", "charts.txtar")
	a := sitetest.Load(t, path)
	for _, f := range a.Files {
		name, ok := strings.CutSuffix(f.Name, ".mmd")
		if !ok {
			continue
		}
		got := dump(strings.Split(string(f.Data), "\n"))
		if *sitetest.Update {
			a.Set(name+".want", []byte(got))
			continue
		}
		want, _ := a.Get(name + ".want")
		if got != string(want) {
			t.Errorf("%s:\ngot:\n%swant:\n%s", name, got, want)
		}
	}
	if *sitetest.Update {
		if err := os.WriteFile(path, a.Format(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dump prints what Parse read of lines, a task a line.
func dump(lines []string) string {
	tasks, ok := Parse(lines)
	if !ok {
		return "not a gantt chart\n"
	}
	var b strings.Builder
	for _, t := range tasks {
		fmt.Fprintf(&b, "%d %q", t.Line, t.Name)
		for _, tag := range []struct {
			on   bool
			name string
		}{{t.Done, "done"}, {t.Active, "active"}, {t.Crit, "crit"}, {t.Milestone, "milestone"}} {
			if tag.on {
				b.WriteString(" " + tag.name)
			}
		}
		if t.ID != "" {
			b.WriteString(" id=" + t.ID)
		}
		fmt.Fprintf(&b, " %s..%s\n", orNone(t.Start), orNone(t.End))
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// FuzzParse holds Parse to what it promises whatever the chart: no panic,
// every task on a line of the chart, and a first day never after the last.
func FuzzParse(f *testing.F) {
	a := sitetest.Load(f, filepath.Join("testdata", "charts.txtar"))
	for _, file := range a.Files {
		f.Add(string(file.Data))
	}
	f.Fuzz(func(t *testing.T, chart string) {
		lines := strings.Split(chart, "\n")
		tasks, _ := Parse(lines)
		for _, task := range tasks {
			if task.Line < 0 || task.Line >= len(lines) {
				t.Fatalf("task %q on line %d of %d", task.Name, task.Line, len(lines))
			}
			if (task.Start == "") != (task.End == "") || task.End < task.Start {
				t.Fatalf("task %q from %q to %q", task.Name, task.Start, task.End)
			}
		}
	})
}
