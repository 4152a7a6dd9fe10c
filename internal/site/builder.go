package site

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync/atomic"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/parse"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/spool"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// Builder builds a site again and again into memory (BuildServed,
// BuildFiles). With Input.Mode Again it re-parses only pages whose bytes
// (or whose markdown links' targets) changed since the last build, and
// everything when the config changed; the dev server keeps one. A one-off
// build uses Build. A Builder is not safe for concurrent use.
type Builder struct {
	in     Input
	cfgKey string             // the settings the cache was made with
	cache  map[string]*parsed // by content path
	// oneOff builders spool bodies to disk and keep no cache: memory is
	// what matters for a single build of a big site.
	oneOff bool
	// memo holds the last build's rendered pages, links its RESOLVE and
	// plan its plan (not for one-off builds).
	memo  *outputs.Memo
	links *resolved
	plan  *view.PlanReuse
	// set is the last load, of the content folder at setPrefix: its pages
	// are reused when the caller says which files changed and theirs did
	// not.
	set       *content.Set
	setPrefix string
	// setSelection is the include and exclude globs the last load used.
	setSelection string
	// lastMemory holds the last build's files, for BuildServed to start
	// the next build from.
	lastMemory *publish.Memory
	// The last build's parser settings and theme, kept while their
	// inputs are the same.
	env      *parse.Env
	envKey   string
	targets  *wikilink.Paths // the last build's markdown link targets
	theme    *render.Theme
	themeKey [32]byte
	// history is the last history read, while historyKey (HEAD and the
	// settings) is the same.
	history    *view.History
	historyKey string
	// historyCache is what the last history read left for the next
	// (githistory.Options.Cache).
	historyCache *githistory.Cache
}

// parsed is a page as PARSE left it, and whether this build parsed it.
type parsed struct {
	parse.Page
	// fresh says the page was parsed in this build (not taken from the
	// Builder's cache); prevSummary is then the summary signature of the
	// page's previous parse, when there was one (hadPrev).
	fresh, hadPrev bool
	prevSummary    [32]byte
}

// NewBuilder returns a Builder for in with an empty cache.
func NewBuilder(in Input) *Builder {
	return &Builder{in: in, cache: map[string]*parsed{}, oneOff: in.Mode == Once}
}

// build runs every stage and writes the site to sink. On error nothing
// more is written; the caller aborts the sink.
//
// changed lists the files (relative to the site root) that changed since
// the previous call; other content files whose size and modification time
// are unchanged are not read again. nil means unknown: every file is read.
func (b *Builder) build(ctx context.Context, sink publish.Sink, changed []string) (*Result, error) {
	cfg, diags := ReadConfig(b.in)
	if err := diags.Err(); err != nil {
		return &Result{Diagnostics: diags}, err
	}
	folder, err := b.in.openContent(cfg.ContentDir)
	if err != nil {
		d := diag.List{diag.Errorf(cfg.ContentDir, 0, 0, "%v", err)}
		return &Result{Diagnostics: d}, d.Err()
	}
	contentFS := folder.FS
	prefix := cfg.ContentDir + "/"
	changed = renamePrefix(changed, folder.Rel+"/", prefix)
	opts := content.Options{Prefix: prefix, Drafts: b.in.Drafts, Include: cfg.Include, Exclude: cfg.Exclude, Ignored: folder.Ignored}
	set, loadDiags, onlyEdits := b.load(contentFS, opts, changed)
	diags = append(diags, loadDiags...)

	themeSum := render.FilesKey(b.in.ThemeTemplates, subIfExists(b.in.Site, "templates"), b.in.ThemeStatic, subIfExists(b.in.Site, "static"))
	// Only pages edited, and the same static files: every path a markdown
	// link can find is where it was.
	samePaths := onlyEdits && b.theme != nil && b.themeKey == themeSum
	theme, err := b.loadTheme(sink, themeSum)
	if err != nil {
		diags = append(diags, diag.Errorf("", 0, 0, "theme: %v", err))
	}
	statics, err := render.StaticFiles(b.in.ThemeStatic, subIfExists(b.in.Site, "static"))
	if err != nil {
		diags = append(diags, diag.Errorf("static", 0, 0, "%v", err))
	}
	diags = append(diags, content.StaticClashes(set, render.SortedKeys(statics), prefix, cfg.Feeds.Pages, cfg.Feeds.Folders)...)
	diags = append(diags, content.Skipped(subIfExists(b.in.Site, "templates"), "templates/")...)
	diags = append(diags, content.Skipped(subIfExists(b.in.Site, "static"), "static/")...)
	tolerated := 0 // errors KeepGoing goes on past
	if b.in.KeepGoing {
		tolerated = pageErrors(set)
	}
	if err := diags.Err(); err != nil && len(diags.Errors()) > tolerated {
		diags.Sort()
		return &Result{Diagnostics: diags}, err
	}

	cfgKey := settingsKey(cfg, b.in.Drafts)
	env, sameTargets := b.parseEnv(cfg, cfgKey, set, statics, prefix, samePaths)
	env.ContentFS = contentFS
	if b.oneOff {
		if env.Spool, err = spool.New(); err != nil {
			return &Result{Diagnostics: diags}, err
		}
		defer env.Spool.Close()
		if len(b.in.Cached) > 0 {
			// A page parsed from the source its kept files were made
			// from is likely kept again: its body is rendered only if not.
			env.LaterBody = func(path string, source [32]byte) bool {
				old, ok := b.in.Cached[path]
				return ok && old.Source == source
			}
		}
	}
	if cfgKey != b.cfgKey { // the settings that shape parsing changed
		b.cache, b.cfgKey = map[string]*parsed{}, cfgKey
	}
	sumKey := summaryKey(cfgKey, prefix, b.in.Version)
	// HISTORY needs only the pages' paths and the parser: it runs beside
	// PARSE (git log and cat-file are other processes).
	history := b.startHistory(ctx, cfg, folder, env, set.Pages)
	pages, parsedCount, err := b.parseAll(ctx, env, set, sameTargets, sumKey)
	b.in.Summaries = nil // decoded where used; the file's bytes can go
	hist := history()
	if err != nil {
		return &Result{Diagnostics: diags}, err
	}
	for _, p := range pages {
		diags = append(diags, p.Diags...)
	}
	if err := diags.Err(); err != nil && len(diags.Errors()) > tolerated {
		diags.Sort()
		return &Result{Diagnostics: diags}, err
	}

	r := &renderer{cfg: cfg, in: b.in, theme: theme, set: set, pages: pages, statics: statics, sink: sink, prefix: prefix, parseEnv: env, history: hist}
	r.themeKey = themeSum
	r.cfgKey = cfgKey
	if !b.oneOff {
		r.prevMemo, r.nextMemo = b.memo, outputs.NewMemo()
		r.prevLinks, r.prevPlan = b.links, b.plan
	}
	res, err := r.run(ctx)
	if err == nil && r.nextMemo != nil {
		b.memo, b.links, b.plan = r.nextMemo, r.links, r.views.PlanReuse()
	}
	if res != nil {
		res.Parsed = parsedCount
		res.History = historyNote(hist)
		res.pages, res.summaryKey = pages, sumKey
		if hist != nil {
			res.historyCache = b.historyCache
		}
		diags = append(diags, res.Diagnostics...)
		res.Diagnostics = diags
		res.Diagnostics.Sort()
		if err == nil && tolerated > 0 {
			err = diags.Err() // the errors KeepGoing went on past
		}
	}
	return res, err
}

