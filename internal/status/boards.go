package status

import (
	"bytes"
	"strings"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
)

// boards returns the top-level headings of doc that are lanes of a board:
// a lane's status alone ("## To do", "## Doing", "## Done ✅") under a
// heading (or the page) with two or more lane headings, one of which holds
// a task box: a board tracks its cards. A board of plain lists is one too
// when it has three lanes or more (or two: a To do or Backlog beside a
// Done, a personal list's "## TODO" and "## Done"), a list in each and no
// prose before it
// (a newsletter's Now / Next / Later explain themselves), and either two
// cards that name an owner, an issue or a date (cardsIn), or a Done lane
// and few items that read as rules (a STATUS.md's Done / In progress / Up
// next; a process guide's lanes list rules: listsRules). A lone "## Done"
// over a definition of done, or "## Now" / "## Next" / "## Later"
// explaining a process in prose, is none.
func boards(doc ast.Node, src []byte) map[*ast.Heading]bool {
	type parentOf struct {
		lanes     int
		boxes     bool // a task box in one of its lanes: work is tracked there
		listLanes int  // lanes with a list
		cards     int  // plain items that name who has them or where they are tracked
		described bool // a lane that explains itself in prose before its list
		doneLane  bool // a lane of finished cards
		items     int  // plain items in its lanes' lists
		guide     bool // its own prose explains the lanes ("This is what each column means")
		rules     int  // those that read as rules ("Anyone can add a card")
		workLanes int  // a kanban's own lanes: To do, Doing, In progress, WIP, Backlog
		shown     bool // the paragraph before its lanes brings them in as an example ("… last week:")
		steps     int  // lanes that are a checklist's steps as often (stepLanes): counted only beside a workLane
		stepLists int  // those holding a list
	}
	var out map[*ast.Heading]bool
	var heads []*ast.Heading
	var parents []*parentOf
	var steps []bool // of heads: a lane that is a step of a checklist too (stepLanes)
	stack := []*parentOf{{}}
	levels := []int{0}
	var lane *parentOf // the board of the lane being read, nil outside lanes
	laneList := false  // the lane being read holds a list
	laneStep := false  // the lane being read is a step lane
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			if lane != nil && !laneList && n.Kind() == ast.KindParagraph {
				lane.described = true // "Now is for work you are confident about."
			}
			if lane == nil && n.Kind() == ast.KindParagraph && explainsLanes(n, src) {
				stack[len(stack)-1].guide = true // "Our board has four columns. This is what each one means."
			}
			if lane == nil && n.Kind() == ast.KindParagraph {
				stack[len(stack)-1].shown = endsWithColon(n, src) // "Here is what mine looked like last week:"
			}
			if lane != nil && n.Kind() == ast.KindList {
				switch {
				case laneList:
				case laneStep:
					lane.stepLists++
				default:
					lane.listLanes++
				}
				laneList = true
				lane.cards += cardsIn(n, src)
				items, rules := listsRules(n, src)
				lane.items, lane.rules = lane.items+items, lane.rules+rules
				if !lane.boxes && !laneStep && holdsBox(n) {
					lane.boxes = true // a step's boxes are a checklist's: they make no board
				}
			}
			continue
		}
		laneList = false
		for len(levels) > 1 && levels[len(levels)-1] >= h.Level {
			stack, levels = stack[:len(stack)-1], levels[:len(levels)-1]
		}
		parent := stack[len(stack)-1]
		lane = nil
		var buf [64]byte
		w := buf[:0]
		if lines := h.Lines(); lines.Len() == 1 && lines.At(0).Stop-lines.At(0).Start <= 64 {
			w = appendHeadingWords(w, mdtext.Inline(h, src)) // a lane's name is short: most headings are not read
		}
		laneStep = false
		if st, ok := lanes[string(w)]; ok {
			laneStep = stepLanes[string(w)]
			if laneStep {
				parent.steps++
			} else {
				parent.lanes++
				parent.doneLane = parent.doneLane || st == marker.Done
			}
			switch string(w) {
			case "to do", "todo", "doing", "in progress", "wip", "backlog":
				parent.workLanes++
			}
			heads, parents, steps = append(heads, h), append(parents, parent), append(steps, laneStep)
			lane = parent
		}
		stack, levels = append(stack, &parentOf{}), append(levels, h.Level)
	}
	for i, h := range heads {
		b := parents[i]
		lanes, listLanes := b.lanes, b.listLanes
		if b.workLanes > 0 {
			// a kanban's Review and QA: lanes of a board of plain cards,
			// never of a checklist's (a town hall's QA beside Done and Next
			// is none)
			lanes, listLanes = lanes+b.steps, listLanes+b.stepLists
		}
		// three lanes, or a to-do list's two: work still to do and Done
		enough := lanes >= 3 || lanes == 2 && b.workLanes > 0 && b.doneLane && !b.shown
		plain := enough && listLanes == lanes && !b.described && !b.guide && (b.cards >= 2 || b.doneLane && b.rules*3 < b.items)
		if steps[i] && (b.workLanes == 0 || !plain) {
			continue
		}
		if b.lanes >= 2 && b.boxes || plain {
			if out == nil {
				out = map[*ast.Heading]bool{}
			}
			out[h] = true
		}
	}
	return out
}

