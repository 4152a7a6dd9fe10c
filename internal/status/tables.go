package status

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/tasklist"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// collectTable reads the items of one table. The first rule that fits
// wins:
//
//  1. a legend table (readLegends) holds no items;
//  2. a key/value record is one item (record);
//  3. a table with a Status or State header: each row is an item;
//  4. a table with two or more marker columns is a matrix: each marker
//     cell is an item;
//  5. a table with one marker column: each row is an item, its state read
//     from that column.
//
// Rules 4 and 5 apply only when the markers count (markersCount).
func (c *computer) collectTable(table ast.Node, out *[]*found) {
	if c.legend.nodes[table] {
		return
	}
	header, rows := tableParts(table)
	if c.listsRisksOrQuestions(header) {
		return // a risk register's Open / Mitigated, an open question's Resolved: not work
	}
	if c.measurements(header, rows) {
		return // a thermal report's | Limit | Measured | Result |: results, not work
	}
	if c.termbase(header, rows) {
		return // a UI glossary's | English | German |: "Done" is a word to translate
	}
	if c.cur != nil && c.cur.heading != nil && documentHistory[headingWords(c.cur.bare)] {
		return // "## Document control": a policy's versions, Approved and Minor revisions
	}
	if it := c.record(table, header, rows); it != nil {
		*out = append(*out, it)
		return
	}
	if col := c.statusHeader(header); col >= 0 {
		reads := c.statusCells(header, rows, col)
		states := saysStates(reads)
		if !states && c.workColumn(header, reads) {
			// a column with a Not started and an In progress holds work's
			// states (or one of them, in rows of Tasks or Deliverables):
			// its Delivered and Posted are some too; an inventory's one
			// stray In progress is not enough
			fillStates(reads, trackerFills)
			states = saysStates(reads)
		}
		// a purchase order log's Ordered, In transit, Received: every cell
		// a state, as a catalogue's Available and Archived are not
		states = states || statesThroughout(reads)
		if states {
			fillStates(reads, fillWords)
			fillStates(reads, trackerFills)
			fillGerunds(reads)
			c.resolutions(header, rows, reads)
			c.rowItems(header, rows, col, func(r int, _ ast.Node) (State, bool) { return reads[r].st, reads[r].ok }, out)
		}
		return
	}
	cols := c.markerColumns(header, rows)
	health, counts := -1, -1 // a RAG column; a Progress column of counts done ("4/6")
	if header != nil {
		for i, h := range childrenOf(header) {
			switch name := headerName(mdtext.Inline(h, c.src)); {
			case verdictHeaders[name] && c.verdictColumn(rows, i):
				delete(cols, i) // a model card's "| Pass? |" of ✅ and ❌: results
			case stockHeaders[name] && c.ticksAndCrosses(rows, i):
				delete(cols, i) // a lab's "| In stock? |" of ✅ and "❌ (ordered 24/11)": what is at hand
			case healthHeaders[name]:
				delete(cols, i) // 🟢 in a RAG column is on track, not done
				if ragHeaders[name] && health < 0 {
					health = i
				}
			case (progressHeaders[name] || name == "done" && strings.Contains(mdtext.Inline(h, c.src), "%")) && c.percentColumn(rows, i, name == "progress"):
				cols[i] = true // "| Key result | Progress |" of 45% and 100%
				if name == "progress" {
					counts = i
				}
			}
		}
	}
	if c.underSupportHeading() && c.yesNoMarks(rows, cols) {
		return // "## Supported formats": ✅ and ❌ say what works, not how far work is
	}
	if c.underComparisonHeading() {
		return // "## Feature comparison": ✅, ⚠️ and 🟡 beta grade the options, not work
	}
	if stages := c.stageColumns(header, rows); stages != nil && !c.underSupportHeading() && !c.dayColumns(header, rows, stages) {
		c.stageItems(header, rows, stages, out) // "| Chapter | Draft | Edit | Final |" of x and blanks
		return
	}
	label := c.matrixLabel(header, rows, cols)
	var markerCols []int
	for i, width := 0, tableWidth(rows); i < width; i++ {
		if cols[i] && i != label {
			markerCols = append(markerCols, i)
		}
	}
	switch {
	case len(markerCols) == 0 && health >= 0:
		c.healthRows(header, rows, health, out)
	case len(markerCols) >= 2 && label >= 0 && c.markersCount(rows, markerCols) && !c.dayColumns(header, rows, markerCols) &&
		!(c.dayRows(rows, label) && c.ticksOnly(rows, markerCols)):
		c.matrixItems(header, rows, label, markerCols, out)
	case len(markerCols) == 1 && c.markersCount(rows, markerCols):
		reads := make([]cellRead, len(rows))
		for r, row := range rows {
			if cells := childrenOf(row); markerCols[0] < len(cells) {
				text := markerText(cells[markerCols[0]], c.src)
				reads[r].st, reads[r].ok = c.cellStateOf(cells[markerCols[0]], text)
				reads[r].text = strings.TrimSpace(text)
				if markerCols[0] == counts {
					if st, ok := fractionState(reads[r].text); ok {
						reads[r].st, reads[r].ok = st, true // "4/6" repos migrated
					}
				}
			}
		}
		c.ragDots(reads)
		c.rowItems(header, rows, markerCols[0], func(r int, _ ast.Node) (State, bool) { return reads[r].st, reads[r].ok }, out)
	default:
		if col := c.doneColumn(header, rows); col >= 0 {
			c.rowItems(header, rows, col, c.readCell(c.doneCell), out) // "| Task | Done? |" of ✅ and blanks
		} else if c.actionsTable(header) {
			// minutes' "| Action | Who | By when |" under "## Actions":
			// each row a task, open, with its owner and date
			rows = slices.DeleteFunc(slices.Clone(rows), c.blankRow) // a minutes template's empty rows
			c.rowItems(header, rows, noColumn, func(int, ast.Node) (State, bool) { return marker.Open, false }, out)
		}
	}
}

// blankRow reports whether every cell of a row is blank.
func (c *computer) blankRow(row ast.Node) bool {
	for _, cell := range childrenOf(row) {
		if !blankCell(markerText(cell, c.src)) {
			return false
		}
	}
	return true
}

// noColumn is a column index no row reaches: rowItems reads no state.
const noColumn = 1 << 20

// actionsTable reports whether a table without a state of any kind lists
// a section's actions (actionTitles: minutes' "## Actions"): its rows
// are named by an Action or Task column and a Due or By when column
// gives when each is due.
func (c *computer) actionsTable(header ast.Node) bool {
	if header == nil || c.cur == nil || !c.cur.lane.found || !actionTitles[c.cur.lane.as] {
		return false
	}
	named, due := false, false
	for _, h := range childrenOf(header) {
		text := mdtext.Inline(h, c.src)
		switch headerName(text) {
		case "action", "actions", "actionitem", "task", "tasks", "item", "what", "todo":
			named = true
		}
		due = due || attr.FieldName(fieldKey(text)) == "due"
	}
	return named && due // not a log of actions taken, a permissions table, a CI's actions
}

// listsRisksOrQuestions reports whether a table lists risks, open
// questions or assumptions, whose states say how a risk or a question
// stands, not how far work is: its first column is headed so (| Risk |
// Likelihood | Status |, | Question | Owner | Status |), or the section
// that holds it is titled so as a whole (riskTitles: "## Risks &
// blockers", "## Open questions").
func (c *computer) listsRisksOrQuestions(header ast.Node) bool {
	if header != nil {
		for i, h := range childrenOf(header) {
			name := headerName(mdtext.Inline(h, c.src))
			if riskHeaders[name] {
				return true
			}
			if !numberingHeader(mdtext.Inline(h, c.src)) || i > 0 {
				break // only the column the rows start with, after a # or an ID
			}
		}
	}
	if c.cur == nil || c.cur.heading == nil {
		return false
	}
	// the section's own heading only: "## Risks" over "### Mitigation
	// plan" is another matter; a register named for its risks ("#
	// Third-party risk register", "## Vendor risk register") is one too
	if c.actionColumn(header) {
		return false // "| Vendor | Remediation | Owner | Status |": the work done about the risks
	}
	if riskTitles[headingWords(c.cur.bare)] {
		return true
	}
	t := strings.TrimSpace(c.cur.bare)
	if len(t) <= len(" risk register") || !strings.EqualFold(t[len(t)-len("risk register"):], "risk register") {
		return false // most sections, read with no copy
	}
	words := headingWords(t)
	return len(strings.Fields(words)) <= 4 && !strings.Contains(words, "action") && !strings.Contains(words, " from ")
}

// actionColumn reports whether a table has a column of the work done
// about its rows (Remediation, Action, Next step).
func (c *computer) actionColumn(header ast.Node) bool {
	if header == nil {
		return false
	}
	for h := header.FirstChild(); h != nil; h = h.NextSibling() {
		if anyFold(bytes.TrimSpace(cellSource(h, c.src)), "remediation", "action", "actions", "next step", "next steps") {
			return true
		}
	}
	return false
}

// riskTitles are the titles of a section of risks or questions as a
// whole; "Risks and mitigations" or "Risk-based test plan" may hold work.
var riskTitles = map[string]bool{
	"risk": true, "risks": true, "risk register": true, "risks blockers": true, "risks and blockers": true,
	"risks issues": true, "risks and issues": true, "known risks": true, "open risks": true, "top risks": true,
	"key risks": true, "risks assumptions": true, "risks and assumptions": true, "open questions": true,
	"questions": true, "assumptions": true, "raid log": true,
	// the same in the languages whose status words the vocabulary knows
	"riesgos": true, "risiken": true, "risques": true, "rischi": true, "riscos": true, "リスク": true,
	"风险": true, "위험": true, "offene fragen": true, "preguntas abiertas": true, "questions ouvertes": true,
}

// riskHeaders head the first column of a table of risks or questions.
var riskHeaders = map[string]bool{
	"risk": true, "risks": true, "question": true, "questions": true, "openquestion": true,
	"assumption": true, "assumptions": true, "riesgo": true, "risiko": true, "risque": true,
	"rischio": true, "risco": true,
}

// underSupportHeading reports whether the section being read, or one
// that holds it, is titled as a support table's (isSupportTitle): "#
// Supported platforms" over "## Operating systems".
func (c *computer) underSupportHeading() bool {
	for s := c.cur; s != nil; s = s.parent {
		if s.heading != nil && isSupportTitle(headingWords(s.bare)) {
			return true
		}
	}
	return false
}

// underComparisonHeading reports whether the section being read, or one
// that holds it, weighs options against each other (comparisonWords):
// "## Feature comparison", "## Postgres vs MySQL". ("## Model evaluation"
// may track experiments.)
func (c *computer) underComparisonHeading() bool {
	for s := c.cur; s != nil; s = s.parent {
		if s.heading == nil {
			continue
		}
		for _, w := range strings.Fields(headingWords(s.bare)) {
			if comparisonWords[w] {
				return true
			}
		}
	}
	return false
}

// comparisonWords in a section's title say its tables grade options
// (vendors, tools, designs) against each other.
var comparisonWords = map[string]bool{
	"comparison": true, "compared": true, "vs": true, "versus": true,
	"alternatives": true, "competitors": true, "competitive": true,
}

// yesNoMarks reports whether the marker cells of cols are all a yes or a
// no mark (✅ ✔ ❌ ✖ ✗) that no legend of the page defines: a support
// table's answers, where 🚧 or ⬜ would say work is under way or to do.
func (c *computer) yesNoMarks(rows []ast.Node, cols map[int]bool) bool {
	for _, r := range rows {
		for i, cell := range childrenOf(r) {
			if !cols[i] {
				continue
			}
			text := strings.TrimSpace(markerText(cell, c.src))
			if text == "" {
				continue
			}
			if !c.yesNoMark(text) {
				return false
			}
		}
	}
	return true
}