// pageErrors counts the errors LOAD reported at pages it still read and
// builds (content.Page.Diags: their front matter). A draft's are not
// counted: never more than the build's errors at such pages, so any other
// error (a theme's, a clash) still stops it.
func pageErrors(set *content.Set) int {
	n := 0
	for _, p := range set.Pages {
		n += len(p.Diags.Errors())
	}
	return n
}

// load runs LOAD. A rebuild told that only pages were edited reads just
// those (content.Update); one told which files changed reads the named
// files and reuses the others' pages; else every file is read.
func (b *Builder) load(contentFS fs.FS, opts content.Options, changed []string) (set *content.Set, diags diag.List, onlyEdits bool) {
	prefix := opts.Prefix
	if b.setSelection != fmt.Sprint(opts.Include, opts.Exclude) {
		changed = nil // other files are selected: read everything
	}
	if edited, ok := b.editedPages(prefix, changed); ok {
		if s, d, ok := content.Update(b.set, contentFS, edited, opts); ok {
			set, diags, onlyEdits = s, d, true
		}
	}
	if set == nil {
		opts.Reuse = b.reuse(prefix, changed)
		if opts.Reuse == nil && b.oneOff {
			opts.Reuse, b.in.Loaded = b.in.Loaded, nil // asked once: what it holds can go
		}
		set, diags = content.Load(contentFS, opts)
	}
	b.set, b.setPrefix, b.setSelection = set, prefix, fmt.Sprint(opts.Include, opts.Exclude)
	return set, diags, onlyEdits
}

// editedPages lists, content-relative, the markdown files among changed
// when every changed file of the content folder is one, and the last load
// read the same folder. Files outside the folder (templates, config) do
// not change what LOAD reads.
func (b *Builder) editedPages(prefix string, changed []string) ([]string, bool) {
	if changed == nil || b.oneOff || b.set == nil || b.setPrefix != prefix {
		return nil, false
	}
	var edited []string
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, prefix)
		if !inContent {
			continue
		}
		if !strings.EqualFold(path.Ext(rel), ".md") {
			return nil, false
		}
		edited = append(edited, rel)
	}
	return edited, true
}

