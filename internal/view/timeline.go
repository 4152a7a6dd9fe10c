package view

import (
	"github.com/milepost/milepost/internal/history"
	"html/template"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/timeline"
)

// Timelines: a page's dated sections and items, and the home page's
// roadmap of pages and folders with target dates (package timeline).
// What they are made from is in the page's key already: its source, the
// build date (the site key), the plan's states (PageIn.Plan), and for the
// roadmap every page's target, start and state (FolderSig, through
// PlanSig).

// pageTimeline is page p's timeline: its sections with their own dated
// items under them, nil when none has a start or due date or timelines
// are off.
func (m *Maker) pageTimeline(p *Page) *render.Timeline {
	if !m.cfg.Graphs.Timeline || !hasDates(p) {
		return nil
	}
	today := m.today()
	bySection := map[string][]timeline.Row{}
	var loose []timeline.Row // items under no section
	for k, it := range p.Status.Items {
		if it.State == marker.Dropped {
			continue
		}
		a := it.Attributes()
		st := stateOf(it.State, "", "")
		if m.ItemPlan(p, k).Overdue {
			st = timeline.Overdue
		}
		r := timeline.Row{Label: it.Text, Start: a.Start, Due: a.Due, Done: it.Date, State: st}
		if it.State != marker.Done {
			r.Done = ""
		}
		if it.Section == "" {
			loose = append(loose, r)
			continue
		}
		r.URL = "#" + it.Section
		bySection[it.Section] = append(bySection[it.Section], r)
	}
	rows := loose
	var walk func([]*status.Section)
	walk = func(ss []*status.Section) {
		for _, s := range ss {
			a := s.Attributes()
			rows = append(rows, timeline.Row{
				Label: s.Title, URL: "#" + s.ID, Start: a.Start, Due: a.Due,
				State: m.sectionState(p, s, today), Rows: bySection[s.ID],
			})
			walk(s.Sections)
		}
	}
	walk(p.Status.Sections)
	return timelineView("Timeline", timeline.Input{Rows: rows, Today: today, Target: p.Content.Target, Forecast: m.forecastOf(p)}, nil)
}

// hasDates reports whether an item of p (not dropped) or a section has
// a start or due date: only then has the page a timeline. Most pages
// have none, and are told apart without making their rows.
func hasDates(p *Page) bool {
	for _, it := range p.Status.Items {
		if a := it.Attrs; a != nil && it.State != marker.Dropped && (a.Start != "" || a.Due != "") {
			return true
		}
	}
	var dated func([]*status.Section) bool
	dated = func(ss []*status.Section) bool {
		for _, s := range ss {
			if a := s.Attrs; a != nil && (a.Start != "" || a.Due != "") || dated(s.Sections) {
				return true
			}
		}
		return false
	}
	return dated(p.Status.Sections)
}

// roadmap is the home page's: every folder with its pages that have a
// target or start date, a folder without dates of its own (its page's
// front matter) spanning them, or standing for its one such page; the
// root page's target is the target line. nil when no page has a target or timelines are off.
func (m *Maker) roadmap(v *render.View) *render.Timeline {
	if !m.cfg.Graphs.Timeline {
		return nil
	}
	today := m.today()
	targeted := false
	pageRow := func(p *Page) (timeline.Row, bool) {
		c := p.Content
		targeted = targeted || c.Target != ""
		return timeline.Row{Label: p.Title, URL: c.URL, Start: c.Start, Due: c.Target, State: countsState(p.Status.Counts, c.Target, today)}, c.Target != "" || c.Start != ""
	}
	var rows []timeline.Row
	target := ""
	for _, d := range append([]string{""}, m.in.Folders...) {
		var folder timeline.Row
		if d != "" {
			folder = timeline.Row{Label: content.FolderTitle(d), URL: content.FolderURL(d)}
			if fp, ok := m.byURL[folder.URL]; ok {
				folder, _ = pageRow(fp)
			}
			folder.State = countsState(m.rollup.Tree(d), folder.Due, today)
		}
		for _, p := range m.pagesIn[d] {
			if p.Content.IsIndex && p.Content.URL == folder.URL {
				if d == "" {
					target = p.Content.Target
				}
				continue // the folder's own row
			}
			if r, ok := pageRow(p); ok {
				if d == "" {
					rows = append(rows, r)
				} else {
					folder.Rows = append(folder.Rows, r)
				}
			}
		}
		switch {
		case d == "":
		case folder.Start == "" && folder.Due == "" && len(folder.Rows) == 1:
			rows = append(rows, folder.Rows[0]) // a folder would only repeat its one page
		default:
			rows = append(rows, folder)
		}
	}
	if !targeted {
		return nil
	}
	return timelineView("Roadmap", timeline.Input{Rows: rows, Today: today, Target: target, Forecast: m.siteForecast()}, v)
}

