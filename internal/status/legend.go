package status

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// LegendEntry is one marker a page's legend defines, as "How this is
// counted" shows it.
type LegendEntry struct {
	Marker string `json:"marker"`
	Label  string `json:"label"`
	// State is the state the label maps to through the vocabulary, ""
	// when it maps to none (not a warning: handbooks define states for
	// other tools too).
	State string `json:"state"`
	Line  int    `json:"line"`
}

// legend is what a page's legends tell the computer.
type legend struct {
	entries []LegendEntry
	nodes   map[ast.Node]bool // paragraphs, lists and tables that are legends: never items
	cells   map[string]State  // marker or status value, as cellKey reduces it → state
	labels  map[string]State  // an emoji's label → the emoji's state, for status cells only
	defined map[string]bool   // every marker a legend defines, mapped or not
	emoji   map[State][]string
}

// readLegends finds the page's legends (rule 1): a paragraph that opens
// with Legend, Key or Status key and pairs markers with labels; such a
// paragraph alone followed by a list or table of pairs; the first block
// under a heading named like that; and legend tables anywhere.
func (c *computer) readLegends(doc ast.Node) {
	c.legend = legend{nodes: map[ast.Node]bool{}, cells: map[string]State{}, labels: map[string]State{}, defined: map[string]bool{}, emoji: map[State][]string{}}
	c.walkLegends(doc)
	if len(c.legend.emoji) > 0 {
		c.vocab = c.vocab.With(nil, c.legend.emoji)
	}
}

// walkLegends reads the legends among the blocks under n.
func (c *computer) walkLegends(n ast.Node) {
	hinted := false // the block before was a legend heading or opener
	for b := n.FirstChild(); b != nil; b = b.NextSibling() {
		wasHinted := hinted
		hinted = false
		switch b.Kind() {
		case ast.KindHeading:
			hinted = marker.IsLegendTitle(mdtext.Inline(b, c.src))
		case ast.KindParagraph, ast.KindTextBlock:
			if !wasHinted && !marker.MayOpenLegend(legendText(b, c.src, marker.LegendOpenerLen)) {
				if pairs := c.bareLegend(b); pairs != nil {
					c.addLegend(b, pairs) // "**Reading this doc:** ✅ shipped · ⏳ not started · ❌ cut"
				}
				break // most paragraphs: not made into text whole to read their first word
			}
			text := legendText(b, c.src, 0)
			body, opens := marker.LegendBody(text)
			switch {
			case opens && body == "":
				hinted = true
			case opens || wasHinted:
				if !opens {
					body = text
				}
				if pairs := marker.ParseLegend(body); len(pairs) >= 2 {
					c.addLegend(b, pairs)
				}
			}
		case ast.KindList:
			if wasHinted {
				c.legendList(b)
			} else {
				c.walkLegends(b)
			}
		case east.KindTable:
			c.legendTable(b, wasHinted)
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
		default:
			c.walkLegends(b)
		}
	}
}

// bareLegend reads a paragraph's first line that is a legend without
// saying so: after an optional label ending with a colon ("**Reading this
// doc:**"), nothing but three or more pairs of an emoji and a label of at
// most three words, set apart by · • or |, two of whose labels are status
// words ("✅ shipped · 🚧 in progress · ⏳ not started · ❌ cut"). Else nil.
func (c *computer) bareLegend(p ast.Node) []marker.LegendPair {
	lines := p.Lines()
	if lines.Len() == 0 {
		return nil
	}
	seg := lines.At(0)
	raw := seg.Value(c.src)
	if len(raw) > 300 || !(bytes.Contains(raw, []byte("·")) || bytes.Contains(raw, []byte("•")) || bytes.Contains(raw, []byte(" | "))) {
		return nil // most paragraphs: not read further
	}
	text := legendText(p, c.src, 0)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i] // its first line: a note may follow it
	}
	if i := strings.IndexByte(text, ':'); i >= 0 && i < 60 && !strings.ContainsFunc(text[:i], marker.IsEmojiRune) {
		text = text[i+1:] // the label before the pairs
	}
	text = strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*_"))
	if marker.EmojiPrefix(text) == "" {
		return nil
	}
	pairs := marker.ParseLegend(text)
	if len(pairs) < 3 {
		return nil
	}
	said := 0
	for _, pr := range pairs {
		if marker.EmojiPrefix(pr.Marker) == "" || len(strings.Fields(pr.Label)) > 3 {
			return nil
		}
		if _, ok := wordState(c.vocab, pr.Label); ok {
			said++
		}
	}
	if said < 2 {
		return nil
	}
	return pairs
}

// legendList reads a list whose items are one pair each.
func (c *computer) legendList(list ast.Node) {
	var pairs []marker.LegendPair
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		p := firstTextBlock(li)
		if p == nil {
			return
		}
		got := marker.ParseLegend(legendText(p, c.src, 0))
		if len(got) == 0 {
			return
		}
		pairs = append(pairs, got[0])
	}
	if len(pairs) >= 2 {
		c.addLegend(list, pairs)
	}
}

