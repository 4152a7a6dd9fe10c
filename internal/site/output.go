package site

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync/atomic"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/parse"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/view"
)

// renderer runs RESOLVE and RENDER over the parsed pages of one build.
type renderer struct {
	cfg     config.Config
	in      Input
	theme   *render.Theme
	set     *content.Set
	pages   []*parsed
	history *view.History // nil when not read
	statics map[string]fs.FS
	// attached are the content folder's files the site publishes
	// (attachments), found once RESOLVE has the links.
	attached []content.Asset
	sink     publish.Sink
	prefix   string
	// keptEntries counts the status.json entries taken from the last
	// build's file (Result.KeptEntries).
	keptEntries atomic.Int64
	// parseEnv is PARSE's environment, for the bodies of pages (from
	// the spool, or parsed again: parse.Env.Body).
	parseEnv *parse.Env

	// Memoised page renders: the previous build's (nil for a one-off
	// build) and this build's, with each page's input key.
	prevMemo, nextMemo *outputs.Memo
	prevLinks          *resolved       // the previous build's RESOLVE (dev server)
	prevPlan           *view.PlanReuse // the previous build's plan (dev server)
	keys               map[string][32]byte
	cfgKey             string
	themeKey           [32]byte
	siteKey            [32]byte // hash of the site-wide inputs of every page

	links *resolved
	views *view.Maker
	out   *outputs.Writer
	diags diag.List
}

