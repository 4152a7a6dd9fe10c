package site

import (
	"bytes"
	"fmt"
	"unsafe"

	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// writePage writes one page's HTML, its status.json and its badges, or,
// when nothing the page is rendered from changed since the last build,
// the files that build made.
func (r *renderer) writePage(p *parsed) error {
	if p.Content.URL == "" {
		return nil // the root index.md is shown on the home page
	}
	return r.out.Page(p.Content.Path, r.keys[p.Content.Path], func() (outputs.Made, error) { return r.renderPage(p) })
}

// renderPage renders the files of one page: its HTML, status.json and
// badge, then what it asks for beyond them (its feed, section badges)
// within the config's limits, with an output-capped warning for what is
// left out.
func (r *renderer) renderPage(p *parsed) (outputs.Made, error) {
	// The body and the view's filled body are pooled buffers, given back
	// with the page's own once its files are put (Made.Release).
	body, releaseBody, err := r.parseEnv.BodyShared(&p.Page)
	if err != nil {
		return outputs.Made{}, err
	}
	in := r.views.PageIn(&p.Page.Page)
	v, links, releaseView := r.views.PageView(in, body)
	html, statusJSON, releaseFiles, err := r.drawPageFiles(in, v)
	release := func() {
		if releaseFiles != nil {
			releaseFiles()
		}
		releaseView()
		releaseBody()
	}
	if err != nil {
		release()
		return outputs.Made{}, fmt.Errorf("template page.html for %s: %w", p.Content.URL, err)
	}
	name := p.Content.URL + "index.html"
	out := outputs.NewPageFiles(r.cfg.Limits, r.out.Compact)
	out.Always(name, html)
	out.Always(p.Content.URL+"status.json", statusJSON)
	if err := r.views.PageBadge(&p.Page.Page, out.Always); err != nil {
		release()
		return outputs.Made{}, err
	}
	if feed := r.views.PageFeed(&p.Page.Page); feed != nil {
		out.Extra(1, func(emit func(string, []byte) error) error {
			return emit(p.Content.URL+"feed.xml", feed)
		})
	}
	badges := r.views.SectionBadges(&p.Page.Page)
	for i, b := range badges {
		if i == r.cfg.Limits.SectionBadges {
			out.OverBadges(len(badges)-i, b.Line)
			break
		}
		out.Extra(b.Line, b.Put)
	}
	made := outputs.Made{Files: out.Files(), Notes: out.Notes(r.prefix + p.Content.Path), Release: release}
	if r.theme.StockPage() && r.out.Compact(name) {
		made.Body = bodySpan(name, html, string(v.Page.Body), links, p.Content.Hash)
	}
	return made, nil
}

// drawPageFiles draws a page's HTML and its status.json: in buffers used
// again once release is called, after the page's files are put, when the
// writer says the sink does not keep them (outputs.Writer.Reuses); else
// in slices of their own, and release does nothing.
func (r *renderer) drawPageFiles(in *view.PageIn, v *render.View) (html, statusJSON []byte, release func(), err error) {
	if !r.out.Reuses() {
		html, err = r.theme.Execute("page.html", v)
		return html, machine.EncodePage(r.views.PageJSON(in, true)), func() {}, err
	}
	html, releaseHTML, err := r.theme.ExecuteShared("page.html", v)
	if err != nil {
		return nil, nil, nil, err
	}
	statusJSON, releaseJSON := machine.EncodePageShared(r.views.PageJSON(in, true))
	return html, statusJSON, func() { releaseHTML(); releaseJSON() }, nil
}

// bodySpan says where body lies in html, the file name made from the
// source basis, when it is there once; nil when it is not. The file must
// reach the destination as html is (written compact, not minified again).
func bodySpan(name string, html []byte, body string, links []wikilink.Span, basis [32]byte) *outputs.BodySpan {
	// the body is only read here: it is searched for as it is, not copied
	b := unsafe.Slice(unsafe.StringData(body), len(body))
	at := bytes.Index(html, b)
	if len(body) == 0 || at < 0 || bytes.Contains(html[at+1:], b) {
		return nil
	}
	return &outputs.BodySpan{File: name, Start: at, End: at + len(body), Links: links, Basis: basis}
}
