package depgraph

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

// fields splits a line at spaces, keeping "quoted strings" (and
// key="quoted strings") whole and unquoted.
func fields(t *testing.T, line string) []string {
	var out []string
	for line = strings.TrimSpace(line); line != ""; line = strings.TrimSpace(line) {
		end := strings.IndexByte(line, ' ')
		if q := strings.IndexByte(line, '"'); q >= 0 && (end < 0 || q < end) {
			close := q + 1
			for close < len(line) && line[close] != '"' {
				close++
			}
			s, err := strconv.Unquote(line[q : close+1])
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			out = append(out, line[:q]+s)
			line = line[close+1:]
			continue
		}
		if end < 0 {
			end = len(line)
		}
		out = append(out, line[:end])
		line = line[end:]
	}
	return out
}

// parseGraph reads a graph written as lines:
//
//	node ID STATE "TITLE" [HREF] [page="PAGE"] [missing]   (ID or STATE "-" for none)
//	edge FROM TO                                          (by id, else title)
//	critical NAME…
func parseGraph(t *testing.T, src string) Graph {
	var g Graph
	byName := map[string]int{}
	for _, line := range strings.Split(src, "\n") {
		f := fields(t, line)
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "node":
			n := Node{ID: f[1], State: f[2], Title: f[3]}
			if n.ID == "-" {
				n.ID = ""
			}
			if n.State == "-" {
				n.State = ""
			}
			for _, x := range f[4:] {
				switch {
				case x == "missing":
					n.Missing = true
				case strings.HasPrefix(x, "page="):
					n.Page = x[5:]
				default:
					n.Href = x
				}
			}
			byName[n.Name()] = len(g.Nodes)
			g.Nodes = append(g.Nodes, n)
		case "edge":
			a, ok1 := byName[f[1]]
			b, ok2 := byName[f[2]]
			if !ok1 || !ok2 {
				t.Fatalf("edge %q: unknown node", line)
			}
			g.Edges = append(g.Edges, Edge{a, b})
		case "critical":
			for _, name := range f[1:] {
				g.Critical = append(g.Critical, byName[name])
			}
		default:
			t.Fatalf("bad line %q", line)
		}
	}
	return g
}

// TestGolden draws every testdata/*.txtar graph and compares the SVG and
// the list with testdata/<name>.golden (go test -update rewrites them).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) < 4 {
		t.Fatalf("want the chain, diamond, cycle and cross-page cases, have %v", files)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			a := sitetest.Load(t, file)
			src, _ := a.Get("graph")
			g := parseGraph(t, string(src))
			l := Lay(g)
			checkLayout(t, g, l)
			svg := SVG(g, l, "Dependency graph: "+name)
			if again := SVG(g, Lay(g), "Dependency graph: "+name); again != svg {
				t.Errorf("two layouts of one graph differ")
			}
			out := fmt.Sprintf("%s\n\n%s\n\nranks %v, crossings %d, %gx%g\n", svg, List(g, l), l.Rank, l.Crossings, l.Width, l.Height)
			sitetest.Golden(t, filepath.Join("testdata", name+".golden"), []byte(out))
		})
	}
}

// checkLayout checks what every drawing must hold: no two boxes overlap,
// every label fits its box, an edge runs from a box's side to another's,
// and every edge not closing a cycle goes to a later rank.
func checkLayout(t *testing.T, g Graph, l Layout) {
	t.Helper()
	for i := range l.Boxes {
		for j := i + 1; j < len(l.Boxes); j++ {
			if l.Boxes[i].Overlaps(l.Boxes[j]) {
				t.Errorf("boxes of %s and %s overlap: %v %v", g.Nodes[i].Name(), g.Nodes[j].Name(), l.Boxes[i], l.Boxes[j])
			}
		}
		b := l.Boxes[i]
		if b.X < 0 || b.Y < 0 || b.X+b.W > l.Width || b.Y+b.H > l.Height {
			t.Errorf("box of %s %v is outside the drawing %gx%g", g.Nodes[i].Name(), b, l.Width, l.Height)
		}
		first, second, bold := Labels(g.Nodes[i])
		if w := TextLen(first, bold); pad+w > b.W-pad {
			t.Errorf("label %q of %s is %g px wide, the box has room for %g", first, g.Nodes[i].Name(), w, TextWidth)
		}
		if w := TextLen(second, false); pad+w > b.W-pad {
			t.Errorf("label %q of %s is %g px wide, the box has room for %g", second, g.Nodes[i].Name(), w, TextWidth)
		}
		if line1-fontSize < 0 || line2+fontSize/3 > b.H {
			t.Errorf("text lines leave the box vertically")
		}
	}
	for _, r := range l.Routes {
		if !r.Reversed && l.Rank[r.Edge.To] <= l.Rank[r.Edge.From] {
			t.Errorf("edge %s → %s does not go right: ranks %d, %d", g.Nodes[r.Edge.From].Name(), g.Nodes[r.Edge.To].Name(), l.Rank[r.Edge.From], l.Rank[r.Edge.To])
		}
	}
}

