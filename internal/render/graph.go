package render

import "html/template"

// Graph is the dependency section of a page, a folder or the home page:
// the drawing (package depgraph), the same graph as lists, the critical
// path and what is ready to start.
type Graph struct {
	SVG     template.HTML // "" when the graph has more nodes than a drawing holds
	List    template.HTML // the graph as nested lists; "" for a folder summarised by pages
	Nodes   int           // tasks and items in the graph, with those outside
	Max     int           // the most a drawing holds (config graphs.max_nodes)
	Caption string
	// Critical is the critical path, in order; CriticalLength says how
	// long it is ("3 tasks", "14 hours").
	Critical       []GraphStep
	CriticalLength string
	// Ready are the page's ready-to-start lines of its Up next list (the
	// same values, not a second list).
	Ready []NextItem
	// Between are the dependencies between pages, for a folder whose
	// graph is too large to draw as one.
	Between []PageEdge
}

// GraphStep is one node of the critical path.
type GraphStep struct {
	ID, Title, State, URL string
}

// PageEdge is how many dependencies run from one page's work to
// another's.
type PageEdge struct {
	From, To Link
	Count    int
}
