package machine

import (
	"encoding/json"
	"testing"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/health"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
)

// appendPageJSON writes what encoding/json writes for the same value,
// escapes, nulls and nesting included.
func TestPageJSONMatchesEncodingJSON(t *testing.T) {
	updated, url := "2026-03-15", "a/b/#c"
	velocity := 1.0 / 3
	odd := "<b>&\"quote\"\\ tab\t line\u2028 bad\xff 東京 ✅"
	j := &PageJSON{
		Path: "a/" + odd + ".md", URL: "a/x/", Title: odd, Kind: "milestone", Updated: &updated,
		Tags: []string{"x", odd}, Tracked: true, Counts: status.Counts{Done: 1, Open: 2},
		Sections: []*status.Section{
			{ID: "s", Title: odd, Level: 2, Line: 3, Counts: status.Counts{Done: 1}, Sections: []*status.Section{{ID: "t", Level: 3}}},
			{ID: "u", Level: 2, Sections: []*status.Section{}},
		},
		Warnings:  []status.Warning{{Kind: "drift", Line: 4, Section: "s", Message: odd}, {Kind: "stale", Line: 1}},
		Links:     []LinkJSON{{Target: odd, Line: 5, URL: &url}, {Target: "gone", Line: 6, Broken: true}},
		Backlinks: []string{},
		Items: []ItemJSON{
			{Item: status.Item{Line: 7, Section: "s", State: marker.Done, Source: status.SourceCheckbox, Text: odd, Date: "2026-03-15"},
				DateSource: "git", DateCommit: "0123abcd", FirstSeen: "2026-03-01"},
			{Item: status.Item{Line: 8, State: marker.Blocked, Source: status.SourceTable}},
			{Item: status.Item{Line: 9, State: marker.Open, Source: status.SourceList, Text: "Ship", Attrs: &status.ItemAttrs{Due: "2026-01-03", Start: "2026-01-01",
				Scheduled: "2026-01-02", Created: "2025-12-01", Cancelled: "2026-02-01", Owner: odd, Priority: attr.High, EstimateHours: 1.5,
				ID: "abc", Depends: []string{"x", odd}, Fields: []status.Field{{Key: "stage", Value: odd}}}},
				Plan: PlanJSON{WaitingOn: []string{"x"}, External: []string{odd}, Overdue: true, Ready: true, ReadyToStart: true}},
		},
		Health: &health.Health{State: health.AtRisk, Reasons: []string{odd}},
		Target: "2026-05-01", Owner: odd,
		Next: []NextJSON{{Line: 9, Text: odd, State: "open", Reason: "waiting", Section: "s", Owner: "dana", Due: "2026-01-03", WaitingOn: []string{"x"}}, {Line: 10, Reason: "ready"}},
		Tasks: []TaskJSON{
			{ID: "P4-1", Section: "s", Title: odd, Line: 3, State: "active", Status: odd, Owner: "dana", Start: "2026-01-01", Due: "2026-02-01",
				Date: "2026-01-20", Priority: "high", EstimateHours: 6, Depends: []string{"P1-7"}, WaitingOn: []string{"P1-7"}, External: []string{"P1-7"},
				Overdue: true, Ready: true, ReadyToStart: true, Fields: []FieldJSON{{Key: odd, Value: odd}}},
			{ID: "P4-2", State: "open"},
		},
		Series:   []history.Point{{Date: "2026-03-01", Done: 0, Total: 3}, {Date: "2026-03-15", Done: 1, Total: 3}},
		Velocity: &velocity,
		Forecast: &ForecastJSON{&history.Forecast{Date: "2026-04-01", Earliest: "2026-03-25", Latest: "2026-04-20"}},
	}
	noForecast := &PageJSON{Path: "new.md", Velocity: new(float64), Forecast: &ForecastJSON{}, ForecastNote: "not enough history to forecast"}
	for _, v := range []*PageJSON{j, {Path: "empty.md"}, noForecast} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendPageJSON(nil, v); string(got) != string(want) {
			t.Errorf("appendPageJSON:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}
