package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/fieldtest"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/sitetest"
)

var nodeLine = regexp.MustCompile(`^(.+?):(\d+) (.*?) "(.*)"$`)

// parseNodes reads the nodes file of a case, one node a line:
//
//	<page>:<line> item|section [key=value …] "text"
//
// with keys id, state (open, active, blocked, done, dropped), declared
// (the heading carries a marker), in (the line of the holding section on
// the same page), depends (a,b), all (a prefix), deps_line, due, priority,
// hours. Lines starting with # are notes.
func parseNodes(t *testing.T, src string) []Node {
	t.Helper()
	var nodes []Node
	sectionAt := map[string]int{} // "page:line" → index
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := nodeLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("bad node line %q", line)
		}
		n := Node{Page: m[1], Text: m[4], Parent: -1, Work: &Work{}}
		n.Line = atoi32(m[2])
		f := append([]string{"", ""}, strings.Fields(m[3])...)
		f[1] = f[2]
		f = append(f[:2], f[3:]...)
		if f[1] == "section" {
			n.Kind = Section
		}
		for _, kv := range f[2:] {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "id":
				n.ID = v
			case "state":
				st, ok := marker.ParseState(v)
				if !ok {
					t.Fatalf("bad state in %q", line)
				}
				n.State = st
			case "declared":
				n.Declared = true
			case "in":
				p, ok := sectionAt[n.Page+":"+v]
				if !ok {
					t.Fatalf("no section at %s:%s before %q", n.Page, v, line)
				}
				n.Parent = int32(p)
			case "depends":
				n.Depends = strings.Split(v, ",")
			case "all":
				n.DependsAll = v
			case "deps_line":
				n.DependsLine = atoi32(v)
			case "due":
				n.Due = v
			case "priority":
				n.Priority = int8(atoi32(v))
			case "hours":
				n.EstimateHours, _ = strconv.ParseFloat(v, 64)
			default:
				t.Fatalf("unknown key %q in %q", k, line)
			}
		}
		if n.Kind == Section {
			sectionAt[fmt.Sprintf("%s:%d", n.Page, n.Line)] = len(nodes)
		}
		nodes = append(nodes, n)
	}
	return nodes
}

// atoi32 reads a small number of a case, 0 when it is none.
func atoi32(s string) int32 {
	n, _ := strconv.Atoi(s)
	return int32(n)
}

// dumpPlan writes a plan as the cases hold it: every node's status, the
// warnings, each page's Up next list and the critical path.
func dumpPlan(p *Plan) string {
	var b strings.Builder
	var pages []string
	for i, n := range p.Nodes {
		if len(pages) == 0 || pages[len(pages)-1] != n.Page {
			pages = append(pages, n.Page)
		}
		st := p.Status[i]
		fmt.Fprintf(&b, "%s:%d %s", n.Page, n.Line, st.State)
		if n.ID != "" {
			fmt.Fprintf(&b, " %s", n.ID)
		}
		if len(st.WaitingOn()) > 0 {
			fmt.Fprintf(&b, " waiting_on=%s", strings.Join(st.WaitingOn(), ","))
		}
		if len(st.External()) > 0 {
			fmt.Fprintf(&b, " external=%s", strings.Join(st.External(), ","))
		}
		for _, f := range []struct {
			on   bool
			name string
		}{{st.Ready, "ready"}, {st.ReadyToStart, "ready_to_start"}, {st.Overdue, "overdue"}} {
			if f.on {
				b.WriteString(" " + f.name)
			}
		}
		b.WriteByte('\n')
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "warning %s:%d %s: %s\n", w.Page, w.Line, w.Kind, w.Message)
	}
	for _, page := range pages {
		for _, e := range p.Next(page, 5) {
			n := p.Nodes[e.Node]
			fmt.Fprintf(&b, "next %s:%d %s %q", n.Page, n.Line, e.Reason, n.Text)
			if w := p.Status[e.Node].WaitingOn(); e.Reason == ReasonWaiting {
				fmt.Fprintf(&b, " on %s", strings.Join(w, ","))
			}
			b.WriteByte('\n')
		}
	}
	if path, length, byHours := p.CriticalPath(); path != nil {
		var names []string
		for _, i := range path {
			names = append(names, name(p.Nodes[i]))
		}
		unit := "nodes"
		if byHours {
			unit = "hours"
		}
		fmt.Fprintf(&b, "critical path %s (%g %s)\n", strings.Join(names, " → "), length, unit)
	}
	return b.String()
}

// TestCases runs every testdata/*.txtar: a nodes file, a today file and
// the want dump. go test -update rewrites the wants (review the diff).
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := sitetest.Parse(data)
			files := map[string]string{}
			for _, f := range a.Files {
				files[f.Name] = string(f.Data)
			}
			p := Compute(parseNodes(t, files["nodes"]), strings.TrimSpace(files["today"]))
			got := dumpPlan(p)
			if *sitetest.Update {
				writeWant(t, file, a, got)
				return
			}
			if got != files["want"] {
				t.Errorf("%s:\n--- got\n%s--- want\n%s", file, got, files["want"])
			}
		})
	}
}

