package timeline

import (
	"fmt"
	"strings"
	"time"
)

// State is what a row's bar is coloured by.
type State string

// The states a row can be in. Overdue is open work past its due date.
const (
	Done    State = "done"
	Active  State = "active"
	Open    State = "open"
	Blocked State = "blocked"
	Overdue State = "overdue"
)

// Label is the word a reader sees for s.
func (s State) Label() string {
	switch s {
	case Done:
		return "done"
	case Active:
		return "in progress"
	case Blocked:
		return "blocked"
	case Overdue:
		return "overdue"
	}
	return "open"
}

// MaxRows is the most rows one timeline draws. Beyond it the rows under
// sections are left out (the sections still span them), then the last
// rows.
const MaxRows = 40

// Row is one section or item (or, on a roadmap, a folder or page).
type Row struct {
	Label string // as shown; shortened to fit the label column
	URL   string // where it is written; "" for no link
	// Dates are YYYY-MM-DD or "": when work starts, is due, was done.
	// A date that does not read counts as none.
	Start, Due, Done string
	State            State
	// Rows are the dated rows under this one, drawn below it, indented.
	// A row with no dates of its own spans theirs. Only one level is
	// drawn: their own Rows are ignored.
	Rows []Row
}

// Forecast is when the history expects the work to be done: a date and
// the range around it (YYYY-MM-DD each).
type Forecast struct {
	Date, Earliest, Latest string
}

// Input is one timeline's data.
type Input struct {
	Rows     []Row
	Today    string    // the build's date; its line is drawn when it falls in the span or work is open
	Target   string    // the target date, "" when none
	Forecast *Forecast // nil when there is none
}

// Line is one row as drawn, for the text alternative.
type Line struct {
	Label, URL       string
	Level            int    // 0 for a row, 1 for a row under it
	Start, Due, Done string // the row's own dates, as given (bad ones dropped)
	From, To         string // the days the bar covers, both included
	Span             bool   // the bar spans the rows under it: it has no dates of its own
	State            State
}

// Timeline is a drawn timeline.
type Timeline struct {
	SVG     string // <svg …>…</svg>, aria-hidden: Lines are its text alternative
	Caption string // one sentence: what the timeline shows
	Lines   []Line
	More    int // rows left out (over MaxRows)
}

const dateLayout = "2006-01-02"

// day is a date as days since 1970-01-01.
type day int

func parseDay(s string) (day, bool) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return 0, false
	}
	return day(t.Unix() / 86400), true
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// cleanDate is s when it is a date, else "".
func cleanDate(s string) string {
	if _, ok := parseDay(s); !ok {
		return ""
	}
	return s
}

// Draw returns the timeline of in, and false when no row has a date.
func Draw(in Input) (Timeline, bool) {
	lines, more := linesOf(in.Rows)
	if len(lines) == 0 {
		return Timeline{}, false
	}
	l := layOut(in, lines)
	return Timeline{SVG: l.svg(), Caption: caption(in, lines, more), Lines: lines, More: more}, true
}

// linesOf flattens rows into the lines drawn: rows with a date of their
// own or dated rows under them, each followed by its dated rows.
func linesOf(rows []Row) (lines []Line, more int) {
	total, tops := 0, 0
	var out []Line
	for _, r := range rows {
		top, ok := lineOf(r, 0)
		var subs []Line
		for _, c := range r.Rows {
			if sub, ok := lineOf(c, 1); ok {
				subs = append(subs, sub)
			}
		}
		if !ok && len(subs) == 0 {
			continue
		}
		if !ok { // the span of its rows
			top.Span = true
			top.From, top.To = subs[0].From, subs[0].To
			for _, s := range subs[1:] {
				top.From, top.To = min(top.From, s.From), max(top.To, s.To)
			}
		}
		out = append(out, top)
		out = append(out, subs...)
		total += 1 + len(subs)
		tops++
	}
	if total <= MaxRows {
		return out, 0
	}
	// Too many: sections keep their spans, the rows under them go.
	var kept []Line
	for _, l := range out {
		if l.Level == 0 {
			kept = append(kept, l)
		}
	}
	if len(kept) > MaxRows {
		kept = kept[:MaxRows]
	}
	return kept, total - len(kept)
}

// lineOf is r's own line; ok is false when r has no date of its own.
func lineOf(r Row, level int) (Line, bool) {
	l := Line{Label: r.Label, URL: r.URL, Level: level, State: r.State,
		Start: cleanDate(r.Start), Due: cleanDate(r.Due), Done: cleanDate(r.Done)}
	if l.State == "" {
		l.State = Open
	}
	end := l.Due
	if l.Done != "" && (l.State == Done || end == "") {
		end = l.Done
	}
	from, to := l.Start, end
	switch {
	case from == "" && to == "":
		return l, false
	case from == "":
		from = to
	case to == "":
		to = from
	case to < from:
		from, to = to, from
	}
	l.From, l.To = from, to
	return l, true
}

// caption says what the timeline shows in one sentence.
func caption(in Input, lines []Line, more int) string {
	from, to := lines[0].From, lines[0].To
	counts := map[State]int{}
	for _, l := range lines {
		from, to = min(from, l.From), max(to, l.To)
		counts[l.State]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Timeline of %d %s from %s to %s", len(lines), plural(len(lines), "row"), from, to)
	var parts []string
	for _, s := range []State{Done, Active, Blocked, Overdue, Open} {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s.Label()))
		}
	}
	b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	if t := cleanDate(in.Target); t != "" {
		b.WriteString("; target " + t)
	}
	if f := in.Forecast; f != nil && cleanDate(f.Date) != "" {
		b.WriteString("; forecast " + f.Date)
		if cleanDate(f.Earliest) != "" && cleanDate(f.Latest) != "" {
			b.WriteString(" (" + f.Earliest + " to " + f.Latest + ")")
		}
	}
	if more > 0 {
		fmt.Fprintf(&b, "; %d more %s not drawn", more, plural(more, "row"))
	}
	return b.String() + "."
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
