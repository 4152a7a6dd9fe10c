package status

import (
	"fmt"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/marker"
	"github.com/yuin/goldmark/ast"
)

// checkCookie compares the org-mode progress cookie ("[2/5]", "[40%]") in
// the text of n, if any, with the items n holds: direct counts its direct
// children, all the items at every depth. When neither agrees, a drift
// warning gives the claim and the count ("says 2/5, counted 3/5"). Nothing
// to count is no disagreement: the items may be written in a form milepost
// does not read.
func (c *computer) checkCookie(n ast.Node, direct, all Counts, offset int) {
	if n == nil || all.Total() == 0 {
		return
	}
	ck, ok := marker.FindCookie(markerText(n, c.src))
	if !ok || ck.Matches(direct.Done, direct.Total()) || ck.Matches(all.Done, all.Total()) {
		return
	}
	msg := fmt.Sprintf("progress cookie says %s, counted %d/%d", ck, direct.Done, direct.Total())
	if direct.Total() == 0 {
		msg = fmt.Sprintf("progress cookie says %s, counted %d/%d", ck, all.Done, all.Total())
	} else if direct != all {
		msg += fmt.Sprintf(" (%d/%d at every depth)", all.Done, all.Total())
	}
	c.warnings = append(c.warnings, Warning{
		Kind:    diag.KindDrift,
		Line:    c.lines.Line(offset),
		Section: c.sectionID(c.cur),
		Message: msg,
	})
}

// parentItem returns the list item that holds n's list (n a list item),
// or nil.
func parentItem(n ast.Node) ast.Node {
	if n == nil || n.Kind() != ast.KindListItem || n.Parent() == nil {
		return nil
	}
	if p := n.Parent().Parent(); p != nil && p.Kind() == ast.KindListItem {
		return p
	}
	return nil
}

// nestedInItem reports whether n sits inside a list item (other than
// itself).
func nestedInItem(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindListItem {
			return true
		}
	}
	return false
}

// headingCookies checks the progress cookies of headings: direct children
// are the section's own items outside other items, every depth is the
// whole section.
func (c *computer) headingCookies(s *sectionNode) {
	for _, ch := range s.children {
		c.headingCookies(ch)
	}
	if s.heading == nil || s.headingItem {
		return
	}
	var direct Counts
	for _, it := range s.items {
		if !nestedInItem(it.node) {
			direct.Inc(it.State)
		}
	}
	c.cur = s
	c.checkCookie(s.heading, direct, s.sec.Counts, s.offset)
}
