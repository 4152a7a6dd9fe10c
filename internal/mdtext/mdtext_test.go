package mdtext_test

import (
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
)

func TestInlineOfHeadings(t *testing.T) {
	tests := []struct{ md, want string }{
		{"## Plain heading", "Plain heading"},
		{"## ~~Struck~~ ✅ FIXED (2026-03-15)", "Struck ✅ FIXED (2026-03-15)"},
		{"## **Bold** and _em_ and `code *x*`", "Bold and em and code *x*"},
		{"## Foo \\*bar\\* &amp; &#42; &copy;", "Foo *bar* & * ©"},
		{"## Ship :white_check_mark: now", "Ship ✅ now"},
		{"## See [[Tasks/MCP_Wiki_Routing]]", "See MCP Wiki Routing"},
		{"## A <span>raw</span> tag", "A raw tag"},
		{"## [link text](https://example.com) and https://auto.example", "link text and https://auto.example"},
	}
	p := markdown.New(markdown.Options{})
	for _, tt := range tests {
		src := []byte(tt.md)
		doc := p.Parse(src)
		h := doc.FirstChild()
		if h == nil || h.Kind() != ast.KindHeading {
			t.Fatalf("%q: no heading", tt.md)
		}
		if got := mdtext.Inline(h, src); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.md, got, tt.want)
		}
	}
}

func TestBlockOfListItem(t *testing.T) {
	src := []byte("- [x] First line\n  continues here\n  - nested item\n")
	doc := markdown.New(markdown.Options{}).Parse(src)
	li := doc.FirstChild().FirstChild()
	if got, want := mdtext.Block(li, src), "First line continues here"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