// yesNoMark reports whether text opens with a yes or a no mark (✅ ✔ ❌ ✖
// ✗ ✘) that no legend of the page defines.
func (c *computer) yesNoMark(text string) bool {
	mark := strings.TrimSuffix(marker.EmojiPrefix(text), "\ufe0f")
	switch mark {
	case "✅", "✔", "❌", "✖", "✗", "✘":
		return !c.legend.defined[cellKey(mark)]
	}
	return false
}

// dayColumns reports whether every one of cols is headed by a day (Mon,
// Tuesday, 2026-03-02; and, when the cells are only ticks and crosses, M,
// Nov 23, 11/23, Day 3, or the days of a month numbered in order, 1 2 3):
// a habit tracker's or an attendance sheet's log of days, not stages of
// work. A burndown's | Story | 11/23 | 11/24 | of states tracks work.
func (c *computer) dayColumns(header ast.Node, rows []ast.Node, cols []int) bool {
	if header == nil {
		return false
	}
	heads := childrenOf(header)
	letters, numbered, named := 0, 0, 0
	for k, i := range cols {
		if i >= len(heads) {
			return false
		}
		h := strings.TrimSpace(mdtext.Inline(heads[i], c.src))
		switch n, err := strconv.Atoi(h); {
		case err == nil:
			if n < 1 || n > 31 || k > 0 && n != numbered+1 {
				return false // days of a month, one after another
			}
			numbered = n
			continue
		case len(h) == 1 && strings.Contains("MTWFS", h):
			letters++ // M T W T F
			continue
		}
		if !c.namesDay(h) {
			return false
		}
		if _, iso := attr.ParseDate(h); iso || marker.IsWeekday(h) {
			named++
		}
	}
	if named == len(cols) {
		return true // "| Habit | Mon | Tue |": days by name, whatever the marks
	}
	return (numbered == 0 || len(cols) >= 3) && (letters == 0 || len(cols) >= 3) && c.ticksOnly(rows, cols)
}

// ticksOnly reports whether every filled cell of cols is a tick or a
// cross (✅, ❌, x, yes, no …): a log kept by marks, not by states.
func (c *computer) ticksOnly(rows []ast.Node, cols []int) bool {
	for _, r := range rows {
		cells := childrenOf(r)
		for _, i := range cols {
			if i >= len(cells) {
				continue
			}
			text := strings.TrimSpace(markerText(cells[i], c.src))
			if blankCell(text) {
				continue
			}
			switch strings.ToLower(strings.TrimSuffix(text, "\ufe0f")) {
			case "✅", "✔", "✓", "☑", "❌", "✖", "✗", "✘", "x", "yes", "no", "y", "n", "🟢", "🔴", "⬜", "•":
				continue
			}
			return false
		}
	}
	return true
}

// dayRows reports whether every row of a table is named, in column
// label, by a day (Nov 23, 2026-11-23, Mon 23, 11/23): a habit tracker
// logged a day a row.
func (c *computer) dayRows(rows []ast.Node, label int) bool {
	if len(rows) < 2 {
		return false
	}
	for _, r := range rows {
		cells := childrenOf(r)
		if label >= len(cells) || !c.namesDay(strings.TrimSpace(mdtext.Inline(cells[label], c.src))) {
			return false
		}
	}
	return true
}

// namesDay reports whether a header or a label is a day: a weekday's name
// (with the day of the month after it, "Mon 23"), a date, a day and a
// month, a date with a slash, or "Day 3".
func (c *computer) namesDay(h string) bool {
	first, rest, _ := strings.Cut(strings.TrimSuffix(h, "."), " ")
	if marker.IsWeekday(first) {
		return rest == "" || marker.DayNumber(strings.TrimSpace(rest)) != 0 || marker.DayMonth(strings.TrimSpace(rest))
	}
	if strings.EqualFold(first, "day") {
		n, err := strconv.Atoi(strings.TrimSpace(rest))
		return err == nil && n > 0
	}
	if _, ok := attr.ParseDate(h); ok {
		return true
	}
	return marker.DayMonth(h) && len(strings.Fields(h)) <= 3 || marker.SlashDate(h) && len(strings.Fields(h)) == 1
}

// matrixLabel returns the column that names a matrix's rows: the first
// that is not a marker column and not under a numbering header, else the
// first that is not a marker column; -1 when every column is one.
func (c *computer) matrixLabel(header ast.Node, rows []ast.Node, cols map[int]bool) int {
	var heads []ast.Node
	if header != nil {
		heads = childrenOf(header)
	}
	first := -1
	for i, width := 0, tableWidth(rows); i < width; i++ {
		if cols[i] {
			continue
		}
		if first < 0 {
			first = i
		}
		if (i >= len(heads) || !numberingHeader(mdtext.Inline(heads[i], c.src))) && !c.numbersColumn(rows, i) {
			return i
		}
	}
	return first
}

// numbersColumn reports whether column col counts the rows: 1, 2, 3 …
// (or from 0) down the filled cells ("| Week | Topic |"), so that the next
// column names them. Versions (2.1, 3.10) and releases (18, 20, 22) name
// their rows.
func (c *computer) numbersColumn(rows []ast.Node, col int) bool {
	next := -1
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			continue
		}
		t := strings.TrimSpace(mdtext.Inline(cells[col], c.src))
		if t == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(t, "."))
		if err != nil || next >= 0 && n != next || next < 0 && n > 1 {
			return false
		}
		next = n + 1
	}
	return next > 0
}

// tableParts returns a table's header row and body rows.
func tableParts(table ast.Node) (header ast.Node, rows []ast.Node) {
	for ch := table.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.Kind() {
		case east.KindTableHeader:
			header = ch
		case east.KindTableRow:
			rows = append(rows, ch)
		}
	}
	return header, rows
}

func tableWidth(rows []ast.Node) int {
	w := 0
	for _, r := range rows {
		w = max(w, r.ChildCount())
	}
	return w
}

// statusHeader returns the index of the header cell named Status or State,
// or -1.
func (c *computer) statusHeader(header ast.Node) int {
	if header == nil {
		return -1
	}
	for i, cell := range childrenOf(header) {
		if isStatusName(mdtext.Inline(cell, c.src)) {
			return i
		}
	}
	return -1
}

// cellRead is what a status cell says: its state (ok when it names one),
// whether it holds anything, and its marker text, trimmed, read once for
// the passes after the first (toolStates, fillStates, ragDots).
type cellRead struct {
	st         State
	ok, filled bool
	text       string
}

// measurements reports whether a table reports measurements against
// limits and judges each (| Limit | Measured | Result |) with a verdict
// (Pass, Fail, Met, Not met, ✅, ❌): a test report's results, not work
// to do. A Result column of work's states (Complete, In progress,
// Achieved) tracks work.
func (c *computer) measurements(header ast.Node, rows []ast.Node) bool {
	if header == nil {
		return false
	}
	limit, measured, judged, status := false, false, -1, -1
	dated := false       // a Target or an Actual of dates: a schedule's milestones, not measures
	statusNamed := false // status is a column named Status or State, which beats one with no name
	for i, h := 0, header.FirstChild(); h != nil; i, h = i+1, h.NextSibling() {
		name := bytes.TrimSpace(cellSource(h, c.src)) // compared in place: every table asks
		isLimit := anyFold(name, "limit", "limits", "threshold", "spec", "specification", "tolerance", "min", "max", "target", "goal")
		isMeasured := anyFold(name, "measured", "measurement", "reading", "actual", "value", "observed")
		if (isLimit || isMeasured) && c.datesIn(rows, i) {
			dated = true
		}
		limit, measured = limit || isLimit, measured || isMeasured
		if judged < 0 && anyFold(name, "result", "results", "outcome", "verdict", "pass/fail") {
			judged = i
		}
		switch {
		case anyFold(name, "status", "state") && (status < 0 || !statusNamed):
			status, statusNamed = i, true
		case len(name) == 0 && i > 0 && status < 0:
			status = i // a column with no name: "| Goal | Actual | |" of ✅ and ❌
		}
	}
	if !limit || !measured {
		return false
	}
	if judged < 0 && status >= 0 && !dated && c.verdictsOnly(rows, status) {
		return true // a scorecard's "| Target | Actual | Status |" of "✅ Met" and "❌ Missed"
	}
	if judged < 0 {
		return false
	}
	for _, r := range rows {
		cells := childrenOf(r)
		if judged >= len(cells) {
			continue
		}
		text := strings.TrimSpace(markerText(cells[judged], c.src))
		if m, ok := c.vocab.Find(text, marker.Cell); ok && m.Kind == marker.Word && !verdicts[strings.ToLower(text[m.Start:m.End])] {
			return false // "🚧 In progress", "Achieved": work's states
		}
	}
	return true
}

// datesIn reports whether the first filled cell of column col is a date.
func (c *computer) datesIn(rows []ast.Node, col int) bool {
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			continue
		}
		if text := strings.TrimSpace(mdtext.Inline(cells[col], c.src)); text != "" {
			_, ok := attr.ParseDateNear(text, c)
			return ok
		}
	}
	return false
}

// documentHistory head a document's own versions, whose states are the
// document's, not work.
var documentHistory = map[string]bool{
	"document control": true, "revision history": true, "version history": true, "document history": true,
	"change history": true, "amendment history": true,
}

// termbase reports whether a table's columns are languages, two or more
// (| English | German | Notes |, | Term | Translation |), or a style
// guide's Do and Don't (Use and Avoid): a glossary, whose status words are
// strings to translate or to write.
func (c *computer) termbase(header ast.Node, rows []ast.Node) bool {
	if header == nil {
		return false
	}
	n, do, dont := 0, false, false
	var langs []int
	for i, h := 0, header.FirstChild(); h != nil; i, h = i+1, h.NextSibling() {
		var buf [24]byte // the header's ASCII letters in lower case, read in place: every table asks
		name := buf[:0]
		for _, b := range bytes.TrimSpace(cellSource(h, c.src)) {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if 'a' <= b && b <= 'z' {
				if len(name) == cap(name) {
					name = name[:0]
					break
				}
				name = append(name, b)
			}
		}
		if languageHeaders[string(name)] {
			n++
			langs = append(langs, i)
		}
		do = do || string(name) == "do" || string(name) == "use"
		dont = dont || string(name) == "dont" || string(name) == "avoid"
	}
	if do && dont {
		return true // a style guide's | ✅ Do | ❌ Don't |
	}
	if n < 2 || c.statusHeader(header) >= 0 {
		return false // most tables; "| String | English | German | Status |", a translation tracker
	}
	for _, col := range langs {
		if col == 0 || !c.someCellSaysState(rows, col) {
			return true // the rows are terms of a language, or one language's column holds translations: a glossary
		}
	}
	return false // every language's column says states: "| Page | English | German |" of Done and In progress
}

// someCellSaysState reports whether a cell of column col reads as a state.
func (c *computer) someCellSaysState(rows []ast.Node, col int) bool {
	for _, r := range rows {
		cells := childrenOf(r)
		if col < len(cells) {
			if _, ok := c.cellStateOf(cells[col], markerText(cells[col], c.src)); ok {
				return true
			}
		}
	}
	return false
}

