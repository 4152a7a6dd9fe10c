package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/status"
)

// A long page's open work sits among its finished work: the seed
// milestone keeps 6 open items among 34 done ones. FoldDone folds each
// completed section of a body into a <details> whose summary is the
// section's heading, so the headings of finished work stay in view (and
// in the outline's reach) while their text steps aside; a reader opens one
// with a click or the keyboard, and no script is needed.

// KindFold is the node FoldDone wraps a completed section in.
var KindFold = ast.NewNodeKind("Fold")

// Fold is a completed section: its heading, then its content.
type Fold struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *Fold) Kind() ast.NodeKind { return KindFold }

// Dump implements ast.Node.
func (n *Fold) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// FoldDone folds the completed sections (every item done or dropped, at
// least one done) of doc, the body of a page whose status is st, each in
// a Fold node. It leaves a page with no open work as it is (there is
// nothing to bring forward), folds only the outermost completed section of
// a branch, and never a heading with nothing under it. Only headings that
// are children of the document make sections (package status), so only
// they fold. Call it after status.Compute and before rendering.
func FoldDone(doc ast.Node, st *status.Page) {
	if st.Counts.Done >= st.Counts.Total() {
		return
	}
	done := map[string]bool{}
	var walk func([]*status.Section)
	walk = func(ss []*status.Section) {
		for _, s := range ss {
			if c := s.Counts; c.Done > 0 && c.Done == c.Total() {
				done[s.ID] = true
			}
			walk(s.Sections)
		}
	}
	walk(st.Sections)
	if len(done) == 0 {
		return
	}
	var cur *Fold
	level := 0
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		h, isHeading := n.(*ast.Heading)
		if isHeading && cur != nil && h.Level <= level {
			cur = nil
		}
		switch {
		case cur != nil:
			cur.AppendChild(cur, n)
		case isHeading && done[markdown.HeadingID(h)] && hasContent(h):
			cur, level = &Fold{}, h.Level
			doc.InsertBefore(doc, n, cur)
			cur.AppendChild(cur, n)
		}
		n = next
	}
}

// hasContent reports whether heading h has anything under it before the
// next heading of its level or higher.
func hasContent(h *ast.Heading) bool {
	next, ok := h.NextSibling().(*ast.Heading)
	return h.NextSibling() != nil && (!ok || next.Level > h.Level)
}

// folded reports whether heading n opens a Fold (it is then the Fold's
// summary).
func folded(n ast.Node) bool {
	p := n.Parent()
	return p != nil && p.Kind() == KindFold && p.FirstChild() == n
}

// fold writes a Fold as <details class="fold">; its heading, written by
// heading, closes the <summary> this opens.
func (r *bodyRenderer) fold(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<details class="fold"><summary>`)
	} else {
		w.WriteString("</details>\n")
	}
	return ast.WalkContinue, nil
}