// timelineView draws in; URLs are made relative to v (nil: they are
// already, as a page's "#section" links are).
func timelineView(title string, in timeline.Input, v *render.View) *render.Timeline {
	if v != nil {
		var rel func([]timeline.Row)
		rel = func(rs []timeline.Row) {
			for i := range rs {
				rs[i].URL = v.Rel(rs[i].URL)
				rel(rs[i].Rows)
			}
		}
		rel(in.Rows)
	}
	tl, ok := timeline.Draw(in)
	if !ok {
		return nil
	}
	out := &render.Timeline{Title: title, SVG: template.HTML(tl.SVG), Caption: tl.Caption, More: tl.More}
	for _, l := range tl.Lines {
		r := render.TimelineRow{Label: l.Label, URL: l.URL, Under: l.Level > 0, Start: l.Start, Due: l.Due, Done: l.Done,
			State: string(l.State), StateLabel: l.State.Label(), Span: l.Span}
		if l.Span {
			r.Start, r.Due = l.From, l.To
		}
		out.Rows = append(out.Rows, r)
	}
	return out
}

// sectionState is what section s's bar shows: the state its heading
// declares, a task's state from the plan, else what its counts say;
// overdue when its due date has passed and it is not done.
func (m *Maker) sectionState(p *Page, s *status.Section, today string) timeline.State {
	due := s.Attributes().Due
	if st, ok := marker.ParseState(s.Declared); ok {
		return stateOf(st, due, today)
	}
	if s.TaskID != "" {
		if i, ok := m.plan.pages[p.Content.Path].sections[s.ID]; ok {
			return stateOf(m.plan.plan.Status[i].State, due, today)
		}
	}
	return countsState(s.Counts, due, today)
}

// countsState is the state of work counted c, due on due: blocked only
// when all the work left is blocked (one blocked item among many does not
// stop a section or a page).
func countsState(c status.Counts, due, today string) timeline.State {
	st := marker.Open
	switch {
	case c.Total() > 0 && c.Done == c.Total():
		st = marker.Done
	case c.Blocked > 0 && c.Active == 0 && c.Open == 0:
		st = marker.Blocked
	case c.Active > 0 || c.Done > 0:
		st = marker.Active
	}
	return stateOf(st, due, today)
}

// stateOf is a marker state as a timeline colours it: overdue when due
// is before today and the work is not done.
func stateOf(st marker.State, due, today string) timeline.State {
	if st == marker.Done || st == marker.Dropped {
		return timeline.Done
	}
	if due != "" && today != "" && due < today {
		return timeline.Overdue
	}
	switch st {
	case marker.Active:
		return timeline.Active
	case marker.Blocked:
		return timeline.Blocked
	}
	return timeline.Open
}

// today is the build's date.
func (m *Maker) today() string { return m.in.Now.UTC().Format("2006-01-02") }

// forecastOf is when the history expects page p to be done, nil while
// none is known. The history's outlook enters the key through PlanSig.
func (m *Maker) forecastOf(p *Page) *timeline.Forecast {
	if ph := m.historyOf(p); ph != nil && ph.outlook.Forecast != nil {
		fc := ph.outlook.Forecast
		return &timeline.Forecast{Date: fc.Date, Earliest: fc.Earliest, Latest: fc.Latest}
	}
	return nil
}

// siteForecast is when the history expects the site's tracked work to be
// done, nil when it is not known.
func (m *Maker) siteForecast() *timeline.Forecast {
	if m.hist == nil {
		return nil
	}
	var progress history.Progress
	for _, p := range m.in.Pages {
		if ph := m.historyOf(p); ph != nil && p.Tracked {
			progress = progress.Add(ph.file.Progress())
		}
	}
	if fc := history.Look(progress, m.in.Now, m.in.History.Weeks).Forecast; fc != nil {
		return &timeline.Forecast{Date: fc.Date, Earliest: fc.Earliest, Latest: fc.Latest}
	}
	return nil
}
