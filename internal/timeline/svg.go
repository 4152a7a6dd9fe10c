package timeline

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// svg writes the layout, one element a line. Grid lines and axis labels
// take the burn-up chart's classes (bu-grid, bu-text); bars the state
// classes, whose --dot the theme sets for light and dark.
func (l *layout) svg() string {
	var w strings.Builder
	h := num(l.height)
	fmt.Fprintf(&w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" width="%d" height="%s" aria-hidden="true">`+"\n", width, h, width, h)

	var grid strings.Builder
	for _, t := range l.ticks {
		fmt.Fprintf(&grid, "M%s %sV%s", num(t.x), num(l.plotTop), num(l.plotY1))
	}
	for i, r := range l.rows {
		if i > 0 && r.line.Level == 0 { // a rule above each row that is not under another
			fmt.Fprintf(&grid, "M%d %sH%d", labelX, num(r.row.y0), plotX1)
		}
	}
	if grid.Len() > 0 {
		fmt.Fprintf(&w, `<path class="bu-grid" d="%s"/>`+"\n", grid.String())
	}
	for _, t := range l.ticks {
		if t.label != nil {
			text(&w, "bu-text", *t.label)
		}
	}
	for _, m := range l.markers {
		if m.band != nil {
			b := *m.band
			fmt.Fprintf(&w, `<rect class="tl-fc" fill-opacity=".14" x="%s" y="%s" width="%s" height="%s"/>`+"\n", num(b.x0), num(b.y0), num(b.x1-b.x0), num(b.y1-b.y0))
		}
	}
	for _, r := range l.rows {
		row(&w, r)
	}
	for _, m := range l.markers {
		dash := ""
		if m.dash {
			dash = ` stroke-dasharray="4 3"`
		}
		fmt.Fprintf(&w, `<path class="%s" stroke-width="2"%s d="M%s %sV%s"/>`+"\n", m.class, dash, num(m.x), num(l.plotTop), num(l.plotY1))
		text(&w, "bu-text bu-strong", m.label)
	}
	w.WriteString("</svg>")
	return w.String()
}

// row writes one row: its label, linked to where it is written, and its
// bar, diamond or span.
func row(w *strings.Builder, r rowLayout) {
	if r.line.URL != "" {
		fmt.Fprintf(w, `<a href="%s" tabindex="-1">`, escape(r.line.URL))
	}
	if r.label.full != "" {
		fmt.Fprintf(w, `<title>%s</title>`, escape(r.label.full))
	}
	text(w, "", r.label)
	if r.line.URL != "" {
		w.WriteString("</a>")
	}
	w.WriteString("\n")
	class := "tl-b s-" + string(r.line.State)
	b := r.bar
	mid := (b.y0 + b.y1) / 2
	switch {
	case r.point:
		cx := (b.x0 + b.x1) / 2
		fmt.Fprintf(w, `<path class="%s" d="M%s %sL%s %sL%s %sL%s %sZ"/>`+"\n", class, num(cx), num(b.y0), num(b.x1), num(mid), num(cx), num(b.y1), num(b.x0), num(mid))
	case r.line.Span:
		// a summary bar with its ends pointing down at the rows it spans
		fmt.Fprintf(w, `<path class="%s" d="M%s %sH%sV%sl-4 -4H%sl-4 4Z"/>`+"\n", class, num(b.x0), num(b.y0), num(b.x1), num(b.y1), num(b.x0+4))
	default:
		fmt.Fprintf(w, `<rect class="%s" rx="2" x="%s" y="%s" width="%s" height="%s"/>`+"\n", class, num(b.x0), num(b.y0), num(b.x1-b.x0), num(b.y1-b.y0))
	}
	if l := r.late; l != nil {
		fmt.Fprintf(w, `<rect class="tl-b s-overdue" fill-opacity=".4" x="%s" y="%s" width="%s" height="%s"/>`+"\n", num(l.x0), num(l.y0), num(l.x1-l.x0), num(l.y1-l.y0))
	}
}

// text writes a label; size 11 for the small ones (the CSS sets 12).
func text(w *strings.Builder, class string, lb label) {
	w.WriteString("<text")
	if class != "" {
		fmt.Fprintf(w, ` class="%s"`, class)
	}
	fmt.Fprintf(w, ` x="%s" y="%s"`, num(lb.x), num(lb.y))
	if lb.size != labelSize {
		fmt.Fprintf(w, ` font-size="%s"`, num(lb.size))
	}
	fmt.Fprintf(w, `>%s</text>`, escape(lb.text))
	if class != "" {
		w.WriteString("\n")
	}
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escape(s string) string { return escaper.Replace(s) }
