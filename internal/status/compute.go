package status

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/slug"
	"github.com/yuin/goldmark/ast"
)

// The values of Options.HeadingItems (front matter heading_items).
const (
	HeadingItemsAuto   = "auto"   // rule 4 as written (the default, also "")
	HeadingItemsAlways = "always" // every leaf heading below the title is an item
	HeadingItemsNever  = "never"  // rule 4 off (runbooks' default)
)

// The values of Options.Matrices (config or front matter matrices).
const (
	MatricesAuto   = "auto"   // a table of markers counts with a legend or two different states (also "")
	MatricesCount  = "count"  // a table of markers always counts
	MatricesIgnore = "ignore" // a table of markers without a Status column never counts
)

// Options configure Compute.
type Options struct {
	// Vocabulary is the marker vocabulary; nil means marker.Default().
	Vocabulary *marker.Vocabulary
	// HeadingItems is "auto" (or ""), "always" or "never". The caller
	// passes "never" for runbooks unless their front matter says otherwise.
	HeadingItems string
	// Lines maps body offsets to file lines; nil numbers the body from 1.
	Lines *markdown.LineIndex
	// HeadingItemsIgnore names more headings that are never heading items,
	// beside Notes, References, See also and the like (config
	// heading_items_ignore).
	HeadingItemsIgnore []string
	// Matrices is "auto" (or ""), "count" or "ignore": whether tables of
	// markers without a Status or State column (matrices and status-like
	// columns) count.
	Matrices string
	// Record says the whole page records rather than plans (a changelog,
	// RecordPath): its plain lists make no items, whatever markers they
	// hold, as under a heading like "What went well".
	Record bool
	// PageDate is the page's own date, YYYY-MM-DD: the day its path
	// names, else the day it says it was updated, else the end of the
	// week or month its path names (PathDate); "" when none. Days written
	// without their year are read near it.
	PageDate string
	// PageDay says PageDate is a day the page names (its path's or its
	// updated date), not the Monday of a week or the middle of a month.
	PageDay bool
}

// computer holds what one Compute call needs while it reads a page.
type computer struct {
	src      []byte
	vocab    *marker.Vocabulary
	lines    *markdown.LineIndex
	cur      *sectionNode // section whose body is being read
	opts     Options
	title    *sectionNode // the single leading H1, if any
	warnings []Warning
	// what Near and MonthFirst (the page's attr.Calendar) found, once
	// they were asked
	greenRead              int8 // greenElsewhere: 0 not read yet, 1 no, 2 yes
	nearFound, orderFound  bool
	nearValue              string
	monthFirst, orderKnown bool
	legend                 legend
	outline                bool            // an outliner's page: a block is a task only when a task word opens it (isOutline)
	roster                 map[string]bool // the names its Attendees line lists (readRoster)
	// confidence is whether the page speaks of confidence (saysConfidence):
	// 0 not looked yet, 1 it does, 2 it does not.
	confidence int8
	gantt      bool // a gantt chart gave items (mergeGantt)
}

// sectionNode is a section while the page is read; the document itself is
// the root, a heading of level 0.
type sectionNode struct {
	heading     *ast.Heading // nil for the root
	level       int
	offset      int
	parent      *sectionNode
	children    []*sectionNode
	items       []*found // own items, in document order
	bodyItems   int      // how many of items come from rules 1-3
	headingItem bool     // the heading itself is an item (rule 4)
	decl        declared // the heading's marker
	clauseDecl  bool     // decl comes from a heading's trailing note or a numbered heading's dash or colon clause (headingClause)
	// looseDecl is the state a heading's last clause after a dash says
	// though no number stands before it ("## French — in review"): read
	// only once the heading is an item, beside marked siblings
	looseDecl  declared
	fieldDecl  bool        // decl comes from a Status field its siblings have too (sectionAttributes)
	scope      bool        // under a heading that declares its items out of scope (rule 8)
	lane       declared    // a heading that is only a status ("## Doing"): a board's lane, when its parent is a board
	statusOnly declared    // such a heading off a board: the state of its marked list's unmarked items
	record     bool        // its lists record, not plan: its heading's or a parent's below the title (isRecordWords)
	verdicts   bool        // its own lists of ticks and crosses alone judge, not track (isVerdictWords)
	template   bool        // a template's or a definition's criteria, no work at all: its heading's or a parent's, the title's too (isTemplateWords)
	bare       string      // the heading's title without its markers (StripForID), read once
	fieldLines []attr.Line // source lines of its own paragraphs, for "**Field:** value" lines
	plainLists []ast.Node  // its top-level lists that made no items: plain items, none marked (phaseLists)
	sec        *Section
}

