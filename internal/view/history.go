package view

import (
	"fmt"
	"time"

	"github.com/milepost/milepost/internal/chart"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
)

// What the content folder's git history says of each page: done dates of
// items whose text gives none, first-seen dates, the daily series of done
// and scope, velocity and forecast, and the weekly changes.

// History is the git history of the site's pages (package githistory), with
// the settings the outlook is read by.
type History struct {
	Files map[string]*history.File // by content path
	// Off says why there is no history ("" when there is); Shallow that
	// it starts where a shallow clone was cut.
	Off     string
	Shallow bool
	Commits int // how many commits were read
	// Weeks is the velocity window; IdleWeeks how long nothing done with
	// items open makes a page at risk.
	Weeks, IdleWeeks int
}

// pageHistory is what history says of one page.
type pageHistory struct {
	file    *history.File
	items   []*history.ItemHistory // parallel to Status.Items; nil where unmatched
	outlook history.Outlook
	idle    string // the at-risk message when nothing was done for IdleWeeks
	sig     [32]byte
}

// makeHistory matches every page's items with their history and reads
// each page's outlook.
func (m *Maker) makeHistory() {
	h := m.in.History
	if h == nil || h.Off != "" {
		return
	}
	m.hist = make(map[string]*pageHistory, len(h.Files))
	for _, p := range m.in.Pages {
		f := h.Files[p.Content.Path]
		if f == nil {
			continue
		}
		ph := &pageHistory{file: f, items: matchItems(p, f)}
		ph.outlook = history.Look(f.Progress(), m.in.Now, h.Weeks)
		ph.idle = idleMessage(f, m.in.Now, h.IdleWeeks)
		var k keyhash.Buf
		for _, it := range ph.items {
			if it != nil {
				k.Str(it.Done, string(it.DoneSource), it.DoneCommit, it.FirstSeen)
			} else {
				k.Str("-")
			}
		}
		for _, pt := range f.Series {
			k.Str(pt.Date)
			k.Num(pt.Done)
			k.Num(pt.Total)
		}
		k.Str(ph.idle, ph.outlook.Reason, ph.outlook.From, ph.outlook.To, fmt.Sprint(ph.outlook.Velocity))
		if fc := ph.outlook.Forecast; fc != nil {
			k.Str(fc.Date, fc.Earliest, fc.Latest)
		}
		k.Flag(h.Shallow)
		ph.sig = k.Sum()
		m.hist[p.Content.Path] = ph
	}
}

// matchItems pairs a page's items with the last version's items of its
// history: one for one when the texts agree (the history was read from the
// same bytes), else by text, in order, for a page edited since.
func matchItems(p *Page, f *history.File) []*history.ItemHistory {
	items := p.Status.Items
	out := make([]*history.ItemHistory, len(items))
	same := len(f.Items) == len(items)
	for i := 0; same && i < len(items); i++ {
		same = f.Items[i].Text == items[i].Text
	}
	if same {
		for i := range items {
			out[i] = &f.Items[i]
		}
		return out
	}
	byText := map[string][]int{}
	for i, it := range f.Items {
		byText[it.Text] = append(byText[it.Text], i)
	}
	for i, it := range items {
		if q := byText[it.Text]; len(q) > 0 {
			out[i], byText[it.Text] = &f.Items[q[0]], q[1:]
		}
	}
	return out
}

// idleMessage says a page is idle: items open, history longer than the
// idle weeks, and nothing done in them.
func idleMessage(f *history.File, now time.Time, weeks int) string {
	open := f.Open()
	if open == 0 || weeks <= 0 || f.Start.IsZero() {
		return ""
	}
	since := now.UTC().AddDate(0, 0, -7*weeks)
	if f.Start.After(since) {
		return ""
	}
	cut := history.Day(since)
	for _, d := range f.DoneDates() {
		if d > cut {
			return ""
		}
	}
	items := "items"
	if open == 1 {
		items = "item"
	}
	return fmt.Sprintf("nothing done for %d weeks with %d %s open", weeks, open, items)
}

// historyOf is what history says of page p, or nil.
func (m *Maker) historyOf(p *Page) *pageHistory { return m.hist[p.Content.Path] }

// DoneDate is item k of page p's done date and where it comes from: the
// date written in its text, else the day git saw it done; "" when neither.
func (m *Maker) DoneDate(p *Page, k int) (date string, source history.DateSource, commit string) {
	it := p.Status.Items[k]
	if it.State != marker.Done {
		return "", "", ""
	}
	if it.Date != "" {
		return it.Date, history.FromText, ""
	}
	if ph := m.historyOf(p); ph != nil {
		if ih := ph.items[k]; ih != nil && ih.Done != "" {
			return ih.Done, ih.DoneSource, ih.DoneCommit
		}
	}
	return "", "", ""
}

// FirstSeen is the day item k of page p first appeared, from git, or "".
func (m *Maker) FirstSeen(p *Page, k int) string {
	if ph := m.historyOf(p); ph != nil {
		if ih := ph.items[k]; ih != nil {
			return ih.FirstSeen
		}
	}
	return ""
}

// seriesChart draws the burn-up of pages from their history, or returns
// false when none of them has any. target is the page's target date.
func (m *Maker) seriesChart(pages []*Page, target string) (chart.Chart, bool) {
	var series [][]history.Point
	var progress history.Progress
	for _, p := range pages {
		if ph := m.historyOf(p); ph != nil {
			series = append(series, ph.file.Series)
			progress = progress.Add(ph.file.Progress())
		}
	}
	if len(series) == 0 {
		return chart.Chart{}, false
	}
	s := chart.Series{Today: history.Day(m.in.Now), Target: target}
	for _, pt := range history.Sum(series...) {
		s.Points = append(s.Points, chart.Point{Date: pt.Date, Done: pt.Done, Total: pt.Total})
	}
	if fc := history.Look(progress, m.in.Now, m.in.History.Weeks).Forecast; fc != nil {
		s.Forecast = &chart.Forecast{Date: fc.Date, Earliest: fc.Earliest, Latest: fc.Latest}
	}
	c, ok := chart.DrawSeries(s)
	if ok && m.in.History.Shallow {
		c.Caption += " History starts where a shallow clone was cut: work done before it counts from there."
	}
	return c, ok
}

// updated is when page p was last updated: the date its front matter or
// text gives, else the day of its last version in git (today for
// uncommitted edits); zero when neither is known.
func (m *Maker) updated(p *Page) time.Time {
	if !p.Content.Updated.IsZero() {
		return p.Content.Updated
	}
	if ph := m.historyOf(p); ph != nil && len(ph.file.Series) > 0 {
		if t, err := time.Parse(time.DateOnly, ph.file.Series[len(ph.file.Series)-1].Date); err == nil {
			return t
		}
	}
	return time.Time{}
}

// gitStale is the staleness warning of a page whose only date is its last
// commit. It is made afresh on every build, as the plan's warnings are: a
// commit elsewhere does not change the page's bytes.
func (m *Maker) gitStale(p *Page) (status.Warning, bool) {
	if !p.Content.Updated.IsZero() {
		return status.Warning{}, false
	}
	w, stale := status.StaleWarning(m.updated(p), m.in.Now, m.cfg.StaleAfter, 1)
	if stale {
		w.Message += " (its last commit)"
	}
	return w, stale
}

// dateShown is the date an item shows beside it: its done date, or for
// an item not done, the date it carries in its text.
func (m *Maker) dateShown(p *Page, k int) string {
	if date, _, _ := m.DoneDate(p, k); date != "" {
		return date
	}
	return p.Status.Items[k].Date
}