// run resolves links and writes every output file.
func (r *renderer) run(ctx context.Context) (*Result, error) {
	r.links = resolveLinks(r.pages, r.set, r.statics, r.prefix, r.prevLinks)
	r.diags = append(r.diags, r.links.diags...)
	if r.nextMemo == nil {
		// Only a next build patches links against the index: a one-off
		// build lets it go before RENDER, where memory is at its height.
		r.links.graph.Index = nil
	}
	pages := make([]*view.Page, len(r.pages))
	for i, p := range r.pages {
		pages[i] = &p.Page.Page
	}
	r.views = view.New(view.In{
		Config: r.cfg, Now: r.in.Now, Version: r.in.Version, Prefix: r.prefix,
		Pages: pages, Folders: r.set.Folders,
		Links: r.links.graph.Resolutions, Backlinks: r.links.graph.Backlinks,
		History: r.history, PrevPlan: r.prevPlan,
		Static: r.static,
	})
	r.out = outputs.NewWriter(outputs.Options{
		Sink: r.sink, Minified: r.theme.Minified(), Prev: r.prevMemo, Next: r.nextMemo, Cached: r.in.Cached,
		Source: r.source,
	})
	r.siteKey = r.siteKeyOf()
	dirty := r.dirtyPages()
	r.collectAllWarnings(dirty)
	if r.nextMemo != nil {
		r.nextMemo.SiteKey = r.siteKey
		r.nextMemo.PlanSigs = make(map[string][32]byte, len(r.pages))
		for _, p := range r.pages {
			r.nextMemo.PlanSigs[p.Content.Path] = r.views.PlanSig(p.Content.Path)
		}
	}
	r.keys = r.pageKeys(dirty)
	r.in.report("rendering", 0, len(r.pages)) // RENDER starts: what it holds is made
	r.attached = r.attachments()
	if errs := r.attachmentClashes(r.attached); len(errs) > 0 {
		return &Result{Diagnostics: errs}, errs.Err()
	}
	steps := []func() error{
		r.writeStatics,
		r.writeAssets,
		r.writeListings,
		r.writeMachineFiles,
		func() error { return r.out.PutDeferred("search-index.js", r.views.SearchIndex) },
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
	total := r.views.Total()
	return &Result{Pages: len(r.pages), Files: r.out.Files(), Diagnostics: append(r.diags, r.out.Notes()...), Counts: total, Config: r.cfg, Outputs: r.out.Outputs(), KeptEntries: int(r.keptEntries.Load())}, nil
}

// source is the hash of the source page id was parsed from (false: id is
// not a page).
func (r *renderer) source(id string) ([32]byte, bool) {
	if p, ok := r.views.Page(id); ok {
		return p.Content.Hash, true
	}
	return [32]byte{}, false
}

// collectAllWarnings gathers every page's warnings, taking the last
// build's for pages an edit cannot have reached (dirty is as dirtyPages
// gives it), and reports staleness and pages without items.
func (r *renderer) collectAllWarnings(dirty map[string]bool) {
	warnings := make(map[string][]status.Warning, len(r.pages))
	own := make(map[string][]status.Warning, len(r.pages)) // without the plan's, for the next build
	for _, p := range r.pages {
		ws, kept := r.prevMemo.KeptWarnings(p.Content.Path, dirty)
		if !kept {
			ws = r.views.Warnings(&p.Page.Page)
		}
		own[p.Content.Path] = ws
		for _, w := range ws {
			if w.Kind == diag.KindStale || w.Kind == diag.KindNoItems {
				r.diags = append(r.diags, diag.Warnf(w.Kind, r.prefix+p.Content.Path, w.Line, 0, "%s", w.Message))
			}
		}
		// The plan's warnings are made afresh: another page's edit can
		// change them.
		if pws := r.views.PlanWarnings(p.Content.Path); len(pws) > 0 {
			ws = append(append(make([]status.Warning, 0, len(ws)+len(pws)), ws...), pws...)
			for _, w := range pws {
				r.diags = append(r.diags, diag.Warnf(w.Kind, r.prefix+p.Content.Path, w.Line, 0, "%s", w.Message))
			}
		}
		warnings[p.Content.Path] = ws
	}
	r.views.SetWarnings(warnings)
	if r.nextMemo != nil {
		r.nextMemo.Warnings = own
	}
}

// writePages renders every page, in parallel.
func (r *renderer) writePages(ctx context.Context) error {
	return parallel.ForEach(ctx, len(r.pages), func(i int) error { return r.writePage(r.pages[i]) },
		func(done int) { r.in.report("rendering", done, len(r.pages)) })
}

// static is one of the site's static files (the theme's, or the site's
// own in static/: "style.css"), nil when it has none or it cannot be read.
func (r *renderer) static(name string) []byte {
	fsys, ok := r.statics[name]
	if !ok {
		return nil
	}
	data, _ := fs.ReadFile(fsys, name)
	return data
}

// writeStatics copies the theme's static files.
func (r *renderer) writeStatics() error {
	for _, name := range render.SortedKeys(r.statics) {
		data, err := fs.ReadFile(r.statics[name], name)
		if err != nil {
			return fmt.Errorf("static %s: %w", name, err)
		}
		if err := r.out.Put(name, data); err != nil {
			return err
		}
	}
	return nil
}

// attachments are the content folder's files the site publishes: the
// non-markdown files a page links to or embeds, or under static/.
func (r *renderer) attachments() []content.Asset {
	linked := map[string]bool{}
	for _, p := range r.pages {
		for _, l := range p.Lookups { // markdown links; an asset's URL is its path
			linked[l.URL] = true
		}
	}
	return r.set.Attachments(func(path string) bool { return linked[path] || len(r.links.graph.Backlinks[path]) > 0 })
}

// attachmentClashes reports the attachments (attached) that have a
// static file's name (the site's static/ or the theme's: content/style.css
// beside the theme's style.css), or an index.html in a folder milepost
// writes its own pages into, each an error at the attachment.
func (r *renderer) attachmentClashes(attached []content.Asset) diag.List {
	var errs diag.List
	for _, a := range attached {
		if _, ok := r.statics[a.Path]; ok {
			errs = append(errs, diag.Errorf(r.prefix+a.Path, 0, 0, "a page links to it, and %s is a static file's name (the site's static/ or the theme's); rename the file", a.Path))
		} else if first, _, _ := strings.Cut(a.Path, "/"); content.ReservedFolder(first) && path.Base(a.Path) == "index.html" {
			errs = append(errs, diag.Errorf(r.prefix+a.Path, 0, 0, "a page links to it, and milepost writes its own pages into %s/; rename the file", first))
		}
	}
	return errs
}

// writeAssets copies the attachments.
func (r *renderer) writeAssets() error {
	for _, a := range r.attached {
		data, err := fs.ReadFile(r.parseEnv.ContentFS, a.Path)
		if err != nil {
			return fmt.Errorf("%s%s: %w", r.prefix, a.Path, err)
		}
		if err := r.out.Put(a.Path, data); err != nil {
			return err
		}
	}
	return nil
}

// writeMachineFiles writes status.json, the site and folder badges,
// robots.txt, sitemap.xml and the feed.
func (r *renderer) writeMachineFiles() error {
	err := r.out.PutStreamed(machine.StatusName, func(w io.Writer) error {
		kept := r.lastStatusEntries()
		var layout *machine.StatusLayout // where the entries go, for the next one-off build
		if r.out.RecordsEntries() {
			layout = &machine.StatusLayout{}
		}
		err := machine.WriteStatus(w, r.views.Status(), len(r.pages), layout, func(i int) ([]byte, func()) {
			p := r.pages[i]
			key := r.keys[p.Content.Path]
			if entry, ok := kept(p.Content.Path, key); ok {
				r.keptEntries.Add(1)
				return entry, nil
			}
			return r.out.Bytes("json:"+p.Content.Path, key, func() ([]byte, func()) {
				return machine.EncodePageShared(r.views.PageJSON(r.views.PageIn(&p.Page.Page), false))
			})
		})
		if err == nil && layout != nil {
			ids := make([]string, len(r.pages))
			for i, p := range r.pages {
				ids[i] = p.Content.Path
			}
			r.out.RecordEntries(ids, layout)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := r.views.RollupBadges(r.out.PutMade); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if r.cfg.BaseURL != "" {
		robots += "Sitemap: " + r.cfg.BaseURL + "sitemap.xml\n"
		if err := r.out.PutDeferred("sitemap.xml", r.views.Sitemap); err != nil {
			return err
		}
	}
	if err := r.out.Put("robots.txt", []byte(robots)); err != nil {
		return err
	}
	if r.views.HasChanges() {
		if err := r.out.PutDeferred("changes/feed.xml", r.views.ChangesFeed); err != nil {
			return err
		}
	}
	return r.out.PutDeferred("feed.xml", r.views.Feed)
}

// lastStatusEntries looks up the entries of the site's status.json the
// last one-off build wrote into the destination (Input.Held), when it is
// there as that build left it: the entry of a page whose key did not
// change is taken from it as it is, not made again (at 10k pages making
// them all took a tenth of a build after one edit).
func (r *renderer) lastStatusEntries() func(id string, key [32]byte) ([]byte, bool) {
	none := func(string, [32]byte) ([]byte, bool) { return nil, false }
	if r.in.Held == nil || len(r.in.Cached) == 0 {
		return none
	}
	if kept := r.out.LastEntries(r.keys, r.in.Held); kept != nil {
		return kept
	}
	return none
}
