package wikilink_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/wikilink"
)

// short writes a link as target#fragment|label, with a leading ! for embeds.
func short(l wikilink.Link) string {
	s := l.Written()
	if l.Label != "" {
		s += "|" + l.Label
	}
	if l.Embed {
		s = "!" + s
	}
	return s
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // short forms, in order
	}{
		{"plain", "See [[Tasks/MCP_Wiki_Routing]].", []string{"Tasks/MCP_Wiki_Routing"}},
		{"label", "[[Plans/Login_Page_UX|login plan]]", []string{"Plans/Login_Page_UX|login plan"}},
		{"heading", "[[Page#Next steps]]", []string{"Page#Next steps"}},
		{"heading and label", "[[Page#Next steps|what next]]", []string{"Page#Next steps|what next"}},
		{"same page heading", "[[#Rollout]]", []string{"#Rollout"}},
		{"nested headings", "[[Page#Phase 1#Risks]]", []string{"Page#Phase 1#Risks"}},
		{"split at first hash", "[[C# notes#Setup]]", []string{"C#notes#Setup"}},
		{"block ref", "[[Page#^decision-1]]", []string{"Page#^decision-1"}},
		{"embed", "![[diagram.png]]", []string{"!diagram.png"}},
		{"embed with size", "![[diagram.png|300]]", []string{"!diagram.png|300"}},
		{"embed section", "![[Roadmap#Phase 2]]", []string{"!Roadmap#Phase 2"}},
		{"trimmed", "[[  Page  #  Heading  |  label  ]]", []string{"Page#Heading|label"}},
		{"md suffix kept as written", "[[notes.md]]", []string{"notes.md"}},
		{"leading slash kept", "[[/tasks/phase 4]]", []string{"/tasks/phase 4"}},
		{"unicode", "[[Café déjà vu]] and [[日本語ページ]]", []string{"Café déjà vu", "日本語ページ"}},
		{"two on a line", "[[A]] and [[B|b]]", []string{"A", "B|b"}},
		{"escaped pipe outside table", `[[Page\|label]]`, []string{"Page|label"}},
		{"pipe in label", "[[Page|a|b]]", []string{"Page|a|b"}},
		{"empty label dropped", "[[Page|]]", []string{"Page"}},
		{"emphasis around", "*see [[Page]]*", []string{"Page"}},
		{"label markup is text", "[[Page|**bold** <b>x</b>]]", []string{"Page|**bold** <b>x</b>"}},
		{"javascript target parsed as a name", "[[javascript:alert(1)]]", []string{"javascript:alert(1)"}},
		{"traversal parsed as a name", "[[../../etc/passwd]]", []string{"../../etc/passwd"}},
		{"nested opener: inner wins", "[[a [[b]]", []string{"b"}},
		{"extra bracket after", "[[a]]]", []string{"a"}},
		{"inside heading", "# Plan [[Roadmap]]", []string{"Roadmap"}},
		{"in list item", "- [ ] do [[Task]]\n- [[Other]]", []string{"Task", "Other"}},
		{"in quote", "> see [[Quoted]]", []string{"Quoted"}},
		{"in link text", "[see [[Page]]](https://example.com)", []string{"Page"}},
		{"image alt is text", "![see [[Page]]](img.png) [[After]]", []string{"After"}},

		{"empty", "[[]]", nil},
		{"blank", "[[   ]]", nil},
		{"only a hash", "[[#]]", nil},
		{"only a label", "[[|label]]", nil},
		{"unterminated", "[[Page", nil},
		{"unterminated single", "[[Page]", nil},
		{"newline inside", "[[Page\nName]]", nil},
		{"bracket inside", "[[a]b]]", nil},
		{"code span", "`[[Page]]`", nil},
		{"code block", "```\n[[Page]]\n```", nil},
		{"indented code", "    [[Page]]", nil},
		{"raw html attribute", `<span title="[[Page]]">x</span>`, nil},
		{"html block", "<div>\n[[Page]]\n</div>", nil},
		{"escaped opener", `\[[Page]]`, nil},
		{"single brackets are a markdown link", "[Page](x.md)", nil},
		{"autolink", "<https://example.com/[[x]]>", nil},
	}
	md := newMarkdown()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links := wikilink.Collect(parse(t, md, tt.src), nil)
			var got []string
			for _, l := range links {
				got = append(got, short(l))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%q: got %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

// Inside a GFM table the author writes \| so the table does not split the
// cell; the link parser sees the backslash and takes it as the separator.
func TestParseTable(t *testing.T) {
	src := strings.Join([]string{
		"| Task | Plan |",
		"|------|------|",
		`| [[Tasks/A\|task A]] | [[Plans/B#Risks\|risks]] |`,
		`| [[Tasks/C]] | ` + "`[[not a link]]`" + ` |`,
		`| [[Tasks/D\|a \| b]] | x |`,
		"",
	}, "\n")
	md := newMarkdown()
	doc := parse(t, md, src)
	var got []string
	for _, l := range wikilink.Collect(doc, nil) {
		got = append(got, short(l))
	}
	want := []string{"Tasks/A|task A", "Plans/B#Risks|risks", "Tasks/C", "Tasks/D|a | b"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
	html := render(t, md, src, doc)
	if strings.Count(html, "<td>") != 6 {
		t.Errorf("cells split wrongly:\n%s", html)
	}
}

func TestPlainLabel(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[[Tasks/MCP_Wiki_Routing]]", "MCP Wiki Routing"},
		{"[[Plans/Login_Page_UX|login plan]]", "login plan"},
		{"[[notes.md]]", "notes"},
		{"[[Roadmap#Phase 2]]", "Roadmap > Phase 2"},
		{"[[Roadmap#Phase 2#Risks]]", "Roadmap > Phase 2 > Risks"},
		{"[[#Rollout]]", "Rollout"},
		{"[[Page#^decision-1]]", "Page > ^decision-1"},
		{"![[img/my_diagram.png]]", "my diagram.png"},
		{"[[tasks/]]", "tasks"},
	}
	md := newMarkdown()
	for _, tt := range tests {
		links := wikilink.Collect(parse(t, md, tt.src), nil)
		if len(links) != 1 || links[0].Text != tt.want {
			t.Errorf("%s: got %+v, want text %q", tt.src, links, tt.want)
		}
	}
}
