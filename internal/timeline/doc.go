// Package timeline draws Gantt-style timelines as inline SVG: one row per
// dated section or item of a page (or per page and folder of a site, for
// the home page's roadmap), a bar from its start to its due or done date,
// a date axis, a line for today, the target date and, when the history
// gives one, the forecast date and its range.
//
// In: rows in document order (a label, where the row is written, its
// start, due and done dates, its state, and the dated rows under it), the
// build's date, the target date and an optional forecast. A row without
// dates of its own spans the dated rows under it.
// Out: SVG markup for inlining into HTML (no script, no ids, colours left
// to the page's CSS through the state classes s-done, s-active, s-open,
// s-blocked and s-overdue), a sentence saying what it shows, and the rows
// as drawn, for a text alternative (a table of the same rows and dates).
// Must not: read pages, the clock or the settings, or decide states (the
// caller says what is done, blocked or overdue). Pure: equal inputs give
// byte-identical output.
//
// The layout keeps every label inside its box: row labels are shortened
// to the label column by a conservative estimate of their width, axis and
// marker labels are thinned or stacked so that none overlap, and rows
// never overlap. At most MaxRows rows are drawn.
package timeline
