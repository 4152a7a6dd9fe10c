package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

// row is one line of the results table.
type row struct {
	pages   int
	mdBytes int64
	tool    string
	mode    string
	s       *sample
}

type report struct {
	started   time.Time
	machine   []string
	runs      int
	rows      []row
	notes     []string
	extra     []string
	loadStart string
	loadEnd   string
	reload    map[int]map[string]float64 // pages → dev server benchmark metrics
}

// find returns the row of tool and mode for a corpus size.
func (rep *report) find(pages int, tool, mode string) *row {
	for i := range rep.rows {
		r := &rep.rows[i]
		if r.pages == pages && r.tool == tool && r.mode == mode && r.s.err == nil && len(r.s.walls) > 0 {
			return r
		}
	}
	return nil
}

func (rep *report) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Results %s\n\n", rep.started.Format("2006-01-02"))
	for _, m := range rep.machine {
		fmt.Fprintf(&b, "- %s\n", m)
	}
	if rep.loadEnd != "" {
		fmt.Fprintf(&b, "- load average at the end: %s\n", rep.loadEnd)
	}
	fmt.Fprintf(&b, "\nMedian of %d runs; peak RSS is the highest of the runs. "+
		"*vs Hugo* = Hugo's wall time ÷ this one (same mode; > 1 is faster than Hugo; the floor is compared with Hugo's cold build). "+
		"*vs floor* = this wall time ÷ the floor's (cold builds only; 1.0 is the floor itself). "+
		"*cpu s* is user + system time: when the machine is busy with other work, it moves less than the wall time.\n\n", rep.runs)
	b.WriteString("| corpus | MB | tool | mode | out files | wall s | cpu s | pages/s | MB/s | peak RSS MB | vs Hugo | vs floor |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rep.rows {
		b.WriteString(rep.line(r))
	}
	var notes []string
	for _, r := range rep.rows {
		if r.s.note != "" {
			notes = append(notes, fmt.Sprintf("%s %s at %s pages: %s.", r.tool, r.mode, pagesLabel(r.pages), r.s.note))
		}
		if r.s.err != nil {
			notes = append(notes, fmt.Sprintf("%s %s at %s pages FAILED: %s", r.tool, r.mode, pagesLabel(r.pages), firstErrLine(r.s.err)))
		}
	}
	notes = append(notes, rep.notes...)
	if busy(rep.loadStart) || busy(rep.loadEnd) {
		notes = append(notes, fmt.Sprintf("The machine was busy with other work (load average %s at the start, %s at the end, on %d cores): wall times are inflated and vary from run to run; *cpu s* is the steadier figure. Re-measure on a quiet machine before quoting wall times.", rep.loadStart, rep.loadEnd, runtime.NumCPU()))
	}
	if len(notes) > 0 {
		b.WriteString("\n")
		for _, n := range notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	if t := rep.targets(); t != "" {
		b.WriteString("\n" + t)
	}
	for _, e := range rep.extra {
		b.WriteString("\n" + e)
	}
	return b.String()
}

func (rep *report) line(r row) string {
	mb := float64(r.mdBytes) / 1e6
	files := "–"
	if r.s.files > 0 {
		files = fmt.Sprint(r.s.files)
	}
	if r.s.err != nil || len(r.s.walls) == 0 {
		return fmt.Sprintf("| %s | %.1f | %s | %s | %s | failed | – | – | – | – | – | – |\n", pagesLabel(r.pages), mb, r.tool, r.mode, files)
	}
	wall := r.s.median().Seconds()
	rss := "n/a"
	if r.s.rssKB > 0 {
		rss = fmt.Sprintf("%.0f", float64(r.s.rssKB)/1024)
	}
	vsHugo, vsFloor := "–", "–"
	hugoMode := r.mode
	if r.tool == "floor" {
		hugoMode = modeCold
	}
	if h := rep.find(r.pages, "hugo", hugoMode); h != nil && r.tool != "hugo" {
		vsHugo = fmt.Sprintf("%.2f", h.s.median().Seconds()/wall)
	}
	if f := rep.find(r.pages, "floor", modeFull); f != nil && (r.mode == modeCold || r.tool == "floor") {
		vsFloor = fmt.Sprintf("%.2f", wall/f.s.median().Seconds())
	}
	return fmt.Sprintf("| %s | %.1f | %s | %s | %s | %.3f | %.2f | %.0f | %.1f | %s | %s | %s |\n",
		pagesLabel(r.pages), mb, r.tool, r.mode, files, wall, r.s.medianCPU().Seconds(), float64(r.pages)/wall, mb/wall, rss, vsHugo, vsFloor)
}

// targets checks the numbers against the performance issue's targets.
func (rep *report) targets() string {
	var b strings.Builder
	check := func(ok bool, what string) {
		mark := "missed"
		if ok {
			mark = "met"
		}
		fmt.Fprintf(&b, "| %s | %s |\n", what, mark)
	}
	if c := rep.find(10000, "milepost", modeCold); c != nil {
		wall := c.s.median().Seconds()
		if h := rep.find(10000, "hugo", modeCold); h != nil {
			check(h.s.median().Seconds()/wall >= 3, fmt.Sprintf("10k cold ≥ 3× faster than Hugo (%.2f×)", h.s.median().Seconds()/wall))
		}
		if f := rep.find(10000, "floor", modeFull); f != nil {
			check(wall/f.s.median().Seconds() <= 1.3, fmt.Sprintf("10k cold within 1.3× of the floor (%.2f×)", wall/f.s.median().Seconds()))
		}
		check(c.s.rssKB > 0 && c.s.rssKB <= 400*1024, fmt.Sprintf("10k peak RSS ≤ 400 MB (%.0f MB)", float64(c.s.rssKB)/1024))
	}
	if w := rep.find(10000, "milepost", modeWarm); w != nil {
		check(w.s.median() <= 500*time.Millisecond, fmt.Sprintf("10k warm rebuild ≤ 0.5 s (%.3f s)", w.s.median().Seconds()))
	}
	if e := rep.find(10000, "milepost", modeOneEdit); e != nil {
		check(e.s.median() <= time.Second, fmt.Sprintf("10k one-page rebuild ≤ 1 s (%.3f s)", e.s.median().Seconds()))
	}
	if c := rep.find(100000, "milepost", modeCold); c != nil {
		check(c.s.median() <= 60*time.Second, fmt.Sprintf("100k cold build ≤ about a minute (%.1f s)", c.s.median().Seconds()))
		check(c.s.rssKB > 0 && c.s.rssKB < 2*1024*1024, fmt.Sprintf("100k peak RSS < 2 GB (%.0f MB)", float64(c.s.rssKB)/1024))
	}
	for _, t := range []struct {
		pages int
		maxMS float64
	}{{1000, 50}, {10000, 150}} {
		if m, ok := rep.reload[t.pages]["median-ms"]; ok {
			check(m <= t.maxMS, fmt.Sprintf("%s dev server reload median ≤ %.0f ms (%.0f ms, p95 %.0f ms)", pagesLabel(t.pages), t.maxMS, m, rep.reload[t.pages]["p95-ms"]))
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "| target | |\n|---|---|\n" + b.String()
}

func pagesLabel(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

func firstErrLine(err error) string {
	return strings.SplitN(err.Error(), "\n", 2)[0]
}
