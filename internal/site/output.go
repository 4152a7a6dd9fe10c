package site

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/status"
)

// renderer runs RESOLVE and RENDER over the parsed pages of one build.
type renderer struct {
	cfg     config.Config
	in      Input
	theme   *render.Theme
	set     *content.Set
	pages   []*parsed
	statics map[string]fs.FS
	sink    publish.Sink
	prefix  string
	spool   *spool
	// parseEnv is PARSE's environment, for pages parsed without their
	// body (parsed.bodyLater).
	parseEnv *parseEnv

	// Memoised page renders: the previous build's (nil for a one-off
	// build) and this build's, with each page's input key.
	prevMemo, nextMemo *memoTable
	prevLinks          *resolved // the previous build's RESOLVE (dev server)
	keys               map[string][32]byte
	cfgKey             string
	themeKey           [32]byte
	siteKey            [32]byte // hash of the site-wide inputs of every page
	sitewideProgress   bool

	links  *resolved
	byURL  map[string]*parsed
	byPath map[string]*parsed
	site   *render.Site

	warnings      map[string][]status.Warning // content path → the page\'s warnings
	pagesIn       map[string][]*parsed        // folder → its pages, in path order
	subfolders    map[string][]string         // folder → its direct sub-folders
	recentOnce    sync.Once
	recent        []render.Done // the newest done items of the site, newest first
	rollupOnce    sync.Once
	shallow, deep map[string]status.Counts // folder → counts of its pages (deep: and sub-folders')
	folderOnce    sync.Once
	folders       map[string]string // folder URL → content folder path
	folderSigOnce sync.Once
	folderSigs    map[string][32]byte // folder → hash of what its listing shows
	crumbsMu      sync.Mutex
	crumbsOf      map[string][]render.Link // folder URL → its breadcrumbs
	outputsMu     sync.Mutex
	outputs       map[string]buildcache.Output // pages and listings made, for the next build's cache
	files         atomic.Int64
	mu            sync.Mutex
	diags         diag.List
}