// languageHeaders head a glossary's columns.
var languageHeaders = map[string]bool{
	"english": true, "german": true, "french": true, "spanish": true, "italian": true, "portuguese": true,
	"dutch": true, "polish": true, "ukrainian": true, "russian": true, "swedish": true, "danish": true,
	"norwegian": true, "finnish": true, "turkish": true, "arabic": true, "hebrew": true, "japanese": true,
	"chinese": true, "korean": true, "hindi": true, "greek": true, "czech": true, "romanian": true,
	"hungarian": true, "welsh": true, "irish": true, "catalan": true, "vietnamese": true, "thai": true,
	"indonesian": true, "term": true, "translation": true, "sourceterm": true, "targetterm": true,
	"deutsch": true, "francais": true, "espanol": true,
}

// verdicts are the words a test or a scorecard judges a row with.
var verdicts = map[string]bool{"pass": true, "passed": true, "fail": true, "failed": true, "met": true, "not met": true,
	"missed": true, "exceeded": true, "on target": true, "below target": true, "above target": true}

// verdictsOnly reports whether every filled cell of column col, its
// emoji set aside, is a verdict ("✅ Met", "❌ Missed", a bare ✅ or ❌),
// blanks and dashes aside, one at least.
func (c *computer) verdictsOnly(rows []ast.Node, col int) bool {
	return c.everyFilled(rows, col, func(_ ast.Node, text string) bool {
		word := strings.ToLower(strings.TrimSpace(strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })))
		return verdicts[strings.TrimRight(word, ".!")] || word == "" && c.yesNoMark(text)
	})
}

// anyFold reports whether name is one of words, in any case.
func anyFold(name []byte, words ...string) bool {
	for _, w := range words {
		if len(name) == len(w) && bytes.EqualFold(name, []byte(w)) {
			return true
		}
	}
	return false
}

// statusCells reads column col of every row once, for saysStates and
// then for the rows' items.
func (c *computer) statusCells(header ast.Node, rows []ast.Node, col int) []cellRead {
	reads := make([]cellRead, len(rows))
	var cells []ast.Node
	var fresh []int // rows whose cell says New
	changes := false
	for r, row := range rows {
		cells = appendChildren(cells[:0], row)
		if col >= len(cells) {
			continue
		}
		raw := markerText(cells[col], c.src)
		reads[r].st, reads[r].ok = c.cellStateOf(cells[col], raw)
		text := strings.TrimSpace(raw)
		reads[r].text = text
		if reads[r].ok && reads[r].st == marker.Active && ragCell(text) {
			if st, ok := c.otherCellSays(cells, col); ok {
				reads[r].st = st // "🟢 Green" beside "Completed — both roles filled"
			}
		}
		reads[r].filled = reads[r].ok || text != ""
		if len(text) > 8 {
			continue // longer than any of the words looked for
		}
		var buf [8]byte
		switch lower := appendLower(buf[:0], text); {
		case string(lower) == "new":
			fresh = append(fresh, r)
		case changeWords[string(lower)]:
			changes = true
		}
	}
	for _, r := range fresh {
		if changes {
			reads[r].ok = false // release notes' New beside Improved and Removed: what shipped, not a bug just filed
		}
	}
	c.toolStates(header, reads)
	c.ragDots(reads)
	return reads
}

// ragDots reads a column of red, amber and green dots as a weekly report
// means them: a bare 🟢 beside a bare 🟡, 🟠 or 🔴 is on track, under way,
// not done, unless the column also says done with ✅ or ✔ or a legend of
// the page defines 🟢 ("Key: 🟢 done · 🟡 in progress").
func (c *computer) ragDots(reads []cellRead) {
	if c.legend.defined[cellKey("🟢")] {
		return
	}
	var green []int
	other := false
	for r := range reads {
		switch strings.TrimSuffix(reads[r].text, "\ufe0f") {
		case "🟢":
			green = append(green, r)
		case "🟡", "🟠", "🔴":
			other = true
		case "✅", "✔", "☑":
			return // done said so: 🟢 may be done too
		}
	}
	if !other {
		return
	}
	for _, r := range green {
		reads[r].st = marker.Active
	}
}

// toolStates reads the cells a status column left unread by states
// tools name their own way, in two kinds. Words no inventory uses
// (toolWords: Monday.com's Working on it and Stuck, a compliance
// checklist's Compliant) count toward the column saying states
// (saysStates) once it names one state as any tracker does; so do Azure
// DevOps' Active, Committed and Removed (workflowWords) in an export
// from it, which has a Work Item Type, Area Path or Iteration Path
// column, and in a table whose rows name work (| Project | Task |, GTD's
// Active project). Elsewhere an Active contract or a Removed column
// describes a thing. Words other lists use too (Scheduled, Available, Met, Archived,
// Delivered, a skills matrix's Gap: fillWords) fill a column in only once it says states without them.
func (c *computer) toolStates(header ast.Node, reads []cellRead) {
	known := false
	for _, r := range reads {
		known = known || r.ok
	}
	if !known {
		return
	}
	// an export from Azure DevOps, or a list of projects or tasks (GTD's
	// Active): rows of work, where Active is how one goes
	workflow, asked := false, false
	for r := range reads {
		if reads[r].ok || !reads[r].filled {
			continue
		}
		st, ok := wordsState(toolWords, reads[r].text)
		if !ok && !asked {
			workflow, asked = c.fromAzureDevOps(header) || c.listsProjects(header), true
		}
		if !ok && workflow {
			st, ok = wordsState(workflowWords, reads[r].text)
		}
		if ok {
			reads[r].st, reads[r].ok = st, true
		}
	}
}

// workColumn reports whether a status column holds two of work's own
// states (workState), or one in rows named as work (namesWork).
func (c *computer) workColumn(header ast.Node, reads []cellRead) bool {
	n := 0
	for _, r := range reads {
		if workState(r) {
			n++
		}
	}
	return n >= 2 || n == 1 && c.namesWork(header)
}

// workState reports whether a status cell says how far work is in words
// no list of things uses: Not started, In progress, To do, Blocked, On
// hold, WIP, In review, a bug's Triaged, an RFC's Final comment period.
func workState(r cellRead) bool {
	if !r.ok || len(r.text) > 20 {
		return false
	}
	var buf [20]byte
	switch string(appendLower(buf[:0], r.text)) {
	case "not started", "in progress", "to do", "todo", "blocked", "on hold", "wip", "in-progress", "in review",
		"under review", "triaged", "needs triage", "final comment period":
		return true
	}
	return false
}

// statesThroughout reports whether every filled cell of a status column
// (but one in six, said its own way) reads as a state, fill words
// (fillWords, trackerFills) and -ing words (fillGerunds) included, in
// two states or more, with one cell that says work is done, under way or
// held up as work's own words (not Pending, Void or Cancelled) or a
// tool's (toolWords) do, or four different fill words: a closeout list's Received
// and Outstanding, a purchase order log's Ordered, Back-ordered, In
// transit and Received. A catalogue's Available and Archived, a flight's
// Delayed and Landed, a parking list's Claimed and Closed are not.
func statesThroughout(reads []cellRead) bool {
	var seen [marker.Dropped + 1]bool
	var fills []string
	own := false
	filled, unknown := 0, 0
	for _, r := range reads {
		if r.filled {
			filled++
		}
	}
	for _, r := range reads {
		switch {
		case !r.filled:
			continue
		case r.ok:
			// work done, under way or held up: not a stock list's Pending, a
			// ledger's Void, a fixture's Abandoned, nor a place's Closed
			own = own || (r.st == marker.Done || r.st == marker.Active || r.st == marker.Blocked) && !strings.EqualFold(r.text, "closed")
			seen[r.st] = true
			continue
		}
		if st, ok := wordsState(toolWords, r.text); ok {
			own = true // "Outstanding": no list of things says so
			seen[st] = true
			continue
		}
		st, ok := wordsState(fillWords, r.text)
		if !ok {
			st, ok = wordsState(trackerFills, r.text)
		}
		if !ok {
			one := []cellRead{r}
			if fillGerunds(one); one[0].ok {
				continue // a run log's "running" fills in, but says no state on its own: a garden's Germinating and Bolting
			}
		}
		if thingWords[strings.ToLower(r.text)] {
			return false // a parking list's Available and Claimed, a skills matrix's Met and Gap
		}
		if !ok {
			// one cell in six may say it its own way ("Needs translator")
			if unknown++; unknown*6 > filled {
				return false
			}
			continue
		}
		seen[st] = true
		if !slices.Contains(fills, strings.ToLower(r.text)) {
			fills = append(fills, strings.ToLower(r.text))
		}
	}
	states := 0
	for _, s := range seen {
		if s {
			states++
		}
	}
	return states >= 2 && (own || len(fills) >= 4)
}

// thingWords are the fill words that say how things stand far more often
// than how work does: a parking space Available or Claimed, a skill Met
// or a Gap, a record Archived.
var thingWords = map[string]bool{"available": true, "claimed": true, "met": true, "not met": true, "gap": true, "archived": true}

// fillStates reads, in a column that says states, the cells words name
// (fillWords, trackerFills): read only after saysStates, so that they
// never make a list of things (stock Available, rooms Closed) a list of
// work.
func fillStates(reads []cellRead, words map[string]State) {
	for r := range reads {
		if !reads[r].filled {
			continue
		}
		text := reads[r].text
		if reads[r].ok {
			// a word beats the emoji before it: "❌ Churned"
			i := strings.IndexFunc(text, unicode.IsLetter)
			if i <= 0 || marker.EmojiPrefix(text) == "" || strings.ContainsFunc(text[:i], unicode.IsDigit) {
				continue
			}
			text = text[i:]
		}
		if st, ok := wordsState(words, text); ok {
			reads[r].st, reads[r].ok = st, true
		}
	}
}

// fillGerunds reads a cell of a status column that says states, left
// unread by the words above, that opens with a verb's -ing form, the work
// being done: a labelling job's "Labeling", a teacher's "Marking", a run
// log's "running" and a recruiter's "Interviewing (3 left)" are under
// way, and one put off, "Recording Thursday", is still to do. Not words
// in -ing that say something else: Missing, Upcoming, Remaining,
// Failing, Shipping, Working, Nothing yet, Morning.
func fillGerunds(reads []cellRead) {
	for r := range reads {
		if reads[r].ok || !reads[r].filled {
			continue
		}
		first, rest, _ := strings.Cut(strings.ToLower(reads[r].text), " ")
		first = strings.TrimRight(first, ".,;:!—–-")
		if len(first) < 6 || !strings.HasSuffix(first, "ing") || notGerunds[first] || !isLetters(first) {
			continue
		}
		reads[r].st, reads[r].ok = marker.Active, true
		next, rest, _ := strings.Cut(rest, " ")
		after, _, _ := strings.Cut(rest, " ")
		if laterWords[next] || timeWord(next) || weakLater[next] && timeWord(after) {
			reads[r].st = marker.Open // "Publishing next week", "Recording Thursday", "Recording on 14 Dec": not begun
		}
	}
}

// laterWords after an -ing word put the work off: "Publishing next
// week", "Shooting tomorrow".
var laterWords = map[string]bool{"next": true, "tomorrow": true, "soon": true, "later": true, "until": true, "tonight": true}

// weakLater put the work off only before a time word: "Recording on 14
// Dec", not "Editing in Resolve" or "Recording on set".
var weakLater = map[string]bool{"on": true, "in": true, "from": true, "after": true, "this": true}

// timeWord reports whether w names a time: a weekday, a month, a number,
// a week, a month or a year.
func timeWord(w string) bool {
	w = strings.TrimRight(w, ".,;:!)")
	return w != "" && (isDigit(w[0]) || marker.IsWeekday(w) || marker.IsMonthName(w) ||
		w == "week" || w == "month" || w == "year" || w == "morning" || w == "afternoon" || w == "evening")
}

