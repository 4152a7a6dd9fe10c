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
	all := make([]int, len(p.Nodes))
	for i := range all {
		all[i] = i
	}
	return p.CriticalPathAmong(all, nil)
}

// CriticalPathAmong is CriticalPath among the given nodes only (those a
// page's or a folder's graph draws, in input order), along the edges
// edge says yes to (from a prerequisite to its dependent; nil for all):
// other edges are left out. Its cost is linear in the nodes given and
// their dependencies.
func (p *Plan) CriticalPathAmong(nodes []int, edge func(from, to int) bool) (path []int, length float64, byHours bool) {
	local := make(map[int]int, len(nodes)) // plan node → index in nodes
	for k, i := range nodes {
		local[i] = k
	}
	n := len(nodes)
	succ := make([][]int, n) // edges from a prerequisite to what waits on it, among unfinished nodes
	indeg := make([]int, n)
	part := make([]bool, n)
	edges := 0
	for a, i := range nodes {
		if finished(p.Status[i].State) {
			continue
		}
		for _, j := range p.Deps(i) {
			b, ok := local[j]
			if !ok || edge != nil && !edge(j, i) || finished(p.Status[j].State) || i == j || p.cycle[i] >= 0 && p.cycle[i] == p.cycle[j] {
				continue
			}
			succ[b] = append(succ[b], a)
			indeg[a]++
			part[a], part[b] = true, true
			edges++
		}
	}
	if edges == 0 {
		return nil, 0, false
	}
	byHours = true
	for a, i := range nodes {
		if part[a] && p.Nodes[i].EstimateHours <= 0 {
			byHours = false
			break
		}
	}
	weight := func(a int) float64 {
		if byHours {
			return p.Nodes[nodes[a]].EstimateHours
		}
		return 1
	}
	// longest path in topological order (Kahn; nodes taken in input order)
	best := make([]float64, n)
	from := make([]int, n)
	var queue []int
	for a := range nodes {
		from[a] = -1
		if part[a] && indeg[a] == 0 {
			queue = append(queue, a)
			best[a] = weight(a)
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
		path = append(path, nodes[v])
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path, best[end], byHours
}
