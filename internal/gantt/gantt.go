// Package gantt reads the tasks of a Mermaid gantt chart: the text of a
// ```mermaid block that opens with `gantt`, as GitHub, GitLab and many
// markdown editors draw it.
//
// In: the block's lines. Out: its tasks in order, each with its name, the
// line it is on, its tags (done, active, crit, milestone) and the dates the
// chart gives it, worked out as Mermaid works them out: a start that is a
// date or `after` other tasks (or the end of the task before), an end that
// is a date, a duration or `until` another task, days the chart excludes
// skipped. Must not: guess a date it cannot read (a date format it does not
// know leaves the dates empty, the tasks kept), or draw anything.
package gantt

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Task is one task line of a chart.
type Task struct {
	Name                          string
	Line                          int // index of its line among the block's lines
	ID                            string
	Done, Active, Crit, Milestone bool
	// Start and End are its first and last day, YYYY-MM-DD; "" when the
	// chart does not say or they could not be worked out. End is the date
	// as written when the task names one, else the day before the
	// exclusive end Mermaid draws (a task of 3d from Monday ends Wednesday).
	Start, End string
}

// chart is what Parse reads besides the tasks.
type chart struct {
	layout    string // Go layout of the chart's dateFormat; "" when unknown
	inclusive bool   // inclusiveEndDates: a written end date is the last day
	weekends  bool
	weekdays  [7]bool
	dates     map[string]bool
}

// line is one task line before its dates are worked out.
type line struct {
	task       Task
	start, end string // as written
}

// Parse returns the tasks of the chart in lines, and false when lines are
// not a gantt chart.
func Parse(lines []string) ([]Task, bool) {
	i, ok := opening(lines)
	if !ok {
		return nil, false
	}
	c := chart{layout: layoutOf("YYYY-MM-DD")}
	var todo []line
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || strings.HasPrefix(t, "%%") {
			continue
		}
		word, rest, _ := strings.Cut(t, " ")
		switch strings.ToLower(strings.TrimSuffix(word, ":")) {
		case "dateformat":
			c.layout = layoutOf(strings.TrimSpace(rest))
			continue
		case "excludes":
			c.exclude(rest)
			continue
		case "inclusiveenddates":
			c.inclusive = true
			continue
		case "title", "section", "axisformat", "tickinterval", "includes", "todaymarker", "weekday", "weekend",
			"acctitle", "accdescr", "topaxis", "displaymode", "click":
			continue
		}
		name, meta, found := strings.Cut(t, ":")
		if !found || strings.TrimSpace(name) == "" {
			continue
		}
		todo = append(todo, parseTask(strings.TrimSpace(name), meta, i))
	}
	return c.schedule(todo), true
}

// opening returns the index of the line after `gantt`, past front matter
// and init directives above it.
func opening(lines []string) (int, bool) {
	inFront := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "---":
			inFront = !inFront
		case inFront, t == "", strings.HasPrefix(t, "%%"):
		default:
			return i + 1, strings.EqualFold(t, "gantt")
		}
	}
	return 0, false
}

// parseTask reads `Name : tags, id, start, end` from meta.
func parseTask(name, meta string, at int) line {
	l := line{task: Task{Name: name, Line: at}}
	parts := strings.Split(meta, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	for len(parts) > 0 && l.task.tag(parts[0]) {
		parts = parts[1:]
	}
	switch len(parts) {
	case 1:
		l.end = parts[0]
	case 2:
		l.start, l.end = parts[0], parts[1]
	case 3:
		l.task.ID, l.start, l.end = parts[0], parts[1], parts[2]
	}
	return l
}

// tag sets the tag word names and reports whether it is one.
func (t *Task) tag(word string) bool {
	switch strings.ToLower(word) {
	case "done":
		t.Done = true
	case "active":
		t.Active = true
	case "crit":
		t.Crit = true
	case "milestone":
		t.Milestone = true
	default:
		return false
	}
	return true
}

// exclude records what an `excludes` line leaves out: weekends, weekday
// names, dates.
func (c *chart) exclude(list string) {
	for _, w := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' }) {
		lw := strings.ToLower(w)
		if lw == "weekends" {
			c.weekends = true
			continue
		}
		if d, ok := weekdayNamed(lw); ok {
			c.weekdays[d] = true
			continue
		}
		if d, ok := c.date(w); ok {
			if c.dates == nil {
				c.dates = map[string]bool{}
			}
			c.dates[d.Format(time.DateOnly)] = true
		}
	}
}

func weekdayNamed(w string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == w {
			return d, true
		}
	}
	return 0, false
}

// excluded reports whether the chart leaves day d out of durations.
func (c *chart) excluded(d time.Time) bool {
	wd := d.Weekday()
	return c.weekdays[wd] || c.weekends && (wd == time.Saturday || wd == time.Sunday) ||
		c.dates != nil && c.dates[d.Format(time.DateOnly)]
}