// symbolHeaders name the marker column of a legend table; meaningHeaders
// its label column. A table whose marker column is named by strongSymbol,
// or by a symbol header beside a meaning header, is a legend table when
// its rows each define one distinct marker or status value.
var (
	strongSymbol  = map[string]bool{"symbol": true, "symbols": true, "icon": true, "emoji": true, "marker": true, "markers": true, "legend": true, "key": true, "glyph": true, "indicator": true, "sign": true}
	symbolHeaders = map[string]bool{"status": true, "state": true, "value": true, "badge": true, "mark": true, "code": true, "label": true}
	// glossaryHeaders name the term column of a glossary: beside a
	// meaning header, it is a legend table when every term is a status
	// word or emoji (| Term | Meaning | over Done, Blocked …).
	glossaryHeaders = map[string]bool{"term": true, "word": true}
	meaningHeaders  = map[string]bool{"meaning": true, "means": true, "description": true, "definition": true, "explanation": true, "whatitmeans": true, "standsfor": true, "label": true, "usedfor": true, "when": true,
		// the same in the languages whose status words the vocabulary knows
		"bedeutung": true, "beschreibung": true, "significado": true, "descripcin": true, "signification": true,
		"significato": true, "descrizione": true, "descrio": true}
)

// legendTable reads a legend table; hinted says a legend heading or
// opener comes right before it.
func (c *computer) legendTable(table ast.Node, hinted bool) {
	header, rows := tableParts(table)
	if header == nil || len(rows) < 2 {
		return
	}
	hcells := childrenOf(header)
	if len(hcells) < 2 {
		return
	}
	h0, h1 := headerName(mdtext.Inline(hcells[0], c.src)), headerName(mdtext.Inline(hcells[1], c.src))
	glossary := !hinted && glossaryHeaders[h0] && meaningHeaders[h1]
	if !hinted && !strongSymbol[h0] && !(symbolHeaders[h0] && meaningHeaders[h1]) && !glossary {
		return
	}
	// A Status or State column after the first two holds the rows'
	// states: the table is a tracker whose first column happens to be
	// named like a symbol (a Jira export's | Key | Summary | Status |).
	for _, h := range hcells[2:] {
		if !hinted && isStatusName(mdtext.Inline(h, c.src)) {
			return
		}
	}
	var pairs []marker.LegendPair
	seen := map[string]bool{}
	for _, r := range rows {
		cells := childrenOf(r)
		if len(cells) < 2 {
			return
		}
		m, ok := c.legendCellMarker(markerText(cells[0], c.src))
		if !ok || seen[cellKey(m)] || glossary && !c.isStatusTerm(m) || !hinted && issueKey(m) {
			return
		}
		seen[cellKey(m)] = true
		label := mdtext.Inline(cells[1], c.src)
		if label == "" {
			label = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(markerText(cells[0], c.src)), m))
		}
		pairs = append(pairs, marker.LegendPair{Marker: m, Label: label})
	}
	c.addLegendRows(table, rows, pairs)
}

// legendCellMarker reads the marker cell of a legend table: an emoji
// (a short label may follow it: "✅ Done"), a status value ("Merged",
// "Waiting for review") or a short token ("Y", "N/A").
func (c *computer) legendCellMarker(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if e := marker.EmojiPrefix(t); e != "" {
		if len(strings.Fields(t)) > 4 {
			return "", false // an emoji opening a sentence, not a marker cell
		}
		return e, true
	}
	if _, ok := c.vocab.Label(t); ok {
		return t, true
	}
	if t != "" && len(strings.Fields(t)) <= 4 && len([]rune(t)) <= 30 && !strings.ContainsRune(t, marker.Opaque) {
		return t, true // a status value of the page's own ("Parked", "Y")
	}
	return "", false
}

// issueKey reports whether a cell is an issue tracker's key (PLAT-1,
// WEB-101): a tracker's row, never a marker a legend defines.
func issueKey(t string) bool {
	letters, digits := 0, 0
	i := 0
	for i < len(t) && (t[i] >= 'A' && t[i] <= 'Z' || t[i] >= 'a' && t[i] <= 'z' || letters > 0 && t[i] >= '0' && t[i] <= '9') {
		letters++
		i++
	}
	if letters == 0 || i >= len(t) || t[i] != '-' {
		return false
	}
	for i++; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
		digits++
	}
	return digits > 0 && i == len(t)
}

// isStatusTerm reports whether a glossary's term is a status emoji or
// a status word or phrase.
func (c *computer) isStatusTerm(t string) bool {
	if marker.EmojiPrefix(t) != "" {
		return true
	}
	_, ok := c.vocab.Label(t)
	return ok
}

// addLegend records a legend made of pairs, found in node n.
func (c *computer) addLegend(n ast.Node, pairs []marker.LegendPair) {
	line := c.lines.Line(c.offsetOf(n))
	c.legend.nodes[n] = true
	for _, p := range pairs {
		c.addLegendEntry(p, line)
	}
}

// addLegendRows records a legend table, one entry per row.
func (c *computer) addLegendRows(table ast.Node, rows []ast.Node, pairs []marker.LegendPair) {
	c.legend.nodes[table] = true
	for i, p := range pairs {
		c.addLegendEntry(p, c.lines.Line(c.offsetOf(rows[i])))
	}
}

