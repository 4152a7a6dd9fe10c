package timeline

import (
	"math"
	"strconv"
	"strings"
)

// writer appends SVG markup: strings and coordinates, without fmt (a
// page's timeline is written on every build of it).
type writer struct{ b []byte }

func (w *writer) s(parts ...string) {
	for _, p := range parts {
		w.b = append(w.b, p...)
	}
}

// n appends a coordinate with at most one decimal.
func (w *writer) n(v float64) { w.b = strconv.AppendFloat(w.b, math.Round(v*10)/10, 'f', -1, 64) }

// text appends s escaped for XML text and attribute values.
func (w *writer) text(s string) {
	if strings.ContainsAny(s, `&<>"`) {
		s = escaper.Replace(s)
	}
	w.b = append(w.b, s...)
}

// rect appends <rect class=… x y width height/> of b, with extra
// attributes (each with its leading space).
func (w *writer) rect(class, extra string, b box) {
	w.s(`<rect class="`, class, `"`, extra, ` x="`)
	w.n(b.x0)
	w.s(`" y="`)
	w.n(b.y0)
	w.s(`" width="`)
	w.n(b.x1 - b.x0)
	w.s(`" height="`)
	w.n(b.y1 - b.y0)
	w.s("\"/>\n")
}

// svg writes the layout, one element a line. Grid lines and axis labels
// take the burn-up chart's classes (bu-grid, bu-text); bars the state
// classes, whose --dot the theme sets for light and dark.
func (l *layout) svg() string {
	w := &writer{b: make([]byte, 0, 1024+300*len(l.rows))}
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `, strconv.Itoa(width), " ")
	w.n(l.height)
	w.s(`" width="`, strconv.Itoa(width), `" height="`)
	w.n(l.height)
	w.s("\" aria-hidden=\"true\">\n")

	w.s(`<path class="bu-grid" d="`)
	for _, t := range l.ticks {
		w.s("M")
		w.n(t.x)
		w.s(" ")
		w.n(l.plotTop)
		w.s("V")
		w.n(l.plotY1)
	}
	for i, r := range l.rows {
		if i > 0 && r.line.Level == 0 { // a rule above each row that is not under another
			w.s("M", strconv.Itoa(labelX), " ")
			w.n(r.row.y0)
			w.s("H", strconv.Itoa(plotX1))
		}
	}
	w.s("\"/>\n")
	for _, t := range l.ticks {
		if t.label != nil {
			w.label("bu-text", *t.label)
		}
	}
	for _, m := range l.markers {
		if m.band != nil {
			w.rect("tl-fc", ` fill-opacity=".14"`, *m.band)
		}
	}
	for _, r := range l.rows {
		w.row(r)
	}
	for _, m := range l.markers {
		w.s(`<path class="`, m.class, `" stroke-width="2"`)
		if m.dash {
			w.s(` stroke-dasharray="4 3"`)
		}
		w.s(` d="M`)
		w.n(m.x)
		w.s(" ")
		w.n(l.plotTop)
		w.s("V")
		w.n(l.plotY1)
		w.s("\"/>\n")
		w.label("bu-text bu-strong", m.label)
	}
	w.s("</svg>")
	return string(w.b)
}

// row writes one row: its label, linked to where it is written, and its
// bar, diamond or span.
func (w *writer) row(r rowLayout) {
	if r.line.URL != "" {
		w.s(`<a href="`)
		w.text(r.line.URL)
		w.s(`" tabindex="-1">`)
	}
	if r.label.full != "" {
		w.s("<title>")
		w.text(r.label.full)
		w.s("</title>")
	}
	w.label("", r.label)
	if r.line.URL != "" {
		w.s("</a>")
	}
	w.s("\n")
	class := "tl-b s-" + string(r.line.State)
	b := r.bar
	mid := (b.y0 + b.y1) / 2
	switch {
	case r.point:
		cx := (b.x0 + b.x1) / 2
		w.s(`<path class="`, class, `" d="M`)
		w.n(cx)
		w.s(" ")
		w.n(b.y0)
		w.s("L")
		w.n(b.x1)
		w.s(" ")
		w.n(mid)
		w.s("L")
		w.n(cx)
		w.s(" ")
		w.n(b.y1)
		w.s("L")
		w.n(b.x0)
		w.s(" ")
		w.n(mid)
		w.s("Z\"/>\n")
	case r.line.Span:
		// a summary bar with its ends pointing down at the rows it spans
		w.s(`<path class="`, class, `" d="M`)
		w.n(b.x0)
		w.s(" ")
		w.n(b.y0)
		w.s("H")
		w.n(b.x1)
		w.s("V")
		w.n(b.y1)
		w.s("l-4 -4H")
		w.n(b.x0 + 4)
		w.s("l-4 4Z\"/>\n")
	default:
		w.rect(class, ` rx="2"`, b)
	}
	if r.late != nil {
		w.rect("tl-b s-overdue", ` fill-opacity=".4"`, *r.late)
	}
}

// label writes a text; size 11 for the small ones (the CSS sets 12).
func (w *writer) label(class string, lb label) {
	w.s("<text")
	if class != "" {
		w.s(` class="`, class, `"`)
	}
	w.s(` x="`)
	w.n(lb.x)
	w.s(`" y="`)
	w.n(lb.y)
	w.s(`"`)
	if lb.size != labelSize {
		w.s(` font-size="`)
		w.n(lb.size)
		w.s(`"`)
	}
	w.s(">")
	w.text(lb.text)
	w.s("</text>")
	if class != "" {
		w.s("\n")
	}
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