// Compute reads the status of one page from its AST. doc is the document
// node, src the body its segments index into. Compute sets the item
// attributes described in the package doc on the AST; it changes nothing
// else and may be called again on the same AST with the same result.
func Compute(doc ast.Node, src []byte, opts Options) *Page {
	c := &computer{src: src, vocab: opts.Vocabulary, lines: opts.Lines, opts: opts}
	if c.vocab == nil {
		c.vocab = marker.Default()
	}
	if c.lines == nil {
		c.lines = markdown.NewLineIndex(src, 1)
	}
	c.readLegends(doc)
	c.outline = isOutline(doc, src)
	c.roster = readRoster(src)
	root := c.buildTree(doc)
	c.mergeGantt(root)
	c.mergeIssueRefs(root)
	c.sectionAttributes(root)
	c.phaseLists(root)
	c.headingItems(root, opts.HeadingItems)
	c.namedAfterDash(listItems(root, nil))
	c.count(root)
	c.headingDrift(root)
	c.headingCookies(root)
	return c.page(root)
}

// buildTree makes the section tree from the document's top-level headings
// and reads every other top-level block's items into the section it is in.
func (c *computer) buildTree(doc ast.Node) *sectionNode {
	root := &sectionNode{sec: &Section{Sections: []*Section{}}}
	// The page opens with its title when its first block is an H1 and no
	// other H1 follows.
	h1s := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			h1s++
		}
	}
	first, _ := doc.FirstChild().(*ast.Heading)
	hasTitle := first != nil && first.Level == 1 && h1s == 1
	ids := slug.Set{}
	boardLanes := boards(doc, c.src)
	stack := []*sectionNode{root}
	c.cur = root
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			c.collectBlock(n, &c.cur.items)
			if n.Kind() == ast.KindParagraph && c.cur.heading != nil {
				c.cur.fieldLines = c.appendLines(c.cur.fieldLines, n)
			}
			if n.Kind() == ast.KindList && c.cur.heading != nil {
				had := len(c.cur.fieldLines)
				if c.cur.fieldLines = c.appendFieldItems(c.cur.fieldLines, n); len(c.cur.fieldLines) > had {
					c.cur.plainLists = slices.DeleteFunc(c.cur.plainLists, func(l ast.Node) bool { return l == n }) // fields, not work
				}
			}
			continue
		}
		for len(stack) > 1 && stack[len(stack)-1].level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		s := &sectionNode{heading: h, level: h.Level, offset: c.offsetOf(h), parent: parent}
		var rest string
		s.decl, rest = c.markerBesideAttrs(h, markerText(h, c.src))
		if m, ok := c.vocab.TrailingStatus(rest); ok && !s.decl.found && headingNote[headingWords(rest[m.Start:m.End])] {
			s.decl, s.clauseDecl = declared{true, m.State, rest[m.Start:m.End]}, true // "## v0.8 (released)"
		} else if clause := headingClause(rest); clause != "" && !s.decl.found {
			if m, ok := c.vocab.Find(clause, marker.Cell); ok {
				s.decl, s.clauseDecl = declared{true, m.State, clause}, true // "## Phase 2 — In progress"
			}
		} else if st, share, ok := headingShare(rest); ok && !s.decl.found {
			s.decl, s.clauseDecl = declared{true, st, share}, true // "## Phase 2 (80%)"
		} else if _, clause := noteClause(rest); clause != "" && !s.decl.found {
			if m, ok := c.vocab.Find(clause, marker.Cell); ok {
				s.looseDecl = declared{true, m.State, clause} // "## 🇫🇷 French — in review"
			}
		}
		title := mdtext.Inline(h, c.src)
		s.bare = c.vocab.StripForID(title)
		id := markdown.HeadingID(h)
		if id == "" { // an AST not made by package markdown
			id = ids.Unique(slug.Make(s.bare))
		}
		s.sec = &Section{ID: id, Title: title, Level: h.Level, Line: c.lines.Line(s.offset), Sections: []*Section{}}
		words := headingWords(withoutNumbering(s.bare)) // "## 3. Non-goals" is a scope heading
		s.scope = parent.scope || isScopeWords(words)
		if s.decl.found && !s.clauseDecl && iconTitles[words] && strings.HasPrefix(strings.TrimSpace(title), s.decl.as) &&
			!c.siblingsMarked(h) {
			s.decl = declared{} // a daily note's "## ✅ Tasks": an icon before what the section holds
		}
		s.verdicts = isVerdictWords(words)
		s.record = isRecordWords(words) || parent.record && parent.level > 1 || // not from a page titled "Lessons learned"
			changeKinds[words] && releaseTitle(parent.bare) // Keep a Changelog's "## [2.8.0]" over "### Fixed"
		s.template = parent.template || isTemplateWords(words) || strings.HasPrefix(strings.ToLower(s.bare), "template:")
		// "## Done ✅", "## Finished 📗": a lane, its emoji aside, when its
		// parent is a board
		if boardLanes[h] {
			lane := headingWords(title)
			if st, ok := lanes[lane]; ok {
				s.lane = declared{true, st, lane} // "## To do", "## Now"
			}
		} else if actionTitles[words] || actionTitles[actionsFrom(words)] {
			s.lane = declared{true, marker.Open, actionsFrom(words)} // minutes' "## Action items": each is a task
		} else if st, ok := lanes[headingWords(title)]; ok {
			s.statusOnly = declared{true, st, words} // "## Done" over "- Funeral paid ✅" and its siblings
		} else if doneLists[words] {
			s.statusOnly = declared{true, marker.Done, words} // "## Wins this week"
		}
		parent.children = append(parent.children, s)
		parent.sec.Sections = append(parent.sec.Sections, s.sec)
		if hasTitle && c.title == nil && h.Level == 1 {
			c.title = s
		}
		stack = append(stack, s)
		c.cur = s
	}
	return root
}

