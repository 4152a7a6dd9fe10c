package marker

import (
	"fmt"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	v := Default()
	tests := []struct {
		text  string
		ctx   Context
		found bool
		state State
		as    string // the marker as written
	}{
		// ALL CAPS words in prose; case matters
		{"Handle resolution (COMPLETE)", Prose, true, Done, "COMPLETE"},
		{"Complete the migration", Prose, false, Open, ""},
		{"Done: derives slug from handle", Prose, false, Open, ""},
		{"Must Complete Before Alpha", Prose, false, Open, ""},
		{"Open Questions", Prose, false, Open, ""},
		{"Completed", Prose, false, Open, ""},
		{"It is DONE.", Prose, true, Done, "DONE"},
		{"DONE!", Prose, true, Done, "DONE"},
		{"**did:web COMPLETED**", Prose, true, Done, "COMPLETED"},
		{"shipping is BLOCKED on review", Prose, true, Blocked, "BLOCKED"},
		{"ON HOLD until March", Prose, true, Blocked, "ON HOLD"},
		{"IN   PROGRESS", Prose, true, Active, "IN   PROGRESS"},
		{"WON'T FIX", Prose, true, Dropped, "WON'T FIX"},
		{"WON’T DO", Prose, true, Dropped, "WON’T DO"},
		// whole words only
		{"READ_ACCESS=OPEN", Prose, false, Open, ""},
		{"see TODO.md", Prose, false, Open, ""},
		{"P4-DONE", Prose, false, Open, ""},
		{"a/TODO/b", Prose, false, Open, ""},
		{"DONEX", Prose, false, Open, ""},
		{"TODOs", Prose, false, Open, ""},
		{"(TODO)", Prose, true, Open, "TODO"},
		{"“DONE”", Prose, true, Done, "DONE"},
		// longest phrase, then dropped, then first
		{"NOT DONE", Prose, true, Open, "NOT DONE"},
		{"NOT STARTED", Prose, true, Open, "NOT STARTED"},
		{"DONE then WONTFIX", Prose, true, Dropped, "WONTFIX"},
		{"BLOCKED, then DONE", Prose, true, Blocked, "BLOCKED"}, // "then" plans as often as it tells
		{"WIP, now DONE", Prose, true, Done, "DONE"},
		{"WIP → DONE", Prose, true, Done, "DONE"},
		{"WIP nowhere near DONE", Prose, true, Active, "WIP"},
		{"DONE or OPEN", Prose, true, Done, "DONE"},
		{"MERGED, then CLOSED", Prose, true, Done, "MERGED"},
		// the first of separate words, which the others qualify
		{"Partially implemented", Cell, true, Active, "Partially"},
		{"Blocked, deployed to staging", Cell, true, Blocked, "Blocked"},
		{"Open — fix deployed to staging", Cell, true, Open, "Open"},
		{"TODO: verify it was implemented", Cell, true, Open, "TODO"},
		// a later clause that says the work is less far on wins
		{"WIP, blocked on API", Cell, true, Blocked, "blocked"},
		{"Open, blocked by #12", Cell, true, Blocked, "blocked"},
		{"Todo — waiting on design", Cell, true, Blocked, "waiting"},
		{"Merged, not deployed", Cell, true, Open, "not deployed"},
		{"Merged, but not released yet", Cell, true, Open, "not released"},
		{"Deployed, not yet verified", Cell, true, Open, "verified"},
		{"Done, pending review", Cell, true, Active, "pending review"},
		{"Fixed (pending release)", Cell, true, Open, "pending"},
		{"Done (partially)", Cell, true, Active, "partially"},
		{"Complete except docs (in progress)", Cell, true, Active, "in progress"},
		{"Approved, pending implementation", Cell, true, Open, "pending"},
		{"Fixed but not yet deployed", Cell, true, Open, "deployed"},
		{"Done but blocked on sign-off", Cell, true, Blocked, "blocked"},
		{"Done, review pending", Cell, true, Open, "pending"},
		{"Merged → deploy pending", Cell, true, Open, "pending"},
		{"Frontend done, backend in progress", Cell, true, Active, "in progress"},
		{"Design done; build in progress", Cell, true, Active, "in progress"},
		{"Code complete, QA pending", Cell, true, Open, "pending"},
		// after a done word, what follows the work lowers nothing
		{"Resolved → postmortem pending", Cell, true, Done, "Resolved"},
		{"Resolved, RCA pending", Cell, true, Done, "Resolved"},
		{"Complete (minor bugs pending)", Cell, true, Done, "Complete"},
		{"Shipped — blocked users notified", Cell, true, Done, "Shipped"},
		{"Shipped; waiting on analytics to measure impact", Cell, true, Done, "Shipped"},
		{"Merged and deployed, no pending tasks", Cell, true, Done, "Merged"},
		{"In progress, nothing blocked", Cell, true, Active, "In progress"},
		{"Complete, pending items moved to v2", Cell, true, Done, "Complete"},
		// a later open word names a follow-up
		{"Shipped; follow-up in #45 (open)", Cell, true, Done, "Shipped"},
		{"Done, open follow-ups in #77", Cell, true, Done, "Done"},
		{"Done — TODO: changelog", Cell, true, Done, "Done"},
		{"In progress; TODO: tests", Cell, true, Active, "In progress"},
		{"Done, now tracking follow-ups as open issues", Cell, true, Done, "Done"},
		{"In progress, then released Friday", Cell, true, Active, "In progress"},
		{"Done (was blocked)", Cell, true, Done, "Done"},
		{"Not blocked, in progress", Cell, true, Active, "in progress"},
		{"No longer blocked — in progress", Cell, true, Active, "in progress"},
		{"On hold, not cancelled", Cell, true, Blocked, "On hold"},
		{"Appears to be resolved", Cell, true, Done, "resolved"},
		{"Todo → In progress → Done", Cell, true, Done, "Done"},
		// a negation before the word: not reached yet
		{"Not yet implemented", Cell, true, Open, "implemented"},
		{"Not yet started", Cell, true, Open, "started"},
		{"To be verified", Cell, true, Open, "verified"},
		{"Needs to be deployed", Cell, true, Open, "deployed"},
		{"Never shipped", Cell, true, Open, "shipped"},
		{"Hasn't started", Cell, true, Open, "started"},
		{"Cannot be deployed until review", Cell, true, Open, "deployed"},
		{"Won't be released this quarter", Cell, true, Open, "released"},
		{"Not fully done", Cell, true, Open, "done"},
		{"Deploys are not BLOCKED", Prose, true, Open, "BLOCKED"},
		{"Knot DONE", Prose, true, Done, "DONE"},
		{"COMPLETED but CANCELLED", Prose, true, Dropped, "CANCELLED"},
		// status cells: any case
		{"Not Started", Cell, true, Open, "Not Started"},
		{"Not Started", Prose, false, Open, ""},
		{"🟡 Needs testing", Cell, true, Active, "Needs testing"},
		{"🔴 Not implemented", Cell, true, Open, "Not implemented"},
		{"✅ Fixed", Cell, true, Done, "Fixed"},
		{"wip", Cell, true, Active, "wip"},
		{"Eddie / Infra", Cell, false, Open, ""},
		// emoji in the three places
		{"✅ Full User Journey", Prose, true, Done, "✅"},
		{"  🚧 halfway", Prose, true, Active, "🚧"},
		{"Login flow ✅ Fixed yesterday", Prose, true, Done, "✅"},
		{"Ship it ✅ 2026-03-15", Prose, true, Done, "✅"},
		{"Ship it ✅ (late) 2026-03-15", Prose, true, Done, "✅"},
		{"Ship it ⛔", Prose, true, Blocked, "⛔"},
		{"Use ✅ to mark done items", Prose, false, Open, ""},
		{"Launch! 🚀", Prose, false, Open, ""},
		// variation selectors are ignored
		{"✔️ checked", Prose, true, Done, "✔️"},
		{"☑︎ checked", Prose, true, Done, "☑︎"},
		{"ok ✔\uFE0F", Prose, true, Done, "✔\uFE0F"},
		// a word beats an emoji
		{"✅ BLOCKED by infra", Prose, true, Blocked, "BLOCKED"},
		{"🔴 DONE", Prose, true, Done, "DONE"},
		// never in URLs or code (callers pass code as Opaque)
		{"see https://example.org/TODO", Prose, false, Open, ""},
		{"www.example.org/DONE", Prose, false, Open, ""},
		{"Www.Example.org#DONE", Prose, false, Open, ""},
		{"https://example.org/#DONE", Prose, false, Open, ""},
		{"run \uFFFC now", Prose, false, Open, ""},
		{"\uFFFC ✅", Prose, true, Done, "✅"},
		{"", Prose, false, Open, ""},
		// words people put in legends; the longest phrase wins
		{"Not planned", Cell, true, Dropped, "Not planned"},
		{"NOT PLANNED for v1", Prose, true, Dropped, "NOT PLANNED"},
		{"Not supported", Cell, true, Dropped, "Not supported"},
		{"Missing", Cell, true, Open, "Missing"},
		{"Partial", Cell, true, Active, "Partial"},
		{"partially", Cell, true, Active, "partially"},
		{"Waiting for review", Cell, true, Active, "Waiting for review"},
		{"Waiting on legal", Cell, true, Blocked, "Waiting"},
		{"Published", Cell, true, Done, "Published"},
		{"Mitigated", Cell, true, Done, "Mitigated"},
		{"Investigating", Cell, true, Active, "Investigating"},
		{"Rolling out", Cell, true, Active, "Rolling out"},
		{"Skipped", Cell, true, Dropped, "Skipped"},
		{"Scrapped", Cell, true, Dropped, "Scrapped"},
		{"Dismissed", Cell, true, Dropped, "Dismissed"},
		{"PUBLISHED the post", Prose, false, Open, ""},
		// shouting is not a status
		{"(PLEASE OPEN THE DOOR!)", Prose, false, Open, ""},
		{"I AM DONE WAITING FOR THIS", Prose, false, Open, ""},
		{"OPEN THE POD BAY DOORS", Prose, false, Open, ""},
		{"THE BUILD IS DONE", Prose, true, Done, "DONE"},
		{"Week 3: E2E Testing + Polish ✅ E2E TESTS COMPLETE", Prose, true, Done, "COMPLETE"},
		{"✅ DONE SSO LOGIN", Prose, true, Done, "DONE"},
		{"TODO API docs", Prose, true, Open, "TODO"},
		{"P0 BLOCKED", Prose, true, Blocked, "BLOCKED"},
		{"DONE, MOVING ON", Prose, true, Done, "DONE"},
		{"I AM DONE WAITING FOR THIS", Cell, true, Done, "DONE"},
	}
	for _, tt := range tests {
		m, ok := v.Find(tt.text, tt.ctx)
		if ok != tt.found {
			t.Errorf("Find(%q, %v) found = %v, want %v", tt.text, tt.ctx, ok, tt.found)
			continue
		}
		if !ok {
			continue
		}
		if m.State != tt.state || tt.text[m.Start:m.End] != tt.as {
			t.Errorf("Find(%q, %v) = %v %q, want %v %q", tt.text, tt.ctx, m.State, tt.text[m.Start:m.End], tt.state, tt.as)
		}
	}
}