// notGerunds end in -ing and say no work is under way.
var notGerunds = map[string]bool{
	"missing": true, "upcoming": true, "remaining": true, "failing": true, "nothing": true, "morning": true,
	"evening": true, "during": true, "pending": true, "existing": true, "incoming": true, "something": true,
	"anything": true, "everything": true, "blocking": true, "waiting": true, "awaiting": true, "outstanding": true,
	"shipping": true, "working": true, "passing": true, "trialing": true, "trialling": true, "renewing": true, "expiring": true,
	"recurring": true, "billing": true, "trending": true,
	"lacking": true, "declining": true, "starting": true, "spring": true, "string": true,
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// fromAzureDevOps reports whether a table is an export from Azure DevOps:
// a column headed Work Item Type, Area Path or Iteration Path.
func (c *computer) fromAzureDevOps(header ast.Node) bool {
	if header == nil {
		return false
	}
	for h := header.FirstChild(); h != nil; h = h.NextSibling() {
		if anyFold(bytes.TrimSpace(cellSource(h, c.src)), "work item type", "area path", "iteration path") {
			return true
		}
	}
	return false
}

// wordsState reads a cell by a table of words: the whole cell, or its
// first three, two or one words ("Hit (2 weeks late)", "claimed by
// @newbie42").
func wordsState(words map[string]State, text string) (State, bool) {
	t := strings.TrimRight(text, ".!")
	var buf [64]byte
	if b, ends, n, ok := firstWordsLower(buf[:0], t); ok {
		for k := n; k >= 1; k-- {
			if st, ok := words[string(b[:ends[k-1]])]; ok {
				return st, true
			}
		}
		return marker.Open, false
	}
	fields := strings.Fields(strings.ToLower(t))
	for n := min(len(fields), 3); n >= 1; n-- {
		if st, ok := words[strings.Join(fields[:n], " ")]; ok {
			return st, true
		}
	}
	return marker.Open, false
}

// firstWordsLower writes the first three words of t into dst in lower
// case, one space between them, and where each ends, read in place for
// wordsState, which every status cell asks; ok is false when t is not
// ASCII or does not fit, and then strings.Fields must read it.
func firstWordsLower(dst []byte, t string) (b []byte, ends [3]int, n int, ok bool) {
	if len(t) > cap(dst) {
		return dst, ends, 0, false
	}
	for i := 0; i < len(t) && n < 3; {
		for i < len(t) && asciiSpace(t[i]) {
			i++
		}
		if i >= len(t) {
			break
		}
		if n > 0 {
			dst = append(dst, ' ')
		}
		for ; i < len(t) && !asciiSpace(t[i]); i++ {
			c := t[i]
			if c >= 0x80 {
				return dst, ends, 0, false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		ends[n] = len(dst)
		n++
	}
	return dst, ends, n, true
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// toolWords are states tools name their own way that no list of things
// uses: Monday.com's Working on it and Stuck, a compliance checklist's
// Compliant, a release train's Stabilizing and In store review, a
// milestone Hit or Missed beside one In progress.
var toolWords = map[string]State{
	"working on it": marker.Active, "stuck": marker.Blocked, "compliant": marker.Done,
	"non-compliant": marker.Open, "non compliant": marker.Open, "not compliant": marker.Open,
	"partially compliant": marker.Active, "stabilizing": marker.Active, "stabilising": marker.Active,
	"in store review": marker.Active, "pr open": marker.Active, "not tested": marker.Open, "untested": marker.Open,
	"hit": marker.Done, "missed": marker.Open, // a milestone's
	// a closing checklist's
	"executed": marker.Done, "outstanding": marker.Open, "waived": marker.Dropped,
	"not yet received": marker.Open, "draft circulated": marker.Active,
}

// workflowWords are Azure DevOps' states that name other things
// elsewhere (an Active contract, a Removed column).
var workflowWords = map[string]State{"active": marker.Active, "committed": marker.Active, "removed": marker.Dropped}

// fillWords are states a tracker's column may hold that lists of things
// hold too: read only in a column that says states without them.
var fillWords = map[string]State{
	"gap": marker.Open, "scheduled": marker.Open, "available": marker.Open,
	"claimed": marker.Active, "met": marker.Done, "not met": marker.Open, "awaiting": marker.Blocked,
	"archived": marker.Dropped, "geliefert": marker.Done, "back-ordered": marker.Blocked, "backordered": marker.Blocked,
	"received": marker.Done, "requested": marker.Active, "ordered": marker.Active, // a leave request's too
	"in transit": marker.Active, "dispatched": marker.Active, "partially received": marker.Active,
	"not ordered": marker.Open, "to order": marker.Open,
}

// trackerFills are fill words of trackers outside software development:
// a month-end close's, an audit request list's, a security advisory's, a
// certification's, a grant report's, a writer's, a training run's, a
// deliverables list's. They name what things are elsewhere (a ledger's
// Posted, a match's Final, a flight's Delayed), so they read where
// fillWords do, and also beside work's own states (workColumn),
// where fillWords' Available or Scheduled would still describe things.
var trackerFills = map[string]State{
	"delivered": marker.Done, "posted": marker.Done, "reviewed": marker.Done, "provided": marker.Done, "evidence collected": marker.Done,
	"disclosed": marker.Done, "patched": marker.Done, "certified": marker.Done, "final": marker.Done,
	"prepared": marker.Active, "in design": marker.Active, "draft": marker.Active, "delayed": marker.Active,
	"on schedule": marker.Active, "behind schedule": marker.Active, "in lab": marker.Active,
	"embargoed": marker.Active, "under embargo": marker.Active, "queued": marker.Open,
	"killed": marker.Dropped, "spiked": marker.Dropped, // an editorial calendar's, a run log's
	"skipping":           marker.Dropped,                                                        // a festival list's
	"partially provided": marker.Active, "not yet due": marker.Open, "not due yet": marker.Open, // an audit request list's
	"churned": marker.Dropped, "closed lost": marker.Dropped, "closed won": marker.Done, // a CRM's
	"withdrew": marker.Dropped, "ghosted": marker.Dropped, "no response": marker.Open, // a job hunt's (not Applied: a migration's is done)
	"offer received": marker.Done, "renewed": marker.Done,
	"major revisions": marker.Active, "minor revisions": marker.Active, "revise and resubmit": marker.Active, "in revision": marker.Active, // a journal's
}

// resolutions lets a Resolution column, as Jira exports one beside the
// Status, say that a closed issue was set aside, not done: "Closed" with
// "Duplicate", "Won't Do" or "Cannot Reproduce" is dropped.
func (c *computer) resolutions(header ast.Node, rows []ast.Node, reads []cellRead) {
	if header == nil {
		return
	}
	col := -1
	for h, i := header.FirstChild(), 0; h != nil; h, i = h.NextSibling(), i+1 {
		if bytes.EqualFold(bytes.Trim(cellSource(h, c.src), "*_ "), []byte("resolution")) {
			col = i
		}
	}
	if col < 0 {
		return
	}
	for r, row := range rows {
		cells := childrenOf(row)
		if col >= len(cells) || !reads[r].ok || reads[r].st != marker.Done {
			continue
		}
		if st, ok := c.cellState(cells[col]); ok && st == marker.Dropped {
			reads[r].st = marker.Dropped
		}
	}
}

// appendLower appends s in lower case to dst (ASCII letters only: the
// words it is compared with are).
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// changeWords are what release notes and dependency changes say of a row
// beside New.
var changeWords = map[string]bool{
	"improved": true, "removed": true, "changed": true, "updated": true, "added": true,
	"upgraded": true, "bumped": true, "renamed": true,
}

// saysStates reports whether a Status column says how far work is: more
// than half of its filled cells read as a state, or none is filled (a
// plan not started). An inventory's Running / Stopped / Decommissioned, a
// pipeline board's Healthy / Failing or a schema's required / optional /
// deprecated describes things, not work.
func saysStates(reads []cellRead) bool {
	filled, known := 0, 0
	for _, r := range reads {
		if r.filled {
			filled++
		}
		if r.ok && r.filled {
			known++
		}
	}
	return filled == 0 || known*2 > filled
}

// readCell adapts a reader of one cell to rowItems.
func (c *computer) readCell(read func(ast.Node) (State, bool)) func(int, ast.Node) (State, bool) {
	return func(_ int, cell ast.Node) (State, bool) { return read(cell) }
}

// doneColumn returns the column of a checklist table that says whether
// each row is done: headed Done, Done?, Complete(d), Finished or
// Completed at, every filled cell a yes (✅, x, Yes, a ticked box) or a
// date, and one filled at least; -1 when there is none. A Notion or Asana
// export writes its checkbox or completion date so.
func (c *computer) doneColumn(header ast.Node, rows []ast.Node) int {
	if header == nil {
		return -1
	}
	heads := childrenOf(header)
	for i, h := range heads {
		text := mdtext.Inline(h, c.src)
		name := headerName(text)
		if !doneHeaders[name] && !(errandHeaders[name] && !attendeeHeaders[headerName(mdtext.Inline(heads[0], c.src))]) ||
			strings.Contains(text, "%") {
			continue
		}
		answers := func(cell ast.Node, _ string) bool { _, ok := c.doneCell(cell); return ok }
		if c.everyFilled(rows, i, answers) && !c.yesNoBeside(rows, i) {
			return i
		}
	}
	return -1
}

// yesNoBeside reports whether a column other than col holds nothing but
// yes and no: a table of flags (sample data's "| Refund requested | Done
// |"), not a checklist.
func (c *computer) yesNoBeside(rows []ast.Node, col int) bool {
	flag := func(_ ast.Node, text string) bool {
		switch strings.ToLower(text) {
		case "yes", "no", "y", "n", "true", "false":
			return true
		}
		return false
	}
	for j, width := 0, tableWidth(rows); j < width; j++ {
		if j != col && c.everyFilled(rows, j, flag) {
			return true
		}
	}
	return false
}

// everyFilled reports whether column col has a filled cell (not a
// blankCell) and every filled one fits; fits is given the cell and its text.
func (c *computer) everyFilled(rows []ast.Node, col int, fits func(cell ast.Node, text string) bool) bool {
	filled := false
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			continue
		}
		text := strings.TrimSpace(markerText(cells[col], c.src))
		if blankCell(text) {
			continue
		}
		if !fits(cells[col], text) {
			return false
		}
		filled = true
	}
	return filled
}

// doneHeaders head a column of yes marks or completion dates: Done, or a
// done word naming the step (| Job | Host | Migrated | of ✅).
var doneHeaders = map[string]bool{
	"done": true, "complete": true, "completed": true, "finished": true, "completedat": true,
	"completedon": true, "doneat": true, "donedate": true, "completiondate": true, "datecompleted": true,
	"migrated": true, "shipped": true, "merged": true, "deployed": true, "released": true,
	"implemented": true, "resolved": true, "achieved": true, "delivered": true, // a milestone table's
}

// errandHeaders head a household's or an office's checklist columns
// ("| Gift | Bought? |"): done columns, but for a table whose rows are
// people (attendeeHeaders), where they are flags (a workshop's "| Name |
// Registered | Paid |"). Not Booked?: a room's.
var errandHeaders = map[string]bool{
	"bought": true, "paid": true, "sent": true, "ordered": true, "packed": true, "submitted": true,
	"signed": true, "filed": true, "posted": true, "published": true, // not Installed?: a plugin list's
}

// doneCell reads a cell of a done column: a yes or a date is done, a no
// or a blank open; anything else is no answer.
func (c *computer) doneCell(cell ast.Node) (State, bool) {
	text := strings.TrimSpace(markerText(cell, c.src))
	switch strings.ToLower(strings.Trim(text, "*_")) {
	case "", "-", "—", "no", "n", "false", "☐", "⬜", "[ ]":
		return marker.Open, true
	case "yes", "y", "x", "true", "done", "✓", "✔", "✔️", "✅", "☑", "☑️", "[x]":
		return marker.Done, true
	}
	if _, ok := attr.ParseDateNear(text, c); ok {
		return marker.Done, true
	}
	if st, ok := stageMark(text); ok && st == marker.Done {
		return marker.Done, true // "✔ 11/18": ticked on the day
	}
	if opensNotApplicable(text) && len(strings.TrimSpace(text)) > len("n/a") {
		if stillOwed(text) {
			return marker.Open, true // "N/A — invoice not received yet": still to come
		}
		return marker.Dropped, true // "N/A — no vested options"; a bare N/A is a page's own word
	}
	return marker.Open, false
}

// stillOwed reports whether a note says the work is still to come ("not
// received yet", "still owed", "extension granted to 12/05").
func stillOwed(note string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(note), notLetter) {
		switch w {
		case "yet", "still", "until", "pending", "owed", "extension", "later":
			return true
		}
	}
	return false
}

// isStatusName reports whether a column header or field key names the
// status: Status or State, or the word in the languages whose status words
// the vocabulary knows (Estado, Statut, Stato, ステータス, 状态 …).
func isStatusName(s string) bool {
	name := headerName(s)
	if name == "" {
		return statusNamesUnspelled[strings.ToLower(strings.Trim(strings.TrimSpace(s), "*_: "))]
	}
	return statusNames[name]
}

// statusNames are the status header names written in Latin letters,
// as headerName folds them; statusNamesUnspelled those it cannot fold.
var (
	statusNames          = map[string]bool{"status": true, "state": true, "estado": true, "statut": true, "stato": true, "estatus": true}
	statusNamesUnspelled = map[string]bool{"ステータス": true, "状態": true, "状況": true, "状态": true, "狀態": true, "상태": true, "статус": true, "состояние": true}
)

// rowItems makes each row an item, its state read from column col by
// read (unknown text is open; a row whose first cell is entirely struck
// through is done unless the status cell reads dropped). A column whose
// header names an attribute (Owner, Due, Priority …) gives it to each row
// whose cell reads as one, as a record's row would. No row is named by
// column col nor by the columns unnamed (a pipeline's stages).
func (c *computer) rowItems(header ast.Node, rows []ast.Node, col int, read func(r int, cell ast.Node) (State, bool), out *[]*found, unnamed ...int) {
	var keys, names []string
	if header != nil {
		for _, h := range childrenOf(header) {
			keys = append(keys, mdtext.Inline(h, c.src))
			names = append(names, headerName(keys[len(keys)-1]))
		}
	}
	groups := c.groupRows(rows)
	closing := false // a Closed or Completed column: an Opened one beside it dates no row done
	for _, n := range names {
		closing = closing || closingHeaders[n]
	}
	var cells []ast.Node
	for r, row := range rows {
		cells = appendChildren(cells[:0], row)
		if groups[r] || c.totalsRow(cells) {
			continue
		}
		st := marker.Open
		if col < len(cells) {
			if s, ok := read(r, cells[col]); ok {
				st = s
			}
		}
		textCell := c.rowTextCell(cells, col, unnamed, keys, names)
		if len(cells) > 0 && entirelyStruck(cells[0], c.src) && st != marker.Dropped {
			st = marker.Done
		}
		var text string
		if textCell >= 0 {
			text = mdtext.Inline(cells[textCell], c.src)
		}
		// A column named like an attribute (Start, Due date) gives it
		// below; its date must not pass for the row's done date. The
		// status cell is read first: its date ("Done 2026-03-01", an Asana
		// export's Completed At) is the done date, not a Created At's.
		var own []string
		if col < len(cells) {
			own = append(own, c.ownText(cells[col]))
		}
		for i, cell := range cells {
			if i != col && (i >= len(keys) || !attr.KnownField(fieldKey(keys[i])) && !(closing && openedHeaders[names[i]]) && !beganHeaders[names[i]]) {
				own = append(own, c.ownText(cell))
			}
		}
		it := c.newItem(row, st, SourceTable, text, strings.Join(own, " | "))
		for i, cell := range cells {
			if i != col && i != textCell && i < len(keys) {
				it.recordAttr(keys[i], mdtext.Inline(cell, c.src), false, c)
			}
		}
		*out = append(*out, it)
	}
}

// openedHeaders head a column of the day a row was opened, never its done
// date beside a column of the day it closed (closingHeaders): a CAPA
// register's Opened beside its Closed. Alone, an account's Opened is the
// day that work was done.
var openedHeaders = map[string]bool{
	"opened": true, "raised": true, "logged": true, "reported": true, "requested": true, "dateopened": true,
	"dateraised": true, "datelogged": true, "datereported": true, "daterequested": true, "openedon": true,
	"raisedon": true, "loggedon": true, "opendate": true,
}

// beganHeaders head a column of the day a row's work began, never its
// done date: a purchase order's Order date, a job's Application date, a
// contract's Renewal date, a ticket's Created.
var beganHeaders = map[string]bool{
	"orderdate": true, "ordered": true, "dateordered": true, "orderedon": true, "podate": true,
	"applicationdate": true, // not Applied: a migration's is its done date
	"renewal":         true, "renewaldate": true, "renews": true, "renewson": true,
	"created": true, "createdon": true, "datecreated": true, "createdat": true, "createddate": true,
}

// closingHeaders head a column of the day a row was closed.
var closingHeaders = map[string]bool{
	"closed": true, "closedon": true, "dateclosed": true, "closeddate": true, "completed": true, "completedon": true,
	"datecompleted": true, "resolved": true, "resolvedon": true, "dateresolved": true, "answered": true, "done": true,
}

// totalsRow reports whether a row sums up the rows above it rather than
// being one: the first of its cells with words says Total, Totals, Sum,
// Grand total or Overall ("| — | **Total** | 74,000 | 47,000 | 64% |").
func (c *computer) totalsRow(cells []ast.Node) bool {
	for _, cell := range cells {
		text := cellSource(cell, c.src)
		if !bytes.ContainsFunc(text, unicode.IsLetter) {
			continue
		}
		text = bytes.Trim(bytes.TrimSpace(text), "*_: ")
		for _, w := range [...]string{"total", "totals", "sum", "grand total", "overall"} {
			if len(text) == len(w) && bytes.EqualFold(text, []byte(w)) {
				return true
			}
		}
		return false
	}
	return false
}

// cellSource returns the source a table cell's text spans, from its first
// text to its last, markup between included: no copy is made.
func cellSource(cell ast.Node, src []byte) []byte {
	start, stop := -1, -1
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			if start < 0 {
				start = t.Segment.Start
			}
			stop = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if start < 0 || stop < start {
		return nil
	}
	return src[start:stop]
}

// groupRows marks the rows of a status table that group the rows below
// them rather than being items: a row whose first cell is all in bold or
// italics and whose other cells are empty (| **Phase 1** | | |), followed
// by a row that is not one. A last such row, or one before another, is an
// item with an empty status: a tracker that bolds its tasks' names.
func (c *computer) groupRows(rows []ast.Node) map[int]bool {
	heads := make([]bool, len(rows))
	for r, row := range rows {
		heads[r] = c.groupHead(row)
	}
	var groups map[int]bool
	for r := range rows {
		if heads[r] && r+1 < len(rows) && !heads[r+1] {
			if groups == nil {
				groups = map[int]bool{}
			}
			groups[r] = true
		}
	}
	return groups
}

// groupHead reports whether a row looks like a group's heading: its first
// cell all in bold or italics, its other cells empty.
func (c *computer) groupHead(row ast.Node) bool {
	first := row.FirstChild()
	if first == nil || first.NextSibling() == nil || !entirelyEmphasized(first, c.src) {
		return false
	}
	for cell := first.NextSibling(); cell != nil; cell = cell.NextSibling() {
		if strings.TrimSpace(mdtext.Inline(cell, c.src)) != "" {
			return false
		}
	}
	return true
}

// rowTextCell returns the index of the cell that names a row: the cell
// under a header that names things (Title, Summary, Name, Task …) when it
// holds a letter; else the first cell other than the status cell that
// holds a letter and is not under a numbering header (numberingHeader) or
// an attribute's, so neither "1" nor "R1" or "WEB-101" under "#", "ID" or
// "Key", nor "@dana" under Owner names rows; failing that, the first cell other
// than the status cell; -1 when there is none. keys are the header's
// cells, names their headerName.
func (c *computer) rowTextCell(cells []ast.Node, col int, unnamed []int, keys, names []string) int {
	for _, name := range nameHeaders {
		for i, k := range names {
			if i != col && i < len(cells) && k == name && namesSomething(mdtext.Inline(cells[i], c.src)) {
				return i // | Issue key | Issue Type | Summary | … | is named by its Summary
			}
		}
	}
	first, period, lettered, version, share := -1, -1, -1, -1, -1
	for i, cell := range cells {
		if i == col || slices.Contains(unnamed, i) {
			continue
		}
		if version < 0 && i < len(names) && versionHeaders[names[i]] && strings.TrimSpace(mdtext.Inline(cell, c.src)) != "" {
			version = i // "| Train | Code freeze |" of 8.10 and Jan 7: the version names the row
		}
		if first < 0 {
			first = i
		}
		if i < len(keys) && (numberingHeader(keys[i]) || attr.KnownField(fieldKey(keys[i]))) &&
			!(i == 0 && attr.FieldName(fieldKey(keys[i])) == "dependson") {
			continue // an Owner or Due column gives the row an attribute, not its name; an upgrade tracker's first column, Dependency, names it
		}
		text := mdtext.Inline(cell, c.src)
		letters := strings.ContainsFunc(text, unicode.IsLetter)
		switch {
		case codeToken(text) && describedLater(names, i):
			continue // "| WP1 | Requirements analysis |": the description names it
		case letters && !quantity(text) && !marker.DayMonth(text) && !handleOnly(text) && !isMark(text) &&
			(i >= len(names) || !asideHeaders[names[i]] && !dateHeaders[names[i]]):
			return i
		case period < 0 && periodName(text) && (i >= len(names) || !dateHeaders[names[i]]):
			period = i // "| Partition | Rows | Status |" of 2024-01 and 12.3M; a Date column dates the row
		case lettered < 0 && letters && !isMark(text) && !marker.DayMonth(text):
			lettered = i // a quantity, a handle, or a note, when nothing else has words; not a day ("Dec 3")
		case share < 0 && lettered < 0 && !letters && strings.HasSuffix(strings.TrimSpace(text), "%"):
			share = i // a rollout's stage, "10%", before its device count, "21k"
		}
	}
	switch {
	case version >= 0:
		return version
	case period >= 0:
		return period
	case share >= 0:
		return share
	case lettered >= 0:
		return lettered
	}
	return first
}

// namesSomething reports whether a cell of a name column holds a name:
// words, not a mark ("x", "✓").
func namesSomething(text string) bool {
	return strings.ContainsFunc(text, unicode.IsLetter) && !isMark(text)
}

// handleOnly reports whether a cell is one handle ("@hkato"): an owner,
// not a name.
func handleOnly(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "@") && !strings.ContainsAny(t, " \t")
}

