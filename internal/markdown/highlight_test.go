package markdown

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/fences.html")

// TestFences renders testdata/fences.md, fenced code of every kind: in
// languages chroma knows and does not know, without one, with attributes
// after the language (line numbers, highlighted lines, nohl) and odd info
// strings, and compares the HTML with testdata/fences.html. That file was
// first written by goldmark-highlighting with the settings milepost had
// used it with (classes, no guessing), which the renderer replaced.
func TestFences(t *testing.T) {
	src, err := os.ReadFile("testdata/fences.md")
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{})
	var first string
	for round := 0; round < 2; round++ { // the second round reads the lexer cache
		var got bytes.Buffer
		if err := p.Goldmark().Renderer().Render(&got, src, p.Parse(src)); err != nil {
			t.Fatal(err)
		}
		if round == 1 && got.String() != first {
			t.Fatal("the second rendering, through the lexer cache, differs from the first")
		}
		first = got.String()
	}
	if *update {
		if err := os.WriteFile("testdata/fences.html", []byte(first), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/fences.html")
	if err != nil {
		t.Fatal(err)
	}
	if first != string(want) {
		t.Errorf("fences render differently from testdata/fences.html (go test -update rewrites it):\n%s", first)
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
