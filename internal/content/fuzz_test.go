package content

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
)

var fuzzSeeds = []string{
	"",
	"# Title\n",
	"---\ntitle: T\ntags: [a, b]\n---\nbody\n",
	"+++\ntitle = \"T\"\n+++\nbody\n",
	"\uFEFF---\r\ntitle: T\r\n---\r\nbody\r\n",
	"---\n---\n",
	"---\ntitle: \"unclosed\n---\n",
	"\n\n---\nkind: epic\n---\n",
	"---\n- a\n---\n",
	"---\ntitle: x\n",
	"+++\n[table]\nk = 1\n+++\n",
	"ab\x00cd",
	"caf\xe9",
	"---\nupdated: 2026-01-02\n---\nLast updated: 2025-01-01\n",
	"  ---  \ntitle: indented delimiters\n\t---\nbody\n",
	"\n \n---",
	"# No front matter\n---\ntitle: not front matter\n---\n",
	"---\ntitle: T\n---\n" + strings.Repeat("a body longer than the parser's read buffer\n", 200),
	strings.Repeat("x", 5000) + "\n---\n",
}

// FuzzSplitFrontMatter checks splitFrontMatter on any bytes: no panic, the
// body is a suffix of the input, the one the front matter parser leaves
// when it reads the whole input, its line number counts the lines before
// it, and every diagnostic points inside the input.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		_, body, bodyLine, errs := splitFrontMatter("x.md", raw)
		if !bytes.HasSuffix(raw, body) {
			t.Fatalf("body %q is not a suffix of %q", body, raw)
		}
		if want := parserBody(raw); !bytes.Equal(body, want) {
			t.Fatalf("body %q, want the parser's %q", body, want)
		}
		start := len(raw) - len(body)
		if want := 1 + bytes.Count(raw[:start], []byte{'\n'}); bodyLine != want {
			t.Fatalf("body line %d, want %d", bodyLine, want)
		}
		lines := 1 + bytes.Count(raw, []byte{'\n'})
		for _, d := range errs {
			if d.Line < 1 || d.Line > lines+1 || d.Col < 0 {
				t.Fatalf("diagnostic %s outside the %d lines of %q", d, lines, raw)
			}
		}
	})
}

// parserBody is the body the front matter parser leaves when it reads
// all of raw, as splitFrontMatter saw it before it stopped the parser at
// the front matter's end.
func parserBody(raw []byte) []byte {
	ignore := func([]byte, any) error { return nil }
	rest, err := frontmatter.Parse(bytes.NewReader(raw), nil, frontmatter.NewFormat("---", "---", ignore), frontmatter.NewFormat("+++", "+++", ignore))
	if err != nil {
		return raw
	}
	return rest
}

// FuzzReadPage checks ReadPage on any bytes: no panic; binary or invalid
// text gives no page and one diagnostic; otherwise the body is a suffix of
// the input (UTF-16 with its mark read as the UTF-8 it decodes to) with
// the byte-order mark dropped and CRLF and lone CR folded to LF, starts on
// a line ≥ 1, and holds valid UTF-8.
func FuzzReadPage(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, diags := ReadPage("dir/x.md", raw, "content/")
		for _, d := range diags {
			if d.File != "content/dir/x.md" || d.Line < 0 || d.Col < 0 {
				t.Fatalf("bad diagnostic %#v", d)
			}
		}
		if text, ok := fromUTF16(raw); ok {
			raw = text
		}
		if bytes.IndexByte(raw, 0) >= 0 || !utf8.Valid(raw) {
			if p != nil || len(diags) != 1 || diags[0].Line < 1 || diags[0].Col < 1 {
				t.Fatalf("page %v, diagnostics %v for binary or invalid input", p, diags)
			}
			return
		}
		if p == nil {
			t.Fatalf("no page for valid text, diagnostics %v", diags)
		}
		normal := bytes.ReplaceAll(bytes.TrimPrefix(raw, []byte("\uFEFF")), []byte("\r\n"), []byte("\n"))
		normal = bytes.ReplaceAll(normal, []byte("\r"), []byte("\n")) // a lone CR ends a line too
		if !bytes.HasSuffix(normal, p.Body) {
			t.Fatalf("body %q is not a suffix of %q", p.Body, normal)
		}
		if p.BodyLine < 1 || p.BodyLine > 1+bytes.Count(normal, []byte{'\n'}) {
			t.Fatalf("body line %d", p.BodyLine)
		}
		if !utf8.Valid(p.Body) || !utf8.ValidString(p.Title) {
			t.Fatal("invalid UTF-8 out of valid input")
		}
		if p.Title == "" {
			t.Fatal("empty title")
		}
	})
}
