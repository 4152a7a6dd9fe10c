package status

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/yuin/goldmark-emoji/definition"
	"github.com/yuin/goldmark/ast"
)

// collectBoxLines appends the items of a paragraph whose lines open with
// ballot boxes, as a checklist pasted from a word processor or a notes
// app reads ("☐ Transfer the school records", "☑ Book movers — deposit
// paid"): two such lines at least, each line with its one box at its
// start an item of the section, ☐ and [ ] open, ☑, ☒ and [x] done. The
// other lines are its notes. A form's "☐ Yes ☐ No", its choices ("☐ I consent"), and
// a key ("☑ = done") are no checklist (keyOrForm).
func (c *computer) collectBoxLines(p ast.Node, out *[]*found) {
	lines := p.Lines()
	if lines.Len() < 2 || c.underExample() {
		return
	}
	var found []boxLine
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw := bytes.TrimLeft(seg.Value(c.src), " \t")
		if len(raw) == 0 || raw[0] != '[' && raw[0] != 0xE2 && raw[0] != 0xF0 && raw[0] != ':' {
			continue // most lines: no box or emoji first, nothing made
		}
		line := strings.TrimSpace(string(raw))
		if line == "" {
			continue // a line of Unicode spaces
		}
		if line[0] == ':' {
			if line = shortcodeFirst(line); line == "" {
				continue
			}
		}
		st, text, ok := boxLineOf(line)
		emoji := false
		if !ok {
			st, text, ok = c.emojiLineOf(line) // "✅ Venue contract — signed Aug 30", pasted from Slack
			emoji = true
		}
		if !ok {
			continue
		}
		found = append(found, boxLine{st, seg.Start, text, line[0] == '[', emoji, c.yesNoMark(line)})
	}
	if len(found) < 2 || keyOrForm(found) || c.asksToTick(p) || yesNoOnly(found) || c.underSupportHeading() && emojiOnly(found) {
		return // "## Platforms" over ":white_check_mark: Linux": what is supported
	}
	setClasses(p, ClassBoxLines) // a line for each, as its writer saw them
	for _, l := range found {
		st := l.st
		if c.cur != nil && c.cur.scope && st != marker.Done {
			st = marker.Dropped
		}
		src := SourceCheckbox
		if l.emoji {
			src = SourceList // marked as a list item is, by its emoji
		}
		it := c.newItem(p, st, src, l.text, l.text)
		it.offset = l.offset
		*out = append(*out, it)
	}
}

// yesNoOnly reports whether a paragraph's lines are all a status emoji's
// yes or no (✅, ❌): a README's features or a design's pros and cons, not
// a pasted status update, which says how things stand (🔄, ⏳, 🚧) or
// what is still to do (⬜).
func yesNoOnly(lines []boxLine) bool {
	for _, l := range lines {
		if !l.emoji || !l.yesNo {
			return false
		}
	}
	return true
}

// emojiOnly reports whether every line is marked by a status emoji, not a
// box.
func emojiOnly(lines []boxLine) bool {
	for _, l := range lines {
		if !l.emoji {
			return false
		}
	}
	return true
}

// shortcodeFirst returns line with the GitHub shortcode it opens with
// (":white_check_mark: Quarry kickoff") as its emoji, as the parser shows
// it; "" when it opens with none.
func shortcodeFirst(line string) string {
	end := strings.IndexByte(line[1:], ':')
	if end <= 0 || end > 40 {
		return ""
	}
	e, ok := definition.Github().Get(line[1 : end+1])
	if !ok {
		return ""
	}
	return string(e.Unicode) + line[end+2:]
}

// asksToTick reports whether a paragraph of boxed lines, or the one
// before it, asks whoever fills it in to choose ("Please tick all that
// apply.", "Tick one:"): a form's choices. "Tick each box as you complete
// it" asks for work.
func (c *computer) asksToTick(p ast.Node) bool {
	texts := []string{mdtext.Block(p, c.src)}
	if prev := p.PreviousSibling(); prev != nil && prev.Kind() == ast.KindParagraph {
		texts = append(texts, mdtext.Block(prev, c.src))
	}
	for _, t := range texts {
		t = strings.ToLower(t)
		for _, ask := range [...]string{"all that apply", "tick one", "check one", "choose one", "tick only one", "one answer"} {
			if strings.Contains(t, ask) {
				return true
			}
		}
	}
	return false
}

