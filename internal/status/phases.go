package status

import (
	"strings"
	"unicode"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
)

// phaseLists reads the plain lists of a plan's later phases. A plan
// written in phases marks the work it has done ("## First 30 days" over
// "- Meet the team — done") and lists what comes next plainly ("## Days
// 31–60" over "- Hire 2 more agents"): those plain items are the plan's
// open work, though no marker says so. So under each heading, when a
// section holds items from a list (checkboxes or marked items) and a
// sibling named alike (phaseAlike) holds none of its own, the sibling's
// plain top-level lists are items: open, or as their own marker or
// status clause says. Not: siblings named otherwise ("## How I'll
// measure it", "## Notes"), sections headed by a date (a log's entries
// tell what happened), lists of long paragraphs, lists nested in items,
// or the sections of a heading one of whose sections is marked itself:
// there rule 4 makes an unmarked leaf heading the item. Front matter
// heading_items (never, as runbooks default to, or always) turns it off.
func (c *computer) phaseLists(s *sectionNode) {
	for _, ch := range s.children {
		c.phaseLists(ch)
	}
	var marked []*sectionNode
	for _, ch := range s.children {
		if ch.decl.found || c.opts.HeadingItems == HeadingItemsAlways || c.opts.HeadingItems == HeadingItemsNever {
			return // rule 4's: a leaf heading among marked ones is the item; a runbook's steps are no phases
		}
		if ch != c.title && listedWork(ch.items) {
			marked = append(marked, ch)
		}
	}
	if len(marked) == 0 {
		return
	}
	for _, ch := range s.children {
		if len(ch.items) > 0 || len(ch.plainLists) == 0 || ch == c.title || ch.scope || ch.lane.found ||
			isNotTask(ch.bare, c.opts.HeadingItemsIgnore) || !alikeAny(ch, marked) {
			continue
		}
		c.cur = ch
		for _, list := range ch.plainLists {
			c.phaseItems(list, &ch.items)
		}
	}
}

// listedWork reports whether items hold work from a list: a checkbox or
// a marked plain item.
func listedWork(items []*found) bool {
	for _, it := range items {
		if it.Source == SourceCheckbox || it.Source == SourceList {
			return true
		}
	}
	return false
}

// alikeAny reports whether section s is named as one of marked is.
func alikeAny(s *sectionNode, marked []*sectionNode) bool {
	for _, m := range marked {
		if phaseAlike(s.bare, m.bare) {
			return true
		}
	}
	return false
}

// phaseAlike reports whether two headings name phases of one plan: they
// open with the same word ("Phase 1", "Phase 2"; "Week 1", "Week 2") or
// both hold a number ("First 30 days", "Days 31–60"), and neither is a
// date ("## 2026-11-02", "## Week of Nov 2").
func phaseAlike(a, b string) bool {
	if datedTitle(a) || datedTitle(b) {
		return false
	}
	first := func(t string) string {
		f := strings.Fields(strings.ToLower(t))
		if len(f) == 0 {
			return ""
		}
		return strings.TrimRight(f[0], ":.-–—")
	}
	hasDigit := func(t string) bool { return strings.IndexFunc(t, unicode.IsDigit) >= 0 }
	return first(a) != "" && first(a) == first(b) || hasDigit(a) && hasDigit(b)
}

// datedTitle reports whether a heading names a date: an ISO date or a
// month with a day ("Nov 2", "2 November").
func datedTitle(t string) bool {
	if _, ok := marker.FirstDate(t); ok {
		return true
	}
	words := strings.Fields(t)
	for i := 0; i+1 < len(words); i++ {
		if marker.DayMonth(words[i] + " " + words[i+1]) {
			return true
		}
	}
	return false
}

// phaseItems appends the top-level items of a plain list to out, open
// unless their own marker or status clause says otherwise; a list with a
// paragraph in it (an item of more than 30 words) is prose.
func (c *computer) phaseItems(list ast.Node, out *[]*found) {
	entries, _ := c.readListItems(list)
	for _, e := range entries {
		if len(strings.Fields(e.own)) > 30 {
			return
		}
	}
	for _, e := range entries {
		st := marker.Open
		switch {
		case e.marker.found:
			st = e.marker.state
		case e.dash.found:
			st = e.dash.state
		}
		*out = append(*out, c.newItemRead(e.li, st, SourceList, mdtext.Block(e.li, c.src), e.own, e.ownAttrs()))
	}
}

// noBoxes reports whether no entry of a list has a task box.
func noBoxes(entries []listEntry) bool {
	for _, e := range entries {
		if e.box {
			return false
		}
	}
	return true
}
