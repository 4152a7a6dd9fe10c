// Package render is the RENDER stage for HTML: it turns the view models the
// build assembles (pages, folders, home, tags, broken links) into HTML with
// the theme's html/template set, and holds the goldmark node renderers that
// give page bodies milepost's markup (section anchors, broken links). The
// default theme's page.html and its listings' cards and rows are drawn in
// Go to the same bytes when the theme is minified (page.go, fragments.go).
//
// In: a theme (the embedded default overlaid by a site's own templates/),
// view models. Out: bytes. It computes no status and resolves no links; it
// does no I/O beyond reading the theme fs.FS it is given.
package render

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/bufpool"
	"github.com/milepost/milepost/internal/keyhash"
)

// Page templates every theme has. A site overrides one by putting a file of
// the same name in its templates/ folder; layout.html, partials.html,
// timeline.html and graph.html are shared by all of them.
var PageTemplates = []string{"page.html", "home.html", "folder.html", "tags.html", "tag.html", "broken-links.html", "changes.html", "404.html", "person.html", "people.html"}

// LayoutIDs are the element ids the default theme's templates give (the
// main landmark, the search box, the headings of listings). Heading ids in
// pages never take one of them (markdown.Options.ReservedIDs), or a
// heading {#main} would make a page with two elements of one id.
// TestLayoutIDs keeps the list true.
var LayoutIDs = []string{
	"backlinks-title", "done-title", "folder-title", "folders-title", "graph-title", "main", "now-title", "open-title",
	"owned-title", "pages-title", "people-title", "person-title", "recent-title", "search-input",
	"search-results", "search-status", "site-title", "stale-title", "tagged-title", "upnext-title",
	"warnings-title",
}

// shared are parsed into every page template's set.
var shared = []string{"layout.html", "partials.html", "timeline.html", "graph.html"}

// Theme is a parsed template set, one per page template.
type Theme struct {
	sets     map[string]*template.Template
	minified bool
	// pageSum is the sum of the sources page.html's set was parsed from
	// (page.html and the shared templates, minified); drawPage is set
	// when it is nativePageSource and none came from the site.
	pageSum  string
	drawPage bool
	// stockPage is set when page.html's set is the built-in theme's.
	stockPage bool
	// drawPartials is set when partials.html is the default theme's,
	// minified into nativePartialsSource: its card and row call the Go
	// functions that draw them (drawnPartials). Those draw the default
	// "health" and "bar" too: a site that redefines one of them in a
	// file other than partials.html (its own page or graph template)
	// keeps the default ones in cards and rows.
	drawPartials bool
}

// LoadTheme parses the templates of base (the embedded theme, rooted at its
// templates folder), each replaced by the file of the same name in override
// when there is one (override may be nil).
//
// minify, when not nil, minifies each template's source before it is
// parsed (publish's MinifyTemplate); when it takes every one, Minified
// reports true and the pages the theme renders need no minifying.
func LoadTheme(base, override fs.FS, minify func(src string) (string, bool)) (*Theme, error) {
	read := func(name string) (string, string, error) {
		if override != nil {
			if b, err := fs.ReadFile(override, name); err == nil {
				return string(b), "templates/" + name, nil
			}
		}
		b, err := fs.ReadFile(base, name)
		return string(b), "theme:" + name, err
	}
	t := &Theme{sets: map[string]*template.Template{}, minified: minify != nil}
	var pageSources []string // name, source, … of page.html's set
	fromBase := true
	for _, page := range PageTemplates {
		set := template.New(page).Funcs(funcs)
		for _, name := range append(append([]string{}, shared...), page) {
			text, origin, err := read(name)
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}
			tmpl := set
			if name != page {
				tmpl = set.New(name)
			}
			minified := false
			if minify != nil {
				text, minified = minify(text)
				t.minified = t.minified && minified
			}
			if _, err := tmpl.Parse(text); err != nil {
				return nil, fmt.Errorf("%s: %w", origin, err)
			}
			if name == "partials.html" {
				t.drawPartials = minified && !strings.HasPrefix(origin, "templates/") && sourceSum(name, text) == nativePartialsSource
				if t.drawPartials {
					for _, p := range drawnPartials {
						if _, err := set.New(p.name).Parse(p.calls); err != nil {
							return nil, err
						}
					}
				}
			}
			if page == "page.html" {
				pageSources = append(pageSources, name, text)
				fromBase = fromBase && !strings.HasPrefix(origin, "templates/")
			}
		}
		t.sets[page] = set
	}
	t.pageSum = sourceSum(pageSources...)
	t.drawPage = t.minified && fromBase && t.pageSum == nativePageSource
	t.stockPage = fromBase
	return t, nil
}

