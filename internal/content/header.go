package content

import (
	"bytes"
	"strings"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/tasklist"
)

// headerLines is how far into a body its header block may reach.
const headerLines = 20

// applyHeader reads the header block of body, which starts at file line
// bodyLine: the "**Field:** value" lines after its title and before its
// next heading, in its first lines, as PRDs open ("**Owner:** @dana",
// "**Target date:** 2026-03-01"). They are read as a section's field
// lines are (attr.ReadSection), and give the page the owner, target and
// start its front matter did not.
func applyHeader(page *Page, body []byte, bodyLine int) {
	if page.Owner != "" && page.Target != "" && page.Start != "" {
		return
	}
	var cal attr.Calendar // "**Target:** Mar 15" by the day the page says it was updated
	if !page.Updated.IsZero() {
		cal = calendar{near: page.Updated.Format("2006-01-02")}
	}
	var lines []attr.Line
	titled, fields, ended := false, false, false
	para := 0 // where the paragraph being read starts in lines, for a setext underline
	inPara, inComment := false, false
	for i, line := range bytes.SplitN(body, []byte{'\n'}, headerLines+1) {
		if i == headerLines {
			break
		}
		t := strings.TrimSpace(string(line))
		switch {
		case inComment:
			inComment = !strings.Contains(t, "-->")
		case strings.HasPrefix(t, "<!--"):
			// comments before or among the fields, on one line or more
			inComment = !strings.Contains(t[4:], "-->")
			inPara = false
		case t == "":
			inPara = false
		case strings.HasPrefix(t, "#"):
			ended = titled || fields || !strings.HasPrefix(t, "# ") // another heading ends the header
			titled, inPara = true, false
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			ended = true
		case taskLine(t):
			ended = true // a task: the fields under it are its own
		case len(line) > len(t) && (line[0] == ' ' || line[0] == '\t') && listLine(t):
			continue // a list nested under an item (a table of contents, an item's fields): not the page's
		case inPara && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == ""):
			// a setext underline: the paragraph above it is a heading,
			// the page's title when nothing came before it
			ended = titled || len(lines) > para && fieldsIn(lines[:para])
			titled, inPara = true, false
			lines = lines[:para]
		default:
			if !inPara {
				para, inPara = len(lines), true
			}
			if _, _, ok := attr.FieldLine(t); ok {
				fields = true
			} else if plain := attr.PlainFields(t, cal); plain != nil {
				fields = true
				for _, f := range plain {
					lines = append(lines, attr.Line{Number: bodyLine + i, Text: f})
				}
				continue
			}
			lines = append(lines, attr.Line{Number: bodyLine + i, Text: string(line)})
		}
		if ended {
			break
		}
	}
	s := attr.ReadSection(lines, cal)
	if page.Owner == "" {
		page.Owner = s.Owner
	}
	if page.Target == "" {
		page.Target = s.Due
	}
	if page.Start == "" {
		page.Start = s.Start
	}
}

// listLine reports whether t, a trimmed line, is a list item.
func listLine(t string) bool {
	return strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ")
}

// taskLine reports whether t, a trimmed line, is a list item with a task
// box ("- [ ] Upgrade", "- [x] Ship", pandoc's "- \[x\] Ship").
func taskLine(t string) bool {
	if !listLine(t) {
		return false
	}
	_, _, ok := tasklist.ParseBox([]byte(t[2:]))
	return ok
}

// fieldsIn reports whether lines hold a field line.
func fieldsIn(lines []attr.Line) bool {
	for _, l := range lines {
		if _, _, ok := attr.FieldLine(strings.TrimSpace(l.Text)); ok {
			return true
		}
	}
	return false
}
