package wikilink_test

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

// newMarkdown is the build's parser assembly, wiki-links included.
func newMarkdown() goldmark.Markdown {
	return markdown.New(markdown.Options{Vocabulary: marker.Default()}).Goldmark()
}

func parse(t testing.TB, md goldmark.Markdown, src string) ast.Node {
	t.Helper()
	return md.Parser().Parse(text.NewReader([]byte(src)))
}

func render(t testing.TB, md goldmark.Markdown, src string, doc ast.Node) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
