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
// section holds marked plain items (listedWork) and a sibling named alike
// (phaseAlike) holds none of its own, the sibling's plain top-level lists
// are items: open, or as their own marker or status clause says. Not:
// siblings of a phase of checkboxes, siblings named otherwise ("## How
// I'll measure it", "## 3. Non-goals", "## Notes"), sections headed by a
// date (a log's entries tell what happened), lists of long paragraphs,
// lists of definitions ("`apiKey` — your secret key"), lists nested in items,
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
		bare := withoutNumbering(ch.bare)
		if len(ch.items) > 0 || len(ch.plainLists) == 0 || ch == c.title || ch.scope || ch.lane.found || ch.record ||
			isNotTask(bare, c.opts.HeadingItemsIgnore) || isScopeWords(headingWords(bare)) ||
			isRecordWords(headingWords(bare)) || !alikeAny(ch, marked) {
			continue
		}
		c.cur = ch
		for _, list := range ch.plainLists {
			c.phaseItems(list, &ch.items)
		}
	}
}

// listedWork reports whether items hold work from a plain list, marked
// as the phase's progress ("- Meet the team — done"). A phase of
// checkboxes is another kind of list than its siblings' plain ones: an
// author who boxes tasks would box the next phase's too, so those are
// notes, goals or lessons.
func listedWork(items []*found) bool {
	for _, it := range items {
		if it.Source == SourceList {
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
	a, b = withoutNumbering(a), withoutNumbering(b)
	if datedTitle(a) || datedTitle(b) {
		return false
	}
	wa, wb := strings.Fields(headingWords(a)), strings.Fields(headingWords(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if wa[0] == wb[0] && !isNumber(wa[0]) {
		return true
	}
	hasDigit := func(t string) bool { return strings.IndexFunc(t, unicode.IsDigit) >= 0 }
	return hasDigit(a) && hasDigit(b) && shareWord(wa, wb) // "First 30 days", "Days 31–60"; not "2024 launch", "3 things"
}

// shareWord reports whether two titles' words have one of three letters
// or more in common, numbers aside.
func shareWord(a, b []string) bool {
	for _, x := range a {
		if len(x) < 3 || isNumber(x) {
			continue
		}
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func isNumber(w string) bool { return strings.Trim(w, "0123456789") == "" }

// withoutNumbering returns a heading's title without the section number
// it opens with ("2. Goals", "3) Non-goals", "1.2 Scope", "§4 Risks"):
// that number orders the document, it names no phase.
func withoutNumbering(title string) string {
	t, section := strings.CutPrefix(strings.TrimSpace(title), "§")
	t = strings.TrimSpace(t)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' && i > 0) {
		i++
	}
	if i == 0 || i == len(t) {
		return title
	}
	rest := t[i:]
	if strings.HasPrefix(rest, ")") {
		rest = rest[1:]
	} else if t[i-1] != '.' && !strings.Contains(t[:i], ".") && !section {
		return title // "2024 launch", "30 days": a number that names
	}
	if !strings.HasPrefix(rest, " ") {
		return title
	}
	return strings.TrimSpace(rest)
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
		if len(strings.Fields(e.own)) > 30 || opensWithCode(firstTextBlock(e.li)) {
			return // a paragraph, or a definition ("`apiKey` — your secret key")
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

// opensWithCode reports whether a paragraph opens with a code span.
func opensWithCode(p ast.Node) bool {
	if p == nil {
		return false
	}
	_, ok := p.FirstChild().(*ast.CodeSpan)
	return ok
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
