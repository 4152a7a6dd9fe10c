package depgraph

import (
	"html"
	"strings"
)

// List writes the graph as nested HTML lists, the drawing's text
// alternative: each node of this page in reading order (l.Order), linked
// to where it is written, with its state, and under it what it needs and,
// for nodes outside this page, what waits on it there. Nodes outside this
// page appear only under the nodes they are linked to.
func List(g Graph, l Layout) string {
	crit, _ := g.critical()
	needs := make([][]Edge, len(g.Nodes))
	neededBy := make([][]Edge, len(g.Nodes))
	for _, r := range l.Routes {
		needs[r.Edge.To] = append(needs[r.Edge.To], r.Edge)
		neededBy[r.Edge.From] = append(neededBy[r.Edge.From], r.Edge)
	}
	reversed := map[Edge]bool{}
	for _, r := range l.Routes {
		reversed[r.Edge] = r.Reversed
	}
	var b strings.Builder
	b.WriteString(`<ol class="dg-list">`)
	for _, i := range l.Order {
		n := g.Nodes[i]
		if n.Outside() {
			continue
		}
		b.WriteString(`<li>`)
		writeNode(&b, n)
		if crit[i] {
			b.WriteString(` · critical path`)
		}
		if l.Loops[i] {
			b.WriteString(` · depends on itself`)
		}
		var outside []Edge
		for _, e := range neededBy[i] {
			if g.Nodes[e.To].Outside() {
				outside = append(outside, e)
			}
		}
		if len(needs[i])+len(outside) > 0 {
			b.WriteString(`<ul>`)
			for _, e := range needs[i] {
				b.WriteString(`<li>needs `)
				writeNode(&b, g.Nodes[e.From])
				writeWhere(&b, g.Nodes[e.From], reversed[e])
				b.WriteString(`</li>`)
			}
			for _, e := range outside {
				b.WriteString(`<li>needed by `)
				writeNode(&b, g.Nodes[e.To])
				writeWhere(&b, g.Nodes[e.To], reversed[e])
				b.WriteString(`</li>`)
			}
			b.WriteString(`</ul>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	return b.String()
}

// writeNode writes a node's name and title, linked, and its state.
func writeNode(b *strings.Builder, n Node) {
	text := n.Name()
	if n.ID != "" && n.Title != "" {
		text += " " + n.Title
	}
	if n.Href != "" {
		b.WriteString(`<a href="` + html.EscapeString(n.Href) + `">` + html.EscapeString(text) + `</a>`)
	} else {
		b.WriteString(html.EscapeString(text))
	}
	if n.State != "" {
		b.WriteString(` <span class="state s-` + n.State + `">` + n.State + `</span>`)
	}
}

// writeWhere says where a linked node is, and whether the link closes a
// cycle.
func writeWhere(b *strings.Builder, n Node, cycle bool) {
	switch {
	case n.Missing:
		b.WriteString(` (not in this site)`)
	case n.Page != "":
		b.WriteString(` (on ` + html.EscapeString(n.Page) + `)`)
	}
	if cycle {
		b.WriteString(` · closes a cycle`)
	}
}
