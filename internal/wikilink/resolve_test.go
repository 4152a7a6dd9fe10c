package wikilink_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/wikilink"
)

// vault is a small site: pages with titles, aliases, headings and block
// ids, and a few files, arranged so that every look-up rule has a case.
func vault() []wikilink.Target {
	page := func(path, url, title string) wikilink.Target {
		return wikilink.Target{Path: path, URL: url, Title: title, IsPage: true}
	}
	file := func(path string) wikilink.Target { return wikilink.Target{Path: path, URL: path} }
	prelaunch := page("milestones/pre-launch.md", "milestones/pre-launch/", "Pre-Launch Milestone")
	prelaunch.Aliases = []string{"Launch", "launch plan"}
	prelaunch.Headings = []wikilink.Heading{
		{ID: "pre-launch-milestone", Text: "Pre-Launch Milestone", Level: 1, GitHubAnchor: "pre-launch-milestone"},
		{ID: "completed", Text: "Completed", Level: 2, GitHubAnchor: "completed"},
		{ID: "mcp-wiki-routing-bug", Text: "MCP wiki routing (bug) ✅ FIXED (2026-03-15)", Level: 3, GitHubAnchor: "mcp-wiki-routing-bug--fixed-2026-03-15"},
		{ID: "open", Text: "Open", Level: 2, GitHubAnchor: "open"},
		{ID: "risks", Text: "Risks", Level: 3, GitHubAnchor: "risks"},
		{ID: "phase-1", Text: "Phase 1", Level: 2, GitHubAnchor: "phase-1"},
		{ID: "risks-1", Text: "Risks", Level: 3, GitHubAnchor: "risks-1"},
	}
	prelaunch.BlockIDs = []string{"decision-1"}
	return []wikilink.Target{
		page("index.md", "", "Home"),
		prelaunch,
		page("milestones/index.md", "milestones/", "Milestones"),
		page("milestones/todo.md", "milestones/todo/", "Milestone todo"),
		page("tasks/phase 4.md", "tasks/phase-4/", "Phase 4 Tasks"),
		page("tasks/MCP_Wiki_Routing.md", "tasks/mcp-wiki-routing/", "MCP wiki routing"),
		page("notes/todo.md", "notes/todo/", "Todo"),
		page("plans/todo.md", "plans/todo/", "Todo"),
		page("archive/2025/todo.md", "archive/2025/todo/", "Old todo"),
		page("archive/2025/review.md", "archive/2025/review/", "Review"),
		page("old/2025/todo.md", "old/2025/todo/", "Older todo"),
		page("docs/Setup.md", "docs/setup/", "Setup"),
		page("docs/setup.md", "docs/setup-1/", "Setup again"),
		page("wiki/Café Résumé.md", "wiki/café-résumé/", "Café"),
		page("日本/計画.md", "日本/計画/", "計画"),
		file("img/diagram.png"),
		file("files/spec.pdf"),
		file("img/javascript:alert(1).png"),
	}
}