// workday returns d, or the first day after it the chart does not
// exclude: a task after one ending on a Friday starts on Monday.
func (c *chart) workday(d time.Time) time.Time {
	for n := 0; !d.IsZero() && c.excluded(d) && n < 366; n++ {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// date reads s in the chart's date format.
func (c *chart) date(s string) (time.Time, bool) {
	if c.layout == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(c.layout, s)
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// span is a task's dates while they are worked out: start and the
// exclusive end Mermaid draws to.
type span struct {
	start, end time.Time
	last       string // the last day to report
}

// schedule works out every task's dates in order, as Mermaid does: a
// task without a start begins where the one before it ended; `until`
// waits for a task further down, so it is looked at after the others.
func (c *chart) schedule(lines []line) []Task {
	spans := make([]span, len(lines))
	byID := map[string]int{}
	for i, l := range lines {
		if l.task.ID != "" {
			byID[l.task.ID] = i
		}
	}
	// A task `until` one further down learns its end only once that one
	// has its start, and the tasks after it their starts only then: pass
	// again while passes change something, as Mermaid resolves them.
	for pass, changed := 0, true; changed && pass <= len(lines); pass++ {
		changed = false
		for i, l := range lines {
			var prev *span
			if i > 0 {
				prev = &spans[i-1]
			}
			next := span{start: c.startOf(l.start, prev, spans, byID, i)}
			if _, written := c.date(l.start); !written {
				next.start = c.workday(next.start) // a date as written stands
			}
			next.end, next.last = c.endOf(l.end, next.start)
			if id, ok := strings.CutPrefix(l.end, "until "); ok && !next.start.IsZero() {
				if j, ok := byID[strings.TrimSpace(id)]; ok && !spans[j].start.IsZero() {
					next.end = spans[j].start
					next.last = spans[j].start.AddDate(0, 0, -1).Format(time.DateOnly)
				}
			}
			if next != spans[i] {
				spans[i], changed = next, true
			}
		}
	}
	tasks := make([]Task, len(lines))
	for i, l := range lines {
		tasks[i] = l.task
		if s := spans[i]; !s.start.IsZero() && s.last != "" { // an end it cannot read leaves both out
			tasks[i].Start = s.start.Format(time.DateOnly)
			tasks[i].End = s.last
			if tasks[i].Milestone || tasks[i].End < tasks[i].Start {
				tasks[i].End = tasks[i].Start
			}
		}
	}
	return tasks
}

// startOf works out where a task starts: a date, after the latest of
// the tasks named (only those above it are known), or where the task
// before it ended.
func (c *chart) startOf(written string, prev *span, spans []span, byID map[string]int, at int) time.Time {
	if written == "" {
		if prev == nil {
			return time.Time{}
		}
		return prev.end
	}
	if ids, ok := strings.CutPrefix(written, "after "); ok {
		var latest time.Time
		for _, id := range strings.Fields(ids) {
			if j, ok := byID[id]; ok && j < at && spans[j].end.After(latest) {
				latest = spans[j].end
			}
		}
		return latest
	}
	d, _ := c.date(written)
	return d
}

// endOf works out a task's exclusive end and the last day to report from
// what is written: a date (its own last day, or the day before with
// inclusiveEndDates off) or a duration counted from start, excluded days
// skipped.
func (c *chart) endOf(written string, start time.Time) (time.Time, string) {
	if start.IsZero() || strings.HasPrefix(written, "until ") {
		return time.Time{}, ""
	}
	if d, ok := c.date(written); ok {
		if c.inclusive {
			return d.AddDate(0, 0, 1), d.Format(time.DateOnly)
		}
		return d, d.Format(time.DateOnly)
	}
	days, ok := durationDays(written)
	if !ok {
		return time.Time{}, ""
	}
	end := start
	for n, steps := 0, 0; n < days; steps++ {
		if steps > 4*maxDays {
			return time.Time{}, "" // every day excluded: no end
		}
		if !c.excluded(end) {
			n++
		}
		end = end.AddDate(0, 0, 1)
	}
	return end, end.AddDate(0, 0, -1).Format(time.DateOnly)
}

// maxDays is the longest duration read, ten years: a longer one is a slip
// of the keyboard, and no loop counts days past it.
const maxDays = 3653

// durationDays reads a Mermaid duration (`3d`, `1w`, `36h`, `0d`) as
// whole days, rounded up.
func durationDays(s string) (int, bool) {
	units := []struct {
		suffix string
		days   float64
	}{{"ms", 0}, {"s", 0}, {"m", 0}, {"h", 1.0 / 24}, {"d", 1}, {"w", 7}}
	for _, u := range units {
		num, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || v < 0 || v*u.days > maxDays {
			return 0, false
		}
		return int(math.Ceil(v*u.days - 1e-9)), true
	}
	return 0, false
}

// layoutOf turns a Mermaid (dayjs) date format into a Go layout, or ""
// when it holds a token this reader does not know.
func layoutOf(format string) string {
	tokens := []struct{ dayjs, goLayout string }{
		{"YYYY", "2006"}, {"YY", "06"}, {"MM", "01"}, {"M", "1"}, {"DD", "02"}, {"D", "2"},
		{"HH", "15"}, {"H", "15"}, {"mm", "04"}, {"ss", "05"},
	}
	var b strings.Builder
next:
	for format != "" {
		for _, t := range tokens {
			if rest, ok := strings.CutPrefix(format, t.dayjs); ok {
				b.WriteString(t.goLayout)
				format = rest
				continue next
			}
		}
		r := format[0]
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return ""
		}
		b.WriteByte(r)
		format = format[1:]
	}
	return b.String()
}