// appendFieldItems appends the items of list n written as a known field
// ("- **Owner:** @kenji", "- **Due:** 2026-05-15"): a section's fields
// written as a list are its fields all the same.
func (c *computer) appendFieldItems(lines []attr.Line, n ast.Node) []attr.Line {
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		p := firstTextBlock(li)
		if p == nil || p.Lines().Len() == 0 {
			continue
		}
		seg := p.Lines().At(0)
		if bytes.IndexByte(seg.Value(c.src), ':') < 0 {
			continue // every field has its colon
		}
		line := string(seg.Value(c.src))
		if key, _, ok := attr.FieldLine(line); ok && (attr.KnownField(key) || isStatusName(key)) || attr.PlainFields(line, c) != nil {
			lines = c.appendLines(lines, p)
		}
	}
	return lines
}

// appendLines appends the source lines of paragraph n to lines.
func (c *computer) appendLines(lines []attr.Line, n ast.Node) []attr.Line {
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		lines = append(lines, attr.Line{Number: c.lines.Line(seg.Start), Text: string(seg.Value(c.src))})
	}
	return lines
}

// sectionAttributes gives every section below s its task id (the id its
// heading begins with), the state its heading declares (else its Status
// field, read as a status cell) and what its "**Field:** value" lines
// say.
func (c *computer) sectionAttributes(s *sectionNode) {
	var reported, tasks []*sectionNode // children without an id, and with one, whose Status field says a state
	var states, taskStates []declared
	decisions, dated := 0, 0
	for _, ch := range s.children {
		ch.sec.TaskID, _ = attr.HeadingID(ch.sec.Title)
		if ch.decl.found {
			ch.sec.Declared = ch.decl.state.String()
		}
		if len(ch.fieldLines) > 0 {
			// most sections' paragraphs hold no field line: they keep no record
			if a := attr.ReadSection(ch.fieldLines, c); !a.IsZero() {
				ch.sec.Attrs = &a
				if decidesStatus(a.Status) {
					decisions++
				}
				// a heading's RAG dot gives way to its Status line's words:
				// "## 🟢 Onboarding" over "Status: On track" is on track
				if st, ok := c.statusValue(a.Status); ok && (!ch.decl.found || ragDot(ch.decl.as)) {
					// "**Status:** Done" declares the state as a heading's
					// marker would: a closed action item is not overdue.
					// A task's heading is then its item in that state.
					ch.sec.Declared = st.String()
					if ch.sec.TaskID != "" {
						tasks, taskStates = append(tasks, ch), append(taskStates, declared{true, st, a.Status})
					} else {
						reported, states = append(reported, ch), append(states, declared{true, st, a.Status})
						if d, ok := marker.FirstDate(ch.bare); ok && strings.HasPrefix(strings.TrimSpace(ch.bare), d) {
							dated++ // "## 2026-05-02 — Elevated API errors"
						}
					}
				}
			}
			ch.fieldLines = nil
		}
		c.sectionAttributes(ch)
	}
	if decisions >= 2 && !s.record { // "## Alternatives considered" weighs options: no log of decisions
		// a decision log (ADR-001 … Status: Accepted) reads as a decision
		// index's table does: Accepted done, Proposed open, Superseded
		// dropped, each section with a Status an item
		for _, ch := range s.children {
			if ch.sec.Attrs == nil || ch.sec.Attrs.Status == "" || ch.decl.found {
				continue
			}
			v := ch.sec.Attrs.Status
			st, ok := c.statusValue(v)
			if decidesStatus(v) {
				st, ok = decisionState(v), true
			}
			if ok {
				ch.decl, ch.fieldDecl, ch.sec.Declared = declared{true, st, v}, true, st.String()
			}
		}
		return
	}
	for i, ch := range tasks {
		ch.decl = taskStates[i]
	}
	if len(reported) >= 2 && dated < len(reported) && !allIncidentUpdates(states) && !s.record {
		// "## Passkeys / Status: at risk" beside "## SCIM / Status:
		// paused": a status report's workstreams, each an item; one
		// section's Status field is the document's own, a decision log's
		// is read apart (above), and an incident log's sections headed by
		// their dates, or a status page's updates (Investigating,
		// Monitoring, Resolved), record
		for i, ch := range reported {
			ch.decl, ch.fieldDecl = states[i], true
		}
	}
}

