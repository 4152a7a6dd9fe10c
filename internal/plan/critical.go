package plan

// CriticalPath returns the longest chain of unfinished work in the
// dependency graph, from its first prerequisite to its last dependent, and
// its length: in estimate hours when every unfinished node in the graph
// has an estimate, else in nodes (byHours says which). Nodes that are done
// or dropped are not part of any chain, and the edges inside a cycle are
// left out (the cycle is a warning). Nil when no unfinished node depends
// on another. Ties go to the chain that ends, then starts, earliest in the
// input.
func (p *Plan) CriticalPath() (path []int, length float64, byHours bool) {
	n := len(p.Nodes)
	inCycle := p.cycleMembers()
	// edges from a prerequisite to what waits on it, among unfinished nodes
	succ := make([][]int, n)
	indeg := make([]int, n)
	part := make([]bool, n)
	edges := 0
	for i := range p.Nodes {
		if finished(p.Status[i].State) {
			continue
		}
		for _, j := range p.deps[i] {
			if finished(p.Status[j].State) || i == j || inCycle[i] >= 0 && inCycle[i] == inCycle[j] {
				continue
			}
			succ[j] = append(succ[j], i)
			indeg[i]++
			part[i], part[j] = true, true
			edges++
		}
	}
	if edges == 0 {
		return nil, 0, false
	}
	byHours = true
	for i := range p.Nodes {
		if part[i] && p.Nodes[i].EstimateHours <= 0 {
			byHours = false
			break
		}
	}
	weight := func(i int) float64 {
		if byHours {
			return p.Nodes[i].EstimateHours
		}
		return 1
	}
	// longest path in topological order (Kahn; nodes taken in input order)
	best := make([]float64, n)
	from := make([]int, n)
	var queue []int
	for i := range p.Nodes {
		from[i] = -1
		if part[i] && indeg[i] == 0 {
			queue = append(queue, i)
			best[i] = weight(i)
		}
	}
	end := -1
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if end < 0 || best[v] > best[end] || best[v] == best[end] && v < end {
			end = v
		}
		for _, w := range succ[v] {
			if c := best[v] + weight(w); c > best[w] || c == best[w] && from[w] >= 0 && v < from[w] {
				best[w], from[w] = c, v
			}
			indeg[w]--
			if indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	for v := end; v >= 0; v = from[v] {
		path = append(path, v)
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path, best[end], byHours
}

// cycleMembers gives every node the number of the cycle it belongs to, -1
// when none.
func (p *Plan) cycleMembers() []int {
	out := make([]int, len(p.Nodes))
	for i := range out {
		out[i] = -1
	}
	for k, comp := range p.components() {
		if len(comp) > 1 {
			for _, c := range comp {
				out[c] = k
			}
		}
	}
	return out
}
