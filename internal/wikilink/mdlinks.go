package wikilink

import (
	"net/url"
	"path"
	"strings"

	"github.com/milepost/milepost/internal/slug"
	"github.com/yuin/goldmark/ast"
)

// Markdown links ([text](dest), ![alt](dest)) are resolved in PARSE, as
// soon as the paths of the site are known: a relative destination names a
// page, folder, asset or static file by its path, and is rewritten to that
// output's URL relative to the linking page.

// AttrBroken marks a markdown link or image whose destination the build
// could not find; its value is the destination as written. The body
// renderer (package render) shows such a link as broken.
const AttrBroken = "data-broken"

// NotFound is the URL of a Lookup that found nothing.
const NotFound = "\x00"

// Lookup is one markdown link destination (content-relative, as written)
// and the output URL it found (NotFound when it found nothing), so a
// cached page can tell whether its links would still resolve the same
// way.
type Lookup struct {
	Key, URL string
}

// BrokenRef is a markdown link to nothing, for the broken-links page.
type BrokenRef struct {
	Line   int
	Target string
}

// BrokenMarkdown is a markdown link to nothing, with its position.
type BrokenMarkdown struct {
	Line, Col int
	Dest, Key string
}

// Paths maps what a markdown link may point at (content-relative paths,
// matched without regard to case) to output URLs.
type Paths struct {
	byPath map[string]string
}

// NewPaths returns an empty map that finds "" (the site root).
func NewPaths() *Paths {
	return &Paths{byPath: map[string]string{"": ""}}
}

// Add makes path find url, replacing what it found.
func (t *Paths) Add(path, url string) { t.byPath[pathKey(path)] = url }

// pathKey is the form paths are looked up in: lower case, composed (a
// link typed "é" finds a file macOS named with a combining accent).
func pathKey(path string) string { return strings.ToLower(slug.NFC(path)) }

// AddNew makes path find url unless it finds something already.
func (t *Paths) AddNew(path, url string) {
	k := pathKey(path)
	if _, ok := t.byPath[k]; !ok {
		t.byPath[k] = url
	}
}

// Find returns the output URL for key, a content-relative path, or
// NotFound.
func (t *Paths) Find(key string) string {
	if u, ok := t.byPath[pathKey(strings.TrimSuffix(key, "/"))]; ok {
		return u
	}
	return NotFound
}

// StillFound reports whether every look-up finds what it found before.
func (t *Paths) StillFound(lookups []Lookup) bool {
	for _, l := range lookups {
		if t.Find(l.Key) != l.URL {
			return false
		}
	}
	return true
}

// RewriteMarkdown points the relative markdown links and images of doc,
// the body of the page at pageURL in content folder folder, at the pages
// and files they name, relative to pageURL. A link to nothing gets the
// AttrBroken attribute and is returned among broken. lookups lists every
// destination looked up, in document order.
func RewriteMarkdown(doc ast.Node, lines Positions, folder, pageURL string, t *Paths, fileLinks bool) (lookups []Lookup, broken []BrokenMarkdown) {
	root := RootOf(pageURL)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		switch n := n.(type) {
		case *ast.Link:
			dest = &n.Destination
		case *ast.Image:
			dest = &n.Destination
		default:
			return ast.WalkContinue, nil
		}
		key, frag, ok := localPath(string(*dest), folder)
		if !ok {
			return ast.WalkContinue, nil
		}
		u := t.Find(key)
		lookups = append(lookups, Lookup{Key: key, URL: u})
		if u == NotFound {
			line, col := nodePosition(n, lines)
			broken = append(broken, BrokenMarkdown{Line: line, Col: col, Dest: string(*dest), Key: key})
			n.SetAttributeString(AttrBroken, append([]byte(nil), *dest...))
			return ast.WalkContinue, nil
		}
		*dest = []byte(EscapePath(RelHref(root, u, fileLinks)) + frag)
		return ast.WalkContinue, nil
	})
	return lookups, broken
}

// localPath reads a link destination that points into the site: not a URL
// with a scheme, not protocol-relative, not a bare #fragment. It returns
// the content-relative path (folder-relative unless it starts with '/')
// and the #fragment. A path above the content root is returned as it is:
// it finds nothing.
func localPath(dest, folder string) (key, frag string, ok bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") {
		return "", "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "", "", false
	}
	if u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	p := u.Path
	if p == "" {
		return "", "", false
	}
	if strings.HasPrefix(p, "/") {
		key = path.Clean(strings.TrimPrefix(p, "/"))
	} else {
		key = path.Clean(path.Join(folder, p))
	}
	if key == "." {
		key = ""
	}
	return key, frag, true
}

// nodePosition is the file position of an inline node: its first text.
func nodePosition(n ast.Node, lines Positions) (int, int) {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return lines.Position(t.Segment.Start)
		}
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return lines.Position(b.Lines().At(0).Start)
		}
	}
	return 0, 0
}

// PathsOf returns a map that finds what lookups found, and nothing else:
// enough to parse again a page whose markdown links are the ones it had
// (a link it did not have finds nothing, and so is seen to be new).
func PathsOf(lookups []Lookup) *Paths {
	t := NewPaths()
	for _, l := range lookups {
		if l.URL != NotFound {
			t.Add(strings.TrimSuffix(l.Key, "/"), l.URL)
		}
	}
	return t
}