// endsWithColon reports whether a paragraph's last line ends with a
// colon, bringing in what follows.
func endsWithColon(p ast.Node, src []byte) bool {
	lines := p.Lines()
	if lines.Len() == 0 {
		return false
	}
	last := lines.At(lines.Len() - 1)
	return bytes.HasSuffix(bytes.TrimRight(last.Value(src), " \t\r\n"), []byte(":"))
}

// explainsLanes reports whether a paragraph before a board's lanes
// explains them rather than tracks work: it speaks of columns or lanes,
// or of what each means.
func explainsLanes(p ast.Node, src []byte) bool {
	lines := p.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src) // read in place: most paragraphs are prose
		if bytes.Contains(line, []byte("olumn")) || bytes.Contains(line, []byte(" lane")) ||
			bytes.Contains(line, []byte(" Lane")) || bytes.Contains(line, []byte(" means")) {
			return true
		}
	}
	return false
}

// cardsIn counts the items of a list that read as a board's cards: an
// owner (@ines), an issue or pull request (#221, or a key it opens with,
// WEB-401) or a date in their first line. A process guide's lanes list rules ("Assign yourself", "Two
// approvals needed"), which name none, or name one as an example ("e.g.
// #1204"), and a reading list's items are links.
func cardsIn(list ast.Node, src []byte) int {
	n := 0
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		p := firstTextBlock(li)
		if p == nil || p.Lines().Len() == 0 {
			continue
		}
		seg := p.Lines().At(0)
		line := seg.Value(src)
		if _, dated := marker.FirstDate(string(line)); dated {
			n++
			continue
		}
		if issueKeyAt(line) {
			n++ // "WEB-401 Dark mode", as Linear and Jira boards are copied
			continue
		}
		for i := 0; i+1 < len(line); i++ {
			c, next := line[i], line[i+1]
			if c == '@' && isASCIILetter(next) || c == '#' && next >= '0' && next <= '9' && !forExample(line[:i]) {
				n++
				break
			}
		}
	}
	return n
}

// issueKeyAt reports whether a card's line opens with a tracker's issue
// key: two or more capitals, a dash and digits ("WEB-401", "PAY-12"),
// after any emphasis.
func issueKeyAt(line []byte) bool {
	t := bytes.TrimLeft(line, "*_[ ")
	caps := 0
	for caps < len(t) && 'A' <= t[caps] && t[caps] <= 'Z' {
		caps++
	}
	if caps < 2 || caps+1 >= len(t) || t[caps] != '-' || t[caps+1] < '0' || t[caps+1] > '9' {
		return false
	}
	return true
}

// listsRules counts the items of list and those that read as a rule of a
// process rather than a card: they speak of what may, must or should
// happen, or to whoever reads them ("Anyone can add a card", "Assign
// yourself first", "Two approvals needed"), or give examples of what
// belongs in the lane. A board whose lanes list rules for a third of
// their items or more is a process guide's.
func listsRules(list ast.Node, src []byte) (items, rules int) {
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		p := firstTextBlock(li)
		if p == nil || p.Lines().Len() == 0 {
			continue
		}
		seg := p.Lines().At(0)
		if saysNothing(string(seg.Value(src))) {
			continue // a lane's "Nothing yet, Monday was a holiday": no card, no rule
		}
		items++
		if readsAsRule(string(seg.Value(src))) {
			rules++
		}
	}
	return items, rules
}

// readsAsRule reports whether an item's first line reads as a rule
// (listsRules).
func readsAsRule(written string) bool {
	line := strings.ToLower(written)
	if strings.Contains(line, "e.g.") || strings.Contains(line, "for example") || strings.Contains(line, "such as") {
		return true // "Confirmed bugs without an assignee, e.g. #1204"
	}
	for i, w := range strings.Fields(written) {
		w = strings.Trim(w, ".,;:!?()")
		if ruleWords[strings.ToLower(w)] && !(i > 0 && w == "May") {
			return true // but "Cart email v2 (May)" names a month
		}
	}
	return false
}

// actionTitles head a section whose plain list lists tasks, each open
// unless it says otherwise, as meeting minutes and issues write them: "##
// Action items", "## Follow-ups".
var actionTitles = map[string]bool{
	"action items": true, "action item": true, "actions": true, "action points": true,
	"follow ups": true, "followups": true, "follow up items": true, "follow up actions": true,
	"actions arising": true, "agreed actions": true, "actions agreed": true,
}

// actionsFrom is a heading's words without what says where its actions
// came from: "actions from 24 nov call" and "action items from the
// review" are "actions" and "action items".
func actionsFrom(words string) string {
	if head, _, ok := strings.Cut(words, " from "); ok && actionTitles[head] {
		return head
	}
	return words
}

