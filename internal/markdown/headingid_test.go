package markdown

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
)

// TestHeadingIDsAvoidReserved: a heading never takes an id the layout
// uses, explicit or not, and explicit ids stay unique in the page.
func TestHeadingIDsAvoidReserved(t *testing.T) {
	p := New(Options{ReservedIDs: []string{"main", "site-title"}})
	doc, _, _ := p.ParseChecked([]byte("# Main\n\n## Other {#main}\n\n## Site title\n\n## Mine {#x}\n\n## Again {#x}\n\n## X\n"))
	var got []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindHeading {
			got = append(got, HeadingID(n))
		}
		return ast.WalkContinue, nil
	})
	want := "main-2 main-1 site-title-1 x x-1 x-2"
	if strings.Join(got, " ") != want {
		t.Errorf("ids %q, want %q", strings.Join(got, " "), want)
	}
}

// TestMarkedCustomID: a heading ticked off by appending a status marker
// after its {#id} keeps that id, and the {#id} leaves its text; braces
// that are no id, or an id before the marker's words end, stay text.
func TestMarkedCustomID(t *testing.T) {
	src := []byte("## Setup C {#setup-c} ✅\n\n## Setup D {#setup-d} DONE\n\n## Setup E {#not an id} ✅\n\n## Setup F {#f} and more ✅\n\n" +
		"## Deploy {#deploy} ✅ 2026-03-15\n\n## ~~Routing~~ {#routing} ✅ FIXED (2026-03-15)\n\n## Verify {#verify} :white_check_mark:\n\n## Monitor {#monitor} **DONE**\n")
	doc, src, _ := New(Options{Vocabulary: marker.Default()}).ParseChecked(src)
	var got []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindHeading {
			got = append(got, HeadingID(n)+"="+mdtext.Inline(n, src))
		}
		return ast.WalkContinue, nil
	})
	want := []string{"setup-c=Setup C ✅", "setup-d=Setup D DONE", "setup-e-not-an-id=Setup E {#not an id} ✅", "setup-f-f-and-more=Setup F {#f} and more ✅",
		"deploy=Deploy ✅ 2026-03-15", "routing=Routing ✅ FIXED (2026-03-15)", "verify=Verify ✅", "monitor=Monitor DONE"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("headings\n%q\nwant\n%q", got, want)
	}
}
