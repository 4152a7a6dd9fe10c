package status

import (
	"slices"
	"strings"
	"unicode"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
)

// stageColumns returns the columns of a pipeline table, in order: two or
// more headed by a stage of work (stageHeader: Draft, Edit, Final, Mix,
// Slides posted; a header that ends another's, "Master" beside "Grand
// master", counted once), and a column of ticks between two of them,
// whose cells are ticks (x, ✓, "✓ 28/10"), partial marks, a state read as
// done or under way, or notes no more than its marks (readStage), one
// tick and one blank at least (a table ticked everywhere is a support
// table's), every row ticked from the left with nothing after its first
// blank, as a manuscript or a course tracker fills its stages (| Chapter
// | Draft | Edit | Final | of x and blanks). nil when the table is none:
// a column of other states or status emoji is a matrix's, a first column
// of people or of tools (| DAW | Tracking | Mixing |) makes flags or a
// comparison, a support table's ✓ under a browser or a region names no
// stage, and a pricing table is ticked from the right.
func (c *computer) stageColumns(header ast.Node, rows []ast.Node) []int {
	if header == nil {
		return nil
	}
	heads := childrenOf(header)
	if len(heads) == 0 || peopleHeaders[headerName(mdtext.Inline(heads[0], c.src))] {
		return nil // "| Role | View | Draft | Edit |", "| Name | Registered | Paid |": flags of people
	}
	if productHeaders[headerName(mdtext.Inline(heads[0], c.src))] {
		return nil // "| DAW | Tracking | Mixing | Mastering |": what each tool does, not work
	}
	var stages []string // the stage headers, a header that ends another's counted once: a key schedule's "Grand master" and "Master" are one
	for _, h := range heads {
		text := mdtext.Inline(h, c.src)
		if stageWord(text) == "" {
			continue
		}
		words := headingWords(text)
		if !slices.ContainsFunc(stages, func(s string) bool { return strings.HasSuffix(s, words) || strings.HasSuffix(words, s) }) {
			stages = append(stages, words)
		}
	}
	if len(stages) < 2 {
		return nil // most tables: no cell read
	}
	width := tableWidth(rows)
	first, last := -1, -1
	for i := 0; i < width && i < len(heads); i++ {
		if stageHeader(mdtext.Inline(heads[i], c.src)) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	var cols []int
	ticks := 0
	for i := 0; i < width && i < len(heads); i++ {
		if !stageHeader(mdtext.Inline(heads[i], c.src)) {
			between, ticksOnly := first < i && i < last, i > 0 && c.onlyTicks(rows, i)
			switch {
			case ticksOnly && !between:
				return nil // "| View | … | Publish |": a column of ticks that is no stage
			case !ticksOnly || !between:
				continue
			} // a column of ticks between two stages is a step: "| Edited | Show notes | Published |"
		}
		m := c.columnMarks(rows, i)
		ticks += m.ticks
		filled := m.done + m.partial
		if m.states > 0 {
			return nil // "| Supervisor review |" of ✓ and waiting: a matrix of states reads it
		}
		if filled == 0 && m.notes > 0 {
			continue // a systematic review's "| Design |" of RCT and Cohort: what a row is, no stage
		}
		if m.notes > filled {
			return nil // a column of words with a tick or two: no stage of ticks
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
			empty := i >= len(cells) || c.readStage(strings.TrimSpace(markerText(cells[i], c.src))) == stageBlank
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

// productHeaders head a first column of tools or products, whose ticks
// under stages say what each can do.
var productHeaders = map[string]bool{
	"tool": true, "tools": true, "product": true, "products": true, "software": true, "app": true, "apps": true,
	"plugin": true, "plugins": true, "vendor": true, "vendors": true, "option": true, "options": true,
	"brand": true, "model": true, "platform": true, "platforms": true, "service": true, "services": true,
	"library": true, "framework": true, "editor": true, "daw": true, "pen": true, "device": true,
	"application": true, "applications": true, "program": true, "programs": true,
}

// peopleHeaders head a first column of people or roles.
var peopleHeaders = map[string]bool{
	"role": true, "roles": true, "name": true, "person": true, "people": true, "attendee": true,
	"guest": true, "user": true, "member": true, "participant": true, "student": true,
}

// onlyTicks reports whether column col holds ticks and blanks only, one
// tick at least.
func (c *computer) onlyTicks(rows []ast.Node, col int) bool {
	m := c.columnMarks(rows, col)
	return m.done > 0 && m.partial+m.notes+m.states == 0
}

// stageCell is what a cell of a pipeline's stage says.
type stageCell int

const (
	stageBlank   stageCell = iota // "", "—": not begun, or no such stage
	stageTicked                   // x, ✓, "✓ 28/10", done
	stagePartial                  // half, wip, in progress, a share ("50%"), and words the vocabulary or the page's key reads as under way ("drafting", "~")
	stageNote                     // words that say no state ("booked Dec 2", "notes from director"): begun, not done
	stageDropped                  // a dropping word ("dropped", "cut"): the row's work was set aside
	stageState                    // another state ("waiting", "blocked") or a status emoji: a matrix of states, not a pipeline
)

// readStage reads one cell of a pipeline's stage.
func (c *computer) readStage(text string) stageCell {
	if blankStage(text) {
		return stageBlank
	}
	if st, ok := stageMark(text); ok {
		if st == marker.Done {
			return stageTicked
		}
		return stagePartial
	}
	switch t := strings.Trim(text, "*_ "); {
	case crossMark(t) || strings.EqualFold(t, "no") || strings.EqualFold(t, "n") || strings.EqualFold(t, "false"):
		return stageState // "| Refund requested | Done |" of Yes and No: flags, not stages
	}
	if m, ok := c.vocab.Find(text, marker.Cell); ok {
		if m.Kind != marker.Word {
			return stageState // a column of status emoji is a matrix's: each cell an item
		}
		switch m.State {
		case marker.Done:
			return stageTicked
		case marker.Active:
			return stagePartial
		case marker.Dropped:
			if setAside(text, m) {
				return stageDropped // "| 6. Relocation | dropped | | |"
			}
			return stageNote // a film's "fine cut", a parcel "dropped off"
		}
		return stageState
	}
	if st, ok := c.legend.cells[cellKey(strings.Trim(text, "*_ "))]; ok {
		switch st {
		case marker.Done:
			return stageTicked
		case marker.Active:
			return stagePartial // "~ = in progress" in the page's key
		}
		return stageState
	}
	if share, ok := percentage(text); ok {
		switch share {
		case 0:
			return stageBlank
		case 100:
			return stageTicked
		}
		return stagePartial // "50%" of a stage done
	}
	if notBegun(text) {
		return stageBlank
	}
	return stageNote
}

// setAside reports whether a stage's cell whose word m drops work says
// the row was set aside: the word opens the cell and nothing follows but
// a reason in brackets or after a dash or a colon ("dropped", "Cancelled
// (budget)"); not an edit's "fine cut" or a hamper "dropped off".
func setAside(text string, m marker.Match) bool {
	word := strings.ToLower(text[m.Start:m.End])
	if word == "cut" || strings.TrimLeft(text[:m.Start], "*_ ") != "" {
		return false
	}
	rest := strings.TrimLeft(text[m.End:], "*_ ")
	return rest == "" || strings.ContainsRune("(—–-:,", firstRune(rest))
}

// notBegun reports whether a stage's cell, no tick, state nor share, says
// when or how long the stage will be rather than that it began: a day
// ("Dec 3", "2026-12-03"), an estimate ("4h", "2 days", "4-6h"), a sign
// of no word ("~", "?"; readStage asks the page's legend first) or TBC.
func notBegun(text string) bool {
	t := strings.Trim(text, "*_ ()")
	switch strings.ToLower(t) {
	case "tbc", "tbd", "later", "soon":
		return true
	}
	if !strings.ContainsFunc(t, unicode.IsLetter) || marker.DayMonth(t) {
		return true
	}
	_, n, ok := attr.ParseHours(t)
	return ok && n == len(t)
}

// stageMarks counts a column's cells by what each says, blanks aside.
// ticks are the done cells that are ticks (x, ✓), not a state's word or
// a share: a table of shares or grades is no pipeline without one.
type stageMarks struct{ done, ticks, partial, notes, states int }

// columnMarks reads every cell of column col (readStage).
func (c *computer) columnMarks(rows []ast.Node, col int) stageMarks {
	var m stageMarks
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			continue
		}
		text := strings.TrimSpace(markerText(cells[col], c.src))
		switch c.readStage(text) {
		case stageTicked:
			m.done++
			if st, ok := stageMark(text); ok && st == marker.Done {
				m.ticks++
			}
		case stagePartial:
			m.partial++
		case stageNote:
			m.notes++
		case stageState:
			m.states++
		}
	}
	return m
}

// stageHeader reports whether a column's header names a stage of work:
// a stage's noun (Draft, Edit, Review, Final, Design, Build, Test, QA …)
// or a participle of what was done (Drafted, Slides posted, Lecture
// given, Written).
func stageHeader(h string) bool { return stageWord(h) != "" }

// stageWord is the word that makes a column's header a stage's
// (stageHeader), "" when it names none.
func stageWord(h string) string {
	switch strings.TrimSpace(h) {
	case "master", "main", "beta", "dev", "release":
		return "" // branches, as a build matrix heads its columns
	}
	words := strings.Fields(headingWords(h))
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	last := words[len(words)-1]
	if stageNouns[last] || strings.HasSuffix(last, "ed") && len(last) > 4 || irregularDone[last] {
		return last
	}
	return ""
}

// stageNouns name the stages a pipeline's columns are headed with.
var stageNouns = map[string]bool{
	"draft": true, "edit": true, "review": true, "final": true, "design": true, "build": true, "test": true,
	"qa": true, "uat": true, "deploy": true, "release": true, "outline": true, "research": true,
	"proof": true, "proofread": true, "layout": true, "copyedit": true, "launch": true, "dev": true,
	"writing": true, "editing": true, "recording": true, "done": true,
	"live": true, // "| Draft | Review | Live |", "Go live"
	// a record's, a film's, a book's and an illustration's stages
	"demo": true, "tracking": true, "mix": true, "mixing": true, "master": true, "mastering": true,
	"conform": true, "grade": true, "grading": true, "lock": true, "storyboard": true, "animatic": true,
	"script": true, "typeset": true, "typesetting": true, "proofs": true, "proofing": true, "beta": true,
	"sketch": true, "inks": true, "inking": true, "colour": true, "color": true, "colouring": true, "coloring": true,
}

// irregularDone are participles of work done that do not end in -ed.
var irregularDone = map[string]bool{
	"given": true, "written": true, "sent": true, "built": true, "taught": true, "drawn": true,
	"shot": true, "held": true, "paid": true, "made": true, "done": true, "begun": true, "run": true,
	"read": true, // "Beta read", "Proof read"
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
	if tick, day, ok := strings.Cut(strings.TrimSpace(text), " "); ok && datedTick(day) {
		text = tick // "✓ 28/10": ticked on the day
	}
	switch strings.ToLower(strings.Trim(text, "*_ ")) {
	case "x", "✓", "✔", "✔️", "✅", "yes", "y", "done", "☑", "☑️":
		return marker.Done, true
	case "half", "partly", "partial", "wip", "in progress", "started", "🟡", "½", "◐":
		return marker.Active, true
	}
	return marker.Open, false
}

// datedTick reports whether what follows a tick is the day it was
// ticked: digits ("28/10", "2026-11-04") and month names ("Oct 6").
func datedTick(day string) bool {
	words := strings.FieldsFunc(strings.Trim(strings.TrimSpace(day), "()"), func(r rune) bool { return r == ' ' || r == ',' })
	if len(words) == 0 || len(words) > 3 || !strings.ContainsFunc(day, unicode.IsDigit) {
		return false
	}
	for _, w := range words {
		if !marker.IsMonthName(w) && strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && !strings.ContainsRune("/-.", r) }) {
			return false
		}
	}
	return true
}

