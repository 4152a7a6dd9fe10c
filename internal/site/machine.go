package site

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// pageJSON is one page in status.json; with items, the page's own
// status.json.
type pageJSON struct {
	Path      string            `json:"path"`
	URL       string            `json:"url"`
	Title     string            `json:"title"`
	Kind      string            `json:"kind"`
	Updated   *string           `json:"updated"`
	Tags      []string          `json:"tags"`
	Tracked   bool              `json:"tracked"`
	Counts    status.Counts     `json:"counts"`
	Sections  []*status.Section `json:"sections"`
	Warnings  []status.Warning  `json:"warnings"`
	Links     []linkJSON        `json:"links"`
	Backlinks []string          `json:"backlinks"`
	Items     []status.Item     `json:"items,omitempty"`
}

type linkJSON struct {
	Target string  `json:"target"`
	Line   int     `json:"line"`
	URL    *string `json:"url"`
	Broken bool    `json:"broken"`
}

type folderJSON struct {
	Path   string        `json:"path"`
	URL    string        `json:"url"`
	Title  string        `json:"title"`
	Counts status.Counts `json:"counts"`
}

// pageJSON is p as status.json describes it; withItems adds every item.
func (r *renderer) pageJSON(p *parsed, withItems bool) *pageJSON {
	j := &pageJSON{
		Path: p.page.Path, URL: p.page.URL, Title: p.Title, Kind: p.Kind,
		Tags: nonNil(p.page.Tags), Tracked: p.Tracked, Counts: p.Status.Counts,
		Sections: nonNilSections(p.Status.Sections), Warnings: nonNilWarnings(r.pageWarnings(p)),
		Links: []linkJSON{}, Backlinks: []string{},
	}
	if d := dateString(p.page.Updated); d != "" {
		j.Updated = &d
	}
	for i, rs := range r.links.byPage[p.page.Path] {
		l := linkJSON{Target: p.Links[i].Written(), Line: p.Links[i].Line, Broken: rs.Broken}
		if !rs.Broken {
			u := rs.URL
			if rs.Anchor != "" {
				u += "#" + rs.Anchor
			}
			l.URL = &u
		}
		j.Links = append(j.Links, l)
	}
	seen := map[string]bool{}
	for _, bl := range r.links.backlinks[p.page.Path] {
		if !seen[bl.from.page.Path] {
			seen[bl.from.page.Path] = true
			j.Backlinks = append(j.Backlinks, bl.from.page.Path)
		}
	}
	if withItems {
		j.Items = p.Status.Items
		if j.Items == nil {
			j.Items = []status.Item{}
		}
	}
	return j
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// nonNilSections makes a nil list an empty one. status.Compute already
// gives every section a non-nil list, and pages are read concurrently, so
// nothing below the top is touched.
func nonNilSections(s []*status.Section) []*status.Section {
	if s == nil {
		return []*status.Section{}
	}
	return s
}

func nonNilWarnings(w []status.Warning) []status.Warning {
	if w == nil {
		return []status.Warning{}
	}
	return w
}

// writeMachineFiles writes status.json, the site and folder badges,
// robots.txt, sitemap.xml and the feed.
func (r *renderer) writeMachineFiles() error {
	if err := r.putStreamed("status.json", r.writeSiteStatusJSON); err != nil {
		return err
	}
	if err := r.writeRollupBadges(); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if r.cfg.BaseURL != "" {
		robots += "Sitemap: " + r.cfg.BaseURL + "sitemap.xml\n"
		if err := r.putDeferred("sitemap.xml", r.sitemap); err != nil {
			return err
		}
	}
	if err := r.put("robots.txt", []byte(robots)); err != nil {
		return err
	}
	return r.putDeferred("feed.xml", r.feed)
}

// writeSiteStatusJSON writes status.json ({"title", "generated", "counts",
// "pages": [pageJSON…], "folders": [folderJSON…]}) page by page, so the JSON
// of every page is never held all at once: a directory build streams it
// into the destination (at 10k pages it is 30 MB, at 100k 300 MB).
func (r *renderer) writeSiteStatusJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	field := func(name string, v any, last bool) {
		js, _ := json.Marshal(v)
		fmt.Fprintf(bw, "%q:", name)
		bw.Write(js)
		if !last {
			bw.WriteByte(',')
		}
	}
	bw.WriteByte('{')
	field("title", r.cfg.Title, false)
	field("generated", r.site.GeneratedISO, false)
	field("counts", r.site.Progress.Counts, false)
	bw.WriteString(`"pages":[`)
	// The entries are made in parallel, a batch at a time, and written in
	// order: encoding them is most of the file's cost, and a batch is all
	// that is held at once.
	const batch = 256
	entries := make([][]byte, batch)
	for start := 0; start < len(r.pages); start += batch {
		n := min(batch, len(r.pages)-start)
		_ = forEach(context.Background(), n, func(i int) error {
			entries[i] = r.pageJSONEntry(r.pages[start+i])
			return nil
		}, nil)
		for i, js := range entries[:n] {
			if start+i > 0 {
				bw.WriteByte(',')
			}
			bw.Write(js)
		}
	}
	bw.WriteString(`],`)
	folders := make([]folderJSON, 0, len(r.set.Folders))
	for _, d := range r.set.Folders {
		folders = append(folders, folderJSON{Path: d, URL: content.FolderURL(d), Title: r.folderTitle(d), Counts: r.rollup.Tree(d)})
	}
	field("folders", folders, true)
	bw.WriteString("}\n")
	return bw.Flush()
}

