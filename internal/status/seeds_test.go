package status

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

// seedDir holds the project's seed documents when the shared tree is
// present; tests that read them skip otherwise.
const seedDir = "../../../shared/seeds/content"

// splitFrontMatter returns the body of a page and the file line its first
// line is on.
func splitFrontMatter(src []byte) ([]byte, int) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return src, 1
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(string(lines[i]), "\r\n") == "---" {
			return bytes.Join(lines[i+1:], nil), i + 2
		}
	}
	return src, 1
}

// computeFile parses and computes a page the way a build does.
func computeFile(t testing.TB, src []byte, headingItems string) *Page {
	t.Helper()
	body, first := splitFrontMatter(src)
	v := marker.Default()
	doc := markdown.New(markdown.Options{Vocabulary: v}).Parse(body)
	return Compute(doc, body, Options{Vocabulary: v, HeadingItems: headingItems, Lines: markdown.NewLineIndex(body, first)})
}

func readSeed(t *testing.T, rel string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(seedDir, filepath.FromSlash(rel)))
	if os.IsNotExist(err) {
		t.Skipf("seed %s not present", rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// findSection returns the section titled title (prefix match) anywhere in
// the tree.
func findSection(secs []*Section, title string) *Section {
	for _, s := range secs {
		if strings.HasPrefix(s.Title, title) {
			return s
		}
		if f := findSection(s.Sections, title); f != nil {
			return f
		}
	}
	return nil
}

type sectionWant struct {
	title               string
	done, active, total int
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		path         string
		headingItems string
		done, active int
		open, total  int
		sections     []sectionWant
		topLevel     []string // titles of the page's sections, in order
		drift        []Warning
	}{
		{
			path: "milestones/pre-launch.md", done: 34, open: 6, total: 40,
			topLevel: []string{"Completed", "Blocking", "UX issues", "Safety", "Not blocking but important", "Post-launch"},
			sections: []sectionWant{
				{"Completed", 14, 0, 14}, {"Blocking", 6, 0, 7}, {"Management UI usability", 3, 0, 3},
				{"Landing page copy", 0, 0, 1}, {"UX issues", 6, 0, 6}, {"Safety", 5, 0, 8},
				{"OWASP remaining items", 2, 0, 3}, {"Not blocking but important", 3, 0, 5}, {"Post-launch", 0, 0, 0},
			},
		},
		{
			path: "trackers/status.md", done: 39, open: 10, total: 49,
			topLevel: []string{"Implementation", "Code Review Fixes (GPT-5.2 Pro)", "Pre-Deployment (Requires Human)", "Known Considerations"},
			sections: []sectionWant{
				{"Implementation", 14, 0, 14}, {"Code Review Fixes", 25, 0, 25}, {"Critical", 6, 0, 6},
				{"Major", 8, 0, 8}, {"Minor", 11, 0, 11}, {"Pre-Deployment (Requires Human)", 0, 0, 10},
				{"Known Considerations", 0, 0, 0},
			},
		},
		{
			path: "tasks/phase 4.md", done: 0, open: 32, total: 32,
			topLevel: []string{"How to read this document", "Phase 4: Git Remote + Launch Prep"},
			sections: []sectionWant{
				{"P4-1", 0, 0, 5}, {"P4-2", 0, 0, 3}, {"P4-3", 0, 0, 4}, {"P4-4", 0, 0, 3},
				{"P4-5", 0, 0, 5}, {"P4-6", 0, 0, 4}, {"P4-7", 0, 0, 8},
			},
		},
		{
			path: "prd/alpha-go-live.md", done: 80, active: 1, open: 181, total: 262,
			sections: []sectionWant{
				{"🎯 Major Progress Update", 6, 0, 6}, {"Overview", 0, 0, 0}, {"P0: Critical Blockers", 6, 0, 38},
				{"did:web Verification", 6, 0, 8}, {"P1: Important", 0, 0, 97}, {"P2: Nice to Have", 0, 0, 14},
				{"Testing Gaps", 48, 0, 52}, {"Timeline Estimate", 4, 0, 10}, {"Week 1", 2, 0, 6},
				{"Week 2", 0, 0, 1}, {"Week 3", 2, 0, 3}, {"Success Criteria", 9, 0, 20},
				{"Go/No-Go Decision Points", 2, 1, 10}, {"Risk Assessment", 2, 0, 3}, {"Low Risk", 2, 0, 3},
				{"Open Questions", 0, 0, 0}, {"Next Steps", 3, 0, 12},
			},
			drift: []Warning{
				{Kind: "drift", Line: 113, Section: "didweb-verification", Message: "'did:web Verification' says COMPLETE, but 2 of its 8 items are open"},
				{Kind: "drift", Line: 458, Section: "week-3-e2e-testing-polish", Message: "'Week 3: E2E Testing + Polish' says COMPLETE, but 1 of its 3 items is open"},
			},
		},
		{path: "runbooks/rfc-app.md", headingItems: HeadingItemsNever},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p := computeFile(t, readSeed(t, tt.path), tt.headingItems)
			c := p.Counts
			if c.Done != tt.done || c.Active != tt.active || c.Open != tt.open || c.Total() != tt.total || c.Blocked != 0 || c.Dropped != 0 {
				t.Errorf("page counts = %+v total %d; want done %d active %d open %d total %d", c, c.Total(), tt.done, tt.active, tt.open, tt.total)
			}
			for _, w := range tt.sections {
				s := findSection(p.Sections, w.title)
				if s == nil {
					t.Errorf("no section %q", w.title)
					continue
				}
				if s.Counts.Done != w.done || s.Counts.Active != w.active || s.Counts.Total() != w.total {
					t.Errorf("section %q: %d done, %d active of %d; want %d, %d of %d", w.title, s.Counts.Done, s.Counts.Active, s.Counts.Total(), w.done, w.active, w.total)
				}
			}
			if tt.topLevel != nil {
				var got []string
				for _, s := range p.Sections {
					got = append(got, s.Title)
				}
				if strings.Join(got, "|") != strings.Join(tt.topLevel, "|") {
					t.Errorf("page sections = %q, want %q", got, tt.topLevel)
				}
			}
			var drift []Warning
			for _, w := range p.Warnings {
				if w.Kind == "drift" {
					drift = append(drift, w)
				}
			}
			if len(drift) != len(tt.drift) {
				t.Fatalf("drift warnings = %+v, want %+v", drift, tt.drift)
			}
			for i := range drift {
				if drift[i] != tt.drift[i] {
					t.Errorf("drift[%d] = %+v, want %+v", i, drift[i], tt.drift[i])
				}
			}
			checkInvariants(t, p)
		})
	}
}