func TestResolve(t *testing.T) {
	const pre = "milestones/pre-launch.md"
	tests := []struct {
		from, link string
		path       string // "" when broken
		anchor     string
		kinds      []string // problem kinds
	}{
		// 1. path from the content root
		{pre, "[[tasks/phase 4]]", "tasks/phase 4.md", "", nil},
		{pre, "[[milestones/pre-launch]]", pre, "", nil},
		{pre, "[[milestones/pre-launch.md]]", pre, "", nil},
		{pre, "[[/tasks/phase 4]]", "tasks/phase 4.md", "", nil},
		{pre, "[[/./tasks/./phase 4]]", "tasks/phase 4.md", "", nil},
		{pre, "[[/milestones/../tasks/phase 4]]", "tasks/phase 4.md", "", nil},
		{"index.md", "[[/]]", "index.md", "", nil},
		{pre, "[[milestones]]", "milestones/index.md", "", nil},
		{pre, "[[milestones/]]", "milestones/index.md", "", nil},
		// case and separators fold
		{pre, "[[TASKS/mcp wiki routing]]", "tasks/MCP_Wiki_Routing.md", "", nil},
		{pre, "[[Tasks/MCP-Wiki-Routing]]", "tasks/MCP_Wiki_Routing.md", "", nil},
		{pre, "[[tasks/Phase_4]]", "tasks/phase 4.md", "", nil},
		{pre, "[[tasks/PHASE-4.MD]]", "tasks/phase 4.md", "", nil},
		// 2. path relative to the page's folder
		{pre, "[[todo]]", "milestones/todo.md", "", nil},
		{pre, "[[./todo]]", "milestones/todo.md", "", nil},
		{pre, "[[../tasks/phase 4]]", "tasks/phase 4.md", "", nil},
		{"archive/2025/review.md", "[[todo]]", "archive/2025/todo.md", "", nil},
		// 3. a name anywhere; ties: same folder, fewer folders, shorter, alphabetical
		{"index.md", "[[MCP_Wiki_Routing]]", "tasks/MCP_Wiki_Routing.md", "", nil},
		{"index.md", "[[phase 4]]", "tasks/phase 4.md", "", nil},
		{"index.md", "[[todo]]", "notes/todo.md", "", []string{diag.KindAmbiguousLink}},
		{"tasks/phase 4.md", "[[todo]]", "notes/todo.md", "", []string{diag.KindAmbiguousLink}},
		{"index.md", "[[2025/todo]]", "old/2025/todo.md", "", []string{diag.KindAmbiguousLink}},
		{"archive/2025/review.md", "[[2025/todo]]", "archive/2025/todo.md", "", []string{diag.KindAmbiguousLink}},
		{"index.md", "[[docs/setup]]", "docs/Setup.md", "", []string{diag.KindAmbiguousLink}},
		// unicode names
		{"index.md", "[[café résumé]]", "wiki/Café Résumé.md", "", nil},
		{"index.md", "[[CAFÉ_RÉSUMÉ]]", "wiki/Café Résumé.md", "", nil},
		// a name typed decomposed (e and a combining accent, as macOS
		// names files) is the composed one
		{"index.md", "[[Cafe\u0301 Re\u0301sume\u0301]]", "wiki/Café Résumé.md", "", nil},
		{"index.md", "[[計画]]", "日本/計画.md", "", nil},
		// 4. titles and aliases
		{"index.md", "[[Phase 4 Tasks]]", "tasks/phase 4.md", "", nil},
		{"index.md", "[[launch]]", pre, "", nil},
		{"index.md", "[[Launch_Plan]]", pre, "", nil},
		{"index.md", "[[Pre-Launch Milestone#Completed]]", pre, "completed", nil},
		// headings
		{"index.md", "[[pre-launch#Completed]]", pre, "completed", nil},
		{"index.md", "[[pre-launch#COMPLETED]]", pre, "completed", nil},
		{"index.md", "[[pre-launch#MCP wiki routing (bug)]]", pre, "mcp-wiki-routing-bug", nil},
		{"index.md", "[[pre-launch#MCP wiki routing (bug) ✅ FIXED (2026-03-15)]]", pre, "mcp-wiki-routing-bug", nil},
		{"index.md", "[[pre-launch#mcp-wiki-routing-bug--fixed-2026-03-15]]", pre, "mcp-wiki-routing-bug", nil},
		{"index.md", "[[pre-launch#Risks]]", pre, "risks", nil},
		{"index.md", "[[pre-launch#Phase 1#Risks]]", pre, "risks-1", nil},
		{"index.md", "[[pre-launch#Open#Risks]]", pre, "risks", nil},
		{"index.md", "[[pre-launch#Completed#Risks]]", pre, "risks", nil},
		{"index.md", "[[pre-launch#Pre-Launch Milestone#Phase 1#Risks]]", pre, "risks-1", nil},
		{"index.md", "[[pre-launch#Nowhere]]", pre, "", []string{diag.KindMissingHeading}},
		{"index.md", "[[pre-launch#Open#Nowhere]]", pre, "", []string{diag.KindMissingHeading}},
		{"index.md", "[[Tasks/phase 4#Anything]]", "tasks/phase 4.md", "", []string{diag.KindMissingHeading}},
		{pre, "[[#Open]]", pre, "open", nil},
		{pre, "[[#Nowhere]]", pre, "", []string{diag.KindMissingHeading}},
		{"unindexed.md", "[[#Open]]", "", "", []string{diag.KindBrokenLink}},
		// block references
		{"index.md", "[[pre-launch#^decision-1]]", pre, "^decision-1", nil},
		{"index.md", "[[pre-launch#^DECISION-1]]", pre, "^decision-1", nil},
		{pre, "[[#^decision-1]]", pre, "^decision-1", nil},
		{"index.md", "[[pre-launch#^nope]]", pre, "", []string{diag.KindMissingHeading}},
		// files
		{"index.md", "[[img/diagram.png]]", "img/diagram.png", "", nil},
		{"index.md", "![[diagram.png]]", "img/diagram.png", "", nil},
		{"index.md", "[[DIAGRAM.PNG]]", "img/diagram.png", "", nil},
		{"index.md", "[[spec.pdf#page=3]]", "files/spec.pdf", "page=3", nil},
		{"index.md", "[[diagram]]", "", "", []string{diag.KindBrokenLink}},
		// broken, never outside the root, never a scheme
		{"index.md", "[[Tasks/Semantic_Search_Architecture]]", "", "", []string{diag.KindBrokenLink}},
		{pre, "[[/todo]]", "", "", []string{diag.KindBrokenLink}},
		{pre, "[[./phase 4]]", "", "", []string{diag.KindBrokenLink}},
		{pre, "[[../../etc/passwd]]", "", "", []string{diag.KindBadLink}},
		{pre, "[[../../../index]]", "", "", []string{diag.KindBadLink}},
		{"index.md", "[[/../index]]", "", "", []string{diag.KindBadLink}},
		{pre, "[[tasks/../../index]]", "index.md", "", nil},
		{"index.md", "[[javascript:alert(1)]]", "", "", []string{diag.KindBrokenLink}},
		{"index.md", "[[https://example.com]]", "", "", []string{diag.KindBrokenLink}},
	}
	md := newMarkdown()
	ix := wikilink.NewIndex(vault())
	for _, tt := range tests {
		t.Run(tt.from+" "+tt.link, func(t *testing.T) {
			links := wikilink.Collect(parse(t, md, tt.link), nil)
			if len(links) != 1 {
				t.Fatalf("parsed %d links", len(links))
			}
			res := ix.Resolve(tt.from, links[0])
			var kinds []string
			for _, p := range res.Warnings {
				kinds = append(kinds, p.Kind)
			}
			if res.Path != tt.path || res.Anchor != tt.anchor || res.Broken != (tt.path == "") || fmt.Sprint(kinds) != fmt.Sprint(tt.kinds) {
				t.Errorf("got path %q anchor %q broken %v warnings %+v\nwant path %q anchor %q kinds %v",
					res.Path, res.Anchor, res.Broken, res.Warnings, tt.path, tt.anchor, tt.kinds)
			}
			if !res.Broken {
				want, _ := ix.Target(res.Path)
				if res.URL != want.URL || res.IsPage != want.IsPage {
					t.Errorf("URL %q IsPage %v, want %q %v", res.URL, res.IsPage, want.URL, want.IsPage)
				}
			}
		})
	}
}

