package health

import (
	"reflect"
	"testing"
)

func TestOf(t *testing.T) {
	const today = "2026-03-01"
	for _, c := range []struct {
		name string
		page Page
		want Health
		none bool
	}{
		{name: "no tracked items, even with a declared status", page: Page{Declared: "on-track", Today: today}, none: true},
		{name: "declared wins over everything", page: Page{Declared: "Paused", Items: 3, Open: 3, Blocked: []string{"x"}, Target: "2026-01-01", Today: today},
			want: Health{Paused, []string{"declared in the page's front matter (status: paused)"}}},
		{name: "an ADR's accepted is kept and ignored", page: Page{Declared: "accepted", Items: 2, Open: 1, Today: today},
			want: Health{NoTarget, []string{"no target date to judge by"}}},
		{name: "done when nothing is open, past target or not", page: Page{Items: 4, Open: 0, Target: "2026-01-01", Blocked: nil, Today: today},
			want: Health{Done, []string{"every item is done or dropped"}}},
		{name: "off track: target passed with items open", page: Page{Items: 4, Open: 1, Target: "2026-02-28", Blocked: []string{"x"}, Today: today},
			want: Health{OffTrack, []string{"target 2026-02-28 has passed with 1 item open"}}},
		{name: "target today has not passed", page: Page{Items: 4, Open: 2, Target: today, Today: today},
			want: Health{OnTrack, []string{"target 2026-03-01; nothing blocked, overdue or drifting"}}},
		{name: "at risk, every reason", page: Page{Items: 9, Open: 6, Target: "2026-06-01", Today: today,
			Blocked: []string{"A", "B", "C", "D"},
			Overdue: []Dated{{"Sync engine", "2026-02-10"}},
			Drift:   []string{"'did:web Verification' says COMPLETE, but 2 of its 8 items are open"},
			Stale:   "last updated 2025-11-16, over 90 days ago"},
			want: Health{AtRisk, []string{
				"4 items blocked: A, B, C and 1 more",
				"1 item overdue: Sync engine (due 2026-02-10)",
				"'did:web Verification' says COMPLETE, but 2 of its 8 items are open",
				"last updated 2025-11-16, over 90 days ago"}}},
		{name: "at risk without a target", page: Page{Items: 2, Open: 2, Blocked: []string{"Legal review"}, Today: today},
			want: Health{AtRisk, []string{"1 item blocked: Legal review"}}},
		{name: "no target", page: Page{Items: 2, Open: 1, Today: today},
			want: Health{NoTarget, []string{"no target date to judge by"}}},
		{name: "off track: the forecast falls after the target", page: Page{Items: 5, Open: 3, Target: "2026-04-01", Forecast: "2026-04-20", Today: today},
			want: Health{OffTrack, []string{"at the recent pace the 3 items open finish by 2026-04-20, after the target 2026-04-01"}}},
		{name: "a forecast before the target is on track", page: Page{Items: 5, Open: 3, Target: "2026-04-01", Forecast: "2026-03-20", Today: today},
			want: Health{OnTrack, []string{"target 2026-04-01; nothing blocked, overdue or drifting"}}},
		{name: "a forecast without a target judges nothing", page: Page{Items: 5, Open: 3, Forecast: "2026-09-20", Today: today},
			want: Health{NoTarget, []string{"no target date to judge by"}}},
		{name: "at risk: nothing done for weeks", page: Page{Items: 5, Open: 3, Target: "2026-06-01", Idle: "nothing done for 3 weeks with 3 items open", Today: today},
			want: Health{AtRisk, []string{"nothing done for 3 weeks with 3 items open"}}},
	} {
		got, ok := Of(c.page)
		if ok == c.none || ok && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v (%v), want %+v", c.name, got, ok, c.want)
		}
	}
}

func TestWorst(t *testing.T) {
	on := Health{OnTrack, []string{"target 2026-06-01; nothing blocked, overdue or drifting"}}
	risk := Health{AtRisk, []string{"1 item overdue: Sync engine (due 2026-02-10)"}}
	done := Health{Done, []string{"every item is done or dropped"}}
	paused := Health{Paused, []string{"declared"}}
	for _, c := range []struct {
		name    string
		members []Named
		want    Health
		none    bool
	}{
		{name: "nothing to judge", none: true},
		{name: "at risk beats on track; every page at risk is a reason",
			members: []Named{{"Alpha", on}, {"Phase 4", risk}, {"Beta", risk}},
			want:    Health{AtRisk, []string{"Phase 4: 1 item overdue: Sync engine (due 2026-02-10)", "Beta: 1 item overdue: Sync engine (due 2026-02-10)"}}},
		{name: "no target beats paused and done", members: []Named{{"A", done}, {"B", Health{NoTarget, nil}}, {"C", paused}},
			want: Health{NoTarget, []string{"B"}}},
		{name: "paused beats done", members: []Named{{"A", done}, {"C", paused}},
			want: Health{Paused, []string{"C: declared"}}},
		{name: "all done", members: []Named{{"A", done}},
			want: Health{Done, []string{"A: every item is done or dropped"}}},
	} {
		got, ok := Worst(c.members)
		if ok == c.none || ok && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v (%v), want %+v", c.name, got, ok, c.want)
		}
	}
}
