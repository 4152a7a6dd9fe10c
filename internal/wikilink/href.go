package wikilink

import (
	"net/url"
	"strings"
)

// RelHref is the href to target (a URL relative to the site root,
// unescaped, without fragment) from a file whose path to the site root is
// root: relative ("../../" for "milestones/x/", "" at the top) or, for a
// page served at any depth (404.html), the site's absolute base URL
// ("https://example.org/proj/"). With fileLinks, directory URLs name their
// index.html, so a site opened from the file system works. When the href
// starts with target itself (root ""), a first segment holding ':' gets
// "./" in front, so a file named "a:b.png" is never read as a URL scheme
// ("javascript:"); a root of its own already decides how the href is read.
//
//	RelHref("../../", "tasks/phase-4/", false) = "../../tasks/phase-4/"
//	RelHref("../", "", true)                   = "../index.html"
//	RelHref("", "javascript:x/", false)        = "./javascript:x/"
//	RelHref("https://e.org/p/", "a:b/", false) = "https://e.org/p/a:b/"
func RelHref(root, target string, fileLinks bool) string {
	if fileLinks && (target == "" || strings.HasSuffix(target, "/")) {
		target += "index.html"
	}
	if root != "" {
		return root + target
	}
	first := target
	if i := strings.IndexByte(target, '/'); i >= 0 {
		first = target[:i]
	}
	if target == "" || strings.Contains(first, ":") {
		return "./" + target
	}
	return target
}

// RootOf is the relative path from the file served at url
// ("milestones/x/", "404.html", "" for the home page) to the site root.
func RootOf(url string) string {
	return strings.Repeat("../", strings.Count(url, "/"))
}

// Href returns the escaped href of a resolved link from the page served at
// fromURL: the target's relative URL (RelHref) with "#anchor" appended,
// each path segment and the anchor percent-escaped. It returns "" for a
// broken link.
func Href(fromURL string, fileLinks bool, res Resolution) string {
	if res.Broken {
		return ""
	}
	target, frag := res.URL, ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	href := EscapePath(RelHref(RootOf(fromURL), target, fileLinks) + frag)
	if res.Anchor != "" {
		href += "#" + url.PathEscape(res.Anchor)
	}
	return href
}

// EscapePath percent-escapes each segment of a slash-separated URL path
// (url.PathEscape; "." and ".." are left as they are, as it leaves them).
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
