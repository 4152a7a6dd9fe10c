// Package markdown assembles the one goldmark parser a build uses: GitHub
// Flavored Markdown (tables, strikethrough, autolinks), code highlighting
// (chroma, as CSS classes), task checkboxes with
// the Obsidian states, emoji shortcodes, wiki-links, heading attributes
// ({#id}) and milepost's heading ids (section ids without status markers).
//
// Raw HTML is sanitised (package sanitize) unless Options.UnsafeHTML, and
// block containers nested deeper than MaxNesting are flattened before
// goldmark sees them, so no input makes parsing slow.
//
// It parses; it does not render pages (package render does) and reads no
// files. One Parser is safe for concurrent use.
package markdown

import (
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/sanitize"
	"github.com/milepost/milepost/internal/tasklist"
	"github.com/milepost/milepost/internal/wikilink"
	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Parser.
type Options struct {
	// Vocabulary is the marker vocabulary section ids are cleaned with.
	Vocabulary *marker.Vocabulary
	// UnsafeHTML passes raw HTML through instead of sanitising it.
	UnsafeHTML bool
	// Renderers are extra node renderers (package render supplies them).
	Renderers []util.PrioritizedValue
	// ReservedIDs are ids the page around the body already uses (the
	// theme's, render.LayoutIDs): a heading never gets one, explicit {#id}
	// or not; it gets the next free -N suffix instead.
	ReservedIDs []string
}

// Parser is a configured goldmark instance.
type Parser struct {
	md goldmark.Markdown
}

// New returns a Parser for opts.
func New(opts Options) *Parser {
	vocab := opts.Vocabulary
	if vocab == nil {
		vocab = &marker.Vocabulary{}
	}
	rendererOpts := []goldmark.Option{goldmark.WithRendererOptions(renderer.WithNodeRenderers(opts.Renderers...))}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	} else {
		rendererOpts = append(rendererOpts, goldmark.WithExtensions(sanitize.Extension(sanitize.New())))
	}
	md := goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Linkify,
			tasklist.Extension,
			emoji.Emoji,
			wikilink.Extension,
		),
		// Fenced code with a language is highlighted by chroma into CSS
		// classes (the theme's stylesheet holds both palettes).
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(newCodeRenderer(), 200))),
		goldmark.WithParserOptions(
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(util.Prioritized(&headingIDs{vocab: vocab, reserved: opts.ReservedIDs}, 100)),
		),
	)...)
	return &Parser{md: md}
}

// Goldmark returns the underlying goldmark instance (for rendering).
func (p *Parser) Goldmark() goldmark.Markdown { return p.md }

// Parse parses src, a page body, into an AST. Node segments index into src.
// It is ParseChecked without the warnings.
func (p *Parser) Parse(src []byte) ast.Node {
	doc, _, _ := p.ParseChecked(src)
	return doc
}

// ParseChecked parses src, a page body, into an AST, after flattening
// block containers nested deeper than MaxNesting. It returns the source
// the AST's segments index into, which callers render from: src itself,
// or a same-length copy with the deep markers escaped. The warnings say
// what was changed and where.
func (p *Parser) ParseChecked(src []byte) (doc ast.Node, source []byte, warnings []Warning) {
	source, warnings = capNesting(src, MaxNesting)
	return p.md.Parser().Parse(text.NewReader(source)), source, warnings
}