// run resolves links and writes every output file.
func (r *renderer) run(ctx context.Context) (*Result, error) {
	r.byURL = make(map[string]*parsed, len(r.pages))
	r.byPath = make(map[string]*parsed, len(r.pages))
	for _, p := range r.pages {
		r.byURL[p.page.URL] = p
		r.byPath[p.page.Path] = p
	}
	r.pagesIn = map[string][]*parsed{}
	for _, p := range r.pages {
		r.pagesIn[p.page.Folder] = append(r.pagesIn[p.page.Folder], p)
	}
	r.subfolders = map[string][]string{}
	for _, d := range r.set.Folders {
		parent := path.Dir(d)
		if parent == "." {
			parent = ""
		}
		r.subfolders[parent] = append(r.subfolders[parent], d)
	}
	r.links = resolveLinks(r.pages, r.set, r.statics, r.prefix, r.prevLinks)
	r.diags = append(r.diags, r.links.diags...)
	total := status.Counts{}
	for _, p := range r.pages {
		if p.tracked {
			total = total.Add(p.status.Counts)
		}
	}
	r.site = &render.Site{
		Title:        r.cfg.Title,
		Description:  r.cfg.Description,
		Lang:         r.cfg.Language,
		BaseURL:      r.cfg.BaseURL,
		Generated:    r.in.Now.UTC().Format("2006-01-02"),
		GeneratedISO: r.in.Now.UTC().Format("2006-01-02T15:04:05Z"),
		FileLinks:    r.cfg.FileLinks,
		Progress:     r.progress(total),
		Version:      r.in.Version,
	}

	r.siteKey = r.siteKeyOf()
	dirty := r.dirtyPages()
	r.collectAllWarnings(dirty)
	if r.nextMemo != nil {
		r.nextMemo.siteKey, r.nextMemo.warnings = r.siteKey, r.warnings
	}
	r.keys = r.pageKeys(dirty)
	steps := []func() error{
		r.writeStatics,
		r.writeAssets,
		r.writeListings,
		r.writeMachineFiles,
		r.writeThemeExtras,
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := r.writePages(ctx); err != nil {
		return nil, err
	}
	return &Result{Pages: len(r.pages), Files: int(r.files.Load()), Diagnostics: r.diags, Counts: total, Config: r.cfg, Outputs: r.outputs}, nil
}

// collectAllWarnings gathers every page's warnings, taking the last
// build's for pages an edit cannot have reached (dirty is as dirtyPages
// gives it), and reports staleness and pages without items.
func (r *renderer) collectAllWarnings(dirty map[string]bool) {
	r.warnings = make(map[string][]status.Warning, len(r.pages))
	for _, p := range r.pages {
		ws, kept := r.prevMemo.keptWarnings(p.page.Path, dirty)
		if !kept {
			ws = r.collectWarnings(p)
		}
		r.warnings[p.page.Path] = ws
		for _, w := range ws {
			if w.Kind == diag.KindStale || w.Kind == diag.KindNoItems {
				r.diags = append(r.diags, diag.Warnf(w.Kind, r.prefix+p.page.Path, w.Line, 0, "%s", w.Message))
			}
		}
	}
}

// sharedSink is a sink that can keep bytes without copying them.
type sharedSink interface {
	PutShared(name string, data []byte) error
}

// compactSink is a sink told which files need no minifying.
type compactSink interface {
	publish.Sink
	PutCompact(name string, data []byte) error
}

// templateMinifier is a sink that minifies, and can minify a theme's
// templates once so that the pages they render need no minifying.
type templateMinifier interface {
	MinifyTemplate(src string) (string, bool)
}

// putMade hands the sink a file milepost made (a page, listing, badge,
// JSON or feed), as opposed to a copied static file or asset. Bytes a
// memoised page shares with later builds go uncopied where the sink
// allows; files already compact are not minified again: JSON, SVG, XML and
// JavaScript are written compactly, and HTML is when the theme was
// minified at load.
func (r *renderer) putMade(name string, data []byte) error {
	compact := r.theme.Minified() || !strings.EqualFold(path.Ext(name), ".html")
	var err error
	shared, isShared := r.sink.(sharedSink)
	compactor, isCompactor := r.sink.(compactSink)
	switch {
	case isShared && !r.theme.Minified(): // the dev server's memory: no copy, no minifying
		err = shared.PutShared(name, data)
	case isCompactor && compact:
		err = compactor.PutCompact(name, data)
	default:
		err = r.sink.Put(name, data)
	}
	r.files.Add(1)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// deferredSink is a sink that can make a file when it is first asked for.
type deferredSink interface {
	PutDeferred(name string, make func() []byte) error
}

// putDeferred hands the sink a site-wide file that no page needs in order
// to be shown (status.json, the feed, the sitemap, the search index): the
// dev server makes it only when it is requested, so an edit does not wait
// for it. Other sinks get it made now. make runs at most once, maybe after
// the build returned; it only reads the renderer.
func (r *renderer) putDeferred(name string, make func() []byte) error {
	if s, ok := r.sink.(deferredSink); ok {
		r.files.Add(1)
		if err := s.PutDeferred(name, make); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return nil
	}
	return r.putMade(name, make())
}

// streamSink is a sink that can take a file as it is written.
type streamSink interface {
	PutWriter(name string, write func(io.Writer) error) error
}

// putStreamed is putDeferred for a file that may be too large to hold in
// memory: a sink that can take it as it is written gets write, the dev
// server gets make on request, other sinks make's bytes now.
func (r *renderer) putStreamed(name string, write func(io.Writer) error, make func() []byte) error {
	if s, ok := r.sink.(streamSink); ok {
		r.files.Add(1)
		if err := s.PutWriter(name, write); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return nil
	}
	return r.putDeferred(name, make)
}

// put hands one file to the sink.
func (r *renderer) put(name string, data []byte) error {
	r.files.Add(1)
	if err := r.sink.Put(name, data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// view returns a View for the output at url ("milestones/x/" or "404.html").
func (r *renderer) view(url, title string) *render.View {
	return &render.View{Site: r.site, URL: url, Root: rootOf(url), Title: title}
}

// rootOf is the relative path from the file at url to the site root.
func rootOf(url string) string {
	return strings.Repeat("../", strings.Count(url, "/"))
}

// progress colours counts by the configured thresholds.
func (r *renderer) progress(c status.Counts) render.Progress {
	return render.NewProgress(c, status.Color(c, thresholds(r.cfg)))
}

func thresholds(cfg config.Config) status.Thresholds {
	t := cfg.Thresholds
	return status.Thresholds{Green: t.Green, YellowGreen: t.YellowGreen, Yellow: t.Yellow, Orange: t.Orange}
}

// writePages renders every page, in parallel.
func (r *renderer) writePages(ctx context.Context) error {
	return forEach(ctx, len(r.pages), func(i int) error { return r.writePage(r.pages[i]) },
		func(done int) { r.in.report("rendering", done, len(r.pages)) })
}

// writeStatics copies the theme's static files.
func (r *renderer) writeStatics() error {
	for _, name := range render.SortedKeys(r.statics) {
		data, err := fs.ReadFile(r.statics[name], name)
		if err != nil {
			return fmt.Errorf("static %s: %w", name, err)
		}
		if err := r.put(name, data); err != nil {
			return err
		}
	}
	return nil
}

// writeAssets copies the content folder's attachments: the non-markdown
// files a page links to or embeds, or under static/.
func (r *renderer) writeAssets() error {
	linked := map[string]bool{}
	for _, p := range r.pages {
		for _, l := range p.lookups { // markdown links; an asset's URL is its path
			linked[l.url] = true
		}
	}
	for _, a := range r.set.Attachments(func(path string) bool { return linked[path] || len(r.links.backlinks[path]) > 0 }) {
		data, err := fs.ReadFile(r.parseEnv.contentFS, a.Path)
		if err != nil {
			return fmt.Errorf("%s%s: %w", r.prefix, a.Path, err)
		}
		if err := r.put(a.Path, data); err != nil {
			return err
		}
	}
	return nil
}

// tagURL is a tag page's URL.
func tagURL(tag string) string {
	s := slug.Make(tag)
	if s == "" {
		s = "tag"
	}
	return "tags/" + s + "/"
}
