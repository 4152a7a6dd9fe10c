package content

import (
	"path"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/slug"
)

// Reserved names at the output root: milepost writes these itself. The
// folders among them (reservedFolders) hold its own pages, so no page may
// be written anywhere under them.
var Reserved = []string{"tags", "broken-links", "people", "changes", "status.json", "badge.svg", "badge.json", "feed.xml", "404.html", "robots.txt", "sitemap.xml", "search-index.js", "badges", "_milepost"}

var reservedFolders = map[string]bool{"tags": true, "broken-links": true, "people": true, "changes": true, "badges": true, "_milepost": true}

// pageFiles are the files milepost always writes in a page's output
// folder, folderFiles in a folder's, rootFiles at the root; pages' and
// folders' feeds depend on the configuration (outputFolders says), and
// the sitemap on a base URL.
var (
	pageFiles   = map[string]bool{"index.html": true, "status.json": true, "badge.svg": true, "badge.json": true}
	folderFiles = map[string]bool{"index.html": true, "badge.svg": true, "badge.json": true}
	rootFiles   = map[string]bool{"index.html": true, "status.json": true, "badge.svg": true, "badge.json": true, "feed.xml": true, "404.html": true, "robots.txt": true, "search-index.js": true}
)

// outputFolders are the output folders milepost writes pages into: the
// source each stands for ("content/x.md", "content/d/"), by URL; and
// whether pages' and folders' feeds are written there.
type outputFolders struct {
	pages, folders         map[string]string
	pageFeeds, folderFeeds bool
}

// generatedAt names what milepost always writes at output name: "the
// page content/x.md", "the folder content/d/" or "the site"; "" for a
// name it does not.
func (o outputFolders) generatedAt(name string) string {
	dir, file := path.Split(name)
	if dir == "" && rootFiles[file] {
		return "the site"
	}
	if src, ok := o.pages[dir]; ok && (pageFiles[file] || o.pageFeeds && file == "feed.xml") {
		return "the page " + src
	}
	if src, ok := o.folders[dir]; ok && (folderFiles[file] || o.folderFeeds && file == "feed.xml") {
		return "the folder " + src
	}
	return ""
}

// URLFor returns the output URL of a content-relative markdown path:
// folders and the file name are slugged, "index.md" and "README.md" stand
// for their folder. isFolderPage reports the latter.
func URLFor(p string) (url string, isFolderPage bool) {
	dir, file := path.Split(p)
	name := strings.TrimSuffix(file, path.Ext(file))
	folder := FolderURL(strings.TrimSuffix(dir, "/"))
	if isIndexName(name) {
		return folder, true
	}
	s := slug.Make(name)
	if s == "" {
		s = "page"
	}
	return folder + s + "/", false
}

// FolderURL is the output URL of a content folder: "Tasks/Phase 4" → "tasks/phase-4/".
func FolderURL(dir string) string {
	if dir == "" || dir == "." {
		return ""
	}
	var b strings.Builder
	for _, seg := range strings.Split(dir, "/") {
		s := slug.Make(seg)
		if s == "" {
			s = "folder"
		}
		b.WriteString(s)
		b.WriteByte('/')
	}
	return b.String()
}

