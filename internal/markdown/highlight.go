package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// codeRenderer renders fenced code blocks: a block in a language chroma
// knows is highlighted into CSS classes (the theme's stylesheet holds the
// colours), any other is written plain and escaped in
// <pre><code class="language-…">. It writes what goldmark-highlighting
// writes with classes and no language guessing, attributes after the
// language included (fenceOptions), without it: that package imports
// chroma's styles, whose registry of some seventy styles is parsed when
// the program starts, about 18 ms of CPU on every milepost command, for
// output that names no colour.
//
// One chroma formatter serves every block without attributes for the
// Parser's life (a new formatter computes its style's CSS again). Lexers
// are looked up once per language name: chroma's lookup of a name it does
// not know tries every lexer's file-name patterns, milliseconds a block.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	lexers    sync.Map // language name → chroma.Lexer, or noLexer
}

// noLexer stands in the lexer cache for a language chroma does not know.
type noLexer struct{}

// classesOnly is the style handed to chroma's formatter: with classes it
// writes class names whatever the style says, so an empty one will do.
var classesOnly = chroma.MustNewStyle("milepost", chroma.StyleEntries{})

func newCodeRenderer() *codeRenderer {
	return &codeRenderer{formatter: chromahtml.New(chromahtml.WithClasses(true))}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r *codeRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := n.Language(source)
	formatter := r.formatter
	if opts, highlight := fenceOptions(n, source); !highlight {
		lang = nil
	} else if opts != nil {
		formatter = chromahtml.New(append([]chromahtml.Option{chromahtml.WithClasses(true)}, opts...)...)
	}
	var lexer chroma.Lexer
	if lang != nil {
		lexer = r.lexer(string(lang))
	}
	if lexer == nil {
		writePlain(w, source, n)
		return ast.WalkContinue, nil
	}
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		code.Write(line.Value(source))
	}
	tokens, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		writePlain(w, source, n)
		return ast.WalkContinue, nil
	}
	_ = formatter.Format(w, classesOnly, tokens)
	return ast.WalkContinue, nil
}

// fenceOptions reads the attributes a fence may carry after its language
// (```go {linenos=table, hl_lines=[2,"4-6"], linenostart=10}): line
// numbers (true, false, table or inline), the first line's number and
// lines to highlight, counted from 1 whatever the first number is. It
// returns the formatter options they ask for, nil when there are none,
// and false when the block is not to be highlighted (nohl). Attributes
// are read only after a space and a language: "{…}" alone is the
// language's name.
func fenceOptions(n *ast.FencedCodeBlock, source []byte) (opts []chromahtml.Option, highlight bool) {
	attrs := n.Attributes()
	if attrs == nil && n.Info != nil {
		info := n.Info.Segment.Value(source)
		if at := bytes.IndexByte(info, '{'); at > 0 {
			parsed, _ := parser.ParseAttributes(text.NewReader(info[at:]))
			for _, a := range parsed {
				attrs = append(attrs, ast.Attribute{Name: a.Name, Value: a.Value})
			}
		}
	}
	value := func(name string) (any, bool) { // the first of its name, as goldmark's Attribute
		for _, a := range attrs {
			if string(a.Name) == name {
				return a.Value, true
			}
		}
		return nil, false
	}
	first := 1
	if v, ok := value("linenostart"); ok {
		if start, ok := v.(float64); ok {
			first = int(start)
			opts = append(opts, chromahtml.BaseLineNumber(first))
		}
	}
	if v, ok := value("hl_lines"); ok {
		if lines, ok := v.([]any); ok {
			opts = append(opts, chromahtml.HighlightLines(lineRanges(lines, first)))
		}
	}
	switch v, _ := value("linenos"); v := v.(type) {
	case bool:
		opts = append(opts, chromahtml.WithLineNumbers(v))
	case []byte:
		opts = append(opts, chromahtml.WithLineNumbers(true))
		switch string(v) {
		case "table":
			opts = append(opts, chromahtml.LineNumbersInTable(true))
		case "inline":
			opts = append(opts, chromahtml.LineNumbersInTable(false))
		}
	}
	_, nohl := value("nohl")
	highlight = !nohl
	return opts, highlight
}

// lineRanges turns hl_lines' entries (numbers, and strings "4" or "4-6")
// into the formatter's line ranges, numbered from first; an entry that is
// neither is skipped.
func lineRanges(lines []any, first int) [][2]int {
	var ranges [][2]int
	for _, l := range lines {
		switch v := l.(type) {
		case float64:
			ranges = append(ranges, [2]int{int(v) + first - 1, int(v) + first - 1})
		case []byte:
			from, to, isRange := strings.Cut(string(v), "-")
			lo, err := strconv.Atoi(from)
			if err != nil {
				continue
			}
			hi := lo
			if isRange {
				if hi, err = strconv.Atoi(to); err != nil {
					continue
				}
			}
			ranges = append(ranges, [2]int{lo + first - 1, hi + first - 1})
		}
	}
	return ranges
}

// lexer returns chroma's lexer for a fence's language name, or nil.
func (r *codeRenderer) lexer(name string) chroma.Lexer {
	if cached, ok := r.lexers.Load(name); ok {
		lexer, _ := cached.(chroma.Lexer)
		return lexer
	}
	lexer := lexers.Get(name)
	if lexer == nil {
		r.lexers.Store(name, noLexer{})
		return nil
	}
	r.lexers.Store(name, lexer)
	return lexer
}

// writePlain writes a fenced block escaped, in <pre><code>, with the
// class language-… when it names a language.
func writePlain(w util.BufWriter, source []byte, n *ast.FencedCodeBlock) {
	_, _ = w.WriteString(`<pre><code`)
	if lang := n.Language(source); lang != nil {
		_, _ = w.WriteString(` class="language-`)
		html.DefaultWriter.Write(w, lang)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		html.DefaultWriter.RawWrite(w, line.Value(source))
	}
	_, _ = w.WriteString("</code></pre>\n")
}
