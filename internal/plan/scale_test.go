package plan

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/marker"
)

// randomSite makes a site of n items on n/50 pages, each depending on up
// to three others anywhere (so with many cycles and cross-page edges).
func randomSite(n int, seed int64) []Node {
	rng := rand.New(rand.NewSource(seed))
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{Page: fmt.Sprintf("p%d.md", i/50), Line: int32(i%50 + 1), Parent: -1, State: marker.State(rng.Intn(5)),
			Work: &Work{ID: fmt.Sprintf("t%d", i), EstimateHours: float64(rng.Intn(8))}}
		for k := rng.Intn(4); k > 0; k-- {
			nodes[i].Depends = append(nodes[i].Depends, fmt.Sprintf("t%d", rng.Intn(n+n/10))) // some unknown
		}
	}
	return nodes
}

// TestLargeRandomSite checks the plan of a large tangled site: it ends
// quickly (no pass loops on a cycle), every waiting id is a dependency,
// and the critical path follows dependency edges between unfinished
// nodes.
func TestLargeRandomSite(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 5000
	}
	nodes := randomSite(n, 1)
	start := time.Now()
	p := Compute(nodes, "2026-03-01")
	path, _, _ := p.CriticalPath()
	for page := 0; page < n/50; page++ {
		p.Next(fmt.Sprintf("p%d.md", page), 5)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("plan of %d nodes took %v", n, d)
	}
	cycles := 0
	for _, w := range p.Warnings {
		if w.Kind == KindDependencyCycle {
			cycles++
		}
	}
	if cycles == 0 {
		t.Error("a random site this dense should hold a cycle")
	}
	for i, st := range p.Status {
		for _, id := range st.WaitingOn() {
			if !containsString(nodes[i].Depends, id) {
				t.Fatalf("node %d waits on %s, not one of its dependencies %v", i, id, nodes[i].Depends)
			}
		}
		if st.Ready && (len(st.WaitingOn()) > 0 || st.State != marker.Open) {
			t.Fatalf("node %d ready while %v, waiting on %v", i, st.State, st.WaitingOn())
		}
	}
	for k := 1; k < len(path); k++ {
		a, b := path[k-1], path[k]
		if !containsString(nodes[b].Depends, nodes[a].ID) || finished(p.Status[a].State) || finished(p.Status[b].State) {
			t.Fatalf("critical path step %s → %s is not an unfinished dependency", nodes[a].ID, nodes[b].ID)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func BenchmarkCompute(b *testing.B) {
	nodes := randomSite(10000, 2)
	for b.Loop() {
		Compute(nodes, "2026-03-01").CriticalPath()
	}
}
