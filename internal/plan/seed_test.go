package plan

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
)

// seedPhase4 is the seed task list, when the shared tree is present.
const seedPhase4 = "../../../shared/seeds/content/tasks/phase 4.md"

// readTaskList reads a task list the simple way the seed is written:
// "#" headings make sections (their ids from attr.HeadingID), the other
// lines of a section give its fields (attr.ReadSection), and "- [ ]" /
// "- [x]" lines are its items. It stands in for package status, which
// will do this from the AST.
func readTaskList(page, src string) []Node {
	var nodes []Node
	var lines []attr.Line
	section := -1
	flush := func() {
		if section < 0 {
			return
		}
		f := attr.ReadSection(lines, nil)
		n := &nodes[section]
		n.Depends, n.DependsAll, n.DependsLine = f.Depends, f.DependsAll, int32(f.DependsLine)
		lines = nil
	}
	for i, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
			flush()
			title := strings.TrimSpace(strings.TrimLeft(line, "#"))
			id, _ := attr.HeadingID(title)
			section = len(nodes)
			nodes = append(nodes, Node{Kind: Section, Page: page, Line: int32(i + 1), Text: title, Work: &Work{ID: id}, Parent: -1})
		case strings.HasPrefix(line, "- [ ] "), strings.HasPrefix(line, "- [x] "):
			st := marker.Open
			if line[3] == 'x' {
				st = marker.Done
			}
			nodes = append(nodes, Node{Page: page, Line: int32(i + 1), Text: line[6:], Parent: int32(section), State: st, Work: &Work{}})
		default:
			lines = append(lines, attr.Line{Number: i + 1, Text: line})
		}
	}
	flush()
	return nodes
}

// TestSeedPhase4 reads the seed's tasks/phase 4.md with package attr and
// checks what issue #16 asks of it: P4-7 waits on P4-1 … P4-6, P4-2 on
// P4-1 and the external P2-2, and P1-7, P2-2 and P3-7 are external.
func TestSeedPhase4(t *testing.T) {
	src, err := os.ReadFile(seedPhase4)
	if os.IsNotExist(err) {
		t.Skip("no seed documents (../shared is absent)")
	}
	if err != nil {
		t.Fatal(err)
	}
	const page = "tasks/phase 4.md"
	p := Compute(readTaskList(page, string(src)), "2026-03-01")
	byID := map[string]Status{}
	for i, n := range p.Nodes {
		if n.ID != "" {
			byID[n.ID] = p.Status[i]
		}
	}
	want := map[string][]string{
		"P4-1": {"P1-7"},
		"P4-2": {"P4-1", "P2-2"},
		"P4-3": nil,
		"P4-4": nil,
		"P4-5": nil,
		"P4-6": {"P3-7"},
		"P4-7": {"P4-1", "P4-2", "P4-3", "P4-4", "P4-5", "P4-6"},
	}
	if len(byID) != len(want) {
		t.Errorf("ids %v, want P4-1 … P4-7", byID)
	}
	for id, w := range want {
		if got := byID[id].WaitingOn(); !reflect.DeepEqual(got, w) {
			t.Errorf("%s waits on %v, want %v", id, got, w)
		}
	}
	var external []string
	for _, w := range p.Warnings {
		if w.Kind != KindUnknownDependency {
			t.Errorf("unexpected warning %+v", w)
			continue
		}
		external = append(external, w.Message[strings.Index(w.Message, "on ")+3:strings.Index(w.Message, ",")])
	}
	if !reflect.DeepEqual(external, []string{"P1-7", "P2-2", "P3-7"}) {
		t.Errorf("external dependencies %v, want P1-7, P2-2, P3-7", external)
	}
	var next []string
	for _, e := range p.Next(page, 5) {
		next = append(next, p.Nodes[e.Node].ID+" "+e.Reason)
	}
	wantNext := []string{"P4-3 ready", "P4-4 ready", "P4-5 ready", "P4-1 waiting", "P4-2 waiting", "P4-6 waiting", "P4-7 waiting"}
	if !reflect.DeepEqual(next, wantNext) {
		t.Errorf("up next %v, want %v", next, wantNext)
	}
}
