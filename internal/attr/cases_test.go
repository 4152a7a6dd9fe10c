package attr

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the results in testdata/*.txt")

// A case file holds cases separated by blank lines: "#" lines are notes,
// "> " lines are the input (one text, or several lines for sections), and
// the remaining lines are what was read. go test -update rewrites the
// results (review the diff before committing it).
type textCase struct {
	notes []string
	input []string
	want  string
}

func readCases(t testing.TB, file string) []textCase {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []textCase
	for _, block := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
		var c textCase
		var want []string
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "#"):
				c.notes = append(c.notes, line)
			case strings.HasPrefix(line, "> "), line == ">":
				c.input = append(c.input, strings.TrimPrefix(strings.TrimPrefix(line, ">"), " "))
			default:
				want = append(want, line)
			}
		}
		if len(c.input) == 0 {
			t.Fatalf("%s: a case without input:\n%s", file, block)
		}
		c.want = strings.Join(want, "\n")
		out = append(out, c)
	}
	return out
}

func writeCases(t testing.TB, file string, cases []textCase) {
	var b strings.Builder
	for i, c := range cases {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, n := range c.notes {
			b.WriteString(n + "\n")
		}
		for _, in := range c.input {
			b.WriteString(strings.TrimRight("> "+in, " ") + "\n")
		}
		b.WriteString(c.want + "\n")
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCases compares read(input) with each case's result.
func runCases(t *testing.T, file string, read func(input []string) string) {
	cases := readCases(t, file)
	for i := range cases {
		got := read(cases[i].input)
		if *update {
			cases[i].want = got
			continue
		}
		if got != cases[i].want {
			t.Errorf("%s: %q\n got: %s\nwant: %s", file, strings.Join(cases[i].input, "\n"), got, cases[i].want)
		}
	}
	if *update {
		writeCases(t, file, cases)
	}
}

// dumpItem writes what Read found as one line.
func dumpItem(it Item) string {
	parts := []string{strconv.Quote(it.Text)}
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+" "+v)
		}
	}
	if it.HasMark {
		add("mark", it.Mark.String())
	}
	add("due", it.Due)
	add("start", it.Start)
	add("scheduled", it.Scheduled)
	add("created", it.Created)
	add("done", it.Done)
	add("cancelled", it.Cancelled)
	add("owner", it.Owner)
	add("priority", it.Priority.String())
	if it.Estimate != "" {
		add("estimate", fmt.Sprintf("%q=%gh", it.Estimate, it.EstimateHours))
	}
	add("id", it.ID)
	add("depends", strings.Join(it.Depends, ","))
	for _, f := range it.Fields {
		add("field", fmt.Sprintf("%q=%q", f.Key, f.Value))
	}
	return "= " + strings.Join(parts, " | ")
}

func TestReadItems(t *testing.T) {
	runCases(t, "testdata/items.txt", func(in []string) string {
		return dumpItem(Read(strings.Join(in, " ")))
	})
}

// dumpSection writes what ReadSection found as one line.
func dumpSection(s Section) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+" "+v)
		}
	}
	add("status", s.Status)
	add("owner", s.Owner)
	add("due", s.Due)
	add("start", s.Start)
	add("risk", s.Risk)
	add("priority", s.Priority.String())
	if s.Estimate != "" {
		add("estimate", fmt.Sprintf("%q=%gh", s.Estimate, s.EstimateHours))
	}
	if s.Actual != "" {
		add("actual", fmt.Sprintf("%q=%gh", s.Actual, s.ActualHours))
	}
	if s.DependsLine != 0 {
		switch {
		case s.NoDepends:
			add("depends", "none")
		case s.DependsAll != "":
			add("depends", "all "+s.DependsAll)
		default:
			add("depends", strings.Join(s.Depends, ","))
		}
		parts[len(parts)-1] += fmt.Sprintf(" (line %d)", s.DependsLine)
	}
	for _, f := range s.Fields {
		add("field", fmt.Sprintf("%q=%q", f.Key, f.Value))
	}
	if len(parts) == 0 {
		return "= nothing"
	}
	return "= " + strings.Join(parts, " | ")
}

func TestReadSections(t *testing.T) {
	runCases(t, "testdata/sections.txt", func(in []string) string {
		lines := make([]Line, len(in))
		for i, text := range in {
			lines[i] = Line{Number: i + 1, Text: text}
		}
		return dumpSection(ReadSection(lines, nil))
	})
}

func TestHeadingIDs(t *testing.T) {
	runCases(t, "testdata/headings.txt", func(in []string) string {
		id, ok := HeadingID(in[0])
		if !ok {
			return "= no id"
		}
		return "= " + id
	})
}

// TestReadNear reads items and sections as a page's Calendar lets them:
// each case's first line is "near YYYY-MM-DD" (or "near" alone: the page
// gives no date), then optionally "month-first" or "day-first" (how the
// page writes dates with slashes), then "item" or "section", then the
// text.
func TestReadNear(t *testing.T) {
	runCases(t, "testdata/near.txt", func(in []string) string {
		date, _ := strings.CutPrefix(in[0], "near")
		cal := fixedCalendar{date: strings.TrimSpace(date)}
		rest := in[1:]
		switch rest[0] {
		case "month-first", "day-first":
			cal.monthFirst, cal.known = rest[0] == "month-first", true
			rest = rest[1:]
		}
		if rest[0] == "section" {
			lines := make([]Line, len(rest)-1)
			for i, text := range rest[1:] {
				lines[i] = Line{Number: i + 1, Text: text}
			}
			return dumpSection(ReadSection(lines, cal))
		}
		return dumpItem(ReadNear(strings.Join(rest[1:], " "), cal))
	})
}

// fixedCalendar is a Calendar of a page whose dates a test states.
type fixedCalendar struct {
	date              string
	monthFirst, known bool
}

func (c fixedCalendar) Near() string                    { return c.date }
func (c fixedCalendar) MonthFirst() (first, known bool) { return c.monthFirst, c.known }
