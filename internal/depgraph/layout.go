package depgraph

import "sort"

// Sizes, in SVG user units (CSS pixels at natural size).
const (
	BoxW      = 168.0 // a node's box
	BoxH      = 40.0
	gapX      = 56.0 // between ranks
	gapY      = 14.0 // between boxes of a rank
	dummyH    = 6.0  // the slot of an edge passing through a rank
	margin    = 4.0  // around the drawing
	cycleDrop = 6.0  // how much lower an edge closing a cycle runs
	sweeps    = 12   // barycentre sweeps at most (each one down and one up)
	settles   = 4    // passes that pull ranks towards their neighbours
)

// Point is a point of the drawing.
type Point struct{ X, Y float64 }

// Box is a node's box: its top left corner and size.
type Box struct{ X, Y, W, H float64 }

// Overlaps reports whether b and c share more than an edge. The drawing
// never lets two boxes overlap; the tests of this package and of the
// site's drawn graphs check it.
func (b Box) Overlaps(c Box) bool {
	return b.X < c.X+c.W && c.X < b.X+b.W && b.Y < c.Y+c.H && c.Y < b.Y+b.H
}

// Route is how one edge is drawn: from its prerequisite to its dependent.
type Route struct {
	Edge   Edge
	Points []Point // the ends on the two boxes, and two points through each rank it passes
	// Reversed: the edge closed a cycle, and was laid out the other way
	// round to break it; it is drawn as a cycle.
	Reversed bool
}

// Layout is where everything of a Graph is drawn.
type Layout struct {
	Boxes  []Box // parallel to Graph.Nodes
	Rank   []int
	Routes []Route // one per distinct edge, by connected part, then in input order; edges of a node to itself are left out
	Loops  []bool  // parallel to Graph.Nodes: the node depends on itself
	// Order is the nodes in reading order: by connected part, then by
	// rank, then top to bottom.
	Order         []int
	Width, Height float64
	Crossings     int // edge crossings between ranks, as ordered
}

// Lay lays g out: each connected part on its own, the parts one below
// the other in the order of their first nodes, so that unrelated work is
// never interleaved. Equal graphs give equal layouts.
func Lay(g Graph) Layout {
	n := len(g.Nodes)
	valid := func(e Edge) bool { return e.From >= 0 && e.To >= 0 && e.From < n && e.To < n }
	parent := make([]int, n) // union-find over the edges
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, e := range g.Edges {
		if valid(e) {
			a, b := find(e.From), find(e.To)
			parent[max(a, b)] = min(a, b)
		}
	}
	part := map[int]int{} // root → part number, by first node
	var members [][]int
	local := make([]int, n)
	for i := 0; i < n; i++ {
		r := find(i)
		k, ok := part[r]
		if !ok {
			k = len(members)
			part[r] = k
			members = append(members, nil)
		}
		local[i] = len(members[k])
		members[k] = append(members[k], i)
	}
	if len(members) <= 1 {
		return layOne(g)
	}
	edges := make([][]Edge, len(members))
	for _, e := range g.Edges {
		if valid(e) {
			k := part[find(e.From)]
			edges[k] = append(edges[k], Edge{local[e.From], local[e.To]})
		}
	}
	out := Layout{Boxes: make([]Box, n), Rank: make([]int, n), Loops: make([]bool, n)}
	y := 0.0
	for k, nodes := range members {
		sub := Graph{Nodes: make([]Node, len(nodes)), Edges: edges[k]}
		for j, i := range nodes {
			sub.Nodes[j] = g.Nodes[i]
		}
		l := layOne(sub)
		for j, i := range nodes {
			b := l.Boxes[j]
			b.Y += y
			out.Boxes[i], out.Rank[i], out.Loops[i] = b, l.Rank[j], l.Loops[j]
		}
		for _, j := range l.Order {
			out.Order = append(out.Order, nodes[j])
		}
		for _, r := range l.Routes {
			r.Edge = Edge{nodes[r.Edge.From], nodes[r.Edge.To]}
			for p := range r.Points {
				r.Points[p].Y += y
			}
			out.Routes = append(out.Routes, r)
		}
		out.Crossings += l.Crossings
		out.Width = max(out.Width, l.Width)
		y += l.Height - margin + gapY
	}
	out.Height = y - gapY + margin
	return out
}

