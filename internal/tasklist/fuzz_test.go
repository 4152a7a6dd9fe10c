package tasklist

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzTaskList parses and renders any input: no panic, and every box is
// the first inline of the first block of a list item.
func FuzzTaskList(f *testing.F) {
	for _, s := range []string{
		"- [ ] a\n- [x] b\n- [X] c\n- [/] d\n- [-] e\n",
		"1. [x] a\n   - [ ] b\n",
		"> - [x] quoted\n",
		"- [x]\n- [ ]a\n- a [x] b\n",
		"```\n- [x] code\n```\n",
		"- [x] a\r\n- [ ] b\r\n",
	} {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(Extension))
	f.Fuzz(func(t *testing.T, src string) {
		doc := md.Parser().Parse(text.NewReader([]byte(src)))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*CheckBox); ok && entering {
				block := n.Parent()
				if block.FirstChild() != n || block.Parent() == nil || block.Parent().Kind() != ast.KindListItem || block.Parent().FirstChild() != block {
					t.Fatalf("box out of place in %q", src)
				}
			}
			return ast.WalkContinue, nil
		})
		var buf bytes.Buffer
		if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
	})
}
