// Package depgraph draws a dependency graph: which work waits on which,
// laid out in layers from left to right, as inline SVG and as the same
// graph in nested lists.
//
// In: a Graph, its nodes (id, short title, state, link, the page they are
// written on when it is another, or none when defined nowhere) and its
// edges (from a prerequisite to what waits on it), with the critical path
// as a list of nodes. Out: a Layout (Lay: node boxes, edge routes, the
// edges reversed to break cycles), SVG markup (SVG: links, no script,
// colours left to the page's CSS through classes, text truncated to fit
// its box) and HTML lists (List).
//
// The layout is the layered method: cycles are broken by reversing the
// back edges of a depth-first search in input order (those edges are
// marked, and drawn as such); ranks are longest paths from the sources;
// an edge over more than one rank runs through a dummy point in each
// rank between; the order within ranks is improved by barycentre sweeps,
// keeping the order with the fewest crossings; each rank is placed near
// the centres of its neighbours without overlap.
//
// Must not: read or resolve anything (package plan and view do), loop on
// a cycle, or depend on anything but its input: equal graphs give byte-
// identical output. Every pass is bounded: sweeps are capped, and the
// cost is about nodes plus dummy points times ranks.
package depgraph
