package wikilink_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/wikilink"
)

func TestBlockIDs(t *testing.T) {
	tests := []struct {
		name, src string
		ids       []string
		html      string
	}{
		{"paragraph", "We chose FAISS. ^decision-1",
			[]string{"decision-1"}, `<p id="^decision-1">We chose FAISS.</p>`},
		{"second line", "We chose FAISS.\n^decision-1",
			[]string{"decision-1"}, `<p id="^decision-1">We chose FAISS.</p>`},
		{"list item", "- first ^a1\n- second",
			[]string{"a1"}, "<ul>\n<li id=\"^a1\">first</li>\n<li>second</li>\n</ul>"},
		{"task item", "- [ ] ship it ^ship",
			[]string{"ship"}, "<ul>\n<li id=\"^ship\"><input"},
		{"after a link", "see [x](y) ^b2",
			[]string{"b2"}, `<p id="^b2">see <a href="y">x</a></p>`},
		{"alone after a table", "| a |\n|---|\n| b |\n\n^tbl",
			[]string{"tbl"}, "<table id=\"^tbl\">"},
		{"alone after a list", "- a\n- b\n\n^lst",
			[]string{"lst"}, "<ul id=\"^lst\">\n<li>a</li>\n<li>b</li>\n</ul>"},
		{"in a quote", "> quoted ^q",
			[]string{"q"}, "<blockquote>\n<p id=\"^q\">quoted</p>\n</blockquote>"},
		{"lone embed with id", "![[x.png]] ^img",
			[]string{"img"}, wikilink.Placeholder(0)},
		{"no space before caret", "x^sup", nil, "<p>x^sup</p>"},
		{"not at the end", "^id then text", nil, "<p>^id then text</p>"},
		{"bad characters", "text ^a_b", nil, "<p>text ^a_b</p>"},
		{"first block alone stays text", "^orphan", nil, "<p>^orphan</p>"},
		{"code span", "`x ^id`", nil, "<p><code>x ^id</code></p>"},
		{"code block", "```\nx ^id\n```", nil, "<pre><code>x ^id\n</code></pre>"},
		{"heading not taken", "# Title ^h", nil, `<h1 id="title-h">Title ^h</h1>`},
	}
	md := newMarkdown()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, md, tt.src)
			ids := wikilink.BlockIDs(doc)
			html := strings.TrimSpace(render(t, md, tt.src, doc))
			if fmt.Sprint(ids) != fmt.Sprint(tt.ids) || !strings.HasPrefix(html, tt.html) {
				t.Errorf("got ids %q html\n%s\nwant ids %q html starting\n%s", ids, html, tt.ids, tt.html)
			}
		})
	}
}
