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
// ("## Setup {#setup} ✅", "## ~~Routing~~ {#routing} ✅ FIXED (2026-03-15)"):
// the parser reads {#id} only at the very end, and a heading ticked off
// by appending a marker must keep its id. The {#id} is cut out of the
// text node that holds it, with the spaces before it; what follows it
// stays.
func (h *headingIDs) markedCustomID(hd *ast.Heading, src []byte) {
	plain := mdtext.Inline(hd, src)
	if !strings.Contains(plain, "{#") {
		return
	}
	m := customIDAtEnd.FindStringSubmatch(strings.TrimSpace(h.vocab.StripForID(plain)))
	if m == nil {
		return
	}
	var last *ast.Text
	var at int
	for c := hd.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if k := bytes.LastIndex(t.Segment.Value(src), []byte(m[0])); k >= 0 {
				last, at = t, k
			}
		}
	}
	if last == nil {
		return
	}
	seg := last.Segment
	v := seg.Value(src)
	keep := len(bytes.TrimRight(v[:at], " \t"))
	rest := seg.Start + at + len(m[0])
	if rest < seg.Stop {
		// the node goes on after the {#id}: it keeps its spaces
		after := ast.NewTextSegment(text.NewSegment(rest, seg.Stop))
		after.SetSoftLineBreak(last.SoftLineBreak())
		after.SetHardLineBreak(last.HardLineBreak())
		last.SetSoftLineBreak(false)
		last.SetHardLineBreak(false)
		hd.InsertAfter(hd, last, after)
	} else if next := last.NextSibling(); next != nil && keep < at && !startsWithSpace(next, src) {
		keep++ // one space before the node that follows
	}
	last.Segment = seg.WithStop(seg.Start + keep)
	hd.SetAttributeString("id", []byte(m[1]))
}

// startsWithSpace reports whether inline n is text opening with a space.
func startsWithSpace(n ast.Node, src []byte) bool {
	t, ok := n.(*ast.Text)
	if !ok {
		return false
	}
	v := t.Segment.Value(src)
	return len(v) > 0 && (v[0] == ' ' || v[0] == '\t')
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
