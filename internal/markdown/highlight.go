package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// codeRenderer renders fenced code blocks with a language chroma knows as
// goldmark-highlighting does with this package's settings (CSS classes, no
// language guessing), but through one chroma formatter for the Parser's
// life: goldmark-highlighting makes a formatter per block, and each new
// formatter computes the style's CSS again, a few percent of a whole build
// for output that uses classes only. Blocks it does not handle (no language,
// attributes such as {linenos=true}) go to goldmark-highlighting.
//
// Lexers are looked up once per language name: chroma's lookup of a name it
// does not know tries every lexer's file-name patterns, milliseconds a block.
// A block in such a language is written as goldmark-highlighting writes it,
// plain and escaped, without asking chroma again.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	fallback  renderer.NodeRendererFunc
	lexers    sync.Map // language name → chroma.Lexer, or noLexer
}

// noLexer stands in the lexer cache for a language chroma does not know.
type noLexer struct{}

// highlightStyle is goldmark-highlighting's default style, which the
// fallback uses too; with classes it names no colour in the output.
const highlightStyle = "github"

func newCodeRenderer() *codeRenderer {
	opts := []chromahtml.Option{chromahtml.WithClasses(true)}
	var fallback fencedCodeFunc
	highlighting.NewHTMLRenderer(
		highlighting.WithStyle(highlightStyle),
		highlighting.WithGuessLanguage(false),
		highlighting.WithFormatOptions(opts...),
	).RegisterFuncs(&fallback)
	return &codeRenderer{formatter: chromahtml.New(opts...), style: styles.Get(highlightStyle), fallback: fallback.fn}
}

// fencedCodeFunc catches the function a node renderer registers for
// fenced code blocks.
type fencedCodeFunc struct{ fn renderer.NodeRendererFunc }

func (f *fencedCodeFunc) Register(kind ast.NodeKind, fn renderer.NodeRendererFunc) {
	if kind == ast.KindFencedCodeBlock {
		f.fn = fn
	}
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
	if n.Attributes() != nil || (n.Info != nil && bytes.IndexByte(n.Info.Segment.Value(source), '{') > 0) {
		return r.fallback(w, source, node, entering)
	}
	lang := n.Language(source)
	if lang == nil {
		return r.fallback(w, source, node, entering)
	}
	lexer := r.lexer(string(lang))
	if lexer == nil {
		writePlain(w, source, n, lang)
		return ast.WalkContinue, nil
	}
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		code.Write(line.Value(source))
	}
	tokens, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return r.fallback(w, source, node, entering)
	}
	_ = r.formatter.Format(w, r.style, tokens)
	return ast.WalkContinue, nil
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

// writePlain writes a fenced block whose language chroma does not know the
// way goldmark-highlighting does: escaped, in <pre><code class="language-…">.
func writePlain(w util.BufWriter, source []byte, n *ast.FencedCodeBlock, lang []byte) {
	_, _ = w.WriteString(`<pre><code class="language-`)
	html.DefaultWriter.Write(w, lang)
	_, _ = w.WriteString(`">`)
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		html.DefaultWriter.RawWrite(w, line.Value(source))
	}
	_, _ = w.WriteString("</code></pre>\n")
}
