package view

import (
	"fmt"
	"strings"

	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/render"
)

// The Changes page and feed: per week, from git, the items done, added,
// reopened and dropped on each page, in words a team can paste into its
// weekly update.

// MaxChangeWeeks is how many weeks the Changes page and feed show.
const MaxChangeWeeks = 26

// HasChanges reports whether the site has a Changes page: its history was
// read.
func (m *Maker) HasChanges() bool { return m.hist != nil }

// changeWeeks are the site's weeks with changes, newest first.
func (m *Maker) changeWeeks() []render.ChangeWeek {
	m.changesOnce.Do(func() {
		var pages []history.PageEvents
		for _, p := range m.in.Pages {
			if ph := m.historyOf(p); ph != nil && p.Tracked {
				pages = append(pages, history.PageEvents{Page: p.Content.Path, Events: ph.file.Events})
			}
		}
		weeks := history.Weekly(pages)
		if len(weeks) > MaxChangeWeeks {
			weeks = weeks[:MaxChangeWeeks]
		}
		for _, w := range weeks {
			cw := render.ChangeWeek{Start: w.Start, Summary: weekSummary(w)}
			for _, pc := range w.Pages {
				p := m.byPath[pc.Page]
				cp := render.ChangePage{Title: p.Title, URL: p.Content.URL, Reopened: pc.Reopened, Dropped: pc.Dropped}
				cp.Done, cp.Added, cp.AddedDone = splitAddedDone(pc.Done, pc.Added)
				cw.Pages = append(cw.Pages, cp)
			}
			m.changes = append(m.changes, cw)
		}
	})
	return m.changes
}

// splitAddedDone takes the items both added and done in a week out of
// done and added: a reader sees each item once.
func splitAddedDone(done, added []string) (onlyDone, onlyAdded, both []string) {
	left := map[string]int{}
	for _, t := range added {
		left[t]++
	}
	for _, t := range done {
		if left[t] > 0 {
			left[t]--
			both = append(both, t)
		} else {
			onlyDone = append(onlyDone, t)
		}
	}
	taken := map[string]int{}
	for _, t := range both {
		taken[t]++
	}
	for _, t := range added {
		if taken[t] > 0 {
			taken[t]--
			continue
		}
		onlyAdded = append(onlyAdded, t)
	}
	return onlyDone, onlyAdded, both
}

// weekSummary counts a week's changes: "3 done, 1 added".
func weekSummary(w history.Week) string {
	var parts []string
	for _, c := range []struct {
		n    int
		word string
	}{{w.Done, "done"}, {w.Added, "added"}, {w.Reopened, "reopened"}, {w.Dropped, "dropped"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.word))
		}
	}
	return strings.Join(parts, ", ")
}

// ChangesKey is the key of what the Changes page and feed show, the
// site-wide inputs aside.
func (m *Maker) ChangesKey() [32]byte {
	var k keyhash.Buf
	k.Str("changes.html")
	for _, p := range m.in.Pages {
		if ph := m.historyOf(p); ph != nil {
			k.Str(p.Content.Path, p.Content.URL, p.Title)
			k.Raw(ph.sig[:])
		}
	}
	return k.Sum()
}

// ChangesView is changes.html's view.
func (m *Maker) ChangesView() *render.View {
	v := m.view("changes/", "Changes")
	v.Changes = m.changeWeeks()
	return v
}

// ChangesFeed is changes/feed.xml: one entry a week.
func (m *Maker) ChangesFeed() []byte {
	var entries []machine.Entry
	for _, w := range m.changeWeeks() {
		var text strings.Builder
		for _, p := range w.Pages {
			fmt.Fprintf(&text, "%s:", p.Title)
			for _, l := range []struct {
				word  string
				items []string
			}{{"done", p.Done}, {"added and done", p.AddedDone}, {"added", p.Added}, {"reopened", p.Reopened}, {"dropped", p.Dropped}} {
				if len(l.items) > 0 {
					fmt.Fprintf(&text, " %s: %s.", l.word, strings.Join(l.items, "; "))
				}
			}
			text.WriteString("\n")
		}
		entries = append(entries, machine.Entry{
			Title: "Week of " + w.Start + ": " + w.Summary, Date: w.Start, URL: "changes/#week-" + w.Start, Text: text.String(),
		})
	}
	return machine.AtomEntries(m.cfg.Title+": changes", "tag:milepost,2000:"+m.cfg.Title+"/changes", m.cfg.BaseURL, "changes/feed.xml", m.site.Generated, entries)
}
