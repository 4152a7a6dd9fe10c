// Package chart draws burn-up charts as inline SVG: the number of items done
// over time, from the completion dates of done items, against the current
// total. Pages, folders and the home page show one when enough of their
// done items carry a date.
//
// In: completion dates (YYYY-MM-DD), the number of done items without a
// date, and the current total. Out: SVG markup for inlining into HTML (no
// script, no ids, colours left to the page's CSS through classes) and a
// sentence saying what it shows. Pure: no I/O, no clock; equal inputs give
// byte-identical output.
//
// It draws nothing rather than something misleading: fewer than MinDated
// dated items, all of them on one day, or nothing to count give no chart.
package chart

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// MinDated is the fewest dated done items a chart is drawn from.
const MinDated = 3

// BurnUp is the data of one burn-up chart.
type BurnUp struct {
	Dates   []string // completion dates of dated done items, any order; bad dates count as undated
	Undated int      // done items without a date: drawn as done from the start
	Total   int      // items counted now: the target line
}

// Chart is a drawn chart.
type Chart struct {
	SVG     string // <svg …>…</svg>, role="img" with an aria-label
	Caption string // one sentence: what the chart shows
}

// Drawing area, in SVG user units (the SVG scales to its box).
const (
	width, height         = 400, 170
	padLeft, padRight     = 30, 10
	padTop, padBottom     = 16, 24
	plotWidth, plotHeight = width - padLeft - padRight, height - padTop - padBottom
	dateLayout            = "2006-01-02"
)

// step is the cumulative count of done items at the end of a day.
type step struct {
	day  time.Time
	done int
}

// Draw returns the chart of b, and false when there is too little to draw.
func Draw(b BurnUp) (Chart, bool) {
	days, undated := countByDay(b.Dates)
	undated += b.Undated
	dated := 0
	for _, s := range days {
		dated += s.done
	}
	done := dated + undated
	if b.Total <= 0 || dated < MinDated || len(days) < 2 || done > b.Total {
		return Chart{}, false
	}
	first, last := days[0].day, days[len(days)-1].day
	span := last.Sub(first).Hours() / 24
	x := func(t time.Time) float64 { return padLeft + t.Sub(first).Hours()/24/span*plotWidth }
	y := func(n int) float64 { return padTop + (1-float64(n)/float64(b.Total))*plotHeight }

	var line strings.Builder
	fmt.Fprintf(&line, "M%s %s", num(x(first)), num(y(undated)))
	n := undated
	for _, s := range days {
		n += s.done
		fmt.Fprintf(&line, "H%sV%s", num(x(s.day)), num(y(n)))
	}
	area := line.String() + "V" + num(y(0)) + "H" + num(padLeft) + "Z"

	caption := captionOf(done, b.Total, dated, undated, first, last)
	var w strings.Builder
	fmt.Fprintf(&w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`, width, height, escape("Burn-up chart: "+caption))
	fmt.Fprintf(&w, `<title>%s</title>`, escape("Items done over time"))
	fmt.Fprintf(&w, `<path class="bu-grid" d="M%d %sH%dM%d %sH%d"/>`, padLeft, num(y(0)), width-padRight, padLeft, num(y(b.Total/2)), width-padRight)
	fmt.Fprintf(&w, `<path class="bu-area" d="%s"/>`, area)
	fmt.Fprintf(&w, `<path class="bu-total" d="M%d %sH%d"/>`, padLeft, num(y(b.Total)), width-padRight)
	fmt.Fprintf(&w, `<path class="bu-line" d="%s"/>`, line.String())
	fmt.Fprintf(&w, `<circle class="bu-dot" cx="%s" cy="%s" r="3.5"/>`, num(x(last)), num(y(done)))
	label := func(class string, x, y float64, anchor, text string) {
		fmt.Fprintf(&w, `<text class="%s" x="%s" y="%s" text-anchor="%s">%s</text>`, class, num(x), num(y), anchor, escape(text))
	}
	label("bu-text", padLeft-6, y(0)+4, "end", "0")
	label("bu-text", padLeft-6, y(b.Total)+4, "end", strconv.Itoa(b.Total))
	label("bu-text", width-padRight, y(b.Total)-5, "end", strconv.Itoa(b.Total)+" total")
	doneY := y(done) + 16 // under the line's end, unless that leaves the plot
	if doneY > y(0)-4 {
		doneY = y(done) - 8
	}
	label("bu-text bu-strong", x(last)-6, doneY, "end", strconv.Itoa(done)+" done")
	label("bu-text", padLeft, height-6, "start", first.Format(dateLayout))
	label("bu-text", width-padRight, height-6, "end", last.Format(dateLayout))
	w.WriteString(`</svg>`)
	return Chart{SVG: w.String(), Caption: caption}, true
}

// countByDay groups valid dates by day, in order, and counts bad ones.
func countByDay(dates []string) (days []step, bad int) {
	byDay := map[time.Time]int{}
	for _, d := range dates {
		t, err := time.Parse(dateLayout, d)
		if err != nil {
			bad++
			continue
		}
		byDay[t]++
	}
	for t, n := range byDay {
		days = append(days, step{day: t, done: n})
	}
	sort.Slice(days, func(i, j int) bool { return days[i].day.Before(days[j].day) })
	return days, bad
}

func captionOf(done, total, dated, undated int, first, last time.Time) string {
	s := fmt.Sprintf("%d of %d items done; %d of them dated, from %s to %s", done, total, dated, first.Format(dateLayout), last.Format(dateLayout))
	if undated == 0 {
		return s + "."
	}
	return s + fmt.Sprintf("; %d without a date count from the start.", undated)
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(float64(int(v*10+0.5))/10, 'f', -1, 64)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escape(s string) string { return escaper.Replace(s) }
