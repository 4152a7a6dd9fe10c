// Package view builds every value the theme's templates read: the
// render.View of each page and listing (page, home, folder, tag, tags,
// broken links, people and each person, 404), with its breadcrumbs, cards, sections, items,
// backlinks, embed cards, burn-up charts and badge panel, and the values
// the files for programs and badges are made from (status.json entries,
// feeds, the sitemap, the search index, badge SVG and JSON).
//
// In: plain values of one build: each page as LOAD read it and PARSE
// summarised it (Page), the content folders, the wiki-link resolutions,
// backlinks and broken links RESOLVE found, the configuration, the build
// time and version (In).
// Out: render view values, and bytes from the packages that encode them
// (machine, badge, search).
// It must not parse markdown, resolve links, cache, or write files: site
// decides what is built, what is kept and where it goes; view says what a
// page shows, and hashes what each output is made from (PageIn.Key,
// FolderSig, PlanSig, the folder feeds' keys) for site to compare.
package view

import (
	"path"
	"strings"
	"sync"
	"time"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/wikilink"
)

// Page is one page as the views see it: what LOAD read of it (its path,
// URL, front matter) and what PARSE learned (its summary).
type Page struct {
	Content *content.Page
	summary.Page
}

// In is what the views of one build are made from.
type In struct {
	Config  config.Config
	Now     time.Time
	Version string
	// Prefix is the content folder as written, with '/': a page's
	// source file is Prefix + its path.
	Prefix string
	// Pages are every page of the site, in path order.
	Pages []*Page
	// Folders are the content folders (content.Set.Folders).
	Folders []string
	// Links are each page's wiki-link resolutions by content path, one
	// per link of its summary; Backlinks the pages linking to each page,
	// by content path (wikilink.Graph's).
	Links     map[string][]wikilink.Resolution
	Backlinks map[string][]wikilink.Backlink
	// History is the content folder's git history; nil when not read
	// (--no-history, history.enabled: false).
	History *History
	// PrevPlan is the last build's plan (Maker.PlanReuse), taken over
	// when the pages make the same one; nil for none.
	PrevPlan *PlanReuse
	// Static returns one of the site's static files (style.css,
	// favicon.svg), for 404.html to inline when the site has no base URL;
	// nil for none.
	Static func(name string) []byte
}

// Maker makes the views of one build. Its methods may be called from
// many goroutines once SetWarnings has been called.
type Maker struct {
	in         In
	cfg        config.Config
	site       *render.Site // every view's but the home page's
	homeSite   *render.Site // the home page's: with the site's progress
	total      status.Counts
	byURL      map[string]*Page
	byPath     map[string]*Page
	pagesIn    map[string][]*Page // folder → its pages, in path order
	subfolders map[string][]string
	rollup     status.Rollup               // the counts of tracked pages by folder
	warnings   map[string][]status.Warning // content path → the page's warnings
	broken     []render.BrokenLink
	plan       *sitePlan               // the site's plan and health (plan.go)
	planReuse  *PlanReuse              // its nodes and computed plan, for the next build
	hist       map[string]*pageHistory // by content path (history.go)

	folderOnce    sync.Once
	folders       map[string]string // folder URL → content folder path
	crumbsMu      sync.Mutex
	crumbsOf      map[string][]render.Link // folder URL → its breadcrumbs
	recentOnce    sync.Once
	folderSigOnce sync.Once
	folderSigs    map[string][32]byte      // folder → hash of what its listing shows
	recent        map[string][]render.Done // folder → the newest done items in it and below, newest first ("": the site's)
	changesOnce   sync.Once
	changes       []render.ChangeWeek // the Changes page's weeks (changes.go)
	peopleOnce    peopleState
}

// parentFolder is the folder that holds folder d ("" for the content
// folder), as New nests them.
func parentFolder(d string) string {
	parent := path.Dir(d)
	if parent == "." {
		return ""
	}
	return parent
}

