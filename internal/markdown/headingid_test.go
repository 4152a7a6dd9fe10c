package markdown

import (
	"strings"
	"testing"

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