func TestFindKind(t *testing.T) {
	v := Default()
	if m, _ := v.Find("✅ DONE", Prose); m.Kind != Word {
		t.Errorf("word beside emoji: kind %v, want Word", m.Kind)
	}
	if m, _ := v.Find("✅ ok", Prose); m.Kind != Emoji {
		t.Errorf("emoji alone: kind %v, want Emoji", m.Kind)
	}
}

func TestStripForID(t *testing.T) {
	v := Default()
	tests := []struct{ in, want string }{
		{"MCP wiki routing (bug) ✅ FIXED (2026-03-15)", "MCP wiki routing (bug)"},
		{"Management UI usability ✅ DEPLOYED (2026-03-17)", "Management UI usability"},
		{"did:web Verification ✅ COMPLETE", "did:web Verification"},
		{"Week 3: E2E Testing + Polish ✅ E2E TESTS COMPLETE", "Week 3: E2E Testing + Polish"},
		{"Admin UI cleanup (otterwiki fork) ✅ ALREADY DONE (confirmed 2026-03-17)", "Admin UI cleanup (otterwiki fork)"},
		{"Log rotation ✅ DONE (V7-6)", "Log rotation"},
		{"1. Full User Journey Test (CRITICAL) ✅ COMPLETE", "1. Full User Journey Test (CRITICAL)"},
		{"Ship it ✅ 2026-03-15", "Ship it"},
		{"Handle resolution (COMPLETE)", "Handle resolution"},
		{"Login ✅ Fixed", "Login"},
		{"Feature X WONTFIX", "Feature X"},
		{"TODO: write docs", "write docs"},
		{"Landing page copy", "Landing page copy"},
		{"Upstream bug fix submitted (2026-03-17)", "Upstream bug fix submitted (2026-03-17)"},
		{"Use ✅ to mark done items", "Use ✅ to mark done items"},
		{"Open Questions", "Open Questions"},
		{"READ_ACCESS=OPEN", "READ_ACCESS=OPEN"},
		// nothing but a marker: the text stays, so the heading keeps an id
		{"DONE", "DONE"},
		{"✅", "✅"},
		{"  ✅ DONE  ", "✅ DONE"},
		{"PLEASE OPEN THE DOOR", "PLEASE OPEN THE DOOR"},
	}
	for _, tt := range tests {
		if got := v.StripForID(tt.in); got != tt.want {
			t.Errorf("StripForID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fixed (2026-03-15), deployed 2026-03-17", "2026-03-15"},
		{"no date", ""},
		{"2026-13-01 is no date, 2026-02-28 is", "2026-02-28"},
		{"12026-03-15", ""},
		{"2026-03-150", ""},
		{"v2026-03-15", "2026-03-15"},
	}
	for _, tt := range tests {
		got, ok := FirstDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FirstDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestWith(t *testing.T) {
	base := Default()
	v := base.With(map[State][]string{Done: {"landed", "open"}, Blocked: {"stuck"}}, map[State][]string{Active: {"🏗️"}})
	tests := []struct {
		text  string
		state State
	}{
		{"LANDED", Done},
		{"STUCK on review", Blocked},
		{"OPEN", Done}, // moved from open to done by config
		{"🏗 building", Active},
		{"TODO", Open},
	}
	for _, tt := range tests {
		m, ok := v.Find(tt.text, Prose)
		if !ok || m.State != tt.state {
			t.Errorf("With: Find(%q) = %v %v, want %v", tt.text, m.State, ok, tt.state)
		}
	}
	ascii := base.With(nil, map[State][]string{Done: {"+1"}})
	if m, ok := ascii.Find("+1 ship it", Prose); !ok || m.State != Done {
		t.Errorf("With: ASCII emoji not read: %v %v", m.State, ok)
	}
	if m, _ := base.Find("OPEN", Prose); m.State != Open {
		t.Errorf("With changed its receiver: OPEN reads %v", m.State)
	}
	if _, ok := base.Find("LANDED", Prose); ok {
		t.Errorf("With changed its receiver: LANDED is a marker")
	}
}

func TestZeroVocabulary(t *testing.T) {
	var v Vocabulary
	if _, ok := v.Find("✅ DONE", Prose); ok {
		t.Error("zero Vocabulary found a marker")
	}
	if got := v.StripForID("Foo ✅ DONE"); got != "Foo ✅ DONE" {
		t.Errorf("zero Vocabulary StripForID = %q", got)
	}
	hand := &Vocabulary{Words: map[State][]string{Done: {"DONE"}}}
	if m, ok := hand.Find("DONE", Prose); !ok || m.State != Done {
		t.Error("hand-built Vocabulary does not read its words")
	}
}

func TestStartsWithEmoji(t *testing.T) {
	v := Default()
	if st, ok := v.StartsWithEmoji(" 🟡 Needs testing"); !ok || st != Active {
		t.Errorf("StartsWithEmoji = %v %v", st, ok)
	}
	if _, ok := v.StartsWithEmoji("Needs testing 🟡"); ok {
		t.Error("StartsWithEmoji found a trailing emoji")
	}
}

func TestStateText(t *testing.T) {
	for _, s := range States() {
		b, _ := s.MarshalText()
		var back State
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("state %v round trip = %v, %v", s, back, err)
		}
	}
	var s State
	if err := s.UnmarshalText([]byte("finished")); err == nil {
		t.Error("unknown state name accepted")
	}
}

func TestLeadingKeyword(t *testing.T) {
	tests := []struct {
		text  string
		found bool
		state State
	}{
		{"TODO write docs", true, Open},
		{"LATER: tidy up", true, Open},
		{"DOING review", true, Active},
		{"NOW ship it", true, Active},
		{"WAITING legal sign-off", true, Blocked},
		{"DONE metrics", true, Done},
		{"CANCELED old plan", true, Dropped},
		{"CANCELLED", true, Dropped},
		{"  NOW", true, Active},
		{"Now is the time", false, Open},
		{"NOWHERE to be found", false, Open},
		{"KNOW NOW", false, Open},
		{"TODO.md is here", false, Open},
	}
	for _, tt := range tests {
		m, ok := LeadingKeyword(tt.text)
		if ok != tt.found || ok && m.State != tt.state {
			t.Errorf("LeadingKeyword(%q) = %v %v, want %v %v", tt.text, m.State, ok, tt.state, tt.found)
		}
	}
}

func TestLabel(t *testing.T) {
	v := Default()
	tests := []struct {
		text  string
		found bool
		state State
	}{
		{"Done!", true, Done},
		{"In progress:", true, Active},
		{"Blocked", true, Blocked},
		{" waiting for review — ", true, Active},
		{"NOT PLANNED", true, Dropped},
		{"Done with the API", false, Open},
		{"Note:", false, Open},
		{"", false, Open},
	}
	for _, tt := range tests {
		m, ok := v.Label(tt.text)
		if ok != tt.found || ok && m.State != tt.state {
			t.Errorf("Label(%q) = %v %v, want %v %v", tt.text, m.State, ok, tt.state, tt.found)
		}
	}
}

func TestTrailingStatus(t *testing.T) {
	v := Default()
	tests := []struct {
		text  string
		found bool
		state State
		as    string
	}{
		{"Project website (ongoing)", true, Active, "ongoing"},
		{"Docs (done)", true, Done, "done"},
		{"Search (in progress)", true, Active, "in progress"},
		{"Contract (blocked on legal)", true, Blocked, "blocked"},
		{"Export (done 2026-03-01)", true, Done, "done"},
		{"Export (done) 2026-03-01", true, Done, "done"},
		{"Export (Done — see #12)", true, Done, "Done"},
		{"It is (an ongoing effort)", false, Open, ""},
		{"Licence (open source)", false, Open, ""},
		{"Ongoing work on search", false, Open, ""},
		{"Search (done) and more", false, Open, ""},
		{"Broken (done", false, Open, ""},
		{"()", false, Open, ""},
	}
	for _, tt := range tests {
		m, ok := v.TrailingStatus(tt.text)
		if ok != tt.found || ok && (m.State != tt.state || tt.text[m.Start:m.End] != tt.as) {
			t.Errorf("TrailingStatus(%q) = %v %v %v, want %v %v %q", tt.text, m.State, ok, m, tt.state, tt.found, tt.as)
		}
	}
}

func TestCookie(t *testing.T) {
	tests := []struct {
		text      string
		found     bool
		claim     string
		done, tot int
		matches   bool
	}{
		{"Phase 1 [2/5]", true, "2/5", 2, 5, true},
		{"Phase 1 [2/5]", true, "2/5", 3, 5, false},
		{"[40%] Phase 1", true, "40%", 2, 5, true},
		{"[33%] x", true, "33%", 1, 3, true},
		{"[67%] x", true, "67%", 2, 3, true},
		{"[66%] x", true, "66%", 2, 3, true},
		{"[50%] x", true, "50%", 0, 0, false},
		{"see [link] and [3/2]", false, "", 0, 0, false},
		{"[x] box", false, "", 0, 0, false},
		{"[/]", false, "", 0, 0, false},
		{"a [1/] b [0/4]", true, "0/4", 0, 4, true},
	}
	for _, tt := range tests {
		c, ok := FindCookie(tt.text)
		if ok != tt.found || ok && (c.String() != tt.claim || c.Matches(tt.done, tt.tot) != tt.matches) {
			t.Errorf("FindCookie(%q) = %+v %v", tt.text, c, ok)
		}
	}
	if got := Default().StripForID("Phase 1 [2/5]"); got != "Phase 1" {
		t.Errorf("StripForID with a cookie = %q", got)
	}
}

func TestParseLegend(t *testing.T) {
	tests := []struct{ in, want string }{
		{"💚 Done · 💛 In progress · 💔 Missing", "💚=Done 💛=In progress 💔=Missing"},
		{"Y = done, P = partial, X = won't do", "Y=done P=partial X=won't do"},
		{"✅ → shipped · 🔧 → being fixed", "✅=shipped 🔧=being fixed"},
		{"✅ Done 🚧 WIP ❌ Missing", "✅=Done 🚧=WIP ❌=Missing"},
		{"Done ✅, Partial 🟡", "✅=Done 🟡=Partial"},
		{"✅ Done, merged · ❌ Open", "✅=Done, merged ❌=Open"},
		{":white_check_mark: done | :x: open", ":white_check_mark:=done :x:=open"},
		{"D done\nB blocked", "D=done B=blocked"},
		{"the API key is rotated", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range ParseLegend(tt.in) {
			got = append(got, p.Marker+"="+p.Label)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("ParseLegend(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
	for _, tt := range []struct {
		in   string
		ok   bool
		body string
	}{
		{"Legend: ✅ Done", true, "✅ Done"},
		{"**Status key** — ✅ shipped", false, ""},
		{"Status key — ✅ shipped", true, "✅ shipped"},
		{"Key: Y = yes", true, "Y = yes"},
		{"Key results", false, ""},
		{"Keyboard: ✅", false, ""},
		{"Legendary", false, ""},
		{"Legend", true, ""},
		{"LEGEND: ✅ Done", true, "✅ Done"},
		{"sTaTuS KeY: ✅ shipped", true, "✅ shipped"},
		{"Ke", false, ""},
		{"\u212Aey: ✅ Done", false, ""}, // the Kelvin sign is no K of "Key"
	} {
		body, ok := LegendBody(tt.in)
		if ok != tt.ok || body != tt.body {
			t.Errorf("LegendBody(%q) = %q %v, want %q %v", tt.in, body, ok, tt.body, tt.ok)
		}
	}
}

func TestSlashNumbers(t *testing.T) {
	for s, want := range map[string]string{
		"11/27/2026":       "11 27 2026 10",
		"29/11/26,":        "29 11 2026 8",
		"12/4.":            "12 4 0 4",
		"12/4":             "12 4 0 4",
		"1/2/3/4":          "none",
		"3/4th":            "none",
		"50/50":            "none",
		"24/7":             "24 7 0 4",
		"/docs/11/27/2026": "none",
	} {
		got := "none"
		if d, ok := SlashNumbers(s, 0); ok {
			got = fmt.Sprintf("%d %d %d %d", d.First, d.Second, d.Year, d.End)
		}
		if got != want {
			t.Errorf("SlashNumbers(%q) = %s, want %s", s, got, want)
		}
	}
}
