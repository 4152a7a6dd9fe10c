package site

import (
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/milepost/milepost/internal/badge"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// Badge files sit next to what they describe:
//
//	badge.svg, badge.json                       the whole site
//	<folder>/badge.svg, badge.json              a folder, rolled up
//	<page>/badge.svg, badge.json                a page (a folder's own page shows the folder's roll-up)
//	<page>/badges/<section-id>.svg, .json       a top-level section (config badges.depth for deeper ones)
//
// Every page gets one, also without items ("n/a"), so an embedded badge
// never turns into a broken image when a document changes.

// badgeFor is what a badge says about counts under label.
func (r *renderer) badgeFor(label string, c status.Counts, tracked bool) badge.Badge {
	b := badge.Badge{Label: label, Message: "n/a", Color: "lightgrey"}
	pct, ok := c.Percent()
	if !ok || !tracked {
		return b
	}
	b.Color = status.Color(c, r.cfg.Thresholds)
	if r.cfg.Badges.Message == "fraction" {
		b.Message = strconv.Itoa(c.Done) + "/" + strconv.Itoa(c.Total())
	} else {
		b.Message = strconv.Itoa(pct) + "%"
	}
	return b
}

// putBadge hands name.svg and name.json for b to emit.
func (r *renderer) putBadge(emit func(string, []byte) error, name string, b badge.Badge) error {
	opts := badge.Options{Style: badge.Style(r.cfg.Badges.Style), Palette: badge.Palette(r.cfg.Badges.Palette), MaxLabelWidth: r.cfg.Badges.LabelWidth}
	if err := emit(name+".svg", badge.SVG(b, opts)); err != nil {
		return err
	}
	return emit(name+".json", badge.Endpoint(b))
}

// writePageBadges writes a page's badge and its sections' badges.
func (r *renderer) writePageBadges(p *parsed, emit func(string, []byte) error) error {
	if p.page.URL == "" {
		return nil // the home page's badge is the site's
	}
	counts := p.Status.Counts
	if p.page.IsIndex {
		counts = r.rollup.Tree(r.folderByURL()[p.page.URL])
	}
	if err := r.putBadge(emit, p.page.URL+"badge", r.badgeFor(r.pageBadgeLabel(p), counts, p.Tracked || p.page.IsIndex)); err != nil {
		return err
	}
	var walk func(ss []*status.Section, depth int) error
	walk = func(ss []*status.Section, depth int) error {
		for _, s := range ss {
			if s.Counts.Total() == 0 {
				continue
			}
			if err := r.putBadge(emit, p.page.URL+"badges/"+s.ID, r.badgeFor(s.Title, s.Counts, p.Tracked)); err != nil {
				return err
			}
			if depth < r.cfg.Badges.Depth {
				if err := walk(s.Sections, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(p.Status.Sections, 1)
}

func (r *renderer) pageBadgeLabel(p *parsed) string {
	if p.page.BadgeLabel != "" {
		return p.page.BadgeLabel
	}
	return p.Title
}

// writeRollupBadges writes the site's and every folder's badge.
func (r *renderer) writeRollupBadges() error {
	if err := r.putBadge(r.putMade, "badge", r.badgeFor(r.cfg.Title, r.site.Progress.Counts, true)); err != nil {
		return err
	}
	for _, d := range r.set.Folders {
		u := content.FolderURL(d)
		if _, hasPage := r.byURL[u]; hasPage {
			continue // written with the folder's page
		}
		if err := r.putBadge(r.putMade, u+"badge", r.badgeFor(r.folderTitle(d), r.rollup.Tree(d), true)); err != nil {
			return err
		}
	}
	return nil
}

// badgePanel is the copy-ready snippets for p's badge.
func (r *renderer) badgePanel(p *parsed) *render.Badge {
	if p.page.URL == "" {
		return nil
	}
	img := p.page.URL + "badge.svg"
	b := &render.Badge{Image: img}
	label := r.pageBadgeLabel(p)
	target, link := img, p.page.URL
	if r.cfg.BaseURL != "" {
		b.Absolute = true
		target, link = r.cfg.BaseURL+wikilink.EscapePath(img), r.cfg.BaseURL+wikilink.EscapePath(p.page.URL)
		b.Endpoint = "https://img.shields.io/endpoint?url=" + url.QueryEscape(r.cfg.BaseURL+wikilink.EscapePath(p.page.URL+"badge.json"))
	}
	b.Markdown = "[![" + markdownText(label) + "](" + target + ")](" + link + ")"
	b.HTML = `<a href="` + html.EscapeString(link) + `"><img src="` + html.EscapeString(target) + `" alt="` + html.EscapeString(label) + `"></a>`
	return b
}

// markdownText escapes the characters that would end a link text.
func markdownText(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)