// siblingsMarked reports whether another heading of h's level under the
// same parent opens with a status emoji before a name that is no
// iconTitle ("## 🟡 Essay" beside "## ✅ Journal"): the emoji there are
// states, a coursework's, not icons.
func (c *computer) siblingsMarked(h *ast.Heading) bool {
	marked := func(n ast.Node) (stop, found bool) {
		o, ok := n.(*ast.Heading)
		switch {
		case !ok || o == h:
			return false, false
		case o.Level < h.Level:
			return true, false
		case o.Level > h.Level:
			return false, false
		}
		title := markerText(o, c.src)
		if _, ok := c.vocab.StartsWithEmoji(title); ok && !iconTitles[headingWords(c.vocab.StripForID(title))] {
			return true, true
		}
		return false, false
	}
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if stop, found := marked(n); stop {
			return found
		}
	}
	for n := h.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		if stop, found := marked(n); stop {
			return found
		}
	}
	return false
}

// iconTitles name what a section holds, not a piece of work: an emoji
// before one is its icon ("## ✅ Tasks", "## 🔴 Notes"), not its state.
var iconTitles = map[string]bool{
	"tasks": true, "task list": true, "todo": true, "todos": true, "to do": true, "to-do": true, "to dos": true,
	"to-dos": true, "action items": true, "actions": true, "checklist": true, "notes": true, "journal": true,
	"log": true, "habits": true, "goals": true, "agenda": true, "inbox": true, "today": true, "ideas": true,
}