// New indexes in's pages and folders and makes the site-wide view.
func New(in In) *Maker {
	m := &Maker{in: in, cfg: in.Config}
	m.byURL = make(map[string]*Page, len(in.Pages))
	m.byPath = make(map[string]*Page, len(in.Pages))
	m.pagesIn = map[string][]*Page{}
	for _, p := range in.Pages {
		m.byURL[p.Content.URL] = p
		m.byPath[p.Content.Path] = p
		m.pagesIn[p.Content.Folder] = append(m.pagesIn[p.Content.Folder], p)
	}
	m.subfolders = map[string][]string{}
	for _, d := range in.Folders {
		parent := parentFolder(d)
		m.subfolders[parent] = append(m.subfolders[parent], d)
	}
	for _, p := range in.Pages {
		if p.Tracked {
			m.rollup.Add(p.Content.Folder, p.Status.Counts)
		}
	}
	m.broken = m.brokenLinks()
	m.makeHistory()
	m.makePlan()
	m.site = &render.Site{
		Title:        m.cfg.Title,
		Description:  m.cfg.Description,
		Lang:         m.cfg.Language,
		BaseURL:      m.cfg.BaseURL,
		Generated:    in.Now.UTC().Format("2006-01-02"),
		GeneratedISO: machine.ISOTime(in.Now),
		FileLinks:    m.cfg.FileLinks,
		Version:      in.Version,
		Changes:      m.hist != nil,
	}
	m.total = m.rollup.Tree("")
	home := *m.site
	home.Progress = m.progress(m.total)
	m.homeSite = &home
	return m
}

// SetWarnings hands the views every page's warnings (Warnings of each,
// or the last build's where nothing can have changed them).
func (m *Maker) SetWarnings(w map[string][]status.Warning) { m.warnings = w }

// Site is what every view shows of the site as a whole. Its Progress is
// left out but for the home page (render.Site): were the site's counts on
// every page, an edit of one count would change every page.
func (m *Maker) Site() *render.Site { return m.site }

// Total is the roll-up of the whole site.
func (m *Maker) Total() status.Counts { return m.total }

// Page returns the page at content path p.
func (m *Maker) Page(p string) (*Page, bool) {
	pg, ok := m.byPath[p]
	return pg, ok
}

// PageAt returns the page at output URL u.
func (m *Maker) PageAt(u string) (*Page, bool) {
	pg, ok := m.byURL[u]
	return pg, ok
}

// view returns a View for the output at url ("milestones/x/" or "404.html").
func (m *Maker) view(url, title string) *render.View {
	return &render.View{Site: m.site, URL: url, Root: wikilink.RootOf(url), Title: title}
}

// progress colours counts by the configured thresholds.
func (m *Maker) progress(c status.Counts) render.Progress {
	return render.NewProgress(c, status.Color(c, m.cfg.Thresholds))
}

// FolderTitle is the title of folder d: its own page's, else its name.
func (m *Maker) FolderTitle(d string) string {
	if p, ok := m.byURL[content.FolderURL(d)]; ok {
		return p.Title
	}
	return content.FolderTitle(d)
}

// FolderAt maps a folder URL to its content folder path.
func (m *Maker) FolderAt(u string) string { return m.folderURLs()[u] }

// folderURLs maps folder URLs to content folder paths.
func (m *Maker) folderURLs() map[string]string {
	m.folderOnce.Do(func() {
		m.folders = make(map[string]string, len(m.in.Folders))
		for _, d := range m.in.Folders {
			m.folders[content.FolderURL(d)] = d
		}
	})
	return m.folders
}

// Crumbs lists the folders above the output at url, home first. The
// lists are shared by every page of a folder: callers must not modify them.
func (m *Maker) Crumbs(url string) []render.Link {
	parent := ""
	if i := strings.LastIndexByte(strings.TrimSuffix(url, "/"), '/'); i >= 0 {
		parent = url[:i+1]
	}
	m.crumbsMu.Lock()
	defer m.crumbsMu.Unlock()
	if cs, ok := m.crumbsOf[parent]; ok {
		return cs
	}
	if m.crumbsOf == nil {
		m.crumbsOf = map[string][]render.Link{}
	}
	cs := m.makeCrumbs(parent)
	m.crumbsOf[parent] = cs
	return cs
}

// makeCrumbs lists the folders down to folder URL parent ("a/b/"), home
// first.
func (m *Maker) makeCrumbs(parent string) []render.Link {
	out := []render.Link{{Title: "Home", URL: ""}}
	if parent == "" {
		return out
	}
	segs := strings.Split(parent, "/")
	for i := 0; i < len(segs)-1; i++ { // the last is "" after parent's slash
		u := strings.Join(segs[:i+1], "/") + "/"
		title := segs[i]
		if p, ok := m.byURL[u]; ok {
			title = p.Title
		} else if d, ok := m.folderURLs()[u]; ok {
			title = content.FolderTitle(d)
		}
		out = append(out, render.Link{Title: title, URL: u})
	}
	return out
}

// Date formats a date as YYYY-MM-DD, "" when unknown.
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// isStale reports whether p's updated date is older than stale_after days.
func (m *Maker) isStale(p *Page) bool {
	return status.Stale(m.updated(p), m.in.Now, m.cfg.StaleAfter)
}

// TagURL is a tag page's URL: different tags never share one (slug.Key).
func TagURL(tag string) string {
	return "tags/" + slug.Key(tag) + "/"
}
