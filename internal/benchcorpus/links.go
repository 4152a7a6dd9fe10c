package benchcorpus

import (
	"fmt"
	"net/url"
	"strings"
)

// Link is one wiki-link or embed a generated page contains, recorded so
// tests (and curious readers) can check what the corpus promises.
type Link struct {
	// Raw is the text between the brackets, as written: [[Raw]].
	Raw string
	// Form names the way the target is written: "path", "path-folded",
	// "path-md", "name", "name-folded", "relative", "title", "alias",
	// "same-page", "image" or "broken".
	Form string
	// Target is the path under content/ of the page (or image) the link is
	// meant to reach; empty for a link meant to be broken.
	Target string
	// Heading is the heading text the link names after '#', if any.
	Heading string
	// Embed is true for ![[…]].
	Embed bool
}

// brokenShare is the fraction of wiki-links written to point nowhere.
const brokenShare = 0.05

// pickTarget chooses a page to link to. A tenth of the links go to a small
// set of hub pages (the first 1% of the corpus), as real wikis have pages
// that everything links to; the rest are spread over all pages.
func pickTarget(r *rng, n int) int {
	if r.chance(0.1) {
		hubs := n / 100
		if hubs < 1 {
			hubs = 1
		}
		return r.intn(hubs)
	}
	return r.intn(n)
}

// wikiLink returns one [[…]] link from the page being written to a random
// page, in a random one of the forms people use, and records it.
func (w *pageWriter) wikiLink() string {
	r := w.r
	if r.chance(brokenShare) {
		return w.brokenLink()
	}
	t := &w.pages[pickTarget(r, len(w.pages))]
	l := Link{Target: t.path()}
	x := r.intn(100)
	switch {
	case x < 25:
		l.Form, l.Raw = "path", t.linkPath()
	case x < 35:
		l.Form, l.Raw = "path-folded", foldCaseAndSeparators(t.linkPath())
	case x < 38:
		l.Form, l.Raw = "path-md", t.path()
	case x < 65:
		l.Form, l.Raw = "name", t.name
	case x < 70:
		l.Form, l.Raw = "name-folded", foldCaseAndSeparators(t.name)
	case x < 78 && t.dir != w.page.dir:
		l.Form, l.Raw = "relative", relativePath(w.page.dir, t.dir)+"/"+t.name
	case x < 88 && t.frontMatter:
		l.Form, l.Raw = "title", t.title
	case x < 96 && len(t.aliases) > 0:
		l.Form, l.Raw = "alias", pick(r, t.aliases)
	case x < 98 && t.index != w.page.index:
		return w.samePageHeading()
	default:
		l.Form, l.Raw = "name", t.name
	}
	if r.chance(0.2) {
		l.Heading = pick(r, t.sections)
		l.Raw += "#" + l.Heading
	}
	label := ""
	if r.chance(0.3) {
		label = "|" + w.words(1, 3)
	}
	w.links = append(w.links, l)
	return "[[" + l.Raw + label + "]]"
}

// samePageHeading writes [[#Heading]] to one of the page's own sections.
func (w *pageWriter) samePageHeading() string {
	h := pick(w.r, w.page.sections)
	l := Link{Form: "same-page", Target: w.page.path(), Heading: h, Raw: "#" + h}
	w.links = append(w.links, l)
	return "[[" + l.Raw + "]]"
}

// brokenLink writes a link to a page that does not exist, shaped like the
// links people leave behind when a page is renamed or never written.
func (w *pageWriter) brokenLink() string {
	r := w.r
	raw := fmt.Sprintf("%s/%s_%d", pick(r, []string{"Plans", "Tasks", "Design", "Security", "Dev"}),
		strings.ReplaceAll(pick(r, topics), " ", "_"), r.intn(1000000)+len(w.pages)*10)
	w.links = append(w.links, Link{Form: "broken", Raw: raw})
	return "[[" + raw + "]]"
}

// embed writes ![[Page]] to a page with a lower index, so embeds never form
// a cycle.
func (w *pageWriter) embed() string {
	if w.page.index == 0 {
		return ""
	}
	t := &w.pages[w.r.intn(w.page.index)]
	l := Link{Form: "path", Raw: t.linkPath(), Target: t.path(), Embed: true}
	if w.r.chance(0.3) {
		l.Heading = pick(w.r, t.sections)
		l.Raw += "#" + l.Heading
	}
	w.links = append(w.links, l)
	return "![[" + l.Raw + "]]"
}

// mdLink writes an ordinary markdown link to another page's .md file,
// relative to the linking page and percent-encoded where needed.
func (w *pageWriter) mdLink() string {
	t := &w.pages[pickTarget(w.r, len(w.pages))]
	rel := relativePath(w.page.dir, t.dir) + "/" + t.name + ".md"
	return "[" + w.words(1, 4) + "](" + escapePath(rel) + ")"
}

// relativePath returns the slash path from folder from to folder to, both
// relative to the content root; "." when they are the same.
func relativePath(from, to string) string {
	f := strings.Split(from, "/")
	t := strings.Split(to, "/")
	common := 0
	for common < len(f) && common < len(t) && f[common] == t[common] {
		common++
	}
	parts := []string{}
	for range f[common:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[common:]...)
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}

// escapePath percent-encodes each segment of a slash path, as GitHub-style
// markdown links to files with spaces are written.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// foldCaseAndSeparators writes a path the way a wiki user might who does not
// care about case or separators: each word capitalised, spaces and hyphens
// as underscores (Otterwiki style, e.g. Tasks/MCP_Wiki_Routing). Resolvers
// that ignore case and treat ' ', '_' and '-' alike must still find it.
func foldCaseAndSeparators(p string) string {
	var b strings.Builder
	start := true
	for _, c := range p {
		switch c {
		case ' ', '-', '_':
			b.WriteByte('_')
			start = true
		case '/':
			b.WriteByte('/')
			start = true
		default:
			if start {
				b.WriteString(strings.ToUpper(string(c)))
			} else {
				b.WriteRune(c)
			}
			start = false
		}
	}
	return b.String()
}
