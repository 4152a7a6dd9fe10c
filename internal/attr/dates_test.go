package attr

import "testing"

func TestParseDateForms(t *testing.T) {
	for v, want := range map[string]string{
		"2026-03-01":             "2026-03-01",
		"2026-03-01 (tentative)": "2026-03-01",
		"November 15, 2026":      "2026-11-15",
		"Nov 15, 2026":           "2026-11-15",
		"nov 15 2026":            "2026-11-15",
		"15 Nov 2026":            "2026-11-15",
		"15 November 2026":       "2026-11-15",
		"2026/11/15":             "2026-11-15",
		"Nov 15, 2026 (moved)":   "2026-11-15",
		"12/01/2027":             "",
		"Q3":                     "",
		"next week":              "",
		"2026-02-30":             "",
		"February 30, 2026":      "",
		"2026-03-01 and then":    "",
		"`wikibot-io` repo":      "",
	} {
		got, ok := ParseDate(v)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", v, got, ok, want)
		}
	}
}
