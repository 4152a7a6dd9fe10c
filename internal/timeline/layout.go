package timeline

import (
	"time"
	"unicode/utf8"
)

// Drawing area, in SVG user units. The SVG is drawn at this size and
// scrolls in its own box on a narrow screen: text keeps its size.
const (
	width      = 760
	labelX     = 8   // row labels start here
	indent     = 14  // rows under a row start this much further in
	labelRight = 206 // row labels end before this
	plotX0     = 216 // the plot: bars, ticks, markers
	plotX1     = width - 12
	axisH      = 24 // the axis labels above the rows
	rowH       = 24
	barH       = 12
	spanH      = 6  // a span's bar, under its end caps
	minSpan    = 12 // the narrowest span
	markH      = 16 // one line of marker labels below the rows
	labelSize  = 12 // font sizes: row labels (the CSS's), axis and marker labels
	smallSize  = 11
	gap        = 6 // the least space between two labels on one line
)

// box is a rectangle: x0 ≤ x1, y0 ≤ y1.
type box struct{ x0, y0, x1, y1 float64 }

// label is a text drawn from (x, y), its baseline, anchored at its start.
type label struct {
	text string
	full string // the text before it was shortened; "" when it was not
	x, y float64
	size float64
	box  box // where its glyphs may fall, by textWidth
}

func newLabel(text string, x, y, size float64) label {
	return label{text: text, x: x, y: y, size: size, box: box{x, y - size, x + textWidth(text, size), y + size*0.3}}
}

// rowLayout is one line's place: its row, label and marks.
type rowLayout struct {
	line  Line
	row   box // the row's band; marks and label stay inside it
	label label
	bar   box  // the bar, or the diamond's bounds for a point
	point bool // one date: a diamond
	late  *box // open work past its due date, up to today
}

// marker is a vertical line across the rows (today, target, forecast)
// with its label below them.
type marker struct {
	class string // the line's: tl-now (today, and dashed the forecast), tl-tg (target)
	x     float64
	dash  bool
	label label
	band  *box // the forecast's range
}

// tick is a date on the axis: a grid line and, when there is room, a label.
type tick struct {
	x     float64
	label *label
}

// layout is a timeline's geometry, computed before anything is written.
type layout struct {
	height          float64
	plotTop, plotY1 float64 // the rows' band, top to bottom
	rows            []rowLayout
	ticks           []tick
	markers         []marker
}

// scale maps days to x: day lo starts at plotX0, day hi at plotX1.
type scale struct{ lo, hi day }

func (s scale) x(d day) float64 {
	return plotX0 + float64(d-s.lo)/float64(s.hi-s.lo)*(plotX1-plotX0)
}

// xMid is the middle of day d.
func (s scale) xMid(d day) float64 { return (s.x(d) + s.x(d+1)) / 2 }

func mustDay(s string) day { d, _ := parseDay(s); return d }

