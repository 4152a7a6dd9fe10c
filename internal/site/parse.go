package site

import (
	"bytes"
	"io/fs"
	"path"
	"strings"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/spool"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// parsed is what PARSE keeps of a page once its AST is gone: everything
// later stages need, and the body HTML with wiki-link placeholders.
type parsed struct {
	view.Page
	body    []byte    // HTML, wiki-links as placeholders; nil when spooled
	spooled spool.Ref // where the body is when the build spools them
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
	opts    status.Options
	targets *wikilink.Paths
	prefix  string       // content dir as typed from the site root, with '/'
	spool   *spool.Spool // nil: bodies stay in memory
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

// parsePage runs PARSE for one page: AST, summary, markdown links, body
// HTML.
func parsePage(env *parseEnv, p *content.Page) *parsed {
	file := env.prefix + p.Path
	body, err := content.Source(env.contentFS, p)
	if err != nil {
		return &parsed{Page: view.Page{Content: p, Page: summary.Page{Title: p.Title, Diags: diag.List{diag.Errorf(file, 0, 0, "%v", err)}}}}
	}
	doc, src, warnings := env.parser.ParseChecked(body)
	lines := markdown.NewLineIndex(src, p.BodyLine)
	sum, h1 := summary.Make(p, doc, src, lines, warnings, file, env.opts)
	out := &parsed{Page: view.Page{Content: p, Page: *sum}}
	var broken []wikilink.BrokenMarkdown
	out.Lookups, broken = wikilink.RewriteMarkdown(doc, lines, p.Folder, p.URL, env.targets, env.fileLinks)
	for _, b := range broken {
		out.Diags = append(out.Diags, diag.Warnf(diag.KindBrokenLink, file, b.Line, b.Col, "broken link %s: no page or file %s in the site", b.Dest, b.Key))
		out.BrokenMD = append(out.BrokenMD, wikilink.BrokenRef{Line: b.Line, Target: b.Dest})
	}
	if env.laterBody != nil && env.laterBody(p.Path, p.Hash) {
		out.bodyLater = true // the source stays for renderer.body
		return out
	}
	if h1 != nil && (!p.TitleFromFront || strings.EqualFold(mdtext.Title(h1, src), p.Title)) {
		h1.Parent().RemoveChild(h1.Parent(), h1)
	}
	if sum.Tracked && sum.Kind != status.KindRunbook {
		render.FoldDone(doc, sum.Status)
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := env.parser.Goldmark().Renderer().Render(&buf, src, doc); err != nil {
		out.Diags = append(out.Diags, diag.Errorf(file, 0, 0, "rendering: %v", err))
	}
	if env.spool != nil {
		ref, err := env.spool.Put(buf.Bytes())
		if err != nil {
			out.Diags = append(out.Diags, diag.Errorf(file, 0, 0, "%v", err))
		}
		out.spooled = ref
		p.Body = nil // one-off build: the source is not needed again
	} else {
		out.body = bytes.Clone(buf.Bytes()) // exact size: the buffer's slack would be kept for the whole build
	}
	return out
}

// linkTargets maps what a markdown link may point at (content-relative
// paths of pages, with or without ".md", folders, assets and static files)
// to output URLs.
func linkTargets(set *content.Set, static []string) *wikilink.Paths {
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
