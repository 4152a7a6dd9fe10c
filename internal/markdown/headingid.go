package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/slug"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// AttrGitHubAnchor is the heading attribute holding the anchor GitHub would
// give the heading; the renderer emits it as a second anchor target.
const AttrGitHubAnchor = "data-gh-anchor"

// headingIDs gives every heading its section id: an explicit {#id} wins,
// otherwise the slug of the heading's text without status markers, made
// unique within the document. No id is one of reserved (the layout's), and
// an explicit id already taken (reserved, or given to an earlier heading)
// gets the next free -N suffix, as a slug does: ids stay unique in the page.
type headingIDs struct {
	vocab    *marker.Vocabulary
	reserved []string
}

func (h *headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var ids slug.Set
	for _, id := range h.reserved {
		ids.Reserve(id)
	}
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if hd, ok := n.(*ast.Heading); ok {
			headings = append(headings, hd)
			if _, ok := hd.AttributeString("id"); !ok {
				h.markedCustomID(hd, src)
			}
			if v, ok := hd.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					if id := string(b); ids.Taken(id) {
						hd.SetAttributeString("id", []byte(ids.Unique(id)))
					} else {
						ids.Reserve(id)
					}
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	plain := make([]string, len(headings))
	final := map[string]bool{}
	for i, hd := range headings {
		plain[i] = mdtext.Inline(hd, src)
		if _, ok := hd.AttributeString("id"); !ok {
			hd.SetAttributeString("id", []byte(ids.Unique(slug.Make(h.vocab.StripForID(plain[i])))))
		}
		final[HeadingID(hd)] = true
	}
	// The GitHub-style anchor is a second target only where it differs from
	// every section id, so ids stay unique in the page.
	var gh slug.Set
	for i, hd := range headings {
		if a := gh.Unique(slug.GitHub(plain[i])); a != "" && !final[a] {
			hd.SetAttributeString(AttrGitHubAnchor, []byte(a))
		}
	}
}

// customIDAtEnd is an explicit {#id} closing a heading's text.
var customIDAtEnd = regexp.MustCompile(`\{#([A-Za-z0-9_][A-Za-z0-9_.:-]*)\}$`)

// markedCustomID reads an explicit {#id} that status markers follow
// ("## Setup {#setup} ✅"): the parser reads {#id} only at the very end,
// and a heading ticked off by appending a marker must keep its id. The
// {#id} is taken out of the heading's text, as the parser does.
func (h *headingIDs) markedCustomID(hd *ast.Heading, src []byte) {
	plain := mdtext.Inline(hd, src)
	if !strings.Contains(plain, "{#") {
		return
	}
	m := customIDAtEnd.FindStringSubmatch(strings.TrimSpace(h.vocab.StripForID(plain)))
	if m == nil {
		return
	}
	for c := hd.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := t.Segment.Value(src)
		k := bytes.LastIndex(v, []byte(m[0]))
		if k < 0 || len(bytes.TrimSpace(v[k+len(m[0]):])) > 0 {
			continue
		}
		t.Segment = t.Segment.WithStop(t.Segment.Start + len(bytes.TrimRight(v[:k], " \t")))
		hd.SetAttributeString("id", []byte(m[1]))
		return
	}
}

// HeadingID returns the section id the parser gave heading n.
func HeadingID(n ast.Node) string {
	if v, ok := n.AttributeString("id"); ok {
		switch v := v.(type) {
		case []byte:
			return string(v)
		case string:
			return v
		}
	}
	return ""
}