// layOut places every line, tick and marker.
func layOut(in Input, lines []Line) *layout {
	today, hasToday := parseDay(in.Today)
	target, hasTarget := parseDay(in.Target)
	var fc struct {
		date, lo, hi      day
		hasDate, hasRange bool
	}
	if f := in.Forecast; f != nil {
		fc.date, fc.hasDate = parseDay(f.Date)
		var okLo, okHi bool
		fc.lo, okLo = parseDay(f.Earliest)
		fc.hi, okHi = parseDay(f.Latest)
		fc.hasRange = okLo && okHi && fc.lo <= fc.hi
	}

	// The span: every line, the target and forecast; today when work is
	// open or it falls inside anyway.
	lo, hi := mustDay(lines[0].From), mustDay(lines[0].To)
	open := false
	for _, l := range lines {
		lo, hi = min(lo, mustDay(l.From)), max(hi, mustDay(l.To))
		open = open || l.State != Done
	}
	widen := func(d day) { lo, hi = min(lo, d), max(hi, d) }
	if hasTarget {
		widen(target)
	}
	if fc.hasDate {
		widen(fc.date)
	}
	if fc.hasRange {
		widen(fc.lo)
		widen(fc.hi)
	}
	showToday := hasToday && (open || today >= lo && today <= hi)
	if showToday {
		widen(today)
	}
	hi++ // the last day's end
	pad := max(1, (hi-lo)/25)
	sc := scale{lo - pad, hi + pad}

	l := &layout{plotTop: axisH - 6}
	l.plotY1 = axisH + float64(len(lines))*rowH
	for i, ln := range lines {
		y := axisH + float64(i)*rowH
		r := rowLayout{line: ln, row: box{0, y, width, y + rowH}}
		r.label = fitLabel(ln.Label, labelX+float64(ln.Level)*indent, y+rowH/2+labelSize*0.35, labelRight)
		from, to := mustDay(ln.From), mustDay(ln.To)
		mid := y + rowH/2
		switch {
		case ln.Span:
			x0, x1 := sc.x(from), sc.x(to+1)
			if x1-x0 < minSpan { // room for its two ends
				c := (x0 + x1) / 2
				x0, x1 = c-minSpan/2, c+minSpan/2
			}
			r.bar = box{x0, mid - spanH/2 - 2, x1, mid + spanH/2 + 3}
		case ln.Start == "" || ln.Due == "" && ln.Done == "":
			// one date (a due or done date, or a start alone): a diamond
			cx := sc.xMid(from)
			r.point = true
			r.bar = box{cx - barH/2, mid - barH/2, cx + barH/2, mid + barH/2}
		default:
			r.bar = box{sc.x(from), mid - barH/2, sc.x(to + 1), mid + barH/2}
		}
		if r.bar.x1-r.bar.x0 < 3 {
			r.bar.x1 = r.bar.x0 + 3
		}
		if ln.State == Overdue && ln.Due != "" && hasToday && showToday && today > mustDay(ln.Due) {
			late := box{max(r.bar.x1, sc.x(mustDay(ln.Due)+1)), mid - barH/2 + 2, sc.xMid(today), mid + barH/2 - 2}
			if late.x1 > late.x0 {
				r.late = &late
			}
		}
		l.rows = append(l.rows, r)
	}
	l.ticks = ticksOf(sc)

	// Markers, with their labels below the rows, stacked when they would
	// overlap.
	short := func(d day) string { return d.time().Format("Jan 2") }
	if fc.hasRange {
		b := box{sc.x(fc.lo), l.plotTop, sc.x(fc.hi + 1), l.plotY1}
		m := marker{class: "tl-now", dash: true, band: &b, x: (b.x0 + b.x1) / 2}
		if fc.hasDate {
			m.x = sc.xMid(fc.date)
			m.label.text = "Forecast " + short(fc.date) + " (" + short(fc.lo) + "–" + short(fc.hi) + ")"
		} else {
			m.label.text = "Forecast " + short(fc.lo) + "–" + short(fc.hi)
		}
		l.markers = append(l.markers, m)
	} else if fc.hasDate {
		l.markers = append(l.markers, marker{class: "tl-now", x: sc.xMid(fc.date), dash: true, label: label{text: "Forecast " + short(fc.date)}})
	}
	if hasTarget {
		l.markers = append(l.markers, marker{class: "tl-tg", x: sc.x(target + 1), dash: true, label: label{text: "Target " + short(target)}})
	}
	if showToday {
		l.markers = append(l.markers, marker{class: "tl-now", x: sc.xMid(today), label: label{text: "Today " + short(today)}})
	}
	var placed [][]box // per line of labels
	for i := range l.markers {
		m := &l.markers[i]
		w := textWidth(m.label.text, smallSize)
		x := min(max(m.x-w/2, labelX), width-labelX-w)
		line := 0
		for ; line < len(placed); line++ {
			free := true
			for _, b := range placed[line] {
				if x < b.x1+gap && b.x0 < x+w+gap {
					free = false
				}
			}
			if free {
				break
			}
		}
		if line == len(placed) {
			placed = append(placed, nil)
		}
		m.label = newLabel(m.label.text, x, l.plotY1+float64(line+1)*markH-3, smallSize)
		placed[line] = append(placed[line], m.label.box)
	}
	l.height = l.plotY1 + float64(len(placed))*markH + 6
	return l
}

