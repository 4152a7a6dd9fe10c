package status

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

func TestColor(t *testing.T) {
	th := config.Default().Thresholds
	tests := []struct {
		c    Counts
		want string
	}{
		{Counts{}, "lightgrey"},
		{Counts{Dropped: 3}, "lightgrey"},
		{Counts{Done: 1}, "brightgreen"},
		{Counts{Done: 299, Open: 1}, "green"}, // 99%: floor, never 100
		{Counts{Done: 8, Open: 2}, "green"},
		{Counts{Done: 79, Open: 21}, "yellowgreen"},
		{Counts{Done: 6, Open: 4}, "yellowgreen"},
		{Counts{Done: 4, Active: 6}, "yellow"},
		{Counts{Done: 2, Blocked: 8}, "orange"},
		{Counts{Done: 19, Open: 81}, "red"},
		{Counts{Open: 5}, "red"},
	}
	for _, tt := range tests {
		if got := Color(tt.c, th); got != tt.want {
			t.Errorf("Color(%+v) = %s, want %s", tt.c, got, tt.want)
		}
	}
	if got := Color(Counts{Done: 5, Open: 5}, config.Thresholds{Green: 50, YellowGreen: 40, Yellow: 30, Orange: 10}); got != "green" {
		t.Errorf("custom thresholds: %s, want green", got)
	}
}

func TestStale(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	now := day("2026-06-16").Add(15 * time.Hour)
	tests := []struct {
		updated string
		after   int
		want    bool
	}{
		{"2026-03-18", 90, false}, // 90 days: not more than 90
		{"2026-03-17", 90, true},
		{"2026-06-16", 0, false},
		{"2025-11-16", 0, false}, // 0 turns staleness off
		{"2026-06-10", 5, true},
	}
	for _, tt := range tests {
		if got := Stale(day(tt.updated), now, tt.after); got != tt.want {
			t.Errorf("Stale(%s, %d) = %v, want %v", tt.updated, tt.after, got, tt.want)
		}
	}
	if Stale(time.Time{}, now, 90) {
		t.Error("an undated page is stale")
	}
	w, ok := StaleWarning(day("2026-03-01"), now, 90, 4)
	want := Warning{Kind: "stale", Line: 4, Message: "last updated 2026-03-01, more than 90 days before this build"}
	if !ok || w != want {
		t.Errorf("StaleWarning = %+v %v, want %+v", w, ok, want)
	}
}

func TestRollup(t *testing.T) {
	var r Rollup
	if got := r.Tree(""); got != (Counts{}) {
		t.Errorf("empty Rollup: Tree = %+v", got)
	}
	r.Add("plans", Counts{Done: 1, Open: 2})
	r.Add("plans/q3", Counts{Active: 1, Dropped: 4})
	r.Add("", Counts{Blocked: 1})
	tests := []struct {
		folder     string
		own, below Counts
	}{
		{"", Counts{Blocked: 1}, Counts{Done: 1, Active: 1, Blocked: 1, Open: 2, Dropped: 4}},
		{"plans", Counts{Done: 1, Open: 2}, Counts{Done: 1, Active: 1, Open: 2, Dropped: 4}},
		{"plans/q3", Counts{Active: 1, Dropped: 4}, Counts{Active: 1, Dropped: 4}},
		{"tasks", Counts{}, Counts{}},
	}
	for _, tt := range tests {
		if got := r.Folder(tt.folder); got != tt.own {
			t.Errorf("Folder(%q) = %+v, want %+v", tt.folder, got, tt.own)
		}
		if got := r.Tree(tt.folder); got != tt.below {
			t.Errorf("Tree(%q) = %+v, want %+v", tt.folder, got, tt.below)
		}
	}
}

// TestJSON pins the shape status.json shows: null section and date, empty
// lists as [], percent null without items.
func TestJSON(t *testing.T) {
	src := "- [x] page item 2026-03-15\n\n## Done part\n\n- [ ] open\n\n## Empty\n"
	v := marker.Default()
	doc := markdown.New(markdown.Options{Vocabulary: v}).Parse([]byte(src))
	p := Compute(doc, []byte(src), Options{Vocabulary: v})
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"counts":{"done":1,"active":0,"blocked":0,"open":1,"dropped":0,"total":2,"percent":50},` +
		`"sections":[` +
		`{"id":"done-part","title":"Done part","level":2,"line":3,"counts":{"done":0,"active":0,"blocked":0,"open":1,"dropped":0,"total":1,"percent":0},"sections":[]},` +
		`{"id":"empty","title":"Empty","level":2,"line":7,"counts":{"done":0,"active":0,"blocked":0,"open":0,"dropped":0,"total":0,"percent":null},"sections":[]}],` +
		`"items":[` +
		`{"line":1,"section":null,"state":"done","source":"checkbox","text":"page item 2026-03-15","date":"2026-03-15"},` +
		`{"line":5,"section":"done-part","state":"open","source":"checkbox","text":"open","date":null}],` +
		`"warnings":[]}`
	if string(b) != want {
		t.Errorf("JSON:\n got %s\nwant %s", b, want)
	}
	var back Page
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Counts != p.Counts || len(back.Items) != 2 || back.Items[0].Section != "" || back.Items[1].Section != "done-part" || back.Items[0].Date != "2026-03-15" {
		t.Errorf("round trip = %+v", back)
	}
}

func TestPageKind(t *testing.T) {
	withItems := &Page{Items: []Item{{State: marker.Done}}}
	empty := &Page{}
	tests := []struct {
		p              *Page
		declared, path string
		want           string
	}{
		{withItems, "", "milestones/pre-launch.md", "milestone"},
		{empty, "", "notes/idea.md", "page"},
		{withItems, "", "runbooks/rfc-app.md", "runbook"},
		{withItems, "", "ops/deploy-runbook.md", "runbook"},
		{withItems, "", "trackers/status.md", "tracker"},
		{empty, "tracker", "notes/x.md", "tracker"},
		{withItems, "page", "runbooks/x.md", "page"},
	}
	for _, tt := range tests {
		if got := tt.p.Kind(tt.declared, tt.path); got != tt.want {
			t.Errorf("Kind(%q, %q) = %s, want %s", tt.declared, tt.path, got, tt.want)
		}
	}
}
