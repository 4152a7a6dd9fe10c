package machine

import (
	"encoding/json"
	"testing"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
)

// appendPageJSON writes what encoding/json writes for the same value,
// escapes, nulls and nesting included.
func TestPageJSONMatchesEncodingJSON(t *testing.T) {
	updated, url := "2026-03-15", "a/b/#c"
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
		Items: []status.Item{
			{Line: 7, Section: "s", State: marker.Done, Source: status.SourceCheckbox, Text: odd, Date: "2026-03-15"},
			{Line: 8, State: marker.Blocked, Source: status.SourceTable},
		},
	}
	for _, v := range []*PageJSON{j, {Path: "empty.md"}} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendPageJSON(nil, v); string(got) != string(want) {
			t.Errorf("appendPageJSON:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}
