package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"
)

// row is one line of the results table.
type row struct {
	pages   int
	mdBytes int64
	where   string // mediumDisk or mediumRAM; "" counts as disk
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

// find returns the row of tool and mode for a corpus size, written to
// disk.
func (rep *report) find(pages int, tool, mode string) *row {
	return rep.findOn(mediumDisk, pages, tool, mode)
}

// findOn is find on the medium where.
func (rep *report) findOn(where string, pages int, tool, mode string) *row {
	for i := range rep.rows {
		r := &rep.rows[i]
		if r.pages == pages && r.tool == tool && r.mode == mode && onMedium(r, where) && r.s.err == nil && len(r.s.walls) > 0 {
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
		"*vs floor* = this CPU time ÷ the floor's (cold builds only; 1.0 is the floor itself). "+
		"The main columns are the sites written to disk; the RAM columns the same builds writing to RAM. "+
		"*cpu s* is user + system time: when the machine is busy with other work, it moves less than the wall time.\n\n", rep.runs)
	b.WriteString("| corpus | MB | tool | mode | out files | files/page | wall s | cpu s | pages/s | MB/s | peak RSS MB | vs Hugo | vs floor | RAM wall s | RAM cpu s | RAM vs Hugo |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rep.rows {
		if onMedium(&r, mediumDisk) {
			b.WriteString(rep.line(r))
		}
	}
	var notes []string
	for _, r := range rep.rows {
		// a row's note is the same on every medium (the page an edit
		// changes): it is said once
		if n := fmt.Sprintf("%s %s at %s pages: %s.", r.tool, r.mode, pagesLabel(r.pages), r.s.note); r.s.note != "" && !slices.Contains(notes, n) {
			notes = append(notes, n)
		}
		if r.s.err != nil {
			notes = append(notes, fmt.Sprintf("%s %s at %s pages, %s, FAILED: %s", r.tool, r.mode, pagesLabel(r.pages), r.where, firstErrLine(r.s.err)))
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

func onMedium(r *row, where string) bool {
	return r.where == where || (r.where == "" && where == mediumDisk)
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
	perPage := "–"
	if r.s.files > 0 {
		perPage = fmt.Sprintf("%.1f", float64(r.s.files)/float64(r.pages))
	}
	vsFloor := "–"
	if f := rep.find(r.pages, "floor", modeFull); f != nil && (r.mode == modeCold || r.tool == "floor") {
		vsFloor = fmt.Sprintf("%.2f", r.s.medianCPU().Seconds()/f.s.medianCPU().Seconds())
	}
	ramWall, ramCPU, ramVsHugo := "–", "–", "–"
	if m := rep.findOn(mediumRAM, r.pages, r.tool, r.mode); m != nil {
		ramWall, ramCPU = fmt.Sprintf("%.3f", m.s.median().Seconds()), fmt.Sprintf("%.2f", m.s.medianCPU().Seconds())
		ramVsHugo = rep.vsHugo(mediumRAM, *m)
	}
	return fmt.Sprintf("| %s | %.1f | %s | %s | %s | %s | %.3f | %.2f | %.0f | %.1f | %s | %s | %s | %s | %s | %s |\n",
		pagesLabel(r.pages), mb, r.tool, r.mode, files, perPage, wall, r.s.medianCPU().Seconds(), float64(r.pages)/wall, mb/wall, rss, rep.vsHugo(mediumDisk, r), vsFloor, ramWall, ramCPU, ramVsHugo)
}

// vsHugo is Hugo's wall time ÷ r's on the same medium, in the same mode
// (the floor against Hugo's cold build).
func (rep *report) vsHugo(where string, r row) string {
	hugoMode := r.mode
	if r.tool == "floor" {
		hugoMode = modeCold
	}
	if h := rep.findOn(where, r.pages, "hugo", hugoMode); h != nil && r.tool != "hugo" {
		return fmt.Sprintf("%.2f", h.s.median().Seconds()/r.s.median().Seconds())
	}
	return "–"
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
	for _, pages := range []int{1000, 10000} {
		c := rep.find(pages, "milepost", modeCold)
		if c == nil {
			continue
		}
		wall := c.s.median().Seconds()
		if h := rep.find(pages, "hugo", modeCold); h != nil {
			check(h.s.median().Seconds()/wall >= 2, fmt.Sprintf("%s cold on disk ≥ 2× faster than Hugo (%.2f×)", pagesLabel(pages), h.s.median().Seconds()/wall))
		}
		if pages != 10000 {
			continue
		}
		if f := rep.find(pages, "floor", modeFull); f != nil {
			ratio := c.s.medianCPU().Seconds() / f.s.medianCPU().Seconds()
			check(ratio <= 1.5, fmt.Sprintf("10k cold within 1.5× of the floor in CPU s (%.2f×)", ratio))
		}
		check(c.s.rssKB > 0 && c.s.rssKB <= 400*1024, fmt.Sprintf("10k peak RSS ≤ 400 MB (%.0f MB)", float64(c.s.rssKB)/1024))
	}
	if w := rep.find(10000, "milepost", modeWarm); w != nil {
		check(w.s.medianCPU() <= 300*time.Millisecond, fmt.Sprintf("10k warm rebuild ≤ 0.3 s CPU (%.2f s)", w.s.medianCPU().Seconds()))
	}
	for _, pages := range []int{1000, 10000} {
		if e := rep.find(pages, "milepost", modeOneEdit); e != nil {
			check(e.s.medianCPU() <= time.Second, fmt.Sprintf("%s one edit (prose) ≤ 1 s CPU (%.2f s)", pagesLabel(pages), e.s.medianCPU().Seconds()))
		}
		if e := rep.find(pages, "milepost", modeOneTask); e != nil {
			check(e.s.medianCPU() <= time.Second, fmt.Sprintf("%s one edit (a task added) ≤ 1 s CPU (%.2f s)", pagesLabel(pages), e.s.medianCPU().Seconds()))
		}
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