// isMark reports whether a cell is a tick or a cross as a stage table
// writes it ("x", "✓"), not a name.
func isMark(text string) bool {
	t := strings.TrimSpace(text)
	if utf8.RuneCountInString(t) > 4 {
		return false
	}
	_, ok := stageMark(t)
	return ok
}

// versionHeaders head a column of versions, which name their rows though
// they hold no letter (8.10, 2.1).
var versionHeaders = map[string]bool{"train": true, "version": true, "release": true, "releaseversion": true}

// dateHeaders head columns that date a row rather than name it: a log's
// "| Date | Notes | Status |" is named by its notes, a calendar's "| Date
// | Channel | Asset |" by its asset ("Dec 8" has letters, but says when).
var dateHeaders = map[string]bool{
	"date": true, "dates": true, "when": true, "day": true, "time": true, "timestamp": true, "week": true,
	"month": true,
}

// asideHeaders head columns that remark on a row rather than name it:
// a row is named by them only when nothing else in it has words.
var asideHeaders = map[string]bool{
	"notes": true, "note": true, "comments": true, "comment": true, "remarks": true, "remark": true,
}

// blockerHeaders head columns that say what holds a row up: a marker
// there is not a stage of the work.
var blockerHeaders = map[string]bool{
	"blocker": true, "blockers": true, "blockedby": true, "dependencies": true, "dependson": true,
}

