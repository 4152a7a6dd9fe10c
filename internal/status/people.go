package status

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/marker"
)

// rosterLabels open the lines of minutes and plans that list the people
// present ("**Attendees:** Elena, Marcus, Yuki"), in lower case.
var rosterLabels = []string{"attendees", "participants", "present", "attendance", "facilitator"}

// readRoster returns the names the page lists under a roster label, as
// minutes open ("**Attendees:** Elena, Marcus, Yuki · **Facilitator:**
// Dana"): a name there, standing alone before a colon or after a dash in
// an item, is the item's owner. nil when the page lists none.
func readRoster(src []byte) map[string]bool {
	if !bytes.Contains(src, []byte("ttend")) && !bytes.Contains(src, []byte("articipant")) &&
		!bytes.Contains(src, []byte("resent:")) && !bytes.Contains(src, []byte("resent**")) &&
		!bytes.Contains(src, []byte("acilitator")) {
		return nil // most pages: no roster ("ttend" of Attendees and Attendance)
	}
	var names map[string]bool
	for _, line := range bytes.Split(src, []byte{'\n'}) {
		for _, part := range strings.FieldsFunc(string(line), func(r rune) bool { return r == '·' || r == '|' || r == '•' }) {
			t := strings.TrimLeft(strings.TrimSpace(part), "-*+ ")
			key, value, ok := strings.Cut(t, ":")
			if !ok || !isRosterLabel(strings.Trim(key, "*_ ")) {
				continue
			}
			for _, n := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ';' }) {
				n = strings.Trim(strings.TrimSpace(n), "*_ ")
				n, _, _ = strings.Cut(n, " (") // "Dana (facilitator)"
				n = strings.TrimPrefix(strings.TrimPrefix(n, "and "), "@")
				if marker.NameWords(n, 2, false) {
					if names == nil {
						names = map[string]bool{}
					}
					names[n] = true
				}
			}
		}
	}
	return names
}

func isRosterLabel(key string) bool {
	k := strings.ToLower(key)
	for _, l := range rosterLabels {
		if k == l {
			return true
		}
	}
	return false
}

// rosterOwner returns the name of the roster an action item opens with
// before a colon or a dash ("Dana: move standup to 9:45", "Yuki — check
// the survey trigger"), or ends with after a dash ("Book the venue —
// Linda", "Grant report — Bev, due 31 Dec"); "" when there is none. A
// topic ("Budget: approve the spend") is on no roster.
func (c *computer) rosterOwner(text string) string {
	if len(c.roster) == 0 {
		return ""
	}
	t := strings.TrimSpace(text)
	for _, sep := range []string{":", " — ", " – ", " - "} {
		if head, _, ok := strings.Cut(t, sep); ok && c.roster[strings.TrimSpace(head)] {
			return strings.TrimSpace(head)
		}
	}
	if name := trailingName(t); c.roster[name] {
		return name
	}
	return ""
}

// trailingName returns the one or two capitalised words a clause of an
// item after a dash holds, before any comma ("Book the venue — Linda",
// "Grant report — Bev, due 31 Dec", "Design posters — Arun — due 15
// Jan"); "" when none does.
func trailingName(text string) string {
	at, width := nextDash(text, 0)
	for at >= 0 {
		start := at + width
		next, w := nextDash(text, start)
		end := next
		if next < 0 {
			end = len(text)
		}
		name, _, _ := strings.Cut(strings.TrimSpace(text[start:end]), ",")
		name = strings.TrimRight(name, ".!")
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && marker.NameWords(name, 2, false) &&
			strings.ContainsFunc(name, unicode.IsLower) { // "Linda", not "REJECTED"
			return name
		}
		at, width = next, w
	}
	return ""
}

// nextDash returns where the first clause dash at or after from starts
// in text, and how long it is; -1 when there is none.
func nextDash(text string, from int) (int, int) {
	at, width := -1, 0
	for _, d := range marker.ClauseDashes {
		if i := strings.Index(text[from:], d); i >= 0 && (at < 0 || from+i < at) {
			at, width = from+i, len(d)
		}
	}
	return at, width
}

