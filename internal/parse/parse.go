// Package parse is PARSE for one page: its source read (content.Source),
// parsed once (package markdown), summarised (summary.Make), its markdown
// links rewritten to the site's URLs (wikilink.RewriteMarkdown) and its
// body rendered to HTML with wiki-link placeholders; the AST is dropped.
//
// In: a content.Page and the build's Env (the parser, status settings,
// markdown link targets, the spool). Out: a Page: the summary and the
// body, kept in memory, in the spool, or left to be made when asked
// (Env.Body); diagnostics in the summary.
// It must not resolve wiki-links, decide which pages to parse again, or
// write anything but the spool: site does.
package parse

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/milepost/milepost/internal/bufpool"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/spool"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// Page is what PARSE keeps of a page once its AST is gone: everything
// later stages need, and the body HTML with wiki-link placeholders.
type Page struct {
	view.Page
	Body    []byte    // HTML, wiki-links as placeholders; nil when spooled
	Spooled spool.Ref // where the body is when the build spools them
	// BodyLater says the body was not rendered (see Env.LaterBody).
	BodyLater bool
}

// Env is what parsing a page needs from the build.
type Env struct {
	Parser  *markdown.Parser
	Opts    status.Options
	Targets *wikilink.Paths
	Prefix  string       // content dir as typed from the site root, with '/'
	Spool   *spool.Spool // nil: bodies stay in memory
	// FileLinks makes links to pages name their index.html (config file_links).
	FileLinks bool
	// LaterBody, when set, says which pages need their body only if they
	// are rendered again (a cached build's unchanged sources): their body
	// is rendered then, from the source kept (Body).
	LaterBody func(path string, source [32]byte) bool
	// ContentFS is the content folder, for the bodies of pages reused
	// from an earlier load without them (content.Source).
	ContentFS fs.FS
}

// NewEnv is what parsing needs from the configuration, with the targets
// markdown links may find (Targets) and the content folder as typed from
// the site root, with '/'.
func NewEnv(cfg config.Config, targets *wikilink.Paths, prefix string) *Env {
	vocab := marker.Default().With(cfg.Words.ByState(), cfg.Emoji.ByState())
	return &Env{
		Parser:    markdown.New(markdown.Options{Vocabulary: vocab, UnsafeHTML: cfg.UnsafeHTML, Renderers: render.BodyRenderers(), ReservedIDs: render.LayoutIDs}),
		Opts:      status.Options{Vocabulary: vocab, HeadingItemsIgnore: cfg.HeadingItemsIgnore, Matrices: cfg.Matrices},
		Targets:   targets,
		Prefix:    prefix,
		FileLinks: cfg.FileLinks,
	}
}

// ItemsKey names the settings of cfg that NewEnv's Parser and Opts are
// made from: what the items the status model reads from a page's bytes
// depend on beside those bytes and the page's path (summary.HistoryItems,
// summary.HistoryPathKey). A cache of items read from old versions of
// pages keys them with it.
func ItemsKey(cfg config.Config) string {
	return fmt.Sprintf("words %+v|emoji %+v|unsafe_html %v|heading_items_ignore %q|matrices %q",
		cfg.Words, cfg.Emoji, cfg.UnsafeHTML, cfg.HeadingItemsIgnore, cfg.Matrices)
}

// Parse runs PARSE for one page: AST, summary, markdown links, body HTML.
func (env *Env) Parse(p *content.Page) *Page {
	file := env.Prefix + p.Path
	body, err := content.Source(env.ContentFS, p)
	if err != nil {
		return &Page{Page: view.Page{Content: p, Page: summary.Page{Title: p.Title, Diags: diag.List{diag.Errorf(file, 0, 0, "%v", err)}}}}
	}
	doc, src, warnings := env.Parser.ParseChecked(body)
	lines := markdown.NewLineIndex(src, p.BodyLine)
	sum, h1 := summary.Make(p, doc, src, lines, warnings, file, env.Opts)
	out := &Page{Page: view.Page{Content: p, Page: *sum}}
	var broken []wikilink.BrokenMarkdown
	out.Lookups, broken = wikilink.RewriteMarkdown(doc, lines, p.Folder, p.URL, env.Targets, env.FileLinks)
	for _, b := range broken {
		out.Diags = append(out.Diags, diag.Warnf(diag.KindBrokenLink, file, b.Line, b.Col, "broken link %s: no page or file %s in the site", b.Dest, b.Key))
		out.BrokenMD = append(out.BrokenMD, wikilink.BrokenRef{Line: b.Line, Target: b.Dest})
	}
	if env.LaterBody != nil && env.LaterBody(p.Path, p.Hash) {
		out.BodyLater = true // the source stays for Body
		return out
	}
	if h1 != nil && (!p.TitleFromFront || strings.EqualFold(mdtext.Title(h1, src), p.Title)) {
		h1.Parent().RemoveChild(h1.Parent(), h1)
	}
	if sum.Tracked && sum.Kind != status.KindRunbook {
		render.FoldDone(doc, sum.Status)
	}
	buf := bufpool.Get() // the body is spooled or copied out below
	defer bufpool.Put(buf)
	buf.Grow(len(src) + len(src)/2)
	if err := env.Parser.Goldmark().Renderer().Render(buf, src, doc); err != nil {
		out.Diags = append(out.Diags, diag.Errorf(file, 0, 0, "rendering: %v", err))
	}
	if env.Spool != nil {
		ref, err := env.Spool.Put(buf.Bytes())
		if err != nil {
			out.Diags = append(out.Diags, diag.Errorf(file, 0, 0, "%v", err))
		}
		out.Spooled = ref
		p.Body = nil // one-off build: the source is not needed again
	} else {
		out.Body = bytes.Clone(buf.Bytes()) // exact size: the buffer's slack would be kept for the whole build
	}
	return out
}

// Body returns p's rendered body: from memory, from the spool, or, when
// p was parsed without it (BodyLater), by parsing its source again in
// full.
func (env *Env) Body(p *Page) ([]byte, error) {
	switch {
	case p.BodyLater:
		full := *env
		full.LaterBody, full.Spool = nil, nil
		return full.Parse(p.Content).Body, nil
	case p.Body != nil || env.Spool == nil:
		return p.Body, nil
	}
	return env.Spool.Get(p.Spooled)
}

// BodyShared is Body, read from the spool into a pooled buffer that goes
// back to the pool when the caller calls release: body must not be used
// after. A body from memory or parsed again is returned as Body does it,
// and release does nothing.
func (env *Env) BodyShared(p *Page) (body []byte, release func(), err error) {
	if p.BodyLater || p.Body != nil || env.Spool == nil {
		body, err = env.Body(p)
		return body, func() {}, err
	}
	buf := bufpool.Get()
	if body, err = env.Spool.GetInto(p.Spooled, buf); err != nil {
		bufpool.Put(buf)
		return nil, nil, err
	}
	return body, func() { bufpool.Put(buf) }, nil
}

// Targets maps what a markdown link may point at (content-relative
// paths of pages, with or without ".md", folders, assets and static files)
// to output URLs.
func Targets(set *content.Set, static []string) *wikilink.Paths {
	t := wikilink.NewPaths()
	for _, p := range set.Pages {
		t.Add(p.Path, p.URL)
		t.Add(strings.TrimSuffix(p.Path, path.Ext(p.Path)), p.URL)
	}
	for _, d := range set.Folders {
		t.Add(d, content.FolderURL(d))
	}
	for _, a := range set.Assets {
		t.Add(a.Path, a.Path)
	}
	for _, s := range static {
		t.AddNew(s, s)
	}
	return t
}