// quantity reports whether a cell is a number with a short unit: 12.3M,
// 450 ms, 3 GB, 75%.
func quantity(text string) bool {
	t := strings.TrimSpace(text)
	digits := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' })
	if digits <= 0 {
		return false
	}
	unit := strings.TrimSpace(t[digits:])
	return len(unit) <= 3 && !strings.ContainsFunc(unit, func(r rune) bool { return !unicode.IsLetter(r) && r != '%' })
}

// periodName reports whether a cell names a period by its date, as a
// partition or a log's row does: 2024-01, 2024-01-15, 2024-W03.
func periodName(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) < 7 || t[4] != '-' {
		return false
	}
	for i, r := range t {
		if i != 4 && i != 7 && !(r >= '0' && r <= '9') && !(i == 5 && r == 'W') {
			return false
		}
	}
	return len(t) == 7 || len(t) == 8 && t[5] == 'W' || len(t) == 10 && t[7] == '-'
}

// numberingHeader reports whether a column headed h numbers or keys the
// rows rather than names them: #, No., ID, Key, Issue key, Ref, or a
// name and one of those ("Control ID", "Ticket #"). An empty
// header does not.
func numberingHeader(h string) bool {
	if t := strings.TrimSpace(h); t == "#" || t == "№" {
		return true
	}
	switch headerName(h) {
	case "no", "nr", "num", "number", "id", "key", "issuekey", "ref":
		return true
	}
	if f := strings.Fields(h); len(f) > 1 {
		switch strings.ToLower(strings.Trim(f[len(f)-1], "*_:")) {
		case "id", "#", "ref", "key", "no.":
			return true // "Control ID", "Ticket #"
		}
	}
	return false
}

// boxCell reads a cell that is a task list box written out, as tables
// show them, as a list's box reads (tasklist.BoxState).
func boxCell(text string) (State, bool) {
	t := strings.TrimSpace(text)
	if len(t) != 3 || t[0] != '[' || t[2] != ']' {
		return marker.Open, false
	}
	return tasklist.BoxState(t[1])
}

// cellState reads a status cell: a marker or status value a legend of the
// page defines, else markers as in any status cell (words in any case).
func (c *computer) cellState(cell ast.Node) (State, bool) {
	return c.cellStateOf(cell, markerText(cell, c.src))
}

// cellStateOf is cellState of a cell whose marker text is read already.
func (c *computer) cellStateOf(cell ast.Node, text string) (State, bool) {
	key := cellKey(text)
	if st, ok := c.legend.cells[key]; ok {
		return st, true
	}
	if st, ok := c.legend.labels[key]; ok {
		return st, true // "Collected" after "Legend: ✅ Collected", in a Status column only
	}
	if st, ok := boxCell(text); ok {
		return st, true
	}
	if ragCell(text) {
		return marker.Active, true // "🟢 Green": on track, not done
	}
	if st, ok := shareCell(text); ok {
		return st, true // "3/4 done": under way
	}
	if st, ok := notApplicableFirst(text); ok {
		return st, true // "N/A – quarterly, done in Dec": not "done"
	}
	if d := readMarker(c.vocab, cell, c.src, marker.Cell); d.found {
		return d.state, true
	}
	return valueCell(text)
}

// valueCell reads a status cell that holds no status word: a percentage
// ("100%" done, "0%" open, "35%" active), "n/a" (dropped: nothing to
// do there), a tracker's stage after the work is written (workStages) or
// its triage or lifecycle state (trackerStates).
func valueCell(text string) (State, bool) {
	t := strings.TrimSpace(text)
	if st, ok := valueWords(t); ok {
		return st, true
	}
	if said := strings.TrimSpace(marker.WithoutTrailingBracket(t)); said != t && said != "" && !judgedLater(t[len(said):]) {
		if st, ok := valueWords(said); ok {
			return st, true // "N/A (indoor product)", "Won't migrate (service retired in Feb)"
		}
	}
	if st, ok := notApplicableFirst(t); ok {
		return st, true
	}
	if n, ok := percentage(t); ok {
		switch {
		case n == 100:
			return marker.Done, true
		case n == 0:
			return marker.Open, true
		default:
			return marker.Active, true
		}
	}
	return marker.Open, false
}

// notApplicableFirst reads a status cell that opens with n/a and gives
// its reason after a dash ("N/A – quarterly, done in Dec"): dropped,
// whatever the reason says, unless it says the call is still to make.
func notApplicableFirst(text string) (State, bool) {
	t := strings.TrimSpace(text)
	for _, dash := range marker.ClauseDashes {
		if said, why, ok := strings.Cut(t, dash); ok && !judgedLater(why) {
			switch strings.ToLower(strings.TrimSpace(said)) {
			case "n/a", "na", "not applicable":
				return marker.Dropped, true
			}
		}
	}
	return marker.Open, false
}

// valueWords reads a whole status cell's words as valueCell does: "n/a",
// a work stage, a tracker's state, or a refusal ("Won't migrate", "Will
// not port"; not "Won't start until March", which waits).
func valueWords(t string) (State, bool) {
	lower := strings.ToLower(t)
	words := strings.Join(strings.Fields(lower), " ")
	switch {
	case lower == "n/a", lower == "na", lower == "not applicable":
		return marker.Dropped, true
	case workStages[words]:
		return marker.Active, true
	}
	words = strings.ReplaceAll(words, "’", "'")
	if st, ok := trackerStates[words]; ok {
		return st, true
	}
	for _, no := range [...]string{"won't ", "wont ", "will not "} {
		if rest, ok := strings.CutPrefix(words, no); ok && rest != "" && !waitsFor(rest) {
			return marker.Dropped, true
		}
	}
	return marker.Open, false
}

// judgedLater reports whether a note says the work is still to be judged:
// "N/A (not yet assessed)" is open, not set aside.
func judgedLater(note string) bool {
	n := strings.ToLower(note)
	if strings.Contains(n, "yet") || strings.Contains(n, "pending") || strings.Contains(n, "tbd") || strings.Contains(n, "to be ") {
		return true
	}
	opening := strings.TrimLeft(n, " ([—–-:,")
	for _, w := range [...]string{"tbc", "tba", "await", "waiting", "not started", "under review", "in review",
		"depends", "to follow", "will ", "once ", "after ", "until "} {
		if strings.HasPrefix(opening, w) {
			return true // "N/A – awaiting scoping decision", "N/A – TBC after the SOA review"; not "(retired after the merger)"
		}
	}
	return false
}

// waitsFor reports whether words put the work off to a time or a
// condition ("start until March", "ship before the audit").
func waitsFor(words string) bool {
	for w := range strings.FieldsSeq(words) {
		switch w {
		case "until", "till", "before", "unless", "yet", "now":
			return true
		}
	}
	return false
}

// trackerStates are the states a bug tracker's triage gives, read as a
// whole status cell only, where nothing else can be meant: a bug just
// filed or triaged is open, one that cannot be reproduced or works as
// designed is dropped. Elsewhere "(new)" tells a changelog's reader what
// is new. An API's or a component's Alpha, Beta and Stable are how far
// the thing has come, not work, and are none.
var trackerStates = map[string]State{
	"new": marker.Open, "triaged": marker.Open, "needs triage": marker.Open, "untriaged": marker.Open,
	"can't repro": marker.Dropped, "cannot repro": marker.Dropped, "can't reproduce": marker.Dropped,
	"cannot reproduce": marker.Dropped, "not reproducible": marker.Dropped, "works as intended": marker.Dropped,
	"works as designed": marker.Dropped, "as designed": marker.Dropped, "by design": marker.Dropped,
}

// workStages are the stages an issue tracker moves written work through
// before it is done ("Code Review", "Ready for QA"), and a writer's
// ("Writing", "Submitted", "With supervisor"): active as a whole status
// cell, where nothing else can be meant. Elsewhere "review" or
// "testing" names a step still to come ("Done, review next week").
var workStages = map[string]bool{
	"review": true, "code review": true, "in code review": true, "peer review": true,
	"under review": true, "awaiting review": true, "ready for review": true,
	"qa": true, "ready for qa": true, "testing": true, "in test": true,
	"ready for test": true, "ready for testing": true, "verification": true, "in verification": true,
	"staging": true, "on staging": true, "in staging": true,
	"writing": true, "in writing": true, "submitted": true, "with editor": true, "with supervisor": true,
	"with reviewers": true, "under supervisor review": true, "with committee": true, "with the committee": true,
}

// percentage reads a cell that is a share of work done: "45%", 0 to 100,
// without a sign ("+12%" is a change, not progress).
func percentage(text string) (int, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, "%") || t == "%" || t[0] == '+' || t[0] == '-' {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(t, "%")))
	return n, err == nil && n <= 100
}

// cellMarker reads a cell of a marker column: a marker or status value a
// legend defines, a status emoji the cell opens with, or a cell that is
// nothing but a status word or phrase ("Done", "Partial!"). It returns
// the state and the marker as legends name it.
func (c *computer) cellMarker(cell ast.Node) (State, string, bool) {
	text := strings.TrimSpace(markerText(cell, c.src))
	if text == "" {
		return marker.Open, "", false
	}
	key := cellKey(text)
	if st, ok := c.legend.cells[key]; ok {
		return st, key, true
	}
	if st, ok := c.vocab.StartsWithEmoji(text); ok {
		return st, cellKey(marker.EmojiPrefix(text)), true
	}
	if st, ok := boxCell(text); ok {
		return st, key, true
	}
	if m, ok := c.vocab.Label(text); ok {
		return m.State, key, true
	}
	if c.legend.defined[key] {
		return marker.Open, key, false // defined, but mapped to no state
	}
	return marker.Open, "", false
}

// markerColumns marks the columns where at least half of the body cells
// hold a marker (cellMarker), and, once one column does, those whose
// every filled cell holds one: a pipeline's later stages are mostly
// blank ("| Chapter | Draft | Review | Final |" with Final ticked for one
// chapter of four). A cell of only a dash is blank.
func (c *computer) markerColumns(header ast.Node, rows []ast.Node) map[int]bool {
	cols := map[int]bool{}
	if len(rows) == 0 {
		return cols
	}
	// One pass over the cells: a wide table must not be read once per
	// column.
	counts := make([]int, tableWidth(rows))
	for _, r := range rows {
		i := 0
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if _, _, ok := c.cellMarker(cell); ok {
				counts[i]++
			}
			i++
		}
	}
	sparse := false
	for i, n := range counts {
		if n > 0 && 2*n >= len(rows) {
			cols[i] = true
		} else if n > 0 {
			sparse = true
		}
	}
	if len(cols) == 0 || !sparse {
		return cols
	}
	var heads []ast.Node
	if header != nil {
		heads = childrenOf(header)
	}
	for i, n := range counts {
		if n > 0 && !cols[i] && n == c.filledCells(rows, i) && (i >= len(heads) || !sideColumn(headerName(mdtext.Inline(heads[i], c.src)))) {
			cols[i] = true
		}
	}
	return cols
}