func TestResolveMessages(t *testing.T) {
	md := newMarkdown()
	ix := wikilink.NewIndex(vault()).WithDrafts([]wikilink.Target{{Path: "plans/q3-offsite.md", Title: "Q3 offsite", IsPage: true}})
	tests := []struct{ from, link, want string }{
		{"index.md", "[[todo]]", "ambiguous link 'todo': 5 targets match (notes/todo.md, plans/todo.md, milestones/todo.md, old/2025/todo.md, archive/2025/todo.md); using notes/todo.md"},
		{"index.md", "[[pre-launch#Nowhere]]", "no heading 'Nowhere' in milestones/pre-launch.md"},
		{"index.md", "[[pre-launch#^nope]]", "no block '^nope' in milestones/pre-launch.md"},
		{"index.md", "[[Tasks/X#Y|label]]", "broken link 'Tasks/X#Y': no page or file of that name"},
		{"a/b.md", "[[../../etc/passwd]]", "bad link '../../etc/passwd': it leads outside the content root"},
		{"index.md", "[[Q3 offsite]]", "broken link 'Q3 offsite': plans/q3-offsite.md is a draft (draft: true); build with --drafts to include it"},
		{"index.md", "[[plans/q3-offsite]]", "broken link 'plans/q3-offsite': plans/q3-offsite.md is a draft (draft: true); build with --drafts to include it"},
	}
	for _, tt := range tests {
		res := ix.Resolve(tt.from, wikilink.Collect(parse(t, md, tt.link), nil)[0])
		if len(res.Warnings) != 1 || res.Warnings[0].Message != tt.want {
			t.Errorf("%s: got %+v\nwant %q", tt.link, res.Warnings, tt.want)
		}
	}
	res := ix.Resolve("index.md", wikilink.Link{Target: "todo"})
	if got := strings.Join(res.Warnings[0].Candidates, " "); got != "notes/todo.md plans/todo.md milestones/todo.md old/2025/todo.md archive/2025/todo.md" {
		t.Errorf("candidates: %s", got)
	}
}
