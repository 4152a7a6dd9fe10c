package depgraph

// Node is one item or section of the graph.
type Node struct {
	ID    string // "" for an item without an id
	Title string // a short title, without the id
	State string // done, active, blocked, open or dropped; "" when unknown
	Href  string // where it is written; "" for none
	// Page is the page the node is written on when it is not the page
	// (or folder) drawn: such a node is drawn as outside it. Missing
	// marks an id defined nowhere in the site.
	Page    string
	Missing bool
}

// Outside reports whether n is drawn as outside this page.
func (n Node) Outside() bool { return n.Page != "" || n.Missing }

// Name is how a node is called in text: its id, else its title.
func (n Node) Name() string {
	if n.ID != "" {
		return n.ID
	}
	return n.Title
}

// Edge runs from a prerequisite (From) to the node waiting on it (To),
// both indices into Graph.Nodes.
type Edge struct{ From, To int }

// Graph is one drawing's input.
type Graph struct {
	Nodes []Node
	Edges []Edge
	// Critical is the critical path, from its first prerequisite to its
	// last dependent (node indices); its nodes and the edges between
	// consecutive ones are highlighted.
	Critical []int
}

// critical marks the nodes and edges of g's critical path.
func (g *Graph) critical() (nodes []bool, edges map[Edge]bool) {
	nodes = make([]bool, len(g.Nodes))
	edges = map[Edge]bool{}
	for k, i := range g.Critical {
		if i < 0 || i >= len(g.Nodes) {
			continue
		}
		nodes[i] = true
		if k > 0 {
			edges[Edge{g.Critical[k-1], i}] = true
		}
	}
	return nodes, edges
}