func writeWant(t *testing.T, file string, a *sitetest.Archive, want string) {
	var b strings.Builder
	b.WriteString(a.Comment)
	for _, f := range a.Files {
		if f.Name == "want" {
			continue
		}
		fmt.Fprintf(&b, "-- %s --\n%s", f.Name, f.Data)
	}
	fmt.Fprintf(&b, "-- want --\n%s", want)
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRanked: a person's work from several pages, in the order their page
// lists it: in progress, blocked, overdue (earliest first), ready (higher
// priority first), waiting, done; dropped work and plain headings left out.
func TestRanked(t *testing.T) {
	nodes := parseNodes(t, `
a.md:1 item id=x depends=y "Waiting on y"
a.md:2 item state=done "Finished"
a.md:3 item priority=1 "Low"
b.md:1 item id=y state=blocked "Blocked thing"
b.md:2 item due=2026-01-05 "Late"
b.md:3 item due=2026-01-02 "Later"
b.md:4 item priority=3 "High"
b.md:5 item state=active "Moving"
b.md:6 item state=dropped "Gone"
b.md:7 section "A heading"
`)
	p := Compute(nodes, "2026-02-01")
	all := make([]int, len(nodes))
	for i := range all {
		all[i] = i
	}
	var got []string
	for _, e := range p.Ranked(all) {
		got = append(got, e.Reason+" "+nodes[e.Node].Text)
	}
	want := []string{"active Moving", "blocked Blocked thing", "overdue Later", "overdue Late", "ready High", "ready Low", "waiting Waiting on y", "done Finished"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Ranked:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// PageNodes lists a page's nodes in order wherever they lie: a page met
// again after another page's nodes has both runs, and the other page's
// list is not touched by that.
func TestPageNodesAcrossRuns(t *testing.T) {
	nodes := parseNodes(t, `
a.md:1 item "A1"
a.md:2 item "A2"
b.md:1 item "B1"
a.md:3 item "A3"
b.md:2 item "B2"
c.md:1 item "C1"
`)
	p := Compute(nodes, "")
	for page, want := range map[string]string{"a.md": "[0 1 3]", "b.md": "[2 4]", "c.md": "[5]", "d.md": "[]"} {
		if got := fmt.Sprint(p.PageNodes(page)); got != want {
			t.Errorf("PageNodes(%s) = %s, want %s", page, got, want)
		}
	}
}

// CriticalPathAmong keeps to the nodes and edges it is given: a page's
// chain through another page's task, and not along an edge it leaves out.
func TestCriticalPathAmong(t *testing.T) {
	nodes := []Node{
		{Page: "a.md", Line: 1, Text: "A", Work: &Work{ID: "a"}, Parent: -1},
		{Page: "a.md", Line: 2, Text: "B", Work: &Work{ID: "b", Depends: []string{"a"}}, Parent: -1},
		{Page: "b.md", Line: 1, Text: "C", Work: &Work{ID: "c", Depends: []string{"b"}}, Parent: -1},
		{Page: "b.md", Line: 2, Text: "D", Work: &Work{ID: "d", Depends: []string{"c"}}, Parent: -1},
	}
	p := Compute(nodes, "")
	if path, n, _ := p.CriticalPath(); len(path) != 4 || n != 4 {
		t.Errorf("whole site: %v (%g)", path, n)
	}
	if path, _, _ := p.CriticalPathAmong([]int{0, 1, 2}, nil); len(path) != 3 || path[2] != 2 {
		t.Errorf("among a, b, c: %v", path)
	}
	onA := func(from, to int) bool { return nodes[from].Page == "a.md" || nodes[to].Page == "a.md" }
	if path, _, _ := p.CriticalPathAmong([]int{0, 1, 2, 3}, onA); len(path) != 3 || path[0] != 0 {
		t.Errorf("along page a's edges: %v, want a → b → c", path)
	}
}

// Works.Of gives a node the shared zero Work only when its Work is zero:
// a field it did not look at would be dropped from a node that has only
// that one. A Work it handed out keeps its value as more are handed out.
func TestWorksOfKeepsEveryField(t *testing.T) {
	var ws Works
	if ws.Of(Work{}) != noWork {
		t.Fatal("a zero Work is not the shared one")
	}
	fieldtest.EachChanged(t, Work{}, func(field string, w Work) {
		if ws.Of(w) == noWork {
			t.Errorf("a Work with only %s set became the shared zero one", field)
		}
	})
	first := ws.Of(Work{ID: "first"})
	for i := range 3 * worksBlock {
		ws.Of(Work{ID: fmt.Sprint(i)})
	}
	if first.ID != "first" {
		t.Errorf("a Work handed out changed to %q as more were handed out", first.ID)
	}
}