// StockPage reports whether page.html and the templates it uses are the
// built-in theme's, which show a page's body once, as it is, and nothing
// else made from it. A site's own may do anything with the body.
func (t *Theme) StockPage() bool { return t.stockPage }

// drawnPartials are the partials of the default theme drawn in Go (see
// fragments.go), and what each is defined as when they are: a call of
// its function. A site's own partials.html keeps its own.
var drawnPartials = []struct{ name, calls string }{
	{"card", "{{card .}}"},
	{"row", "{{row .}}"},
}

// nativePartialsSource is the sum of the default partials.html, minified,
// whose card and row ListingCard and ListingRow draw (sourceSum).
const nativePartialsSource = "1d895020668cf6770ff307348ff5df238a38dbc33e1458d4b0b9796090e5d649"

// sourceSum is the sum of templates' names and sources, as parsed
// (name, source, name, source, …).
func sourceSum(namesAndSources ...string) string {
	var k keyhash.Buf
	k.Str(namesAndSources...)
	sum := k.Sum()
	return hex.EncodeToString(sum[:])
}

// nativePageSource is the sum of the minified default templates that
// drawPage (page.go) writes the output of. A theme whose page.html, or any
// template it runs, is another (a site's own file, a change to the
// default theme not yet carried into page.go, a theme not minified) runs
// its templates instead.
const nativePageSource = "70e105285668a4bb87efff5c1775b3b8c88e7e34e10197da746b9b324c625919"

// Minified reports whether every template was minified when loaded.
func (t *Theme) Minified() bool { return t.minified }

// Execute runs the page template name (one of PageTemplates) with data.
func (t *Theme) Execute(name string, data any) ([]byte, error) {
	out, release, err := t.ExecuteShared(name, data)
	if err != nil {
		return nil, err
	}
	defer release()
	return bytes.Clone(out), nil
}

// ExecuteShared is Execute into a buffer the theme uses again once the
// caller calls release, after which out must not be used: for a caller
// that hands the page to a sink that does not keep it (copying every page
// out of the buffer was a twentieth of a cold build's allocation).
func (t *Theme) ExecuteShared(name string, data any) (out []byte, release func(), err error) {
	set, ok := t.sets[name]
	if !ok {
		return nil, nil, fmt.Errorf("no template %s", name)
	}
	buf := bufpool.Get()
	release = func() { bufpool.Put(buf) }
	if v, ok := data.(*View); ok && name == "page.html" && t.drawPage {
		drawPage(buf, v)
	} else if err := set.ExecuteTemplate(buf, name, data); err != nil {
		release()
		return nil, nil, err
	}
	return buf.Bytes(), release, nil
}

// StaticFiles lists the files of the embedded static folder and of a site's
// own static folder (which wins), as output path → the fs.FS that has it.
// Every regular file is published as it is, dot-files and dot-folders
// included (.htaccess, .nojekyll, .well-known/): a file in static/ is there
// to be served. Only .git folders are left out, and links and other
// entries that are not regular files (see rawfile.Unreadable).
func StaticFiles(base, override fs.FS) (map[string]fs.FS, error) {
	out := map[string]fs.FS{}
	for _, fsys := range []fs.FS{base, override} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && strings.EqualFold(d.Name(), ".git") {
				return fs.SkipDir
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			out[p] = fsys
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SortedKeys returns m's keys in order, for deterministic output.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// FilesKey hashes every file of fss, with its name: a theme's templates
// and static files, to tell whether they changed.
func FilesKey(fss ...fs.FS) [32]byte {
	var k keyhash.Buf
	for _, fsys := range fss {
		if fsys == nil {
			continue
		}
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if data, err := fs.ReadFile(fsys, p); err == nil {
				k.Str(p, string(data))
			}
			return nil
		})
	}
	return k.Sum()
}
