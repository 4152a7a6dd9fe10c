package plan

import (
	"sort"
	"strings"
)

// findCycles warns once of every dependency cycle (a strongly connected
// set of two or more nodes, or a node depending on itself), at the line
// of its first node in input order, naming one cycle through that node.
func (p *Plan) findCycles() {
	p.cycle = make([]int32, len(p.Nodes))
	for i := range p.cycle {
		p.cycle[i] = -1
	}
	for k, comp := range p.components() {
		if len(comp) > 1 {
			for _, c := range comp {
				p.cycle[c] = int32(k)
			}
		}
		first := comp[0]
		for _, c := range comp {
			first = min(first, c)
		}
		if len(comp) == 1 && !contains(p.Deps(first), first) {
			continue
		}
		path := p.cycleThrough(first, comp)
		ids := make([]string, len(path)+1)
		for k, i := range path {
			ids[k] = name(p.Nodes[i])
		}
		ids[len(path)] = ids[0]
		n := p.Nodes[first]
		line := n.DependsLine
		if line == 0 {
			line = n.Line
		}
		p.warn(first, line, KindDependencyCycle, "dependency cycle: "+strings.Join(ids, " → "))
	}
	sortWarnings(p.Warnings)
}

func contains(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// components returns the strongly connected components of the dependency
// graph (Tarjan's algorithm with an explicit stack).
func (p *Plan) components() [][]int {
	n := len(p.Nodes)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var out [][]int
	next := 0
	type frame struct{ v, edge int }
	for root := 0; root < n; root++ {
		if index[root] >= 0 || len(p.Deps(root)) == 0 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.edge < len(p.Deps(v)) {
				w := p.Deps(v)[f.edge]
				f.edge++
				switch {
				case index[w] < 0:
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				var comp []int
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp = append(comp, w)
					if w == v {
						break
					}
				}
				out = append(out, comp)
			}
		}
	}
	return out
}

// cycleThrough returns a shortest cycle from start back to itself within
// comp (breadth first), as the nodes in dependency order.
func (p *Plan) cycleThrough(start int, comp []int) []int {
	in := map[int]bool{}
	for _, c := range comp {
		in[c] = true
	}
	prev := map[int]int{}
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range p.Deps(v) {
			if !in[w] {
				continue
			}
			if w == start {
				path := []int{v}
				for v != start {
					v = prev[v]
					path = append(path, v)
				}
				// path runs back from v to start; reverse it
				for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return path
			}
			if _, seen := prev[w]; !seen && w != start {
				prev[w] = v
				queue = append(queue, w)
			}
		}
	}
	return []int{start}
}

// sortWarnings orders warnings by page, line, kind and message.
func sortWarnings(ws []Warning) {
	less := func(a, b Warning) bool {
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Message < b.Message
	}
	sort.SliceStable(ws, func(i, j int) bool { return less(ws[i], ws[j]) })
}
