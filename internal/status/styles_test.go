package status_test

import (
	"context"
	"encoding/json"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// TestStylesSite builds testdata/styles, a site of documents each written
// in one style of reporting progress (legends, matrices, records, labels,
// task words, scope headings), and compares every page's counts by state
// and by source with numbers counted by hand from the rules, not from
// this code.
func TestStylesSite(t *testing.T) {
	root := "../../testdata/styles"
	if _, err := os.Stat(root); err != nil {
		t.Fatal(err)
	}
	mem := publish.NewMemory(false)
	in := site.Input{Site: os.DirFS(root), ThemeTemplates: milepost.Templates(), ThemeStatic: milepost.Static(), Now: time.Unix(1795000000, 0).UTC(), Version: "test"}
	res, err := site.Build(context.Background(), in, mem)
	if err != nil {
		t.Fatal(err)
	}
	files := mem.Files()

	type want struct {
		done, active, blocked, open, dropped int
		sources                              string // source:count, in a fixed order
		warnings                             []string
	}
	wants := map[string]want{
		// matrix: Sign in 💚💚, Sharing 💛💔, Widgets ⛔💛; list: 💚, 💔, unmarked
		"legend-emoji": {3, 2, 0, 3, 1, "list:3 matrix:6", nil},
		// Support is ✅ and blanks only: nothing; Port progress ✅✅ ✅🚧 ❌
		"support-matrix": {3, 1, 0, 1, 0, "matrix:5", nil},
		// three records: Merged, In Progress, Blocked; the glossary is none
		"records": {1, 1, 1, 0, 0, "table:3", nil},
		// DONE DOING NOW LATER WAITING TODO CANCELED; [x] [ ]
		"logseq": {2, 2, 1, 3, 1, "checkbox:2 list:7", []string{"says 2/6, counted 1/6"}},
		// Done! In progress: Blocked — unmarked; (ongoing) (done) unmarked
		"labels": {2, 2, 1, 2, 0, "list:7", nil},
		// [x] [ ] ⛔; out of scope ⛔ ❌ ✅; icebox [ ]
		"scope": {2, 0, 1, 1, 3, "checkbox:3 list:4", nil},
		// Phase 1 ✅, Phase 2 🚧, Phase 3; Notes, FAQ and (config)
		// Announcements are no items, and its shouting is no marker
		"roadmap": {1, 1, 0, 1, 0, "heading:3", nil},
		// 🟣 merged, Waiting for review, Parked, ⚪ not started, 🐛 no state
		"legend-table": {1, 1, 0, 2, 1, "table:5", nil},
		// matrices: ignore in front matter; one checkbox
		"ignored": {1, 0, 0, 0, 0, "checkbox:1", nil},
	}
	for name, w := range wants {
		data, ok := files[name+"/status.json"]
		if !ok {
			t.Errorf("%s: no status.json in %d files", name, len(files))
			continue
		}
		var page struct {
			Counts   struct{ Done, Active, Blocked, Open, Dropped int }
			Items    []struct{ Source, State string }
			Warnings []struct {
				Kind, Message string
			}
		}
		if err := json.Unmarshal(data, &page); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := page.Counts
		if got := [5]int{c.Done, c.Active, c.Blocked, c.Open, c.Dropped}; got != [5]int{w.done, w.active, w.blocked, w.open, w.dropped} {
			t.Errorf("%s: done/active/blocked/open/dropped = %v, counted by hand %v", name, got, [5]int{w.done, w.active, w.blocked, w.open, w.dropped})
		}
		bySource := map[string]int{}
		for _, it := range page.Items {
			bySource[it.Source]++
		}
		var src []string
		for _, s := range []string{"checkbox", "heading", "list", "matrix", "table"} {
			if n := bySource[s]; n > 0 {
				src = append(src, s+":"+itoa(n))
			}
		}
		if got := strings.Join(src, " "); got != w.sources {
			t.Errorf("%s: items by source %q, counted by hand %q", name, got, w.sources)
		}
		var warns []string
		for _, x := range page.Warnings {
			if x.Kind == "drift" {
				warns = append(warns, x.Message)
			}
		}
		if len(warns) != len(w.warnings) {
			t.Errorf("%s: drift warnings %q, want %q", name, warns, w.warnings)
		}
		for i := range min(len(warns), len(w.warnings)) {
			if !strings.Contains(warns[i], w.warnings[i]) {
				t.Errorf("%s: drift warning %q, want it to say %q", name, warns[i], w.warnings[i])
			}
		}
	}
	for _, d := range res.Diagnostics {
		if d.Kind != "drift" && d.Kind != "no-items" {
			t.Errorf("unexpected diagnostic: %v", d)
		}
	}
	html := string(files[path.Join("legend-emoji", "index.html")])
	for _, s := range []string{"Legend used", "<dt>💚</dt>", "Not planned <span class=\"state\">dropped</span>"} {
		if !strings.Contains(html, s) {
			t.Errorf("legend-emoji/index.html does not show %q", s)
		}
	}
	legendTable := string(files["legend-table/index.html"])
	if !strings.Contains(legendTable, "Still being written <span class=\"state\">no state</span>") {
		t.Error("legend-table/index.html does not show a label that maps to no state")
	}
	if !strings.Contains(legendTable, "Bug being fixed <span class=\"state\">no state</span>") {
		t.Error("legend-table/index.html does not show an emoji whose label names no state")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
