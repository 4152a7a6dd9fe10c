// Package benchcorpus generates deterministic sites of status markdown for
// benchmarks: N pages shaped like real milestone plans, phase task lists,
// PRDs, status trackers, runbooks and design notes, linking each other with
// wiki-links in every form milepost resolves.
//
// In: a page count and a seed. Out: a site folder with content/ (pages in
// nested folders, some names with spaces and non-ASCII letters, YAML front
// matter on most pages, a few PNG images) and benchcorpus.json, a manifest
// naming the generator version, page count, seed and totals.
//
// The same count and seed always give a byte-identical tree: the package
// uses its own seeded generator, never the clock, and never iterates a map.
// Pages average about 3.4 KB, so 10,000 pages are about 34 MB of markdown.
// About 5% of wiki-links point at pages that do not exist, on purpose; every
// other link names a page (and heading) that the corpus contains.
//
// Generate writes a corpus to disk; Corpus.MapFS gives the same files in
// memory, for testing.B benchmarks of stages that take an fs.FS; Corpus.Page
// gives one page and the links it promises, for tests.
//
// The package writes only below the folder it is given; it reads nothing.
package benchcorpus

import (
	"fmt"
	"slices"
)

// Version changes whenever the generator's output for a given count and seed
// changes, so that cached corpora can be told apart from fresh ones.
const Version = 4

// Options select a corpus.
type Options struct {
	Pages int    // number of markdown pages, at least 1
	Seed  uint64 // the same Pages and Seed always give the same corpus
}

// Corpus is a planned corpus: every page's place, name, title and headings
// are fixed; page text is produced on demand by Page.
type Corpus struct {
	opts   Options
	pages  []page
	images int
}

// New plans a corpus.
func New(opts Options) (*Corpus, error) {
	if opts.Pages < 1 {
		return nil, fmt.Errorf("benchcorpus: need at least 1 page, got %d", opts.Pages)
	}
	return &Corpus{opts: opts, pages: planPages(opts.Pages, opts.Seed), images: imagesFor(opts.Pages)}, nil
}

// Len returns the number of pages.
func (c *Corpus) Len() int { return len(c.pages) }

// Images returns the number of image files.
func (c *Corpus) Images() int { return c.images }

// PagePath returns page i's path under content/, with "/" separators.
func (c *Corpus) PagePath(i int) string { return c.pages[i].path() }

// Page returns page i's path under content/, its markdown, and the
// wiki-links and embeds it contains.
func (c *Corpus) Page(i int) (path string, markdown []byte, links []Link) {
	md, links := renderPage(c.pages, i, c.opts.Seed, c.images)
	return c.pages[i].path(), md, links
}

// PageInfo describes what a page declares about itself, for checking links.
type PageInfo struct {
	Path     string   // under content/
	Title    string   // front matter title; empty without front matter
	Aliases  []string // front matter aliases
	Headings []string // H2 heading texts, in order
}

// Info returns what page i declares about itself.
func (c *Corpus) Info(i int) PageInfo {
	p := &c.pages[i]
	info := PageInfo{Path: p.path(), Aliases: append([]string(nil), p.aliases...), Headings: append([]string(nil), p.sections...)}
	if p.frontMatter {
		info.Title = p.title
	}
	return info
}

// ImagePath returns image i's path under content/.
func (c *Corpus) ImagePath(i int) string { return imageDir + "/" + imageName(i) }

// ImageBytes returns the bytes of every image (they are all the same tiny
// PNG; a site generator still has to copy each one).
func (c *Corpus) ImageBytes() []byte { return append([]byte(nil), tinyPNG...) }

// Folders returns the distinct folders under content/ that hold pages or
// images, sorted.
func (c *Corpus) Folders() []string {
	seen := map[string]bool{imageDir: true}
	out := []string{imageDir}
	for i := range c.pages {
		if d := c.pages[i].dir; !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}