// TestSeedTotals pins the sum over the five seeds.
func TestSeedTotals(t *testing.T) {
	var sum Counts
	for _, rel := range []string{"milestones/pre-launch.md", "trackers/status.md", "tasks/phase 4.md", "prd/alpha-go-live.md"} {
		sum = sum.Add(computeFile(t, readSeed(t, rel), "").Counts)
	}
	sum = sum.Add(computeFile(t, readSeed(t, "runbooks/rfc-app.md"), HeadingItemsNever).Counts)
	if sum.Done != 153 || sum.Active != 1 || sum.Open != 229 || sum.Total() != 383 {
		t.Errorf("seed totals = %+v (total %d), want 153 done, 1 active, 229 open, 383 total", sum, sum.Total())
	}
	if p, _ := sum.Percent(); p != 39 {
		t.Errorf("seed percent = %d, want 39", p)
	}
}

// TestSeedExample pins the page object the status issue shows for
// pre-launch.md: section ids, titles, levels, lines, and the heading item
// with its completion date.
func TestSeedExample(t *testing.T) {
	p := computeFile(t, readSeed(t, "milestones/pre-launch.md"), "")
	completed := p.Sections[0]
	if completed.ID != "completed" || completed.Title != "Completed" || completed.Level != 2 || completed.Line != 12 {
		t.Errorf("first section = %s %q level %d line %d", completed.ID, completed.Title, completed.Level, completed.Line)
	}
	mcp := completed.Sections[0]
	if mcp.ID != "mcp-wiki-routing-bug" || mcp.Title != "MCP wiki routing (bug) ✅ FIXED (2026-03-15)" || mcp.Level != 3 || mcp.Line != 14 {
		t.Errorf("MCP section = %s %q level %d line %d", mcp.ID, mcp.Title, mcp.Level, mcp.Line)
	}
	if mcp.Counts != (Counts{Done: 1}) {
		t.Errorf("MCP section counts = %+v, want 1/1", mcp.Counts)
	}
	it := p.Items[0]
	want := Item{Line: 14, Section: "mcp-wiki-routing-bug", State: marker.Done, Source: SourceHeading, Text: "MCP wiki routing (bug) ✅ FIXED (2026-03-15)", Date: "2026-03-15"}
	if !reflect.DeepEqual(it, want) {
		t.Errorf("first item = %+v, want %+v", it, want)
	}
	ids := map[string]bool{}
	var walk func(ss []*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			ids[s.ID] = true
			walk(s.Sections)
		}
	}
	walk(p.Sections)
	for _, id := range []string{"management-ui-usability", "upstream-bug-fix-submitted-2026-03-17", "admin-ui-cleanup-otterwiki-fork", "log-rotation", "owasp-remaining-items"} {
		if !ids[id] {
			t.Errorf("no section %q", id)
		}
	}
}