var ruleWords = map[string]bool{
	"can": true, "must": true, "should": true, "may": true, "need": true, "needs": true, "needed": true,
	"anyone": true, "everyone": true, "nobody": true, "you": true, "your": true, "yourself": true,
	"we": true, "our": true, "when": true, "if": true, "once": true, "until": true, "only": true,
	// a lane that speaks of the board itself: "Move a card here", "Cards are archived"
	"card": true, "cards": true, "here": true, "column": true, "columns": true, "lane": true,
	// an app's guide: "Press x to clear the pane"
	"press": true, "click": true, "tap": true, "swipe": true, "drag": true,
}

// forExample reports whether text ends by bringing in an example: "e.g.",
// "like", "such as", "see".
func forExample(text []byte) bool {
	t := strings.ToLower(strings.TrimRight(string(text), " ([,"))
	for _, w := range []string{"e.g.", "eg", "like", "such as", "see", "i.e."} {
		if strings.HasSuffix(t, " "+w) || t == w {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// holdsBox reports whether a list has a task box among its items, at any
// depth.
func holdsBox(list ast.Node) bool {
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		if _, box := checkBoxOf(li); box {
			return true
		}
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == ast.KindList && holdsBox(c) {
				return true
			}
		}
	}
	return false
}

// labelLane reads the paragraph right before list when it is nothing but
// a status label and a colon ("**Done:**", "In progress:", "_Blocked_:"),
// as a stand-up or a sprint page heads its lists, or a lane's name in bold
// or italics alone ("**Backlog**", "**Done**"), as a board pasted from
// Asana or Trello does: the list is a lane of that state. "**This week**"
// is none: a report's record of what happened as often as a plan.
func (c *computer) labelLane(list ast.Node) declared {
	p, ok := list.PreviousSibling().(*ast.Paragraph)
	if !ok || p.Lines().Len() != 1 {
		return declared{}
	}
	text := strings.TrimSpace(markerText(p, c.src))
	label, colon := strings.CutSuffix(text, ":")
	if !colon {
		if st, ok := c.boldLane(p); ok && c.anotherBoldLane(p) && (!problemLane(text) || cardsIn(list, c.src) > 0) {
			return declared{true, st, text} // "**Backlog**", "**⛔ Blocked / need help**": a board pasted from Asana
		}
		return declared{}
	}
	if label == "" {
		return declared{}
	}
	if m, ok := c.vocab.Label(label); ok && m.Kind == marker.Word && !decisionWords[headingWords(label)] {
		return declared{true, m.State, label} // not minutes' "Accepted:" over the proposals decided
	}
	return declared{}
}

// problemLane reports whether a lane's name is one that lists problems
// as often as work (Open, Still open, Resolved: a reading list's
// conjectures, a podcast's cases), which must hold a card naming an
// owner, an issue or a date to be a lane.
func problemLane(name string) bool {
	switch headingWords(strings.Trim(name, "*_ ")) {
	case "open", "still open", "resolved":
		return true
	}
	return false
}

// boldLane reads a paragraph that is a lane's name alone in bold or
// italics ("**Done**", "**⛔ Blocked / need help**").
func (c *computer) boldLane(p ast.Node) (State, bool) {
	if p.Kind() != ast.KindParagraph || p.Lines().Len() != 1 || !entirelyEmphasized(p, c.src) {
		return marker.Open, false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(markerText(p, c.src)), "/")
	st, ok := lanes[headingWords(first)]
	return st, ok
}

// anotherBoldLane reports whether a block beside paragraph p, in its
// section (no heading between them), is another lane's name in bold: a board's columns come in
// twos at least, where a lone "**Backlog**" over a meal plan's list is a
// label.
func (c *computer) anotherBoldLane(p ast.Node) bool {
	for _, next := range []func(ast.Node) ast.Node{ast.Node.PreviousSibling, ast.Node.NextSibling} {
		for n := next(p); n != nil && n.Kind() != ast.KindHeading; n = next(n) {
			if _, ok := c.boldLane(n); ok {
				return true
			}
		}
	}
	return false
}

// saysNothing reports whether a lane's item says the lane is empty
// ("none", "Nothing today", "n/a", "-"), as a stand-up writes under
// "**Blocked:**".
func saysNothing(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	if head, rest, ok := strings.Cut(t, ","); ok {
		next, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
		switch next {
		case "but", "apart", "except", "other", "besides":
			return false // "Nothing yet, but Priya started the migration script": a card
		}
		for _, w := range [...]string{"still", "waiting", "blocked", "stuck", "pending", "on hold"} {
			if strings.Contains(rest, w) {
				return false // "Nothing new, still waiting on the VPN vendor": a blocker
			}
		}
		t = head // "Nothing yet, Monday was a holiday"
	}
	switch strings.TrimRight(t, ".!") {
	case "", "-", "—", "none", "nothing", "n/a", "na", "nil", "none yet", "nothing yet", "nothing today",
		"none today", "nothing new", "no blockers", "none so far", "nothing so far", "nothing else":
		return true
	}
	return false
}
