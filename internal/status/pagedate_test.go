package status

import "testing"

func TestPathDate(t *testing.T) {
	for path, want := range map[string]string{
		"meetings/2025-03-05.md":         "2025-03-05",
		"journals/2025_03_05.md":         "2025-03-05",
		"2025.03.05 standup.md":          "2025-03-05",
		"team/weekly-update-2025-w10.md": "2025-03-03",
		"team/weekly-2026-W01.md":        "2025-12-29",
		"retros/2025-03-retro.md":        "2025-03-15",
		"notes/2025/q1-plan.md":          "",
		"tracking/2048/README.md":        "",
		"notes/2025/03/kickoff.md":       "2025-03-15",
		"2024/meetings/2025-01-08.md":    "2025-01-08",
		"roadmap.md":                     "",
		"releases/v2025.1.md":            "",
		"tickets/ABC-20251.md":           "",
		"meetings/2025-02-30.md":         "",
		"plans/2025-13.md":               "",
		"weekly/2025-w54.md":             "",
		"incidents/20250305-outage.md":   "",
		"archive/2019/old-plan/index.md": "",
	} {
		if got, _ := PathDate(path); got != want {
			t.Errorf("PathDate(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestLatestDate(t *testing.T) {
	for src, want := range map[string]string{
		"# Weekly — Week of March 3, 2025\n\nSee 2024-12-01.":    "2025-03-03",
		"Exported from Trello, 6 Dec 2026.":                      "2026-12-06",
		"Due 2027-01-15; kickoff 2026-11-02; ticket 12026-11-02": "2027-01-15",
		"Spring Fundraiser 2027, room 2031":                      "",
		"":                                                       "",
	} {
		if got := latestDate([]byte(src)); got != want {
			t.Errorf("latestDate(%q) = %q, want %q", src, got, want)
		}
	}
}
