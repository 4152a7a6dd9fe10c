package render

import (
	"html/template"
	"strings"
)

// Timeline is a page's timeline or the home page's roadmap: the drawing
// (package timeline), its caption, and the same rows as a table.
type Timeline struct {
	Title   string // the heading: "Timeline", "Roadmap"
	SVG     template.HTML
	Caption string
	Rows    []TimelineRow
	More    int // rows not drawn
}

// TimelineRow is one row of a timeline's table.
type TimelineRow struct {
	Label string
	URL   string // relative to the page; "" for no link
	Under bool   // a row under the one before (an item under its section)
	// Start, Due and Done are the row's own dates; for a span (a row
	// without dates of its own) Start and Due are its rows' first and
	// last days.
	Start, Due, Done string
	State            string // done, active, open, blocked, overdue
	StateLabel       string // as a reader says it
	Span             bool
}

// TimelineTable is the rows of t as the body of a table (a fragment, as
// the outline is: one escaper call for the whole table rather than one
// per cell).
func TimelineTable(t *Timeline) template.HTML {
	var b strings.Builder
	b.Grow(200 * len(t.Rows))
	writeTimelineTable(&b, t)
	return template.HTML(b.String())
}

func writeTimelineTable(b writer, t *Timeline) {
	date := func(d string) {
		b.WriteString("<td>")
		if d != "" {
			b.WriteString(`<time datetime="` + d + `">` + d + `</time>`)
		}
		b.WriteString("</td>")
	}
	for _, r := range t.Rows {
		b.WriteString(`<tr data-state="` + escapeText(r.State) + `"><td>`)
		if r.Under {
			b.WriteString("↳ ")
		}
		if r.URL != "" {
			b.WriteString(`<a href="` + escapeText(r.URL) + `">` + escapeText(r.Label) + `</a>`)
		} else {
			b.WriteString(escapeText(r.Label))
		}
		b.WriteString("</td>")
		date(escapeText(r.Start))
		date(escapeText(r.Due))
		date(escapeText(r.Done))
		b.WriteString("<td>" + escapeText(r.StateLabel))
		if r.Span {
			b.WriteString(" (span of its items)")
		}
		b.WriteString("</td></tr>")
	}
}