// layOne lays out one connected graph.
func layOne(g Graph) Layout {
	n := len(g.Nodes)
	l := Layout{Boxes: make([]Box, n), Rank: make([]int, n), Loops: make([]bool, n)}
	edges := l.distinctEdges(g)
	reversed := backEdges(n, edges)

	// layout edges (a before b), ranks by longest path from the sources
	type ledge struct{ a, b int }
	le := make([]ledge, len(edges))
	succ := make([][]int, n)
	indeg := make([]int, n)
	for k, e := range edges {
		a, b := e.From, e.To
		if reversed[k] {
			a, b = b, a
		}
		le[k] = ledge{a, b}
		succ[a] = append(succ[a], b)
		indeg[b]++
	}
	queue := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			queue = append(queue, i)
		}
	}
	for q := 0; q < len(queue); q++ {
		v := queue[q]
		for _, w := range succ[v] {
			l.Rank[w] = max(l.Rank[w], l.Rank[v]+1)
			if indeg[w]--; indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	ranks := 0
	for _, r := range l.Rank {
		ranks = max(ranks, r+1)
	}

	// vertices: the nodes, then a dummy point per rank a long edge passes
	vrank := append([]int(nil), l.Rank...)
	var up, down [][]int
	up, down = make([][]int, n), make([][]int, n)
	chains := make([][]int, len(edges))
	link := func(a, b int) {
		down[a] = append(down[a], b)
		up[b] = append(up[b], a)
	}
	for k, e := range le {
		chain := []int{e.a}
		prev := e.a
		for r := l.Rank[e.a] + 1; r < l.Rank[e.b]; r++ {
			d := len(vrank)
			vrank = append(vrank, r)
			up, down = append(up, nil), append(down, nil)
			link(prev, d)
			chain = append(chain, d)
			prev = d
		}
		link(prev, e.b)
		chains[k] = append(chain, e.b)
	}
	nv := len(vrank)
	layers := make([][]int, ranks)
	for v := 0; v < nv; v++ {
		layers[vrank[v]] = append(layers[vrank[v]], v)
	}
	pos := make([]float64, nv)
	setPos := func() {
		for _, layer := range layers {
			for i, v := range layer {
				pos[v] = float64(i)
			}
		}
	}
	setPos()

	// order within ranks: barycentre sweeps, keeping the best order seen
	sweep := func(r int, nb [][]int) {
		layer := layers[r]
		bc := make(map[int]float64, len(layer))
		for _, v := range layer {
			if len(nb[v]) == 0 {
				bc[v] = pos[v]
				continue
			}
			s := 0.0
			for _, u := range nb[v] {
				s += pos[u]
			}
			bc[v] = s / float64(len(nb[v]))
		}
		sort.SliceStable(layer, func(i, j int) bool {
			a, b := layer[i], layer[j]
			if bc[a] != bc[b] {
				return bc[a] < bc[b]
			}
			return pos[a] < pos[b]
		})
		for i, v := range layer {
			pos[v] = float64(i)
		}
	}
	crossings := func() int {
		c := 0
		for r := 0; r+1 < ranks; r++ {
			type pair struct{ a, b float64 }
			var ps []pair
			for _, v := range layers[r] {
				for _, w := range down[v] {
					ps = append(ps, pair{pos[v], pos[w]})
				}
			}
			for i := range ps {
				for j := i + 1; j < len(ps); j++ {
					if (ps[i].a-ps[j].a)*(ps[i].b-ps[j].b) < 0 {
						c++
					}
				}
			}
		}
		return c
	}
	save := func() [][]int {
		out := make([][]int, ranks)
		for r := range layers {
			out[r] = append([]int(nil), layers[r]...)
		}
		return out
	}
	best, bestC := save(), crossings()
	for it := 0; it < sweeps && bestC > 0; it++ {
		for r := 1; r < ranks; r++ {
			sweep(r, up)
		}
		for r := ranks - 2; r >= 0; r-- {
			sweep(r, down)
		}
		if c := crossings(); c < bestC {
			best, bestC = save(), c
		}
	}
	layers = best
	setPos()
	l.Crossings = bestC

	// vertical places: stacked, then pulled towards their neighbours
	size := func(v int) float64 {
		if v < n {
			return BoxH
		}
		return dummyH
	}
	sep := func(a, b int) float64 {
		g := gapY
		if a >= n || b >= n {
			g = gapY / 2
		}
		return (size(a)+size(b))/2 + g
	}
	cy := make([]float64, nv)
	place := func(layer []int, want []float64) {
		y := make([]float64, len(layer))
		shift := 0.0
		for i, v := range layer {
			y[i] = want[i]
			if i > 0 {
				y[i] = max(y[i], y[i-1]+sep(layer[i-1], v))
			}
			shift += want[i] - y[i]
		}
		shift /= float64(len(layer))
		for i, v := range layer {
			cy[v] = y[i] + shift
		}
	}
	for _, layer := range layers {
		if len(layer) > 0 {
			place(layer, make([]float64, len(layer)))
		}
	}
	pull := func(r int, nb [][]int) {
		layer := layers[r]
		want := make([]float64, len(layer))
		for i, v := range layer {
			want[i] = cy[v]
			if len(nb[v]) > 0 {
				s := 0.0
				for _, u := range nb[v] {
					s += cy[u]
				}
				want[i] = s / float64(len(nb[v]))
			}
		}
		place(layer, want)
	}
	for it := 0; it < settles; it++ {
		for r := 1; r < ranks; r++ {
			pull(r, up)
		}
		for r := ranks - 2; r >= 0; r-- {
			pull(r, down)
		}
	}
	top, bottom := 0.0, 0.0
	for v := 0; v < nv; v++ {
		if v == 0 || cy[v]-size(v)/2 < top {
			top = cy[v] - size(v)/2
		}
		if v == 0 || cy[v]+size(v)/2 > bottom {
			bottom = cy[v] + size(v)/2
		}
	}
	left := func(r int) float64 { return margin + float64(r)*(BoxW+gapX) }
	for i := 0; i < n; i++ {
		l.Boxes[i] = Box{X: left(l.Rank[i]), Y: cy[i] - top - BoxH/2 + margin, W: BoxW, H: BoxH}
	}
	if n > 0 {
		l.Width = 2*margin + float64(ranks)*BoxW + float64(ranks-1)*gapX
		l.Height = 2*margin + bottom - top
	}
	for _, layer := range layers {
		for _, v := range layer {
			if v < n {
				l.Order = append(l.Order, v)
			}
		}
	}

	// routes: right side of the earlier box, through each dummy point's
	// rank, to the left side of the later box
	for k, chain := range chains {
		y := func(v int) float64 { return cy[v] - top + margin }
		a, b := chain[0], chain[len(chain)-1]
		pts := []Point{{left(vrank[a]) + BoxW, y(a)}}
		for _, d := range chain[1 : len(chain)-1] {
			pts = append(pts, Point{left(vrank[d]), y(d)}, Point{left(vrank[d]) + BoxW, y(d)})
		}
		pts = append(pts, Point{left(vrank[b]), y(b)})
		if reversed[k] { // drawn the other way, a little lower, so that it
			// does not hide an edge of the same cycle between the same boxes
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
			for i := range pts {
				pts[i].Y += cycleDrop
			}
		}
		l.Routes = append(l.Routes, Route{Edge: edges[k], Points: pts, Reversed: reversed[k]})
	}
	return l
}

// distinctEdges drops repeated edges and those naming no node, and notes
// nodes depending on themselves.
func (l *Layout) distinctEdges(g Graph) []Edge {
	n := len(g.Nodes)
	seen := make(map[Edge]bool, len(g.Edges))
	var out []Edge
	for _, e := range g.Edges {
		if e.From < 0 || e.To < 0 || e.From >= n || e.To >= n || seen[e] {
			continue
		}
		seen[e] = true
		if e.From == e.To {
			l.Loops[e.From] = true
			continue
		}
		out = append(out, e)
	}
	return out
}

// backEdges marks the edges that close a cycle: those a depth-first
// search, from each node in input order and along edges in input order,
// meets pointing back at a node it is still inside. Reversing them leaves
// no cycle. Iterative: each edge is looked at once.
func backEdges(n int, edges []Edge) []bool {
	out := make([][]int, n) // edge indices by source
	for k, e := range edges {
		out[e.From] = append(out[e.From], k)
	}
	const (
		white = iota
		grey
		black
	)
	colour := make([]int, n)
	back := make([]bool, len(edges))
	type frame struct{ v, next int }
	for root := 0; root < n; root++ {
		if colour[root] != white {
			continue
		}
		stack := []frame{{root, 0}}
		colour[root] = grey
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next == len(out[f.v]) {
				colour[f.v] = black
				stack = stack[:len(stack)-1]
				continue
			}
			k := out[f.v][f.next]
			f.next++
			switch w := edges[k].To; colour[w] {
			case grey:
				back[k] = true
			case white:
				colour[w] = grey
				stack = append(stack, frame{w, 0})
			}
		}
	}
	return back
}