// listItems appends the items of s and the sections under it that lists
// made (checkboxes and marked items) to dst.
func listItems(s *sectionNode, dst []*found) []*found {
	walkSections(s, func(s *sectionNode) {
		for _, it := range s.items {
			if it.Source == SourceList || it.Source == SourceCheckbox {
				dst = append(dst, it)
			}
		}
	})
	return dst
}

// namedAfterDash gives a page's list items the owner each names in a
// clause after a dash, when the page names that person so twice or more
// ("Book the venue — Linda", "Sponsor letters — Linda"): a team shares
// its work out, where a reading list or a page of quotes credits a
// different author on every line.
func (c *computer) namedAfterDash(items []*found) {
	var names []string // of items, made when one names someone: most pages name no one so
	var times map[string]int
	var known map[string]bool // the owners the page names otherwise, made when a bracket may name one
	var bracketed []bool      // of items: its name is in a bracket
	for i, it := range items {
		n := c.dashName(it.Text)
		if n == "" {
			if n = c.bracketName(it.Text); n != "" {
				if bracketed == nil {
					bracketed = make([]bool, len(items))
				}
				bracketed[i] = true
				if known == nil {
					known = c.ownersNamed(items)
				}
				if !known[strings.ToLower(n)] {
					n = "" // "(Optional)", "(Herbert)": a note or an author, unless the page names them as someone's
				}
			}
		}
		if n != "" {
			if names == nil {
				names, times = make([]string, len(items)), map[string]int{}
			}
			names[i] = n
			times[n]++
		}
	}
	for i, it := range items {
		if names == nil || names[i] == "" || times[names[i]] < 2 && !(bracketed != nil && bracketed[i]) || it.Attributes().Owner != "" {
			continue
		}
		t := it.Attributes()
		t.Owner = names[i]
		it.keepAttrs(t)
	}
}

// dashName is trailingName when it names someone: not a day or a month
// ("— Friday", "— Dec"), a priority ("— High") nor a status in any case
// ("— Done", "— In review").
func (c *computer) dashName(text string) string {
	n := trailingName(text)
	if n == "" || marker.IsMonthName(n) || marker.IsWeekday(n) || priorityWord(n) {
		return ""
	}
	if _, ok := c.vocab.Find(n, marker.Cell); ok {
		return ""
	}
	return n
}

// ownersNamed are the names, in lower case, that the page gives as an
// owner otherwise: an item's own (a handle, an Owner column) or on the
// page's Attendees line.
func (c *computer) ownersNamed(items []*found) map[string]bool {
	known := map[string]bool{}
	for name := range c.roster {
		known[strings.ToLower(name)] = true
	}
	for _, it := range items {
		if o := it.Attributes().Owner; o != "" {
			known[strings.ToLower(o)] = true
		}
	}
	return known
}

// bracketName is the one or two capitalised words a bracket that ends an
// item holds ("Book the registrar (Jake)", "Order flowers (Aunt May)"),
// when they name someone as dashName's do; "" when they do not.
func (c *computer) bracketName(text string) string {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, ")") {
		return ""
	}
	open := strings.LastIndexByte(t, '(')
	if open <= 0 {
		return ""
	}
	name := strings.TrimSpace(t[open+1 : len(t)-1])
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) || !marker.NameWords(name, 2, false) ||
		!strings.ContainsFunc(name, unicode.IsLower) || marker.IsMonthName(name) || marker.IsWeekday(name) || priorityWord(name) {
		return ""
	}
	if _, ok := c.vocab.Find(name, marker.Cell); ok {
		return ""
	}
	return name
}

// priorityWord reports whether n ranks or times work rather than names
// who does it: High, Low, Critical, Minor, Today …
func priorityWord(n string) bool {
	switch strings.ToLower(n) {
	case "highest", "high", "medium", "low", "lowest", "critical", "urgent", "major", "minor", "trivial",
		"normal", "blocker", "must", "should", "could", "today", "tomorrow":
		return true
	}
	return false
}
