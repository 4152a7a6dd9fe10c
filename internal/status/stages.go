package status

import (
	"strings"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
)

// stageColumns returns the columns of a pipeline table, in order: two or
// more headed by a stage of work (stageHeader: Draft, Edit, Final,
// Slides posted) whose filled cells are all ticks (x, ✓, ✔, ✅, yes) or
// partial marks (half, partly, 🟡), one tick and one blank at least (a
// table ticked everywhere is a support table's), and every row ticked
// from the left with nothing after its first blank, as a
// manuscript or a course tracker fills its stages (| Chapter | Draft |
// Edit | Final | of x and blanks). nil when the table is none (a stage
// column holding a state, "waiting", is a matrix of states): a support
// table's ✓ under a browser or a region names no stage, and a pricing
// table is ticked from the right.
func (c *computer) stageColumns(header ast.Node, rows []ast.Node) []int {
	if header == nil {
		return nil
	}
	heads := childrenOf(header)
	if len(heads) == 0 || peopleHeaders[headerName(mdtext.Inline(heads[0], c.src))] {
		return nil // "| Role | View | Draft | Edit |", "| Name | Registered | Paid |": flags of people
	}
	stages := 0
	for _, h := range heads {
		if stageHeader(mdtext.Inline(h, c.src)) {
			stages++
		}
	}
	if stages < 2 {
		return nil // most tables: no cell read
	}
	width := tableWidth(rows)
	var cols []int
	ticks := 0
	for i := 0; i < width && i < len(heads); i++ {
		if !stageHeader(mdtext.Inline(heads[i], c.src)) {
			if i > 0 && c.onlyTicks(rows, i) {
				return nil // "| View | … | Publish |": a column of ticks that is no stage
			}
			continue
		}
		done, partial, ok := c.columnMarks(rows, i)
		ticks += done
		filled := done + partial
		if !ok && filled == 0 && c.wordsOnly(rows, i) {
			continue // a systematic review's "| Design |" of RCT and Cohort: what a row is, no stage
		}
		if !ok {
			return nil // "| Supervisor review |" of ✓ and waiting: a matrix of states reads it
		}
		if filled > 0 {
			cols = append(cols, i)
		}
	}
	if len(cols) < 2 || ticks == 0 {
		return nil
	}
	blank := false
	for _, r := range rows {
		cells := childrenOf(r)
		seenBlank := false
		for _, i := range cols {
			empty := i >= len(cells) || blankStage(strings.TrimSpace(markerText(cells[i], c.src)))
			if !empty && seenBlank {
				return nil // a tick after a blank: no pipeline
			}
			seenBlank = seenBlank || empty
		}
		blank = blank || seenBlank
	}
	if !blank {
		return nil
	}
	return cols
}

// peopleHeaders head a first column of people or roles.
var peopleHeaders = map[string]bool{
	"role": true, "roles": true, "name": true, "person": true, "people": true, "attendee": true,
	"guest": true, "user": true, "member": true, "participant": true, "student": true,
}

// onlyTicks reports whether column col holds ticks and blanks only, one
// tick at least.
func (c *computer) onlyTicks(rows []ast.Node, col int) bool {
	done, partial, ok := c.columnMarks(rows, col)
	return ok && partial == 0 && done > 0
}

// wordsOnly reports whether no filled cell of column col is a tick or a
// partial mark, nor says a state: the column describes its rows.
func (c *computer) wordsOnly(rows []ast.Node, col int) bool {
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			continue
		}
		text := strings.TrimSpace(markerText(cells[col], c.src))
		if _, mark := stageMark(text); mark {
			return false
		}
		if _, ok := c.vocab.Find(text, marker.Cell); ok {
			return false
		}
	}
	return true
}

// columnMarks counts the ticks (done) and partial marks of column col,
// blanks aside; ok is false when a filled cell is neither.
func (c *computer) columnMarks(rows []ast.Node, col int) (done, partial int, ok bool) {
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			continue
		}
		text := strings.TrimSpace(markerText(cells[col], c.src))
		if blankStage(text) {
			continue
		}
		st, mark := stageMark(text)
		switch {
		case !mark:
			return done, partial, false
		case st == marker.Done:
			done++
		default:
			partial++
		}
	}
	return done, partial, true
}

// stageHeader reports whether a column's header names a stage of work:
// a stage's noun (Draft, Edit, Review, Final, Design, Build, Test, QA …)
// or a participle of what was done (Drafted, Slides posted, Lecture
// given, Written).
func stageHeader(h string) bool {
	words := strings.Fields(headingWords(h))
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	last := words[len(words)-1]
	return stageNouns[last] || strings.HasSuffix(last, "ed") && len(last) > 4 || irregularDone[last]
}

// stageNouns name the stages a pipeline's columns are headed with.
var stageNouns = map[string]bool{
	"draft": true, "edit": true, "review": true, "final": true, "design": true, "build": true, "test": true,
	"qa": true, "uat": true, "deploy": true, "release": true, "outline": true, "research": true,
	"proof": true, "proofread": true, "layout": true, "copyedit": true, "launch": true, "dev": true,
	"writing": true, "editing": true, "recording": true, "done": true,
}

// irregularDone are participles of work done that do not end in -ed.
var irregularDone = map[string]bool{
	"given": true, "written": true, "sent": true, "built": true, "taught": true, "drawn": true,
	"shot": true, "held": true, "paid": true, "made": true, "done": true, "begun": true, "run": true,
}

// blankStage reports whether a pipeline's cell is blank: empty, or only a
// dash (nothing to do there).
func blankStage(text string) bool {
	switch text {
	case "", "-", "–", "—":
		return true
	}
	return false
}

// stageMark reads a pipeline cell: a tick is done, a partial mark under
// way.
func stageMark(text string) (State, bool) {
	switch strings.ToLower(strings.Trim(text, "*_ ")) {
	case "x", "✓", "✔", "✔️", "✅", "yes", "y", "done", "☑", "☑️":
		return marker.Done, true
	case "half", "partly", "partial", "wip", "in progress", "started", "🟡", "½":
		return marker.Active, true
	}
	return marker.Open, false
}

// stageItems makes each row of a pipeline table an item: done when every
// stage is ticked, open when none is, else under way; a stage written "—"
// is none of that row's.
func (c *computer) stageItems(header ast.Node, rows []ast.Node, cols []int, out *[]*found) {
	c.rowItems(header, rows, cols[len(cols)-1], func(r int, _ ast.Node) (State, bool) {
		cells := childrenOf(rows[r])
		done, started, stages := 0, 0, 0
		for _, i := range cols {
			if i >= len(cells) {
				stages++
				continue
			}
			text := strings.TrimSpace(mdtext.Inline(cells[i], c.src))
			if text != "" && blankStage(text) {
				continue // "—": no such stage for this row (a midterm's slides)
			}
			stages++
			st, ok := stageMark(text)
			switch {
			case ok && st == marker.Done:
				done++
				started++
			case ok:
				started++
			}
		}
		switch {
		case stages == 0:
			return marker.Dropped, true // every stage "—": nothing to do in this row
		case done == stages:
			return marker.Done, true
		case started == 0:
			return marker.Open, true
		}
		return marker.Active, true
	}, out)
}
