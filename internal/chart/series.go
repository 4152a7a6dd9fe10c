package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A burn-up from history: when the build knows, from git, how many items
// were done and how many there were (the scope) on each day, the chart
// draws both lines, marks today and the target date, and carries the
// forecast on past today.

// Point is done and total at the end of one day (YYYY-MM-DD).
type Point struct {
	Date        string
	Done, Total int
}

// Forecast is the finish date at the recent pace, with its range.
type Forecast struct {
	Date, Earliest, Latest string
}

// Series is the data of a burn-up drawn from history.
type Series struct {
	Points   []Point   // one per day with a change, oldest first
	Today    string    // the build's day: the lines run on to it
	Target   string    // the target date, "" when none
	Forecast *Forecast // nil when there is none
}

// DrawSeries returns the chart of s, and false when there is too little to
// draw: no point with a total, or history of a single day.
func DrawSeries(s Series) (Chart, bool) {
	pts := validPoints(s.Points)
	today, err := time.Parse(dateLayout, s.Today)
	if len(pts) == 0 || err != nil {
		return Chart{}, false
	}
	first := pts[0].day
	last := pts[len(pts)-1]
	if today.Before(last.day) {
		today = last.day
	}
	end := today
	target, hasTarget := parseDay(s.Target)
	if hasTarget && target.After(end) {
		end = target
	}
	var fc [3]time.Time // date, earliest, latest
	hasForecast := s.Forecast != nil
	if hasForecast {
		for i, d := range []string{s.Forecast.Date, s.Forecast.Earliest, s.Forecast.Latest} {
			t, ok := parseDay(d)
			if !ok {
				hasForecast = false
				break
			}
			fc[i] = t
		}
	}
	if hasForecast && fc[2].After(end) {
		end = fc[2]
	}
	if !end.After(first) {
		return Chart{}, false
	}
	top := 0
	for _, p := range pts {
		top = max(top, p.total)
	}
	if top == 0 {
		return Chart{}, false
	}
	span := end.Sub(first).Hours() / 24
	x := func(t time.Time) float64 { return padLeft + t.Sub(first).Hours()/24/span*plotWidth }
	y := func(n int) float64 { return padTop + (1-float64(n)/float64(top))*plotHeight }

	var done, scope strings.Builder
	fmt.Fprintf(&done, "M%s %s", num(x(first)), num(y(pts[0].done)))
	fmt.Fprintf(&scope, "M%s %s", num(x(first)), num(y(pts[0].total)))
	for _, p := range pts[1:] {
		fmt.Fprintf(&done, "H%sV%s", num(x(p.day)), num(y(p.done)))
		fmt.Fprintf(&scope, "H%sV%s", num(x(p.day)), num(y(p.total)))
	}
	fmt.Fprintf(&done, "H%s", num(x(today)))
	fmt.Fprintf(&scope, "H%s", num(x(today)))
	area := done.String() + "V" + num(y(0)) + "H" + num(padLeft) + "Z"

	caption := seriesCaption(last, pts[0], today, s.Target, hasTarget, s.Forecast, hasForecast)
	var w strings.Builder
	fmt.Fprintf(&w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`, width, height, escape("Burn-up chart: "+caption))
	fmt.Fprintf(&w, `<title>%s</title>`, escape("Items done and in scope over time"))
	fmt.Fprintf(&w, `<path class="bu-grid" d="M%d %sH%dM%d %sH%d"/>`, padLeft, num(y(0)), width-padRight, padLeft, num(y(top/2)), width-padRight)
	if hasForecast {
		// The band where the finish falls, and the line to it at the pace
		// of the window.
		fmt.Fprintf(&w, `<rect class="bu-area" x="%s" y="%d" width="%s" height="%d"/>`,
			num(x(fc[1])), padTop, num(max(1, x(fc[2])-x(fc[1]))), plotHeight)
		fmt.Fprintf(&w, `<path class="bu-forecast" d="M%s %sL%s %s"/>`, num(x(today)), num(y(last.done)), num(x(fc[0])), num(y(last.total)))
	}
	fmt.Fprintf(&w, `<path class="bu-area" d="%s"/>`, area)
	fmt.Fprintf(&w, `<path class="bu-total" d="%s"/>`, scope.String())
	fmt.Fprintf(&w, `<path class="bu-line" d="%s"/>`, done.String())
	fmt.Fprintf(&w, `<path class="bu-today" d="M%s %dV%s"/>`, num(x(today)), padTop-4, num(y(0)))
	if hasTarget {
		fmt.Fprintf(&w, `<path class="bu-target" d="M%s %dV%s"/>`, num(x(target)), padTop-4, num(y(0)))
	}
	fmt.Fprintf(&w, `<circle class="bu-dot" cx="%s" cy="%s" r="3.5"/>`, num(x(today)), num(y(last.done)))
	label := func(class string, x, y float64, anchor, text string) {
		fmt.Fprintf(&w, `<text class="%s" x="%s" y="%s" text-anchor="%s">%s</text>`, class, num(x), num(y), anchor, escape(text))
	}
	label("bu-text", padLeft-6, y(0)+4, "end", "0")
	label("bu-text", padLeft-6, y(top)+4, "end", strconv.Itoa(top))
	doneY := y(last.done) + 16
	if doneY > y(0)-4 {
		doneY = y(last.done) - 8
	}
	anchor, tx := "end", x(today)-6
	if x(today) < padLeft+plotWidth/3 {
		anchor, tx = "start", x(today)+6
	}
	label("bu-text bu-strong", tx, doneY, anchor, strconv.Itoa(last.done)+" done")
	label("bu-text", tx, y(last.total)-5, anchor, strconv.Itoa(last.total)+" in scope")
	label("bu-text", padLeft, height-6, "start", first.Format(dateLayout))
	label("bu-text", width-padRight, height-6, "end", end.Format(dateLayout))
	w.WriteString(`</svg>`)
	return Chart{SVG: w.String(), Caption: caption}, true
}

// day is a point with its date parsed.
type day struct {
	day         time.Time
	done, total int
}

// validPoints parses the points' dates, dropping those that do not parse
// or run backwards.
func validPoints(ps []Point) []day {
	var out []day
	for _, p := range ps {
		t, ok := parseDay(p.Date)
		if !ok || (len(out) > 0 && !t.After(out[len(out)-1].day)) {
			continue
		}
		out = append(out, day{t, p.Done, p.Total})
	}
	return out
}

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(dateLayout, s)
	return t, err == nil
}

func seriesCaption(last, first day, today time.Time, target string, hasTarget bool, f *Forecast, hasForecast bool) string {
	s := fmt.Sprintf("%d of %d items done on %s, from history since %s", last.done, last.total, today.Format(dateLayout), first.day.Format(dateLayout))
	if hasForecast {
		s += fmt.Sprintf("; at the recent pace done by %s (between %s and %s)", f.Date, f.Earliest, f.Latest)
	}
	if hasTarget {
		s += "; target " + target
	}
	return s + "."
}