// filledCells counts the cells of column col that are not blank.
func (c *computer) filledCells(rows []ast.Node, col int) int {
	n := 0
	for _, r := range rows {
		i := 0
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if i == col {
				if cell.FirstChild() != nil && !blankCell(markerText(cell, c.src)) {
					n++
				}
				break
			}
			i++
		}
	}
	return n
}

// sideColumn reports whether a column headed name remarks on its rows or
// says what holds them up: a marker there is no stage of the work.
func sideColumn(name string) bool { return asideHeaders[name] || blockerHeaders[name] }

// blankCell reports whether a cell's text says nothing: empty, a dash or
// a minus sign (➖, a matrix's "does not apply").
func blankCell(text string) bool {
	switch strings.TrimSuffix(strings.TrimSpace(text), "\ufe0f") {
	case "", "-", "–", "—", "➖", "−":
		return true
	}
	return false
}

// markersCount decides whether the markers of a table without a Status
// column count as progress: always with matrices: count, never with
// ignore; else when a legend of the page defines every marker used, or
// when they use at least two different states. A table of ✅ and blank
// cells is a support matrix, not progress.
func (c *computer) markersCount(rows []ast.Node, cols []int) bool {
	switch c.opts.Matrices {
	case MatricesCount:
		return true
	case MatricesIgnore:
		return false
	}
	states := map[State]bool{}
	allDefined := true
	for _, r := range rows {
		cells := childrenOf(r)
		for _, i := range cols {
			if i >= len(cells) {
				continue
			}
			st, key, ok := c.cellMarker(cells[i])
			if !ok {
				text := markerText(cells[i], c.src)
				if st, ok := valueCell(text); ok {
					states[st] = true // a progress column's percentage
				} else if st, ok := fractionState(strings.TrimSpace(text)); ok {
					states[st] = true // or its count done, "4/6" (a count column only reaches here as a marker column)
				}
				continue
			}
			states[st] = true
			allDefined = allDefined && c.legend.defined[key]
		}
	}
	return len(states) >= 2 || len(states) == 1 && allDefined
}

// matrixItems makes every marker cell of a matrix an item, named
// "<row label> · <column header>". An Owner or Priority column gives it to
// every item of its row; dates do not (a release matrix's Release date is
// no cell's deadline).
func (c *computer) matrixItems(header ast.Node, rows []ast.Node, label int, cols []int, out *[]*found) {
	var heads []ast.Node
	if header != nil {
		heads = childrenOf(header)
	}
	var attrCols []int
	for i, h := range heads {
		if f := attr.FieldName(fieldKey(mdtext.Inline(h, c.src))); i != label && !slices.Contains(cols, i) && (f == "owner" || f == "priority") {
			attrCols = append(attrCols, i)
		}
	}
	for _, row := range rows {
		cells := childrenOf(row)
		rowLabel := ""
		if label < len(cells) {
			rowLabel = mdtext.Inline(cells[label], c.src)
		}
		for _, i := range cols {
			if i >= len(cells) {
				continue
			}
			st, _, ok := c.cellMarker(cells[i])
			if !ok && strings.TrimSpace(markerText(cells[i], c.src)) == "" {
				st, ok = c.legendBlank() // "Legend: … · blank = not started"
			}
			if !ok {
				continue
			}
			colName := ""
			if i < len(heads) {
				colName = mdtext.Inline(heads[i], c.src)
			}
			it := c.newItem(cells[i], st, SourceMatrix, rowLabel+" · "+colName, c.ownText(cells[i]))
			for _, a := range attrCols {
				if a < len(cells) {
					it.recordAttr(mdtext.Inline(heads[a], c.src), mdtext.Inline(cells[a], c.src), false, c)
				}
			}
			*out = append(*out, it)
		}
	}
}

// legendBlank returns the state a legend of the page gives a blank cell
// ("blank = not started", "empty = to do"), and whether one does.
func (c *computer) legendBlank() (State, bool) {
	if len(c.legend.cells) == 0 {
		return marker.Open, false // most pages: no legend
	}
	for _, k := range [...]string{"blank", "empty", "(blank)", "(empty)", "blank cell", "empty cell"} {
		if st, ok := c.legend.cells[cellKey(k)]; ok {
			return st, true
		}
	}
	return marker.Open, false
}

// recordTextKeys name the row that gives a record its text.
var recordTextKeys = map[string]bool{"item": true, "name": true, "title": true, "feature": true, "task": true}

// ragHeaders are the healthHeaders of a weekly report's workstreams:
// a table with one and no status column lists work (healthRows).
var ragHeaders = map[string]bool{"rag": true, "ragstatus": true, "health": true}

// healthRows reads a weekly report's table of workstreams, judged red,
// amber or green in column col and with no column saying how far each
// is: every row whose judgement reads is an item, under way (ragCell),
// unless the judgement is a state of its own (⚪ Not started open, ✅
// Done done) or another cell opens by saying it is held up ("Blocked:
// replication slot bug"). A row judged by nothing is left out.
func (c *computer) healthRows(header ast.Node, rows []ast.Node, col int, out *[]*found) {
	if !c.namesWork(header) {
		return // an SLO dashboard's services, a team's people: judged, not worked on
	}
	reads := make([]cellRead, len(rows))
	var cells []ast.Node
	for r, row := range rows {
		cells = appendChildren(cells[:0], row)
		if col >= len(cells) {
			continue
		}
		text := strings.TrimSpace(markerText(cells[col], c.src))
		reads[r].st, reads[r].ok = c.cellStateOf(cells[col], text)
		if reads[r].ok && ragDot(text) && !c.legend.defined[cellKey(text)] {
			reads[r].st = marker.Active // a bare 🟢 or 🔴 judges how it goes, as "Green" does
		}
		if reads[r].ok && reads[r].st == marker.Active {
			if st, ok := c.otherCellSays(cells, col); ok {
				reads[r].st = st
			}
		}
	}
	kept := rows[:0:0]
	var keptReads []cellRead
	for r, row := range rows {
		if reads[r].ok {
			kept, keptReads = append(kept, row), append(keptReads, reads[r])
		}
	}
	c.rowItems(header, kept, col, func(r int, _ ast.Node) (State, bool) { return keptReads[r].st, true }, out)
}

// otherCellSays returns the state another cell of a row than col opens by
// saying, when it says the work is done or held up ("Blocked: replication
// slot bug", "Completed — both roles filled"): a colour only judges how
// the work goes.
func (c *computer) otherCellSays(cells []ast.Node, col int) (State, bool) {
	for i, cell := range cells {
		if i == col {
			continue
		}
		if m, ok := c.vocab.Opens(strings.TrimSpace(markerText(cell, c.src))); ok && (m.State == marker.Blocked || m.State == marker.Done) {
			return m.State, true
		}
	}
	return marker.Open, false
}

// attendeeHeaders head a first column that names the people a table's
// rows are: a workshop's registrations, a class list. Not "| Person |
// Gift |", whose rows are gifts, nor a Role: narrower than peopleHeaders,
// whose tables of flags a pipeline's stages never are.
var attendeeHeaders = map[string]bool{
	"name": true, "attendee": true, "attendees": true, "guest": true, "guests": true, "member": true,
	"members": true, "participant": true, "participants": true, "student": true, "students": true,
	"player": true, "players": true, "tenant": true, "tenants": true, "employee": true, "employees": true,
	"volunteer": true, "volunteers": true, "who": true, "staff": true,
}

// listsProjects reports whether a table's first column is headed
// Project(s), as a GTD project list heads it (not Area, a contact list's
// as often as a workstream's, nor Task, a scheduler's).
func (c *computer) listsProjects(header ast.Node) bool {
	if header == nil || header.FirstChild() == nil {
		return false
	}
	switch headerName(mdtext.Inline(header.FirstChild(), c.src)) {
	case "project", "projects": // not Task: a scheduler's tasks are Active or Paused
		return true
	}
	return false
}

// namesWork reports whether a table's first column names pieces of work
// (Workstream, Project, Initiative, Epic, Feature …), not things judged
// by a health column (Service, Person).
func (c *computer) namesWork(header ast.Node) bool {
	if header == nil || header.FirstChild() == nil {
		return false
	}
	name := headerName(mdtext.Inline(header.FirstChild(), c.src))
	if actionHeaders[name] {
		return c.tracksActions(header)
	}
	return workHeaders[name]
}

// actionHeaders head an action plan's first column, which names work only
// beside a column that follows it (tracksActions): an escalation
// procedure's Action beside a Trigger says what to do when.
var actionHeaders = map[string]bool{"action": true, "actions": true, "actionitem": true}

// tracksActions reports whether a table with a first column of actions
// follows them: a column of updates, states, owners or dates, and none
// of triggers, thresholds or scores.
func (c *computer) tracksActions(header ast.Node) bool {
	follows := false
	for h := header.FirstChild(); h != nil; h = h.NextSibling() {
		switch headerName(mdtext.Inline(h, c.src)) {
		case "trigger", "triggers", "threshold", "thresholds", "score", "condition", "when", "if":
			return false
		case "update", "updates", "status", "progress", "due", "duedate", "deadline", "owner", "lead", "by", "who", "comments":
			follows = true
		}
	}
	return follows
}

// workHeaders head the first column of a table of workstreams.
var workHeaders = map[string]bool{
	"workstream": true, "workstreams": true, "stream": true, "project": true, "projects": true,
	"initiative": true, "initiatives": true, "epic": true, "epics": true, "objective": true, "milestone": true,
	"feature": true, "features": true, "program": true, "programme": true, "track": true, "theme": true,
	"goal": true, "deliverable": true, "work": true, "task": true, "area": true, "okr": true,
	"tasks": true, "deliverables": true, "milestones": true, "goals": true, "objectives": true, "okrs": true,
	"workpackage": true, "workpackages": true,
}

// ragCell reads a cell that judges work red, amber or green, by word,
// emoji or both ("🟢 Green", "Amber", "🔴 Red"): under way, whatever the
// colour, as a Status line's "🟢 Green" is (statusValue).
func ragCell(text string) bool {
	words := strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	end := strings.IndexFunc(words, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(words)
	}
	for w := range ragWords {
		if strings.EqualFold(words[:end], w) {
			return true
		}
	}
	return false
}

// healthHeaders head columns that judge how work goes (red, amber,
// green), not whether it is done: never marker columns.
var healthHeaders = map[string]bool{
	"rag": true, "ragstatus": true, "health": true, "confidence": true, "trend": true,
	"risk": true, "sentiment": true, "mood": true, "verdict": true, "assessment": true,
}

// verdictHeaders head a column that may judge results with ✅ and ❌ (a
// model card's Pass?, an A/B readout's Significant?): a verdict column
// when every row holds a verdict (verdictColumn); with a blank or a ⬜
// it lists gates or cases still to pass.
var verdictHeaders = map[string]bool{"pass": true, "passed": true, "passfail": true, "significant": true}

// ticksAndCrosses reports whether every filled cell of column col opens
// with a tick or a cross (or says yes or no): a rollout's "🚧 Rolling
// out" beside "✅ GA" is work going on.
func (c *computer) ticksAndCrosses(rows []ast.Node, col int) bool {
	return c.everyFilled(rows, col, func(_ ast.Node, text string) bool {
		w, _, _ := strings.Cut(strings.ToLower(text), " ")
		return c.yesNoMark(text) || w == "yes" || w == "no" || w == "y" || w == "n"
	})
}

