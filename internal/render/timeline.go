package render

import "html/template"

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