// parseEnv is parse.NewEnv, keeping the last build's parser and status
// settings while the configuration is the same: building the parser (the
// sanitiser's policy, the emoji table) is a few milliseconds a dev-server
// rebuild need not spend. With samePaths (no file came or went) it keeps
// the last build's link targets too, and says so: every markdown link then
// finds what it found before.
func (b *Builder) parseEnv(cfg config.Config, cfgKey string, set *content.Set, statics map[string]fs.FS, prefix string, samePaths bool) (env *parse.Env, sameTargets bool) {
	if b.env != nil && b.envKey == cfgKey+"\x00"+prefix {
		cp := *b.env
		env, sameTargets = &cp, samePaths && b.targets != nil
		if sameTargets {
			env.Targets = b.targets
		} else {
			env.Targets = parse.Targets(set, render.SortedKeys(statics))
		}
	} else {
		env = parse.NewEnv(cfg, parse.Targets(set, render.SortedKeys(statics)), prefix)
	}
	env.Spool = nil
	if !b.oneOff {
		b.env, b.envKey, b.targets = env, cfgKey+"\x00"+prefix, env.Targets
	}
	return env, sameTargets
}

// loadTheme loads the theme, minified by the sink when it minifies, or
// keeps the last build's while its files (key) are the same: a Builder
// builds into memories of its own, which do not minify.
func (b *Builder) loadTheme(sink publish.Sink, key [32]byte) (*render.Theme, error) {
	if b.theme != nil && b.themeKey == key {
		return b.theme, nil
	}
	theme, err := render.LoadTheme(b.in.ThemeTemplates, subIfExists(b.in.Site, "templates"), sink.MinifyTemplate)
	if err == nil && !b.oneOff {
		b.theme, b.themeKey = theme, key
	}
	return theme, err
}

// reuse answers content.Load's question for a rebuild: every page the
// watcher did not name as changed is the one read before. Without a list
// of changes (the first build, or a watcher that lost track) nothing is
// reused.
func (b *Builder) reuse(prefix string, changed []string) func(string) (*content.Page, bool) {
	if changed == nil || b.oneOff || b.set == nil || b.setPrefix != prefix {
		return nil
	}
	return content.ReuseExcept(b.set, prefix, changed)
}

// ReadConfig reads milepost.yaml when the site has one, and applies the
// command line's overrides.
func ReadConfig(in Input) (config.Config, diag.List) {
	return config.Read(in.Site, config.Overrides{ContentDir: in.ContentDir, FileLinks: in.FileLinks, BaseURL: in.BaseURL})
}

// renamePrefix names the changed files under the content folder by the
// folder's name as written (an absolute folder is reported relative to
// the site root): the loader matches them against that.
func renamePrefix(changed []string, from, to string) []string {
	if from == "/" || from == to || changed == nil {
		return changed
	}
	out := make([]string, len(changed))
	for i, c := range changed {
		if rest, ok := strings.CutPrefix(c, from); ok {
			c = to + rest
		}
		out[i] = c
	}
	return out
}

// openContent opens the content folder dir with in.OpenContent, or inside
// the site root, and checks that it is a readable folder.
func (in Input) openContent(dir string) (content.Folder, error) {
	if in.OpenContent != nil {
		return in.OpenContent(dir)
	}
	sub, err := fs.Sub(in.Site, dir)
	if err != nil {
		return content.Folder{}, fmt.Errorf("content folder %s is outside the site root", dir)
	}
	return content.Folder{FS: sub}, content.CheckFolder(sub, dir)
}

func subIfExists(fsys fs.FS, dir string) fs.FS {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}

// settingsKey names the settings a build was made with: every config
// value, and whether drafts are in.
func settingsKey(cfg config.Config, drafts bool) string {
	return fmt.Sprintf("%+v|%v", cfg, drafts)
}

// parseAll parses every page, in parallel, reusing cached results for
// pages whose bytes and link targets are unchanged.
// With sameTargets, a cached page's markdown links are known to resolve as
// before and are not looked up again. A page not in the cache may have a
// summary from an earlier build (Input.Summaries, made with the settings
// summaryKey names): it is taken when its links still resolve, and its
// body is left for later.
func (b *Builder) parseAll(ctx context.Context, env *parse.Env, set *content.Set, sameTargets bool, summaryKey string) ([]*parsed, int, error) {
	out := make([]*parsed, len(set.Pages))
	var fresh atomic.Int64
	err := parallel.ForEach(ctx, len(set.Pages), func(i int) error {
		p := set.Pages[i]
		old, ok := b.cache[p.Path]
		if ok && old.Content.Hash == p.Hash && (sameTargets || env.Targets.StillFound(old.Lookups)) {
			reused := *old
			reused.Content, reused.fresh = p, false
			out[i] = &reused
			return nil
		}
		if !ok {
			if sum := b.in.Summaries.Lookup(summaryKey, p.Path, p.Hash); sum != nil {
				if kept := (&parsed{Page: parse.Page{Page: view.Page{Content: p, Page: *sum}, BodyLater: true}}); env.Targets.StillFound(kept.Lookups) {
					out[i] = kept
					return nil
				}
			}
		}
		out[i] = &parsed{Page: *env.Parse(p)}
		out[i].fresh = true
		if ok {
			out[i].hadPrev, out[i].prevSummary = true, old.SummarySig
		}
		fresh.Add(1)
		return nil
	}, func(done int) { b.in.report("parsing", done, len(set.Pages)) })
	if err != nil {
		return nil, 0, err
	}
	cache := make(map[string]*parsed, len(out))
	for _, p := range out {
		cache[p.Content.Path] = p
	}
	b.cache = cache
	return out, int(fresh.Load()), nil
}