// ragDot reports whether a heading's marker is a red-amber-green dot,
// which says how work goes, not that it is done or open.
func ragDot(as string) bool {
	switch strings.TrimSuffix(as, "\ufe0f") {
	case "🟢", "🟡", "🔴", "🟠":
		return true
	}
	return false
}

// ragWords are a red-amber-green status's colours.
var ragWords = map[string]bool{"green": true, "amber": true, "yellow": true, "red": true}

// decidesStatus reports whether a Status value is a decision's (an ADR's
// or an RFC's): Proposed, Accepted, Superseded, Rejected, Draft. Approved
// is not one: an action item's approval is its plan's.
func decidesStatus(v string) bool {
	first, _, _ := strings.Cut(headingWords(v), " ")
	switch first {
	case "proposed", "accepted", "superseded", "rejected", "declined", "deprecated", "draft", "final":
		return true
	}
	return false
}

// allIncidentUpdates reports whether every state is written as a status
// page's incident update says it (Investigating, Identified, Monitoring,
// Resolved): an on-call handbook's update templates, not work.
func allIncidentUpdates(states []declared) bool {
	for _, d := range states {
		first, _, _ := strings.Cut(headingWords(d.as), " ")
		switch first {
		case "investigating", "identified", "monitoring", "resolved":
		default:
			return false
		}
	}
	return len(states) > 0
}

// decisionState reads a decision's Status (decidesStatus) as a decision
// index's status cell reads it: settled (Accepted, Final) is done,
// awaiting a decision (Proposed, Draft) open, and set aside (Superseded,
// Rejected, Declined, Deprecated) dropped.
func decisionState(v string) State {
	first, _, _ := strings.Cut(headingWords(v), " ")
	switch first {
	case "accepted", "final":
		return marker.Done
	case "proposed", "draft":
		return marker.Open
	}
	return marker.Dropped
}

// statusValue reads a section's Status field: the state it opens with, as
// a word ("Done", "Blocked on legal") or an emoji ("✅ Complete", "🚧 In
// Progress"), in bold or not. A value that only mentions a state later
// ("Done except the API reference") declares none, and Approved or
// Accepted approve a plan's task, not finish it.
func (c *computer) statusValue(v string) (State, bool) {
	v = strings.Trim(strings.TrimSpace(v), "*_")
	if st, ok := c.vocab.StartsWithEmoji(v); ok {
		words := strings.TrimLeftFunc(v, func(r rune) bool { return !unicode.IsLetter(r) })
		if m, ok := c.vocab.Opens(words); ok && !approvalOnly(words[m.Start:m.End]) {
			return m.State, true // "🟢 on track": the words say what the colour means
		}
		if ragCell(words) {
			return marker.Active, true // "🟢 Green": a RAG status says how work goes, not that it is done
		}
		return st, true
	}
	if m, ok := c.vocab.Opens(v); ok && !approvalOnly(v[m.Start:m.End]) {
		return m.State, true
	}
	return marker.Open, false
}

