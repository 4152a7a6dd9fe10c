package site

import (
	"bytes"
	"io/fs"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// parsed is what PARSE keeps of a page once its AST is gone: everything
// later stages need, and the body HTML with wiki-link placeholders.
type parsed struct {
	view.Page
	body    []byte  // HTML, wiki-links as placeholders; nil when spooled
	spooled bodyRef // where the body is when the build spools them
	// fresh says the page was parsed in this build (not taken from the
	// Builder's cache); prevSummary is then the summary signature of the
	// page's previous parse, when there was one (hadPrev).
	fresh, hadPrev bool
	prevSummary    [32]byte
	// bodyLater says the body was not rendered (see parseEnv.laterBody).
	bodyLater bool
}

// parseEnv is what parsing a page needs from the build.
type parseEnv struct {
	parser  *markdown.Parser
	opts    statusOptions
	targets *linkTargets
	prefix  string // content dir as typed from the site root, with '/'
	spool   *spool // nil: bodies stay in memory
	// fileLinks makes links to pages name their index.html (config file_links).
	fileLinks bool
	// laterBody, when set, says which pages need their body only if they
	// are rendered again (a cached build's unchanged sources): their body
	// is rendered then, from the source kept (renderer.body).
	laterBody func(path string, source [32]byte) bool
	// contentFS is the content folder, for the bodies of pages reused
	// from an earlier load without them (content.Source).
	contentFS fs.FS
}

// statusOptions are the build-wide status settings.
type statusOptions struct {
	base status.Options
}

// parsePage runs PARSE for one page: AST, status, links, body HTML.
func parsePage(env *parseEnv, p *content.Page) *parsed {
	file := env.prefix + p.Path
	body, err := content.Source(env.contentFS, p)
	if err != nil {
		return &parsed{Page: view.Page{Content: p, Page: summary.Page{Title: p.Title, Diags: diag.List{diag.Errorf(file, 0, 0, "%v", err)}}}}
	}
	doc, src, warnings := env.parser.ParseChecked(body)
	lines := markdown.NewLineIndex(src, p.BodyLine)

	out := &parsed{Page: view.Page{Content: p, Page: summary.Page{Title: p.Title}}}
	for _, w := range warnings {
		line, col := lines.Position(w.Offset)
		out.Diags = append(out.Diags, diag.Warnf(w.Kind, file, line, col, "%s", w.Message))
	}
	h1 := leadingTitle(doc, src)
	if h1 != nil && !p.TitleFromFront {
		out.Title = mdtext.Title(h1, src)
	}

	so := env.opts.base
	so.Lines = lines
	so.HeadingItems = p.HeadingItems
	if p.Matrices != "" {
		so.Matrices = p.Matrices
	}
	if so.HeadingItems == "" && status.DeclaredKind(p.Kind, p.Path) == status.KindRunbook {
		so.HeadingItems = "never"
	}
	st := status.Compute(doc, src, so)
	out.Kind = st.Kind(p.Kind, p.Path)
	out.Tracked = out.Kind != status.KindRunbook || p.Track
	for _, w := range st.Warnings {
		out.Diags = append(out.Diags, diag.Diagnostic{File: file, Line: w.Line, Severity: diag.Warning, Kind: w.Kind, Message: w.Message})
	}

	out.Headings = tight(headingsOf(doc, src, st.Sections))
	out.BlockIDs = wikilink.BlockIDs(doc)
	out.Links = tight(wikilink.Collect(doc, lines))
	rewriteLinks(doc, src, lines, p, env.targets, env.fileLinks, file, out)

	out.Status = st
	out.TargetSig = targetSignature(out.linkTarget())
	out.SummarySig = summarySignature(out)
	if env.laterBody != nil && env.laterBody(p.Path, p.Hash) {
		out.bodyLater = true // the source stays for renderer.body
		return out
	}
	if h1 != nil && (!p.TitleFromFront || strings.EqualFold(mdtext.Title(h1, src), p.Title)) {
		h1.Parent().RemoveChild(h1.Parent(), h1)
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := env.parser.Goldmark().Renderer().Render(&buf, src, doc); err != nil {
		out.Diags = append(out.Diags, diag.Errorf(file, 0, 0, "rendering: %v", err))
	}
	if env.spool != nil {
		ref, err := env.spool.put(buf.Bytes())
		if err != nil {
			out.Diags = append(out.Diags, diag.Errorf(file, 0, 0, "%v", err))
		}
		out.spooled = ref
	} else {
		out.body = bytes.Clone(buf.Bytes()) // exact size: the buffer's slack would be kept for the whole build
	}
	if env.spool != nil {
		p.Body = nil // one-off build: the source is not needed again
	}
	return out
}

// linkTarget is what the page offers wiki-links.
func (p *parsed) linkTarget() wikilink.Target {
	return wikilink.Target{
		Path:     p.Content.Path,
		URL:      p.Content.URL,
		Title:    p.Title,
		Aliases:  p.Content.Aliases,
		Headings: p.Headings,
		BlockIDs: p.BlockIDs,
		IsPage:   true,
	}
}

// leadingTitle returns the document's H1 when it opens with one (after a
// line of badges, if any) and has no other H1: that heading is the title,
// unless it is made of images alone.
func leadingTitle(doc ast.Node, src []byte) *ast.Heading {
	block := doc.FirstChild()
	for block != nil && mdtext.IsBadges(block, src) {
		block = block.NextSibling()
	}
	first, ok := block.(*ast.Heading)
	if !ok || first.Level != 1 || mdtext.Title(first, src) == "" {
		return nil
	}
	for n := first.NextSibling(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			return nil
		}
	}
	return first
}

// headingsOf lists the page's headings as link targets. A heading that is
// also a section (one of the page's top-level headings) takes the
// section's id and title strings, which the status model has made
// already: every page's summary is held for the whole build.
func headingsOf(doc ast.Node, src []byte, sections []*status.Section) []wikilink.Heading {
	byID := map[string]*status.Section{}
	var index func([]*status.Section)
	index = func(ss []*status.Section) {
		for _, s := range ss {
			byID[s.ID] = s
			index(s.Sections)
		}
	}
	index(sections)
	var hs []wikilink.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		gh := ""
		if v, ok := h.AttributeString(markdown.AttrGitHubAnchor); ok {
			gh = string(v.([]byte))
		}
		id := markdown.HeadingID(h)
		if s, ok := byID[id]; ok && s.Level == h.Level {
			if gh == s.ID { // most headings: one string, not two
				gh = s.ID
			}
			hs = append(hs, wikilink.Heading{ID: s.ID, Text: s.Title, Level: h.Level, GitHubAnchor: gh})
		} else {
			hs = append(hs, wikilink.Heading{ID: id, Text: mdtext.Inline(h, src), Level: h.Level, GitHubAnchor: gh})
		}
		return ast.WalkSkipChildren, nil
	})
	return hs
}

// tight returns s in an array of its length: lists grown by appending keep
// up to half their room unused, and every page's are held for the whole
// build.
func tight[T any](s []T) []T {
	if cap(s) == len(s) {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}
