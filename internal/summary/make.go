package summary

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// Make reads the summary of page p from doc, its body as parsed (src, with
// positions from lines, and the parser's warnings): title (a leading H1
// unless the front matter names one), kind, status, headings, block ids
// and wiki-links, with warnings naming file, and the two signatures. It
// leaves Lookups and BrokenMD to the caller, which resolves markdown links
// (wikilink.RewriteMarkdown). h1 is the heading Make took the title from,
// nil if none: the body leaves it out.
func Make(p *content.Page, doc ast.Node, src []byte, lines *markdown.LineIndex, warnings []markdown.Warning, file string, opts status.Options) (out *Page, h1 *ast.Heading) {
	out = &Page{Title: p.Title}
	for _, w := range warnings {
		line, col := lines.Position(w.Offset)
		out.Diags = append(out.Diags, diag.Warnf(w.Kind, file, line, col, "%s", w.Message))
	}
	h1 = leadingTitle(doc, src)
	if h1 != nil && !p.TitleFromFront {
		out.Title = mdtext.Title(h1, src)
	}
	opts = StatusOptions(p, opts)
	opts.Lines = lines
	st := status.Compute(doc, src, opts)
	out.Kind = st.Kind(p.Kind, p.Path)
	out.Tracked = out.Kind != status.KindRunbook || p.Track
	for _, w := range st.Warnings {
		out.Diags = append(out.Diags, diag.Diagnostic{File: file, Line: w.Line, Severity: diag.Warning, Kind: w.Kind, Message: w.Message})
	}
	out.Headings = tight(headingsOf(doc, src, st.Sections))
	out.BlockIDs = wikilink.BlockIDs(doc)
	out.Links = tight(wikilink.Collect(doc, lines))
	out.Status = st
	out.TargetSig = targetSignature(out.Target(p))
	out.SummarySig = Signature(p, out)
	return out, h1
}

// StatusOptions are the site's status options as page p's front matter
// changes them (heading_items, matrices; a runbook has no heading items
// unless it says so), with the page's own date: the day its path names,
// else the day it was updated, else the week or month its path names.
func StatusOptions(p *content.Page, opts status.Options) status.Options {
	opts.HeadingItems = p.HeadingItems
	// a day the path names is the day of the meeting or report; else the
	// day the page says it was updated; else the path's week or month
	date, day := status.PathDate(p.Path)
	if !day && !p.Updated.IsZero() {
		date, day = p.Updated.Format("2006-01-02"), true
	}
	opts.PageDate, opts.PageDay = date, day
	if p.Matrices != "" {
		opts.Matrices = p.Matrices
	}
	if opts.HeadingItems == "" && status.DeclaredKind(p.Kind, p.Path) == status.KindRunbook {
		opts.HeadingItems = "never"
	}
	if p.Kind == "" && status.RecordPath(p.Path) {
		// a changelog records what shipped: its "### Fixed" lists are no
		// progress, and its version headings no items
		opts.Record = true
		if opts.HeadingItems == "" {
			opts.HeadingItems = "never"
		}
	}
	return opts
}

// Target is what the page offers wiki-links.
func (s *Page) Target(p *content.Page) wikilink.Target {
	return wikilink.Target{
		Path:     p.Path,
		URL:      p.URL,
		Title:    s.Title,
		Aliases:  p.Aliases,
		Headings: s.Headings,
		BlockIDs: s.BlockIDs,
		IsPage:   true,
	}
}

// targetSignature hashes what a page or file offers wiki-links: everything
// the index answers from.
func targetSignature(t wikilink.Target) [32]byte {
	var k keyhash.Buf
	k.Str(t.Path, t.URL, t.Title)
	k.Flag(t.IsPage)
	k.Num(len(t.Aliases))
	k.Str(t.Aliases...)
	k.Num(len(t.Headings))
	for _, hd := range t.Headings {
		k.Str(hd.ID, hd.Text, hd.GitHubAnchor, strconv.Itoa(hd.Level))
	}
	k.Num(len(t.BlockIDs))
	k.Str(t.BlockIDs...)
	return k.Sum()
}

// Signature hashes what other pages' outputs show of a page (its
// SummarySig): its title, kind, date, tags and counts (cards, backlinks),
// its sections (embedded status cards, backlinks) and its items (embedded
// status cards; the dated done ones in recent items, feeds and burn-up
// charts). Not its path and URL, which others add themselves.
func Signature(p *content.Page, s *Page) [32]byte {
	var k keyhash.Buf
	updated := ""
	if !p.Updated.IsZero() {
		updated = p.Updated.Format("2006-01-02")
	}
	k.Str(s.Title, s.Kind, updated)
	k.Flag(s.Tracked)
	k.Num(len(p.Tags))
	k.Str(p.Tags...)
	k.Counts(s.Status.Counts)
	var sections func([]*status.Section)
	sections = func(ss []*status.Section) {
		k.Num(len(ss))
		for _, sec := range ss {
			k.Str(sec.ID, sec.Title)
			k.Num(sec.Level)
			k.Counts(sec.Counts)
			sections(sec.Sections)
		}
	}
	sections(s.Status.Sections)
	k.Num(len(s.Status.Items))
	for _, it := range s.Status.Items {
		k.Str(it.Section, it.State.String(), it.Text, it.Date)
	}
	return k.Sum()
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
