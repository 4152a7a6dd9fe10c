package history

import (
	"sort"
	"time"
)

// PageEvents are the events of one page (File.Events).
type PageEvents struct {
	Page   string
	Events []Event
}

// Week is what changed in one week (Monday to Sunday, UTC).
type Week struct {
	Start string        // the Monday, YYYY-MM-DD
	Pages []PageChanges // pages with a change, in the order given
	// Done, Added, Reopened and Dropped count the site's changes.
	Done, Added, Reopened, Dropped int
}

// PageChanges are the texts of the items of one page done, added,
// reopened and dropped in a week, in the order they happened.
type PageChanges struct {
	Page                           string
	Done, Added, Reopened, Dropped []string
}

// Weekly groups the pages' events by week, newest week first. An item is
// judged by how it stood at the start and the end of the week, so work
// done and undone in the same week is no change:
//
//   - added: not counted at the start (new, or dropped), counted at the end;
//   - dropped: counted at the start, not at the end;
//   - done: done at the end, not done (or not there) at the start;
//   - reopened: done at the start, counted and not done at the end.
//
// An item added already done is both added and done.
func Weekly(pages []PageEvents) []Week {
	weeks := map[int64]*Week{}
	for _, pe := range pages {
		type state struct{ counted, done bool }
		type span struct {
			start, end state
			text       string
			order      int
		}
		perWeek := map[int64]map[int]*span{}
		order := 0
		for _, e := range pe.Events {
			w := week(e.Time)
			items := perWeek[w]
			if items == nil {
				items = map[int]*span{}
				perWeek[w] = items
			}
			s := items[e.Item]
			if s == nil {
				s = &span{start: state{e.WasCounted, e.WasDone}, order: order}
				order++
				items[e.Item] = s
			}
			s.end = state{e.Counted, e.IsDone}
			s.text = e.Text
		}
		for w, items := range perWeek {
			spans := make([]*span, 0, len(items))
			for _, s := range items {
				spans = append(spans, s)
			}
			sort.Slice(spans, func(a, b int) bool { return spans[a].order < spans[b].order })
			pc := PageChanges{Page: pe.Page}
			for _, s := range spans {
				a, b := s.start, s.end
				if !a.counted && b.counted {
					pc.Added = append(pc.Added, s.text)
				}
				if a.counted && !b.counted {
					pc.Dropped = append(pc.Dropped, s.text)
				}
				if b.counted && b.done && !(a.counted && a.done) {
					pc.Done = append(pc.Done, s.text)
				}
				if a.counted && a.done && b.counted && !b.done {
					pc.Reopened = append(pc.Reopened, s.text)
				}
			}
			if len(pc.Done)+len(pc.Added)+len(pc.Reopened)+len(pc.Dropped) == 0 {
				continue
			}
			wk := weeks[w]
			if wk == nil {
				wk = &Week{Start: Day(time.Unix((7*w-3)*secondsPerDay, 0))}
				weeks[w] = wk
			}
			wk.Pages = append(wk.Pages, pc)
			wk.Done += len(pc.Done)
			wk.Added += len(pc.Added)
			wk.Reopened += len(pc.Reopened)
			wk.Dropped += len(pc.Dropped)
		}
	}
	out := make([]Week, 0, len(weeks))
	for _, w := range weeks {
		out = append(out, *w)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start > out[b].Start })
	return out
}

const secondsPerDay = 24 * 60 * 60

// week numbers t's week (Monday to Sunday, UTC): days since 1970-01-01, a
// Thursday, moved to the Monday before, in sevens. Its Monday is day
// 7·week−3.
func week(t time.Time) int64 {
	return floorDiv(floorDiv(t.Unix(), secondsPerDay)+3, 7)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