// stockHeaders head a column of whether a thing is at hand, an
// inventory's, whose marks describe things, not work.
var stockHeaders = map[string]bool{"instock": true, "stock": true, "available": true, "availability": true, "onhand": true}

// verdictColumn reports whether every row of column col holds a yes or a
// no (✅, ❌, Pass, Fail, Yes, No): results judged, not work.
func (c *computer) verdictColumn(rows []ast.Node, col int) bool {
	for _, r := range rows {
		cells := childrenOf(r)
		if col >= len(cells) {
			return false
		}
		t := strings.Trim(strings.TrimSpace(markerText(cells[col], c.src)), "*_")
		switch strings.ToLower(strings.TrimSuffix(t, "\uFE0F")) {
		case "✅", "✔", "✓", "❌", "✗", "✘", "✖", "pass", "passed", "fail", "failed", "yes", "no", "y", "n":
		default:
			return false
		}
	}
	return len(rows) > 0
}

// progressHeaders head columns whose percentages are each row's progress
// ("Progress", "% complete", "Completion", and "% Done"; a burn-up log's
// "Done" is not).
var progressHeaders = map[string]bool{
	"progress": true, "complete": true, "completion": true, "percentcomplete": true, "pctcomplete": true,
}

// percentColumn reports whether at least half the cells of column col
// are percentages, or counts done ("4/6", fractionState) when counts is
// set: a Progress column's, not a Completion column's ("3/15" is a day).
func (c *computer) percentColumn(rows []ast.Node, col int, counts bool) bool {
	n := 0
	for _, r := range rows {
		cells := childrenOf(r)
		if col < len(cells) {
			text := mdtext.Inline(cells[col], c.src)
			if _, ok := percentage(text); ok {
				n++
			} else if _, ok := fractionState(strings.TrimSpace(text)); ok && counts {
				n++ // "4/6" repos migrated
			}
		}
	}
	return n > 0 && 2*n >= len(rows)
}

// nameHeaders name the column that names a table's rows, whatever stands
// before it (an issue's key, its type, its component), first the most
// telling: | Epic | Story | Status | is named by its Story.
// A bug bash's | Reporter | Bug | is named by its Bug. The last two lines
// are the same names in the languages whose status words the vocabulary
// knows.
var nameHeaders = headerNames(
	"title", "summary", "name", "task", "item", "feature", "requirement", "story", "action",
	"actionitem", "deliverable", "workstream", "objective", "initiative", "decision", "subject",
	"assignment", "epic", "scenario", "testcase", "test", "criteria", "criterion", "check", "asset",
	"work", "activity", "step", "bug", "issue", "finding",
	"topic", "headline", "piece", "episode", "post", // a content calendar's, a newsroom's, a podcast's
	"ring", "wave", "section", "chapter", // a rollout's, a grant proposal's, a book's
	"workpackage", "Titel", "Aufgabe", "Arbeitspaket", "Título", "Tarea", "Titre", "Tâche", "Tarefa", "Titolo", "Attività",
)

// descriptionHeaders head a column that describes a row: it names the
// row when what stands before it is a code (| WP | Description | Status |
// of WP1, WP2; | Control | Description | of CC6.1), not when it is a name
// (| Component | Description | of Button).
var descriptionHeaders = headerNames("description", "desc", "details", "scope", "deliverables",
	"Beschreibung", "Descripción", "Descrição", "Descrizione")

// describedLater reports whether a column after i is headed as a description.
func describedLater(names []string, i int) bool {
	for _, n := range names[min(i+1, len(names)):] {
		if slices.Contains(descriptionHeaders, n) {
			return true
		}
	}
	return false
}

// codeToken reports whether text is one short token holding a letter and
// a digit, as a work package's or a control's code is (WP1, CC6.1, AP-3).
func codeToken(text string) bool {
	t := strings.TrimSpace(text)
	return len(t) <= 16 && !strings.ContainsAny(t, " \t") && strings.ContainsFunc(t, unicode.IsDigit) && strings.ContainsFunc(t, unicode.IsLetter)
}

// headerNames returns the names as headerName folds a header.
func headerNames(names ...string) []string {
	for i, n := range names {
		names[i] = headerName(n)
	}
	return names
}

// recordMetaKeys name a record's rows that describe the document, not the
// work: never its name ("| **Date** | 2026-03-11 |", "| Authors | … |").
var recordMetaKeys = map[string]bool{
	"date": true, "updated": true, "lastupdated": true, "created": true, "version": true,
	"author": true, "authors": true, "reporter": true, "reviewer": true, "reviewers": true,
	"approver": true, "approvers": true, "severity": true, "impact": true, "team": true,
	"lastedited": true, "lasteditedtime": true, "lasteditedby": true, "createdtime": true, "createdby": true,
	"createdat": true, "updatedat": true, "lastmodified": true, "modified": true, "tags": true,
}

// nameKeys name a record's rows whose one word is the name of what the
// record tracks ("| Service | Billing |"); under a heading, any other
// row's one word is a property ("| Quarter | Q3 |", "| Stage | beta |").
var nameKeys = map[string]bool{
	"service": true, "vendor": true, "system": true, "component": true, "product": true,
	"project": true, "app": true, "application": true, "tool": true, "library": true,
	"repo": true, "repository": true, "module": true, "customer": true, "account": true,
	"site": true, "package": true, "database": true, "client": true, "partner": true,
}

// recordHeaderKeys and recordHeaderValues make a record's header row a
// header ("| Field | Value |") rather than its first entry.
var (
	recordHeaderKeys   = map[string]bool{"field": true, "key": true, "property": true, "attribute": true}
	recordHeaderValues = map[string]bool{"value": true, "details": true, "detail": true}
)

// record reads a key/value record (rule 3): a table of two columns whose
// rows (the header row too, unless it is "Field | Value") are distinct
// short keys with values, one of them named Status or State. The record
// is one item: its text from the row named Item, Name, Title, Feature or
// Task (else the first other row), its state from the Status row's value
// read as a status cell, and its other rows kept as Fields.
func (c *computer) record(table, header ast.Node, rows []ast.Node) *found {
	if header == nil || header.ChildCount() != 2 {
		return nil
	}
	hcells := childrenOf(header)
	if isStatusName(mdtext.Inline(hcells[1], c.src)) {
		return nil // a status table of two columns
	}
	if isStatusName(mdtext.Inline(hcells[0], c.src)) && meaningHeaders[headerName(mdtext.Inline(hcells[1], c.src))] {
		return nil // | Status | Meaning |: what each value of an API's or a tracker's status means
	}
	pairs := rows
	if !(recordHeaderKeys[headerName(mdtext.Inline(hcells[0], c.src))] && recordHeaderValues[headerName(mdtext.Inline(hcells[1], c.src))]) {
		pairs = append([]ast.Node{header}, rows...)
	}
	status, textRow := -1, -1
	seen := map[string]bool{}
	for i, r := range pairs {
		cells := childrenOf(r)
		if len(cells) != 2 {
			return nil
		}
		key := mdtext.Inline(cells[0], c.src)
		name := headerName(key)
		seenAs := name
		if name == "" {
			seenAs = strings.TrimSpace(key) // ステータス, 担当: no Latin letters to fold
		}
		if key == "" || len(strings.Fields(key)) > 4 || len(key) > 40 || seen[seenAs] {
			return nil
		}
		seen[seenAs] = true
		switch {
		case isStatusName(key):
			status = i
		case recordTextKeys[name] && textRow < 0:
			textRow = i
		default:
			if _, _, isMarker := c.cellMarker(cells[0]); isMarker {
				return nil // a key that is a status value: a table of states, not a record
			}
		}
	}
	if status < 0 || len(pairs) < 2 {
		return nil
	}
	value := func(i int) ast.Node { return childrenOf(pairs[i])[1] }
	if textRow < 0 {
		// the first row that is neither the status nor an attribute
		// (a Due row's date names nothing), nor metadata (who wrote it,
		// a date or a number), nor, under a heading, one word but a
		// name's ("| Quarter | Q3 |" is a property, "| Service | Billing
		// |" a name): else the section names the record
		for i, r := range pairs {
			key := mdtext.Inline(childrenOf(r)[0], c.src)
			value := mdtext.Inline(childrenOf(r)[1], c.src)
			if i != status && !attr.KnownField(fieldKey(key)) && !recordMetaKeys[headerName(key)] &&
				strings.ContainsFunc(value, unicode.IsLetter) && (len(strings.Fields(value)) > 1 || nameKeys[headerName(key)] || c.cur == nil || c.cur.heading == nil) {
				textRow = i
				break
			}
		}
	}
	text, own := "", c.ownText(value(status))
	if textRow >= 0 {
		text, own = mdtext.Inline(value(textRow), c.src), own+" "+c.ownText(value(textRow))
	} else if c.cur != nil && c.cur.heading != nil {
		text = c.cur.bare // a record of attributes only is named by its section
	}
	st := marker.Open
	if s, ok := c.cellState(value(status)); ok {
		st = s
	}
	it := c.newItem(table, st, SourceTable, text, own)
	for i, r := range pairs {
		if i == status || i == textRow {
			continue
		}
		cells := childrenOf(r)
		it.recordField(mdtext.Inline(cells[0], c.src), mdtext.Inline(cells[1], c.src), c)
	}
	return it
}

// recordField keeps one row of a key/value record: the rows that name an
// attribute (Owner, Due, Priority, Estimate, Id, Depends on …) set it
// when their value reads, as an inline field with that key would; the
// others are kept as written.
func (it *found) recordField(key, value string, cal attr.Calendar) {
	if !it.recordAttr(key, value, true, cal) {
		t := it.setAttrs()
		t.Fields = append(t.Fields, Field{Key: key, Value: value})
	}
}

// fieldKey is a header cell's or a record row's name as a field's key:
// without the emphasis, code marks and colon around it, nor a plural's
// "(s)" (Owner(s) is Owner).
func fieldKey(name string) string {
	return strings.TrimSuffix(strings.Trim(name, " *_`:"), "(s)")
}

// recordAttr sets the attribute key names, when it names one and value
// reads as one, unless the item has it already; it reports whether it did.
// Without ids, an id or dependencies are not taken: a table's "ID" column
// numbers its rows, and would give two tables the same ids.
func (it *found) recordAttr(key, value string, ids bool, cal attr.Calendar) bool {
	a := attr.ReadNear("["+fieldKey(key)+":: "+value+"]", cal)
	if !ids && (a.ID != "" || len(a.Depends) > 0) {
		return false
	}
	if len(a.Fields) == 0 && len(a.Spans) > 0 {
		if a.Done != "" && it.State == marker.Done {
			it.Date = a.Done
		} else if a.Due != "" && it.State == marker.Done && it.Date == "" && attr.EndsWork(fieldKey(key)) {
			// a done row's End is when it ended, which is not after the page
			if d, ok := attr.ParseDoneDateNear(value, cal); ok {
				it.Date, a.Due = d, d
			}
		}
		t := it.Attributes() // what the item has already stays
		t.Due, t.Start, t.Scheduled = cmp.Or(t.Due, a.Due), cmp.Or(t.Start, a.Start), cmp.Or(t.Scheduled, a.Scheduled)
		t.Created, t.Cancelled, t.ID = cmp.Or(t.Created, a.Created), cmp.Or(t.Cancelled, a.Cancelled), cmp.Or(t.ID, a.ID)
		t.Owner, t.Priority, t.EstimateHours = cmp.Or(t.Owner, a.Owner), cmp.Or(t.Priority, a.Priority), cmp.Or(t.EstimateHours, a.EstimateHours)
		if len(a.Depends) > 0 && t.Depends == nil {
			t.Depends = a.Depends
		}
		it.keepAttrs(t)
		return true
	}
	return false
}