// generated is a graph of items with edges chosen at random (seeded):
// from an earlier item to a later one, and a few back, which make cycles.
func generated(items, edges int, seed int64) Graph {
	rng := rand.New(rand.NewSource(seed))
	var g Graph
	states := []string{"done", "active", "blocked", "open", "open", "dropped"}
	words := []string{"sync", "engine", "login", "page", "migration", "of", "the", "database", "schema", "Überprüfung", "WWWWWWWW", "🚀", "release", "notes"}
	for i := 0; i < items; i++ {
		var title []string
		for k := 0; k < 1+rng.Intn(9); k++ {
			title = append(title, words[rng.Intn(len(words))])
		}
		n := Node{ID: fmt.Sprintf("G-%d", i+1), State: states[rng.Intn(len(states))], Title: strings.Join(title, " "), Href: fmt.Sprintf("#g-%d", i+1)}
		if i%10 == 3 {
			n.ID = ""
		}
		if i%17 == 5 {
			n.Page = "Another page with a long title"
		}
		g.Nodes = append(g.Nodes, n)
	}
	seen := map[Edge]bool{}
	for len(seen) < edges {
		a, b := rng.Intn(items), rng.Intn(items)
		if a == b {
			continue
		}
		if a > b && rng.Intn(20) != 0 {
			a, b = b, a
		}
		e := Edge{a, b}
		if !seen[e] {
			seen[e] = true
			g.Edges = append(g.Edges, e)
		}
	}
	return g
}

// TestGeneratedLayout lays out 100 items with 150 edges (and a few
// cycles): no boxes overlap, every label fits, and the output is the same
// every time.
func TestGeneratedLayout(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		g := generated(100, 150, seed)
		l := Lay(g)
		checkLayout(t, g, l)
		if len(l.Routes) != 150 {
			t.Errorf("seed %d: %d routes, want 150", seed, len(l.Routes))
		}
		if a, b := SVG(g, l, "x"), SVG(g, Lay(g), "x"); a != b {
			t.Errorf("seed %d: layout is not deterministic", seed)
		}
		if len(l.Order) != 100 {
			t.Errorf("seed %d: order has %d nodes", seed, len(l.Order))
		}
	}
}

// TestBarycentreReducesCrossings: two ranks given in an order that
// crosses every edge come out with none.
func TestBarycentreReducesCrossings(t *testing.T) {
	g := Graph{}
	for i := 0; i < 8; i++ {
		g.Nodes = append(g.Nodes, Node{ID: fmt.Sprintf("N-%d", i)})
	}
	for i := 0; i < 4; i++ {
		g.Edges = append(g.Edges, Edge{i, 7 - i})
	}
	if l := Lay(g); l.Crossings != 0 {
		t.Errorf("crossings %d, want 0 (order %v)", l.Crossings, l.Order)
	}
}

func TestFit(t *testing.T) {
	long := strings.Repeat("W", 60)
	if got := fit(long, TextWidth, true); TextLen(got, true) > TextWidth || !strings.HasSuffix(got, ellipsis) {
		t.Errorf("fit(%q) = %q, %g px", long, got, TextLen(got, true))
	}
	if got := fit("Ship it", TextWidth, false); got != "Ship it" {
		t.Errorf("short text changed: %q", got)
	}
	a, b := wrap2("Write the migration notes for self-hosted users and their admins", TextWidth)
	if a == "" || b == "" || TextLen(a, false) > TextWidth || TextLen(b, false) > TextWidth {
		t.Errorf("wrap2: %q / %q", a, b)
	}
}