// addLegendEntry maps one pair to a state: its label's status words (any
// case), else, for a marker that is a word, the marker's own ("Merged"),
// else, for an emoji the vocabulary does not know whose label says its
// work has not started ("Up next", "Exploring"), open.
// An emoji that maps to a state joins the page's vocabulary; every marker
// that maps to one reads so in table cells.
func (c *computer) addLegendEntry(p marker.LegendPair, line int) {
	e := LegendEntry{Marker: p.Marker, Label: p.Label, Line: line}
	emoji, isEmoji := marker.LegendMarker(p.Marker)
	st, ok := wordState(c.vocab, p.Label)
	if !ok && !isEmoji {
		st, ok = wordState(c.vocab, p.Marker)
	}
	key := cellKey(p.Marker)
	if isEmoji {
		key = cellKey(emoji)
	}
	c.legend.defined[key] = true
	if !ok && isEmoji && !strings.HasPrefix(emoji, ":") {
		if _, known := c.vocab.Find(emoji, marker.Cell); !known {
			switch {
			case notYet(p.Label):
				st, ok = marker.Open, true // a roadmap's "🔜 Up next", "💡 Exploring": work not started
			case labelDoing(p.Label):
				st, ok = marker.Active, true // a localization tracker's "✏️ translating", a reading list's "📖 reading now"
			case strings.HasPrefix(strings.ToLower(strings.TrimSpace(p.Label)), "needs "):
				st, ok = marker.Open, true // "⚠️ needs update": work to do again
			}
		}
	}
	if ok {
		e.State = st.String()
		c.legend.cells[key] = st
		if isEmoji && !strings.HasPrefix(emoji, ":") {
			c.legend.emoji[st] = append(c.legend.emoji[st], emoji)
		}
	}
	if isEmoji {
		// "✅ Collected": a status cell that says Collected means ✅
		labelState, has := st, ok
		if m, known := c.vocab.Find(emoji, marker.Cell); !has && known {
			labelState, has = m.State, true
		}
		if label := cellKey(p.Label); has && label != "" && len(strings.Fields(label)) <= 4 {
			if _, taken := c.legend.labels[label]; !taken {
				c.legend.labels[label] = labelState
			}
		}
	}
	c.legend.entries = append(c.legend.entries, e)
}

// labelDoing reports whether a legend's label says its work is being
// done, a verb in -ing of one to three words ("translating", "reading
// now", "skimming"), not a time to come ("upcoming", "coming soon").
func labelDoing(label string) bool {
	words := strings.Fields(strings.ToLower(label))
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	w := words[0]
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w != "coming" && w != "upcoming" && w != "pending" &&
		w != "nothing" && w != "something" && w != "everything" && w != "morning" && w != "evening"
}

// notYetWords say of a legend's label that its work has not started: a
// roadmap's Up next, Later, Exploring.
var notYetWords = map[string]bool{
	"next": true, "later": true, "soon": true, "upcoming": true, "future": true, "someday": true,
	"exploring": true, "explore": true, "idea": true, "ideas": true, "considering": true,
	"considered": true, "research": true, "researching": true, "investigating": true,
	"proposed": true, "proposal": true, "queued": true, "scheduled": true,
}

// notYet reports whether a legend's label holds one of notYetWords.
func notYet(label string) bool {
	for _, w := range strings.Fields(headingWords(label)) {
		if notYetWords[w] {
			return true
		}
	}
	return false
}

// wordState is the state of the status word or phrase text opens with,
// read as a cell (any case): "Done", "Not started yet", "In progress —
// reviewed weekly", "closed/verified". A label that only mentions one later ("Bug being
// fixed", "Work has started") maps to none; emoji do not count.
func wordState(v *marker.Vocabulary, text string) (State, bool) {
	t := strings.TrimSpace(text)
	m, ok := v.Find(t, marker.Cell)
	if !ok || m.Kind != marker.Word || m.Start != 0 {
		if first, _, found := strings.Cut(t, "/"); found && first != "" && !strings.Contains(first, " ") {
			return wordState(v, first) // "C = closed/verified": two words for one state
		}
		return marker.Open, false
	}
	return m.State, true
}

// cellKey reduces a marker or a cell's text to what legends are looked up
// by: trimmed, lower case, variation selectors gone.
func cellKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\uFE0F' || r == '\uFE0E' {
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(strings.Trim(s, " *_`")), " "))
}

// legendText is markerText with line breaks kept, so a legend written one
// pair per line splits there. With limit above 0 it may stop once the
// text holds limit bytes after its leading spaces: a prefix of the text.
func legendText(n ast.Node, src []byte, limit int) string {
	var b strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if limit > 0 && len(strings.TrimLeftFunc(b.String(), unicode.IsSpace)) >= limit {
			break
		}
		if t, ok := ch.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			b.Write(unescape(t.Segment.Value(src)))
			b.WriteByte('\n')
			continue
		}
		if !writeMarkerNode(&b, ch, src) {
			break
		}
	}
	return b.String()
}
