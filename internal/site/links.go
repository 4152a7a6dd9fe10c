package site

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/wikilink"
)

// linkTargets maps what a markdown link may point at (content-relative
// paths of pages, assets and folders, lower-cased) to output URLs.
type linkTargets struct {
	byPath map[string]string
}

func newLinkTargets(set *content.Set, static []string) *linkTargets {
	t := &linkTargets{byPath: map[string]string{}}
	for _, p := range set.Pages {
		t.byPath[strings.ToLower(p.Path)] = p.URL
		t.byPath[strings.ToLower(strings.TrimSuffix(p.Path, path.Ext(p.Path)))] = p.URL
	}
	for _, d := range set.Folders {
		t.byPath[strings.ToLower(d)] = content.FolderURL(d)
	}
	for _, a := range set.Assets {
		t.byPath[strings.ToLower(a.Path)] = a.Path
	}
	for _, s := range static {
		if _, ok := t.byPath[strings.ToLower(s)]; !ok {
			t.byPath[strings.ToLower(s)] = s
		}
	}
	t.byPath[""] = ""
	return t
}

// resolve finds the output URL for dest, a content-relative path.
func (t *linkTargets) resolve(key string) string {
	if u, ok := t.byPath[strings.ToLower(strings.TrimSuffix(key, "/"))]; ok {
		return u
	}
	return summary.NotFound
}

// rewriteLinks points relative markdown links and images at the pages and
// files they name, relative to the page's own URL. A link to nothing is
// marked broken (render shows it as such) and reported.
func rewriteLinks(doc ast.Node, src []byte, lines *markdown.LineIndex, p *content.Page, t *linkTargets, fileLinks bool, file string, out *parsed) {
	var lookups []summary.Lookup
	root := wikilink.RootOf(p.URL)
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
		key, frag, ok := localPath(string(*dest), p.Folder)
		if !ok {
			return ast.WalkContinue, nil
		}
		u := t.resolve(key)
		lookups = append(lookups, summary.Lookup{Key: key, URL: u})
		if u == summary.NotFound {
			line, col := nodePosition(n, lines)
			out.Diags = append(out.Diags, diag.Warnf(diag.KindBrokenLink, file, line, col, "broken link %s: no page or file %s in the site", string(*dest), key))
			out.BrokenMD = append(out.BrokenMD, summary.BrokenRef{Line: line, Target: string(*dest)})
			n.SetAttributeString(render.AttrBroken, append([]byte(nil), *dest...))
			return ast.WalkContinue, nil
		}
		*dest = []byte(wikilink.EscapePath(wikilink.RelHref(root, u, fileLinks)) + frag)
		return ast.WalkContinue, nil
	})
	out.Lookups = lookups
}

// localPath reads a link destination that points into the site: not a URL
// with a scheme, not protocol-relative, not a bare #fragment. It returns
// the content-relative path (folder-relative unless it starts with '/')
// and the #fragment.
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
	if strings.HasPrefix(key, "../") || key == ".." {
		return key, frag, true // outside the content root: never found
	}
	return key, frag, true
}

// nodePosition is the file position of an inline node: its first text.
func nodePosition(n ast.Node, lines *markdown.LineIndex) (int, int) {
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
