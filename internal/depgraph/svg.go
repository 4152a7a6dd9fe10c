package depgraph

import (
	"html"
	"math"
	"strconv"
	"strings"
)

// SVG draws g as laid out in l: an <svg> element with a <title> (title),
// each node a box with its id and short title, a link to where it is
// written, and each edge a curve with an arrowhead at the waiting node.
//
// Classes for the page's CSS: dg (the svg), s-<state> on each node (the
// theme's state colours), dg-o on nodes outside this page, dg-crit on
// the critical path's nodes and dg-loop on nodes depending on themselves,
// dg-c on the critical path's edges and dg-x on edges closing a cycle. Everything else (font, fills, widths,
// dashes) is written as presentation attributes, so the drawing reads
// without the theme too.
func SVG(g Graph, l Layout, title string) string {
	var b strings.Builder
	crit, critEdge := g.critical()
	b.WriteString(`<svg class="dg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	b.WriteString(num(l.Width) + " " + num(l.Height) + `" width="` + num(l.Width) + `" height="` + num(l.Height))
	b.WriteString(`" font-family="` + fontName + `" font-size="` + num(fontSize) + `" fill="currentColor"><title>`)
	b.WriteString(html.EscapeString(title))
	b.WriteString(`</title><g fill="none" stroke="currentColor">`)
	for _, r := range l.Routes {
		class := "dg-e"
		width := "1.5"
		switch {
		case r.Reversed:
			class += " dg-x"
		case critEdge[r.Edge]:
			class += " dg-c"
			width = "3"
		}
		b.WriteString(`<path class="` + class + `" stroke-width="` + width + `"`)
		if r.Reversed {
			b.WriteString(` stroke-dasharray="5 3"`)
		}
		b.WriteString(` d="` + curve(r.Points) + `"/>`)
	}
	b.WriteString(`</g>`)
	for _, i := range l.Order {
		n, box := g.Nodes[i], l.Boxes[i]
		class := "dg-n s-" + stateOr(n.State)
		if n.Outside() {
			class += " dg-o"
		}
		if crit[i] {
			class += " dg-crit"
		}
		if l.Loops[i] {
			class += " dg-loop"
		}
		if n.Href != "" {
			b.WriteString(`<a href="` + html.EscapeString(n.Href) + `" class="` + class + `">`)
		} else {
			b.WriteString(`<g class="` + class + `">`)
		}
		b.WriteString(`<title>` + html.EscapeString(Describe(n, crit[i], l.Loops[i])) + `</title>`)
		b.WriteString(`<rect x="` + num(box.X+1) + `" y="` + num(box.Y+1) + `" width="` + num(box.W-2) + `" height="` + num(box.H-2) + `" rx="6" fill="none" stroke-width="`)
		if crit[i] {
			b.WriteString(`3"`)
		} else {
			b.WriteString(`1.5"`)
		}
		if n.Outside() || l.Loops[i] {
			b.WriteString(` stroke-dasharray="4 3"`)
		}
		b.WriteString(`/>`)
		first, second, bold := Labels(n)
		b.WriteString(`<text x="` + num(box.X+pad) + `" y="` + num(box.Y+line1) + `"`)
		if bold {
			b.WriteString(` font-weight="700"`)
		}
		b.WriteString(`>` + html.EscapeString(first) + `</text>`)
		if second != "" {
			b.WriteString(`<text x="` + num(box.X+pad) + `" y="` + num(box.Y+line2) + `">` + html.EscapeString(second) + `</text>`)
		}
		if n.Href != "" {
			b.WriteString(`</a>`)
		} else {
			b.WriteString(`</g>`)
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Describe says in words what a node is: its id and title, state, where
// it is, whether it is on the critical path or depends on itself.
func Describe(n Node, critical, loop bool) string {
	s := n.Name()
	if n.ID != "" && n.Title != "" {
		s += " " + n.Title
	}
	if n.State != "" {
		s += " (" + n.State + ")"
	}
	switch {
	case n.Missing:
		s += ", not in this site"
	case n.Page != "":
		s += ", on " + n.Page
	}
	if critical {
		s += ", on the critical path"
	}
	if loop {
		s += ", depends on itself"
	}
	return s
}

func stateOr(s string) string {
	if s == "" {
		return "open"
	}
	return s
}

// curve is an SVG path through pts: horizontal tangents at every point,
// and an arrowhead at the last pointing the way the path arrives.
func curve(pts []Point) string {
	if len(pts) < 2 {
		return ""
	}
	var b strings.Builder
	b.WriteString("M" + num(pts[0].X) + " " + num(pts[0].Y))
	for i := 1; i < len(pts); i++ {
		p, q := pts[i-1], pts[i]
		if p.Y == q.Y {
			b.WriteString("H" + num(q.X))
			continue
		}
		mid := (p.X + q.X) / 2
		b.WriteString("C" + num(mid) + " " + num(p.Y) + " " + num(mid) + " " + num(q.Y) + " " + num(q.X) + " " + num(q.Y))
	}
	end, before := pts[len(pts)-1], pts[len(pts)-2]
	dir := 1.0
	if before.X > end.X {
		dir = -1
	}
	b.WriteString("M" + num(end.X-7*dir) + " " + num(end.Y-4) + "L" + num(end.X) + " " + num(end.Y) + "L" + num(end.X-7*dir) + " " + num(end.Y+4))
	return b.String()
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}