// fitLabel shortens text with an ellipsis until it ends before right:
// the longest prefix that leaves room for "…", measured in one pass.
func fitLabel(text string, x, y, right float64) label {
	lb := newLabel(text, x, y, labelSize)
	if lb.box.x1 <= right {
		return lb
	}
	room := right - x - textWidth("…", labelSize)
	w, cut := 0.0, 0
	for i, r := range text {
		if w += runeWidth(r) * labelSize; w > room {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	lb = newLabel(trimRight(text[:cut])+"…", x, y, labelSize)
	lb.full = text
	return lb
}

func trimRight(s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if r != ' ' && r != ',' && r != ':' && r != '-' && r != '.' {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// tickStep is one way to divide the axis: which days get a tick, and
// how they are labelled.
type tickStep struct {
	days  int // the least distance between two ticks, in days
	at    func(time.Time) bool
	label func(t time.Time, first bool) string
}

var tickSteps = []tickStep{
	{7, func(t time.Time) bool { return t.Weekday() == time.Monday }, weekLabel},
	{14, func(t time.Time) bool { return t.Weekday() == time.Monday && (t.Unix()/86400/7)%2 == 0 }, weekLabel},
	{28, func(t time.Time) bool { return t.Day() == 1 }, monthLabel},
	{90, func(t time.Time) bool { return t.Day() == 1 && t.Month()%3 == 1 }, monthLabel},
	{365, func(t time.Time) bool { return t.YearDay() == 1 }, func(t time.Time, _ bool) string { return t.Format("2006") }},
}

func weekLabel(t time.Time, _ bool) string { return t.Format("Jan 2") }

func monthLabel(t time.Time, first bool) string {
	if first || t.Month() == time.January {
		return t.Format("Jan 2006")
	}
	return t.Format("Jan")
}

// ticksOf chooses the finest step whose labels fit between its ticks
// (weeks for a short span, months or years for a longer one), and drops
// a label that would leave the plot or meet the next.
func ticksOf(sc scale) []tick {
	perDay := float64(plotX1-plotX0) / float64(sc.hi-sc.lo)
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if float64(s.days)*perDay >= textWidth("Sep 2026", smallSize)+2*gap {
			step = s
			break
		}
	}
	var out []tick
	for d := sc.lo; d < sc.hi; d++ {
		t := d.time()
		if !step.at(t) {
			continue
		}
		x := sc.x(d)
		lb := newLabel(step.label(t, len(out) == 0), x+3, axisH-10, smallSize)
		tk := tick{x: x}
		if lb.box.x1 <= plotX1 {
			tk.label = &lb
		}
		out = append(out, tk)
	}
	for i := 0; i+1 < len(out); i++ { // a long label ("Jan 2027") may meet the next
		if out[i].label != nil && out[i+1].label != nil && out[i].label.box.x1+gap > out[i+1].label.box.x0 {
			out[i+1].label = nil
		}
	}
	if len(out) == 0 || out[0].label == nil && len(out) == 1 {
		lb := newLabel(sc.lo.time().Format("Jan 2 2006"), plotX0+3, axisH-10, smallSize)
		out = append([]tick{{x: plotX0, label: &lb}}, out...)
	}
	return out
}

// textWidth is a generous estimate of the width of s at size: wider than
// the common sans-serif faces draw it, so a label measured by it stays in
// its box.
func textWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		em += runeWidth(r)
	}
	return em * size
}

// runeWidth is the width textWidth counts for r, in ems.
func runeWidth(r rune) float64 {
	switch {
	case r == ' ':
		return 0.33
	case r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '|' || r == '!' || r == '(' || r == ')' || r == '[' || r == ']':
		return 0.36
	case r == 'f' || r == 't' || r == 'r' || r == 'I' || r == '-':
		return 0.45
	case r == 'm' || r == 'w':
		return 0.92
	case r == 'M' || r == 'W':
		return 1.0
	case r >= 'A' && r <= 'Z':
		return 0.74
	case r < 0x80:
		return 0.62 // digits, other lower case and punctuation
	case r < 0x2000:
		return 0.75 // accented Latin, Greek, Cyrillic
	}
	return 1.3 // CJK, symbols, emoji
}
