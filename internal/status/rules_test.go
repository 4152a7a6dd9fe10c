package status

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

// states computes src and lists its items as "source:state" words.
func states(t *testing.T, src, headingItems string) string {
	t.Helper()
	v := marker.Default()
	doc := markdown.New(markdown.Options{Vocabulary: v}).Parse([]byte(src))
	p := Compute(doc, []byte(src), Options{Vocabulary: v, HeadingItems: headingItems})
	checkInvariants(t, p)
	var out []string
	for _, it := range p.Items {
		out = append(out, string(it.Source)+":"+it.State.String())
	}
	return strings.Join(out, " ")
}

func TestRules(t *testing.T) {
	tests := []struct {
		rule, name, src, headingItems, want string
	}{
		// Rule 1: checkboxes, at any depth, the box decides.
		{"checkbox", "states", "- [ ] a\n- [x] b\n- [X] c\n- [/] d\n- [-] e\n", "", "checkbox:open checkbox:done checkbox:done checkbox:active checkbox:dropped"},
		{"checkbox", "box beats words", "- [ ] DONE already\n- [x] TODO later\n", "", "checkbox:open checkbox:done"},
		{"checkbox", "nested under plain prose", "- intro\n  - [x] deep\n", "", "checkbox:done"},
		{"checkbox", "boxes do not make plain siblings items", "- [x] a\n- plain\n", "", "checkbox:done"},
		{"checkbox", "not in code", "```\n- [x] a\n```\n", "", ""},

		// Rule 2: marked lists and the sibling rule.
		{"list", "unmarked list is prose", "- a\n- b\n", "", ""},
		{"list", "one marker makes siblings items", "- ✅ a\n- b\n- c\n", "", "list:done list:open list:open"},
		{"list", "struck item", "- ~~a~~\n- b\n", "", "list:done list:open"},
		{"list", "words in caps", "- a IN PROGRESS\n- b ON HOLD\n- c WONTFIX\n", "", "list:active list:blocked list:dropped"},
		{"list", "nested lists judged on their own", "- ✅ a\n  - x\n  - y\n- b\n", "", "list:done list:open"},
		{"list", "parent counts beside nested items", "- a\n  - ✅ x\n  - y\n", "", "list:done list:open"},
		{"list", "checkbox beside marked plain items", "1. a\n2. b (COMPLETE)\n3. [ ] c\n", "", "list:open list:done checkbox:open"},
		{"list", "prose case is no marker", "- Done: a\n- Complete b\n", "", ""},
		{"list", "marker in code is no marker", "- run `DONE`\n- b\n", "", ""},
		{"list", "marker in a link target is no marker", "- [docs](https://x.org/DONE)\n- b\n", "", ""},
		{"list", "marker in a link text counts", "- [DONE](https://x.org/)\n- b\n", "", "list:done list:open"},
		{"list", "escapes are read as the reader sees them", "- TODO\\_list\n- b\n", "", ""},
		{"list", "marker in a wiki-link is no marker", "- see [[DONE]]\n- b\n", "", ""},
		{"list", "wiki-link before a trailing emoji", "- [[Some page]] ✅\n- b\n", "", "list:done list:open"},
		{"list", "shortcode emoji", "- :white_check_mark: a\n- :construction: b\n- :no_entry: c\n- :x: d\n", "", "list:done list:active list:blocked list:open"},

		// Rule 3: status tables.
		{"table", "status header", "| A | Status |\n|---|---|\n| a | done |\n| b | |\n", "", "table:done table:open"},
		{"table", "state header, formatted", "| A | **📊 State** |\n|---|---|\n| a | Blocked |\n", "", "table:blocked"},
		{"table", "no status column", "| A | B |\n|---|---|\n| a | done |\n", "", ""},
		{"table", "emoji column", "| A | B |\n|---|---|\n| a | ✅ |\n| b | ⬜ |\n| c | x |\n", "", "table:done table:open table:open"},
		{"table", "emoji column of one state is no status column", "| A | B |\n|---|---|\n| a | ✅ |\n| b | x |\n", "", ""},
		{"table", "emoji column needs half", "| A | B |\n|---|---|\n| a | ✅ |\n| b | x |\n| c | y |\n", "", ""},
		{"table", "struck first cell", "| A | Status |\n|---|---|\n| ~~a~~ | open |\n", "", "table:done"},
		{"table", "header only", "| A | Status |\n|---|---|\n", "", ""},

		// Rule 4: heading items.
		{"heading", "marked leaf makes siblings items", "# T\n## A\n### ✅ x\n### y\n", "", "heading:done heading:open"},
		{"heading", "no marked leaf, no items", "# T\n## A\n### x\n### y\n", "", ""},
		{"heading", "leaf with items counts its items", "# T\n## A\n### x ✅ DONE\n- [ ] a\n### y\n", "", "checkbox:open heading:open"},
		{"heading", "marked heading with sub-headings is no item", "# T\n## A DONE\n### x\n", "", ""},
		{"heading", "document above top-level headings", "## a DONE\n## b\n", "", "heading:done heading:open"},
		{"heading", "title is never an item", "# T DONE\n", "", ""},
		{"heading", "never", "# T\n## a DONE\n## b\n", HeadingItemsNever, ""},
		{"heading", "always", "# T\n## a\n## b\n", HeadingItemsAlways, "heading:open heading:open"},
		{"heading", "headings inside lists make no sections", "# T\n## A\n- # x DONE\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.name, func(t *testing.T) {
			if got := states(t, tt.src, tt.headingItems); got != tt.want {
				t.Errorf("items = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestItemAttributes(t *testing.T) {
	src := "- [x] done 2026-01-02\n\n| T | Status |\n|---|---|\n| t | wip |\n\n## A\n\n### ✅ x (2026-03-01)\n\n### y\n\n## B DONE\n\n### c\n\n- [ ] open\n"
	v := marker.Default()
	p := markdown.New(markdown.Options{Vocabulary: v})
	doc := p.Parse([]byte(src))
	page := Compute(doc, []byte(src), Options{Vocabulary: v})
	Compute(doc, []byte(src), Options{Vocabulary: v}) // a second run must not pile up classes
	var html strings.Builder
	if err := p.Goldmark().Renderer().Render(&html, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	out := html.String()
	for _, want := range []string{
		`<h3 id="x-2026-03-01" data-gh-anchor="-x-2026-03-01" data-state="done" class="item item-done" data-date="2026-03-01">`,
		`<h3 id="y" data-state="open" class="item item-open">`,
		`<li data-state="done" class="item item-done" data-date="2026-01-02">`,
		`<tr data-state="active" class="item item-active">`,
		`<h2 id="b" data-gh-anchor="b-done" data-declared="done" data-unfinished="0/1">`, // declared done over an open box
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rendered HTML lacks %s\n%s", want, out)
		}
	}
	if len(page.Items) != 5 {
		t.Errorf("items = %d, want 5", len(page.Items))
	}
}

// TestDeclaredKind checks which paths name a runbook or a tracker when the
// front matter names no kind.
func TestDeclaredKind(t *testing.T) {
	for path, want := range map[string]string{
		"ops/runbooks/restore.md":      KindRunbook,
		"playbooks/incident.md":        KindRunbook,
		"sop/db-restore.md":            KindRunbook,
		"db-failover-procedure.md":     KindRunbook,
		"Procedures/Rotate Keys.md":    KindRunbook,
		"bugs/isopod-tracker.md":       KindTracker,
		"biology/isopod.md":            "",
		"plans/proceduralist-notes.md": "",
		"milestones/v1.md":             "",
	} {
		if got := DeclaredKind("", path); got != want {
			t.Errorf("DeclaredKind(%q) = %q, want %q", path, got, want)
		}
	}
	if got := DeclaredKind(KindMilestone, "sop/plan.md"); got != KindMilestone {
		t.Errorf("front matter kind: got %q", got)
	}
}

// TestRecordPages checks which paths name a changelog, and that such a
// page makes no items of its marked lists while its boxes still count.
func TestRecordPages(t *testing.T) {
	for path, want := range map[string]bool{
		"CHANGELOG.md":             true,
		"docs/changes.md":          true,
		"HISTORY.md":               true,
		"release-notes/v1.4.md":    true,
		"Release_Notes.md":         true,
		"plans/change-freeze.md":   false,
		"history-of-the-team/a.md": false,
		"history/2025/billing.md":  false,
		"ops/changes/chg-1042.md":  false,
		"milestones/v1.md":         false,
	} {
		if got := RecordPath(path); got != want {
			t.Errorf("RecordPath(%q) = %v, want %v", path, got, want)
		}
	}
	src := "# Changelog\n\n## [1.4.0] - 2026-10-01\n\n### Fixed\n\n- Login loop (FIXED)\n- Crash on start\n\n### Release checklist\n\n- [x] Tag\n- [ ] Announce\n"
	v := marker.Default()
	doc := markdown.New(markdown.Options{Vocabulary: v}).Parse([]byte(src))
	p := Compute(doc, []byte(src), Options{Vocabulary: v, Record: true, HeadingItems: HeadingItemsNever})
	var got []string
	for _, it := range p.Items {
		got = append(got, it.Text+":"+it.State.String())
	}
	if strings.Join(got, " ") != "Tag:done Announce:open" {
		t.Errorf("a changelog's items: %q, want its two boxes only", got)
	}
}
