package wikilink_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/wikilink"
)

func TestCollect(t *testing.T) {
	src := strings.Join([]string{
		"Intro [[A]].",                      // 10
		"",                                  // 11
		"## Plan {#the-plan}",               // 12
		"",                                  // 13
		"- [ ] do [[B#x|b]] and ![[c.png]]", // 14
		"",                                  // 15
		"![[D]]",                            // 16
		"",                                  // 17
		"### Sub",                           // 18
		"[text [[E]]](http://x)",            // 19
	}, "\n")
	md := newMarkdown()
	doc := parse(t, md, src)
	links := wikilink.Collect(doc, markdown.NewLineIndex([]byte(src), 10))
	want := []wikilink.Link{
		{Target: "A", Line: 10, Col: 7, Text: "A"},
		{Target: "B", Fragment: "x", Label: "b", Line: 14, Col: 10, Text: "b", Section: "the-plan"},
		{Target: "c.png", Embed: true, Line: 14, Col: 24, Text: "c.png", Section: "the-plan"},
		{Target: "D", Embed: true, Line: 16, Col: 1, Text: "D", Section: "the-plan", Block: true},
		{Target: "E", Line: 19, Col: 7, Text: "E", Section: "sub", InLink: true},
	}
	if len(links) != len(want) {
		t.Fatalf("got %d links: %+v", len(links), links)
	}
	for i := range want {
		if links[i] != want[i] {
			t.Errorf("link %d: got %+v\nwant %+v", i, links[i], want[i])
		}
	}
	// Node.Index matches the position in the result, and the placeholders
	// appear in the rendered page in the same order.
	html := render(t, md, src, doc)
	last := -1
	i := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*wikilink.Node); ok && entering {
			if l.Index != i {
				t.Errorf("node %d has Index %d", i, l.Index)
			}
			at := strings.Index(html, wikilink.Placeholder(i))
			if at <= last {
				t.Errorf("placeholder %d at %d, after %d", i, at, last)
			}
			last = at
			i++
		}
		return ast.WalkContinue, nil
	})
}

func TestFill(t *testing.T) {
	p := wikilink.Placeholder
	tests := []struct {
		name, html string
		n          int
		want       string
	}{
		{"none", "<p>plain</p>", 3, "<p>plain</p>"},
		{"each", "<p>" + p(0) + " and " + p(1) + "</p>", 2, "<p>[0] and [1]</p>"},
		{"repeated", p(1) + p(1), 2, "[1][1]"},
		{"out of range kept", p(0) + p(5), 1, "[0]" + p(5)},
		{"not canonical kept", "<!--wikilink:01-->", 5, "<!--wikilink:01-->"},
		{"unterminated kept", "<!--wikilink:1", 5, "<!--wikilink:1"},
		{"no digits kept", "<!--wikilink:-->" + p(2), 5, "<!--wikilink:-->[2]"},
		{"huge number kept", "<!--wikilink:99999999999999999999-->", 5, "<!--wikilink:99999999999999999999-->"},
		{"adjacent", "<!--wikilink:" + p(0), 1, "<!--wikilink:[0]"},
	}
	for _, tt := range tests {
		write := func(i int, w *bytes.Buffer) { fmt.Fprintf(w, "[%d]", i) }
		got, spans := wikilink.Fill([]byte(tt.html), tt.n, write)
		if string(got) != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
		// Fill says where each link went.
		if len(spans) != strings.Count(tt.want, "]")-strings.Count(tt.html, "]") {
			t.Errorf("%s: %d spans", tt.name, len(spans))
		}
		for _, sp := range spans {
			if link := string(got[sp.Start:sp.End]); link != fmt.Sprintf("[%d]", sp.Link) {
				t.Errorf("%s: span of link %d covers %q", tt.name, sp.Link, link)
			}
		}
	}
}