// stageItems makes each row of a pipeline table an item: done when every
// stage is ticked, open when none is, else under way; dropped when a
// stage says so; a stage written "—" is none of that row's.
func (c *computer) stageItems(header ast.Node, rows []ast.Node, cols []int, out *[]*found) {
	c.rowItems(header, rows, cols[len(cols)-1], func(r int, _ ast.Node) (State, bool) {
		cells := childrenOf(rows[r])
		done, started, stages := 0, 0, 0
		dropped, goesOn := false, false // a stage set the row aside; a later one began all the same
		for _, i := range cols {
			if i >= len(cells) {
				stages++
				continue
			}
			text := strings.TrimSpace(mdtext.Inline(cells[i], c.src))
			if text != "" && blankStage(text) {
				continue // "—": no such stage for this row (a midterm's slides)
			}
			read := c.readStage(text)
			if read == stageDropped {
				dropped = true
				continue // a stage left out, as "—" is, unless no later one begins
			}
			stages++
			switch read {
			case stageTicked:
				done++
				started++
			case stagePartial, stageNote:
				started++
			default:
				continue
			}
			goesOn = goesOn || dropped // "| ✓ | skipped | ✓ |": the row went on
		}
		switch {
		case dropped && !goesOn:
			return marker.Dropped, true // "| 6. Relocation | dropped |": set aside
		case stages == 0:
			return marker.Dropped, true // every stage "—": nothing to do in this row
		case done == stages:
			return marker.Done, true
		case started == 0:
			return marker.Open, true
		}
		return marker.Active, true
	}, out, cols...) // a stage's "4h" names no row
}