// headingItems applies rule 4 below s, bottom-up.
func (c *computer) headingItems(s *sectionNode, mode string) {
	s.bodyItems = len(s.items)
	for _, ch := range s.children {
		c.headingItems(ch, mode)
	}
	var leaves []*sectionNode
	anyMarked, clausesOnly, fieldsOnly := false, true, true
	for _, ch := range s.children {
		if len(ch.children) == 0 && ch != c.title && !isNotTask(ch.bare, c.opts.HeadingItemsIgnore) &&
			!(howTo(ch.bare) && !ch.decl.found && !ch.looseDecl.found) {
			leaves = append(leaves, ch)
			anyMarked = anyMarked || ch.decl.found
			clausesOnly = clausesOnly && (!ch.decl.found || ch.clauseDecl)
			fieldsOnly = fieldsOnly && (!ch.decl.found || ch.fieldDecl)
		}
	}
	switch mode {
	case HeadingItemsNever:
		return
	case HeadingItemsAlways:
	default:
		if !anyMarked {
			return
		}
		switch {
		case clausesOnly:
			leaves = namedAlike(leaves)
		case fieldsOnly:
			leaves = slices.DeleteFunc(leaves, func(l *sectionNode) bool { return !l.decl.found }) // not "## Next steps"
		}
	}
	for _, leaf := range leaves {
		if leaf.bodyItems > 0 {
			continue // its own items count instead (and drift compares them)
		}
		st := marker.Open
		if leaf.decl.found {
			st = leaf.decl.state
		} else if leaf.looseDecl.found {
			st = leaf.looseDecl.state
		}
		c.cur = leaf
		it := c.newItem(leaf.heading, st, SourceHeading, leaf.sec.Title, markerText(leaf.heading, c.src))
		leaf.items = append([]*found{it}, leaf.items...)
		leaf.headingItem = true
	}
}

// namedAlike keeps the leaves named as a marked one is: when only
// numbered headings' clauses mark them ("## Phase 1 — Done"), the phases
// are the work ("## Phase 2", "## Phase 3"), not the document's other
// parts ("## Team", "## Rollback strategy"). Headings are named alike
// when they open with the same letters (Phase, v, M) or both with a digit.
func namedAlike(leaves []*sectionNode) []*sectionNode {
	marked := map[string]bool{}
	for _, l := range leaves {
		if l.decl.found {
			marked[leadingLetters(l.bare)] = true
		}
	}
	var out []*sectionNode
	for _, l := range leaves {
		if marked[leadingLetters(l.bare)] {
			out = append(out, l)
		}
	}
	return out
}

// leadingLetters returns the letters a title opens with, in lower case
// ("phase" of "Phase 2", "v" of "v0.8", "" of "2024 Q3").
func leadingLetters(title string) string {
	t := strings.TrimSpace(title)
	end := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(t[:end])
}

// count sets every section's counts: own items plus sub-sections'.
func (c *computer) count(s *sectionNode) Counts {
	total := countOf(s.items)
	for _, ch := range s.children {
		total = total.Add(c.count(ch))
	}
	s.sec.Counts = total
	return total
}

// headingDrift warns about headings declared done over sections that are
// not all done.
func (c *computer) headingDrift(s *sectionNode) {
	for _, ch := range s.children {
		c.headingDrift(ch)
	}
	if s.heading == nil || s.headingItem || !s.decl.found || s.decl.state != marker.Done {
		return
	}
	c.cur = s
	c.checkDrift(s.decl, s.sec.Counts, s.offset, s.sec.Title)
}