// boxLine is a line of a paragraph that opens with a ballot box.
type boxLine struct {
	st      State
	offset  int
	text    string
	bracket bool // "[x]", not a ballot box: notation as often
	emoji   bool // a status emoji, not a box: "✅ Venue contract"
	yesNo   bool // a tick or a cross, not ⬜ or 🔄
}

// keyOrForm reports whether a paragraph's boxed lines are no checklist:
// a key ("☑ = done", "☐ means to do", "[x] marks the clauses we refuse"),
// notation or settings ("[ ] placeholders are filled in", "[x] cache =
// on"), or a form's choices, which speak as whoever fills it in ("☐ I
// consent …", "☐ My child may attend").
func keyOrForm(lines []boxLine) bool {
	firstPerson := 0
	for _, l := range lines {
		first, rest, _ := strings.Cut(l.text, " ")
		second, _, _ := strings.Cut(rest, " ")
		if l.bracket && (second == "are" || second == "is") || strings.Contains(l.text, " = ") {
			return true // notation or settings: "[ ] placeholders are filled in", "[x] cache = on"
		}
		switch strings.ToLower(strings.TrimRight(first, ",.:")) {
		case "=", ":", "-", "means", "marks", "is":
			return true
		case "i", "i'm", "i've", "i’m", "i’ve", "my", "we", "our", "yes", "no":
			firstPerson++
		}
		if strings.HasPrefix(first, "=") || strings.HasPrefix(first, ":") {
			return true
		}
	}
	return firstPerson*2 >= len(lines)
}

// emojiLineOf reads a line that opens with a status emoji and goes on
// with words, as a status update pasted from a chat or Notion writes it:
// its state and its text.
func (c *computer) emojiLineOf(line string) (st State, text string, ok bool) {
	st, ok = c.vocab.StartsWithEmoji(line)
	if !ok {
		return marker.Open, "", false
	}
	text = strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '=' })
	if r, _ := utf8.DecodeRuneInString(text); !unicode.IsLetter(r) {
		return marker.Open, "", false // "✅ = done", "🟢 🟢 🔴": a key, a row of dots
	}
	if m, ok := c.vocab.DashStatus(text); ok && !(m.State == marker.Dropped && rerun(text)) {
		// as a list item's: the clause calls it off ("❌ Fireworks —
		// cancelled, insurance won't cover it"), says it in capitals
		// ("🔄 Road closure — BLOCKED") or says how an open one stands;
		// "⏳ Visa letters — waiting on HR" keeps its emoji
		word := text[m.Start:m.End]
		by := strings.HasPrefix(strings.TrimSpace(text[m.End:]), "by ")           // "⬜ Seating plan — done by Friday": a deadline
		shouted := word == strings.ToUpper(word) && word != strings.ToLower(word) // not a script without case
		if !by && (m.State == marker.Dropped || shouted || st == marker.Open) {
			st = m.State
		}
	}
	return st, text, true
}

// boxLineOf reads a line that opens with a ballot box: its state and its
// text; ok is false for any other line, and for one holding a second box
// (a form's choices).
func boxLineOf(line string) (st State, text string, ok bool) {
	for _, b := range [...]struct {
		box string
		st  State
	}{{"☐", marker.Open}, {"☑", marker.Done}, {"☒", marker.Done}, {"[ ]", marker.Open}, {"[x]", marker.Done}, {"[X]", marker.Done}} {
		rest, found := strings.CutPrefix(line, b.box)
		if !found {
			continue
		}
		rest = strings.TrimPrefix(rest, "\ufe0f")
		text = strings.TrimSpace(rest)
		if text == "" || rest[0] != ' ' || strings.ContainsAny(text, "☐☑☒") || strings.Contains(text, "[ ]") {
			return marker.Open, "", false
		}
		return b.st, text, true
	}
	return marker.Open, "", false
}
