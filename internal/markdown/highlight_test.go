package markdown

import (
	"bytes"
	"strings"
	"testing"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
)

// fences are code blocks in languages chroma knows, does not know, in odd
// cases and with characters to escape.
const fences = "```go\nfunc main() { x := 1 < 2 }\n```\n\n" +
	"```output\n<b>&amp;\"quoted\"</b>\n\n  indented\n```\n\n" +
	"```Example\nplain\n```\n\n" +
	"```no-such-language-at-all\na < b\n```\n\n" +
	"```sh\necho hi\n```\n\n" +
	"```output\nsecond block, same unknown language\n```\n"

// TestCodeMatchesHighlighting pins the code renderer's output, including
// the blocks it writes itself for unknown languages, to what
// goldmark-highlighting writes with the same settings.
func TestCodeMatchesHighlighting(t *testing.T) {
	reference := goldmark.New(goldmark.WithExtensions(highlighting.NewHighlighting(
		highlighting.WithStyle(highlightStyle),
		highlighting.WithGuessLanguage(false),
		highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
	)))
	var want bytes.Buffer
	if err := reference.Convert([]byte(fences), &want); err != nil {
		t.Fatal(err)
	}
	p := New(Options{})
	for round := 0; round < 2; round++ { // the second round reads the lexer cache
		var got bytes.Buffer
		if err := p.Goldmark().Renderer().Render(&got, []byte(fences), p.Parse([]byte(fences))); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("round %d differs from goldmark-highlighting:\n got: %s\nwant: %s", round, got.String(), want.String())
		}
	}
	if !strings.Contains(want.String(), `class="language-output"`) {
		t.Fatalf("reference output lacks the plain block:\n%s", want.String())
	}
}

// BenchmarkUnknownLanguageFences: a page of fences in a language chroma
// does not know (as the CommonMark spec's ```example blocks are).
func BenchmarkUnknownLanguageFences(b *testing.B) {
	src := []byte(strings.Repeat("```example\nfoo\n```\n\n", 600))
	p := New(Options{})
	for b.Loop() {
		var out bytes.Buffer
		if err := p.Goldmark().Renderer().Render(&out, src, p.Parse(src)); err != nil {
			b.Fatal(err)
		}
	}
}
