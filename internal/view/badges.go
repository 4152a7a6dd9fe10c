package view

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
//	<page>/badges/<section-id>.svg, .json       a section, when asked (config badges.sections,
//	                                            front matter badges)
//
// Every page gets one, also without items ("n/a"), so an embedded badge
// never turns into a broken image when a document changes.

// badgeFor is what a badge says about counts under label.
func (m *Maker) badgeFor(label string, c status.Counts, tracked bool) badge.Badge {
	b := badge.Badge{Label: label, Message: "n/a", Color: "lightgrey"}
	pct, ok := c.Percent()
	if !ok || !tracked {
		return b
	}
	b.Color = status.Color(c, m.cfg.Thresholds)
	if m.cfg.Badges.Message == "fraction" {
		b.Message = strconv.Itoa(c.Done) + "/" + strconv.Itoa(c.Total())
	} else {
		b.Message = strconv.Itoa(pct) + "%"
	}
	return b
}

// putBadge hands name.svg and name.json for b to emit.
func (m *Maker) putBadge(emit func(string, []byte) error, name string, b badge.Badge) error {
	opts := badge.Options{Style: badge.Style(m.cfg.Badges.Style), Palette: badge.Palette(m.cfg.Badges.Palette), MaxLabelWidth: m.cfg.Badges.LabelWidth}
	if err := emit(name+".svg", badge.SVG(b, opts)); err != nil {
		return err
	}
	return emit(name+".json", badge.Endpoint(b))
}

// PageBadge hands emit a page's own badge (a folder's page shows the
// folder's roll-up).
func (m *Maker) PageBadge(p *Page, emit func(string, []byte) error) error {
	if p.Content.URL == "" {
		return nil // the home page's badge is the site's
	}
	counts := p.Status.Counts
	if p.Content.IsIndex {
		counts = m.rollup.Tree(m.FolderAt(p.Content.URL))
	}
	return m.putBadge(emit, p.Content.URL+"badge", m.badgeFor(badgeLabel(p), counts, p.Tracked || p.Content.IsIndex))
}

// SectionBadge is one section badge a page asks for: its files' stem and
// the section's source line.
type SectionBadge struct {
	Name string // "<page>/badges/<section-id>"
	Line int
	make func(emit func(string, []byte) error) error
}

// Put hands emit the badge's .svg and .json.
func (b SectionBadge) Put(emit func(string, []byte) error) error { return b.make(emit) }

// SectionBadges lists the section badges of p, in document order: none
// unless front matter badges or config badges.sections asks for them;
// top-level sections for top, every level (down to badges.depth) for all.
// Sections without items have none.
func (m *Maker) SectionBadges(p *Page) []SectionBadge {
	levels := m.sectionLevels(p)
	if p.Content.URL == "" || levels == 0 {
		return nil
	}
	var out []SectionBadge
	var walk func(ss []*status.Section, depth int)
	walk = func(ss []*status.Section, depth int) {
		for _, s := range ss {
			if s.Counts.Total() == 0 {
				continue
			}
			name, b := p.Content.URL+"badges/"+s.ID, m.badgeFor(s.Title, s.Counts, p.Tracked)
			out = append(out, SectionBadge{Name: name, Line: s.Line, make: func(emit func(string, []byte) error) error {
				return m.putBadge(emit, name, b)
			}})
			if levels < 0 || depth < levels {
				walk(s.Sections, depth+1)
			}
		}
	}
	walk(p.Status.Sections, 1)
	return out
}

// sectionLevels is how many heading levels below the title get section
// badges on p: 0 none, -1 every level.
func (m *Maker) sectionLevels(p *Page) int {
	mode := m.cfg.Badges.Sections
	if p.Content.SectionBadges != "" {
		mode = p.Content.SectionBadges
	}
	switch mode {
	case "top":
		return 1
	case "all":
		if d := m.cfg.Badges.Depth; d > 0 {
			return d
		}
		return -1
	}
	return 0
}

func badgeLabel(p *Page) string {
	if p.Content.BadgeLabel != "" {
		return p.Content.BadgeLabel
	}
	return p.Title
}

// RollupBadges hands emit the site's badge and those of the folders
// without a page of their own.
func (m *Maker) RollupBadges(emit func(string, []byte) error) error {
	if err := m.putBadge(emit, "badge", m.badgeFor(m.cfg.Title, m.total, true)); err != nil {
		return err
	}
	for _, d := range m.in.Folders {
		u := content.FolderURL(d)
		if _, hasPage := m.byURL[u]; hasPage {
			continue // written with the folder's page
		}
		if err := m.putBadge(emit, u+"badge", m.badgeFor(m.FolderTitle(d), m.rollup.Tree(d), true)); err != nil {
			return err
		}
	}
	return nil
}

// badgePanel is the copy-ready snippets for p's badge.
func (m *Maker) badgePanel(p *Page) *render.Badge {
	if p.Content.URL == "" {
		return nil
	}
	img := p.Content.URL + "badge.svg"
	b := &render.Badge{Image: img}
	label := badgeLabel(p)
	target, link := img, p.Content.URL
	if base := m.cfg.BaseURL; base != "" {
		b.Absolute = true
		target, link = base+wikilink.EscapePath(img), base+wikilink.EscapePath(p.Content.URL)
		b.Endpoint = "https://img.shields.io/endpoint?url=" + url.QueryEscape(base+wikilink.EscapePath(p.Content.URL+"badge.json"))
		if s := firstCounted(p.Status.Sections); s != nil {
			b.SectionTitle = s.Title
			b.Section = sectionBadgeURL(base+wikilink.EscapePath(p.Content.URL+"status.json"), s)
		}
	}
	b.Markdown = "[![" + markdownEscaper.Replace(label) + "](" + target + ")](" + link + ")"
	b.HTML = `<a href="` + html.EscapeString(link) + `"><img src="` + html.EscapeString(target) + `" alt="` + html.EscapeString(label) + `"></a>`
	return b
}

// markdownEscaper escapes the characters that would end a link text.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)

// firstCounted is the first top-level section with items, nil when none.
func firstCounted(ss []*status.Section) *status.Section {
	for _, s := range ss {
		if s.Counts.Total() > 0 {
			return s
		}
	}
	return nil
}

// sectionBadgeURL is a shields dynamic JSON badge of section s, read from
// the page's status.json at statusURL: any section can be badged this
// way without a file of its own.
func sectionBadgeURL(statusURL string, s *status.Section) string {
	q := url.Values{}
	q.Set("url", statusURL)
	q.Set("query", "$..sections[?(@.id=='"+s.ID+"')].counts.percent")
	q.Set("suffix", "%")
	q.Set("label", s.Title)
	return "https://img.shields.io/badge/dynamic/json?" + q.Encode()
}
