package wikilink

import (
	"net/url"
	"strings"
)

// RelURL returns the relative reference from the page served at fromURL to
// toURL. Both are relative to the site root, unescaped, without a leading
// '/' (one is ignored). A URL ending in '/' is a folder (directory-style
// links, "milestones/pre-launch/"); anything else is a file
// ("milestones/pre-launch/index.html" with file links, "img/x.png"). The
// page's own folder is everything up to its last '/', so both forms work as
// long as the build uses one form for all pages:
//
//	RelURL("milestones/pre-launch/", "tasks/phase-4/") = "../../tasks/phase-4/"
//	RelURL("milestones/pre-launch/index.html", "tasks/phase-4/index.html") = "../../tasks/phase-4/index.html"
//	RelURL("", "img/x.png") = "img/x.png"
//	RelURL("a/", "a/") = "./"
//
// A result whose first segment holds a ':' gets a "./" in front, so it can
// never be read as a scheme ("javascript:").
func RelURL(fromURL, toURL string) string {
	fromURL = strings.TrimLeft(fromURL, "/")
	toURL = strings.TrimLeft(toURL, "/")
	fromDir := splitPath(fromURL[:strings.LastIndexByte(fromURL, '/')+1])
	cut := strings.LastIndexByte(toURL, '/') + 1
	toDir, toFile := splitPath(toURL[:cut]), toURL[cut:]
	common := 0
	for common < len(fromDir) && common < len(toDir) && fromDir[common] == toDir[common] {
		common++
	}
	var b strings.Builder
	for range len(fromDir) - common {
		b.WriteString("../")
	}
	for _, s := range toDir[common:] {
		b.WriteString(s)
		b.WriteByte('/')
	}
	b.WriteString(toFile)
	rel := b.String()
	if rel == "" {
		return "./"
	}
	first := rel
	if i := strings.IndexByte(first, '/'); i >= 0 {
		first = first[:i]
	}
	if strings.IndexByte(first, ':') >= 0 {
		rel = "./" + rel
	}
	return rel
}

// Href returns the escaped href of a resolved link from the page served at
// fromURL: the relative URL of the target with "#anchor" appended, or only
// "#anchor" for a link into the same page. It returns "" for a broken link.
func Href(fromURL string, res Resolution) string {
	if res.Broken {
		return ""
	}
	var href string
	if res.URL != strings.TrimLeft(fromURL, "/") || res.Anchor == "" {
		href = escapePath(RelURL(fromURL, res.URL))
	}
	if res.Anchor != "" {
		href += "#" + escapeFragment(res.Anchor)
	}
	return href
}

// escapePath percent-escapes each segment of a relative path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// escapeFragment percent-escapes what may not stand in a URL fragment as
// written; '^', ':' and the like are kept so "#^id" reads as written.
func escapeFragment(f string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$'()*+,;=:@/?^", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