// checkDrift records a drift warning when something declared done (decl)
// sits over items (counts) that are not all done. The warning belongs to
// the section being read; name is the heading's or item's text, which the
// message quotes without its markers, so a reader of the page top and an
// author reading check's output see which claim is wrong: "'did:web
// Verification' says COMPLETE, but 2 of its 8 items are open".
func (c *computer) checkDrift(decl declared, counts Counts, offset int, name string) {
	total := counts.Total()
	notDone := total - counts.Done
	if total == 0 || notDone == 0 {
		return
	}
	state := "open"
	if counts.Open != notDone {
		state = "not done"
	}
	claim := "says " + decl.as // a marker as written: "says COMPLETE", "says ✅"
	if decl.as == "done" {
		claim = "is marked done" // a ticked box or a strikethrough
	}
	c.warnings = append(c.warnings, Warning{
		Kind:    diag.KindDrift,
		Line:    c.lines.Line(offset),
		Section: c.sectionID(c.cur),
		Message: driftName(c.vocab.StripForID(name)) + " " + claim + ", but " + driftCount(notDone, total) + " " + state,
	})
}

// driftCount says how many of a claim's items are not done: "2 of its 8
// items are", "1 of its 3 items is", "its one item is".
func driftCount(notDone, total int) string {
	if total == 1 {
		return "its one item is"
	}
	verb := "are"
	if notDone == 1 {
		verb = "is"
	}
	return fmt.Sprintf("%d of its %d items %s", notDone, total, verb)
}

// driftNameMax is how many characters of a name a drift message quotes.
const driftNameMax = 60

// driftName quotes name for a drift message, cut at a word boundary when
// long (a list item can be a paragraph).
func driftName(name string) string {
	if r := []rune(name); len(r) > driftNameMax {
		cut := string(r[:driftNameMax])
		if i := strings.LastIndexByte(cut, ' '); i > driftNameMax/2 {
			cut = cut[:i]
		}
		name = strings.TrimRight(cut, " ,;:.") + "…"
	}
	return "'" + name + "'"
}

// sectionID is the id items of s report: "" for the page itself and for
// its title heading, which is not listed as a section.
func (c *computer) sectionID(s *sectionNode) string {
	if s == nil || s.heading == nil || s == c.title {
		return ""
	}
	return s.sec.ID
}

// page assembles the result and records the item attributes on the AST.
func (c *computer) page(root *sectionNode) *Page {
	p := &Page{Counts: root.sec.Counts, Sections: []*Section{}, Items: []Item{}, Warnings: []Warning{}}
	top := root
	if c.title != nil {
		top = c.title
	}
	for _, ch := range top.children {
		p.Sections = append(p.Sections, ch.sec)
	}
	var all []*found
	var walk func(s *sectionNode)
	walk = func(s *sectionNode) {
		id := c.sectionID(s)
		for _, it := range s.items {
			it.Section = id
			it.Line = c.lines.Line(it.offset)
			all = append(all, it)
		}
		if s.heading != nil {
			declare(s.heading, s.decl, s.headingItem, s.sec.Counts)
		}
		for _, ch := range s.children {
			walk(ch)
		}
	}
	walk(root)
	sort.SliceStable(all, func(i, j int) bool { return all[i].offset < all[j].offset })
	if len(all) > 0 {
		// Exactly as long as it must be: every page's items are held for
		// the whole build, and growing by appends left up to half unused.
		p.Items = make([]Item, 0, len(all))
	}
	for _, it := range all {
		if it.Source != SourceGantt && it.node.Kind() != ast.KindParagraph { // a chart's tasks, a paragraph's box lines share one block
			setItemAttributes(it.node, it.State, it.Date)
		}
		p.Items = append(p.Items, it.Item)
	}
	sort.SliceStable(c.warnings, func(i, j int) bool { return c.warnings[i].Line < c.warnings[j].Line })
	p.Warnings = append(p.Warnings, c.warnings...)
	p.Legend = c.legend.entries
	return p
}

// offsetOf returns where node n starts in the source.
func (c *computer) offsetOf(n ast.Node) int {
	for m := n; m != nil; m = m.FirstChild() {
		if p := m.Pos(); p >= 0 {
			return p
		}
		if t, ok := m.(*ast.Text); ok {
			return t.Segment.Start
		}
		if m.Type() == ast.TypeBlock && m.Lines().Len() > 0 {
			return m.Lines().At(0).Start
		}
	}
	return 0
}