// assignURLs gives every page its URL and folder, makes foo.md the page of
// folder foo/ when foo/ has no index of its own, and reports clashes.
func assignURLs(set *Set, prefix string) diag.List {
	var errs diag.List
	folders := map[string]bool{}
	for _, p := range set.Pages {
		p.Folder = path.Dir(p.Path)
		if p.Folder == "." {
			p.Folder = ""
		}
		for d := p.Folder; d != ""; d = parent(d) {
			folders[d] = true
		}
		p.URL, p.IsIndex = URLFor(p.Path)
	}
	// foo.md beside foo/ is foo/'s page when foo/ has no index.md/README.md:
	// the page whose URL is the folder's (so v1.md is the page of v1./ too,
	// both at v1/).
	hasIndex := map[string]bool{}
	for _, p := range set.Pages {
		if p.IsIndex {
			hasIndex[p.URL] = true
		}
	}
	folderAt := map[string]bool{}
	for d := range folders {
		folderAt[FolderURL(d)] = true
	}
	for _, p := range set.Pages {
		if !p.IsIndex && folderAt[p.URL] && !hasIndex[p.URL] {
			p.IsIndex = true
			hasIndex[p.URL] = true
		}
	}
	byURL := map[string]*Page{}
	reserved := map[string]bool{}
	for _, r := range Reserved {
		reserved[r] = true
	}
	for _, p := range set.Pages {
		first, _, deeper := strings.Cut(strings.TrimSuffix(p.URL, "/"), "/")
		if p.URL != "" && reserved[first] && !deeper {
			errs = append(errs, diag.Errorf(prefix+p.Path, 1, 0, "page would be written to %s, a name milepost reserves for its own output; rename the file", p.URL))
			continue
		}
		if deeper && reservedFolders[first] {
			errs = append(errs, diag.Errorf(prefix+p.Path, 1, 0, "page would be written to %s, under %s/, a folder milepost reserves for its own pages; rename the folder", p.URL, first))
			continue
		}
		if other, ok := byURL[p.URL]; ok {
			errs = append(errs, diag.Errorf(prefix+p.Path, 1, 0, "%s%s and %s%s both map to the URL /%s; rename one of them", prefix, p.Path, prefix, other.Path, p.URL))
			continue
		}
		byURL[p.URL] = p
	}
	sortedFolders := make([]string, 0, len(folders))
	for d := range folders {
		sortedFolders = append(sortedFolders, d)
	}
	sort.Strings(sortedFolders)
	folderURLs := map[string]string{}
	for _, d := range sortedFolders {
		u := FolderURL(d)
		if other, ok := folderURLs[u]; ok { // "Tasks" and "tasks": one listing each, one URL
			errs = append(errs, diag.Errorf(prefix+d+"/", 0, 0, "folders %s%s/ and %s%s/ both map to the URL /%s; rename one of them", prefix, other, prefix, d, u))
			continue
		}
		folderURLs[u] = d
	}
	// Folders' feeds are on unless the configuration turns them off,
	// which LOAD does not know: an attachment at a folder's feed.xml is a
	// clash as by default.
	out := outputFolders{pages: map[string]string{}, folders: map[string]string{}, folderFeeds: true}
	for u, p := range byURL {
		out.pages[u] = prefix + p.Path
	}
	for u, d := range folderURLs {
		out.folders[u] = prefix + d + "/"
	}
	assetURLs := map[string]string{}
	for _, a := range set.Assets {
		what := out.generatedAt(a.Path)
		if what != "" {
			errs = append(errs, diag.Errorf(prefix+a.Path, 0, 0, "file clashes with the %s milepost writes for %s; rename the file", path.Base(a.Path), what))
		}
		lower := strings.ToLower(a.Path)
		if other, ok := assetURLs[lower]; ok {
			errs = append(errs, diag.Errorf(prefix+a.Path, 0, 0, "%s and %s%s differ only in case and would clash on case-insensitive hosts", a.Path, prefix, other))
		}
		assetURLs[lower] = a.Path
		if what == "" && !strings.Contains(a.Path, "/") && reserved[a.Path] {
			errs = append(errs, diag.Errorf(prefix+a.Path, 0, 0, "%s is a name milepost reserves for its own output; rename the file", a.Path))
		}
	}
	set.Folders = append(set.Folders, sortedFolders...)
	return errs
}

func parent(d string) string {
	i := strings.LastIndexByte(d, '/')
	if i < 0 {
		return ""
	}
	return d[:i]
}

// FolderTitle reads a title out of a folder path: "tasks/phase_4" → "Phase 4".
func FolderTitle(dir string) string {
	return titleFromFileName(path.Base(dir) + ".md")
}

// StaticClashes reports the site's static files (statics: their output
// names, the theme's and the site's static/) at the name of a file
// milepost always writes for the site, a page or a folder
// (static/index.html, or static/milestones/launch/status.json beside the
// page's own), each an error at the file to rename. (An attachment at a
// static file's name is the renderer's to report: only the attachments
// pages link to are written.)
//
// pageFeeds and folderFeeds say whether the configuration has pages' and
// folders' feeds written; an index.html in a folder milepost writes its
// own pages into (people/, tags/ …) clashes with them too.
func StaticClashes(set *Set, statics []string, prefix string, pageFeeds, folderFeeds bool) diag.List {
	out := outputFolders{pages: map[string]string{}, folders: map[string]string{}, pageFeeds: pageFeeds, folderFeeds: folderFeeds}
	for _, p := range set.Pages {
		out.pages[p.URL] = prefix + p.Path
	}
	for _, d := range set.Folders {
		out.folders[FolderURL(d)] = prefix + d + "/"
	}
	var errs diag.List
	for _, name := range statics {
		if what := out.generatedAt(name); what != "" {
			errs = append(errs, diag.Errorf("static/"+name, 0, 0, "clashes with the %s milepost writes for %s; rename the file", path.Base(name), what))
		} else if first, _, _ := strings.Cut(name, "/"); reservedFolders[first] && path.Base(name) == "index.html" {
			errs = append(errs, diag.Errorf("static/"+name, 0, 0, "milepost writes its own pages into %s/; rename the file", first))
		}
	}
	return errs
}

// ReservedFolder reports whether milepost writes its own pages into the
// output folder of that name (people, tags …).
func ReservedFolder(name string) bool { return reservedFolders[name] }
