package status

import "testing"

func TestPathDate(t *testing.T) {
	for path, want := range map[string]string{
		"meetings/2025-03-05.md":         "2025-03-05",
		"journals/2025_03_05.md":         "2025-03-05",
		"2025.03.05 standup.md":          "2025-03-05",
		"team/weekly-update-2025-w10.md": "2025-03-09",
		"team/weekly-2026-W01.md":        "2026-01-04",
		"retros/2025-03-retro.md":        "2025-03-31",
		"notes/2025/q1-plan.md":          "",
		"tracking/2048/README.md":        "",
		"notes/2025/03/kickoff.md":       "2025-03-31",
		"2024/meetings/2025-01-08.md":    "2025-01-08",
		"releases/v2020.10/plan.md":      "",
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
		"Last updated: 11/27/2026; walk on 11/18":                "2026-11-27",
		"": "",
	} {
		if got := latestDate([]byte(src), true, true); got != want {
			t.Errorf("latestDate(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestLeadDate(t *testing.T) {
	for src, want := range map[string]string{
		"# Board\n\nExported from Trello, 6 Dec 2026.\n\n## To do\n- due 2027-01-01": "2026-12-06",
		"# Plan\n\n## Milestones\n\nSubmission 2027-09-30":                           "",
		"# Certs\n\n```yaml\nexpires: 2099-01-01\n```\nUpdated 2026-11-02":           "2026-11-02",
		"# Links\n\n[notes](https://x.org/2031-01-12/a) as of 2026-10-01":            "2026-10-01",
		"# API v1 deprecation\n\nAnnounced 2026-09-01. Switch-off: 2027-10-01.":      "",
		"# Migration — deadline 2027-06-30\n":                                        "",
		"# Title\n\ntext\n# Second title 2030-01-01":                                 "",
	} {
		if got := leadDate([]byte(src), false, false); got != want {
			t.Errorf("leadDate(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestSlashOrder(t *testing.T) {
	for src, want := range map[string][2]bool{
		"Last updated: 11/27/2026":            {true, true},
		"(Last edit: 29/11/2026 — Ruth)":      {false, true},
		"signed 11/3/2026":                    {false, false},
		"11/27/2026 and 29/11/2026":           {true, false},
		"14/20 tests pass, due 12/25":         {false, false},
		"see /docs/11/27/2026 and 1/2/3/2026": {false, false},
	} {
		first, known := slashOrder([]byte(src))
		if first != want[0] && known || known != want[1] {
			t.Errorf("slashOrder(%q) = %v, %v, want %v", src, first, known, want)
		}
	}
}