// folderTitle is the title of folder d: its own page's, else its name.
func (r *renderer) folderTitle(d string) string {
	if p, ok := r.byURL[content.FolderURL(d)]; ok {
		return p.Title
	}
	return content.FolderTitle(d)
}

// sitemap lists every page and folder with the site's base URL.
func (r *renderer) sitemap() []byte {
	urls := []string{""}
	for _, p := range r.pages {
		if p.page.URL != "" {
			urls = append(urls, p.page.URL)
		}
	}
	for _, d := range r.set.Folders {
		if _, ok := r.byURL[content.FolderURL(d)]; !ok {
			urls = append(urls, content.FolderURL(d))
		}
	}
	sort.Strings(urls)
	var b strings.Builder
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(r.cfg.BaseURL+wikilink.EscapePath(u)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// feed is the site's Atom feed of completed, dated items, newest first.
func (r *renderer) feed() []byte {
	return r.atom(r.cfg.Title+": completed", "tag:milepost,2000:"+r.cfg.Title, r.recentlyDone(maxRecent))
}

// pageFeed is one page's feed of its completed, dated items; nil when it
// has none.
func (r *renderer) pageFeed(p *parsed) []byte {
	done := newestFirst(doneItems(p), 50)
	if len(done) == 0 || !p.Tracked {
		return nil
	}
	return r.atom(p.Title+": completed", "tag:milepost,2000:"+p.page.URL, done)
}

// atom writes an Atom feed of done items. Links are absolute with a base
// URL, relative to the site root otherwise.
func (r *renderer) atom(title, id string, done []render.Done) []byte {
	base := r.cfg.BaseURL
	var b strings.Builder
	b.WriteString(xml.Header + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	writeEl(&b, "title", title)
	fmt.Fprintf(&b, "<id>%s</id>\n", xmlText(id))
	updated := r.site.GeneratedISO
	if len(done) > 0 {
		updated = done[0].Date + "T00:00:00Z"
	}
	fmt.Fprintf(&b, "<updated>%s</updated>\n", updated)
	if base != "" {
		fmt.Fprintf(&b, `<link href="%s"/>`+"\n", xmlText(base))
	}
	for _, d := range done {
		b.WriteString("<entry>")
		writeEl(&b, "title", d.Text)
		link := base + wikilink.EscapePath(strings.SplitN(d.URL, "#", 2)[0])
		if i := strings.IndexByte(d.URL, '#'); i >= 0 {
			link += d.URL[i:]
		}
		fmt.Fprintf(&b, `<link href="%s"/>`, xmlText(link))
		fmt.Fprintf(&b, "<id>%s</id>", xmlText("tag:milepost,"+d.Date+":"+d.URL+"/"+slug.Make(d.Text)))
		fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>", d.Date)
		writeEl(&b, "summary", d.PageTitle)
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return []byte(b.String())
}

func writeEl(b *strings.Builder, name, text string) {
	fmt.Fprintf(b, "<%s>%s</%s>", name, xmlText(text), name)
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
