package attr

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// addInputs feeds every input of a case file to a fuzz target.
func addInputs(f *testing.F, file string) {
	for _, c := range readCases(f, file) {
		f.Add(strings.Join(c.input, "\n"))
	}
}

// FuzzRead checks the item reader on any text: no panic, the same answer
// twice, spans in order inside the text and on rune boundaries, the text
// never longer than what was read, and only valid dates.
func FuzzRead(f *testing.F) {
	addInputs(f, "testdata/items.txt")
	f.Fuzz(func(t *testing.T, text string) {
		it := Read(text)
		again := Read(text)
		if dumpItem(it) != dumpItem(again) {
			t.Fatalf("%q: two readings differ", text)
		}
		end := 0
		for _, sp := range it.Spans {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("%q: span %d..%d out of order or range", text, sp.Start, sp.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[sp.Start:sp.End]) {
				t.Fatalf("%q: span %d..%d splits a rune", text, sp.Start, sp.End)
			}
			end = sp.End
		}
		if len(it.Text) > len(text) {
			t.Fatalf("%q: text grew to %q", text, it.Text)
		}
		for _, d := range []string{it.Due, it.Start, it.Scheduled, it.Created, it.Done, it.Cancelled} {
			if d != "" && !isDate(d) {
				t.Fatalf("%q: invalid date %q", text, d)
			}
		}
		marked := it.Done != "" && it.Mark.String() == "done" || it.Cancelled != "" && it.Mark.String() == "dropped"
		if it.EstimateHours < 0 || it.HasMark && !marked {
			t.Fatalf("%q: estimate %g, mark %v %v", text, it.EstimateHours, it.HasMark, it.Mark)
		}
	})
}

// FuzzSection checks the section reader on any lines: no panic, the same
// answer twice, only valid dates, non-negative hours, and dependencies
// that come from the line they name.
func FuzzSection(f *testing.F) {
	addInputs(f, "testdata/sections.txt")
	addInputs(f, "testdata/headings.txt")
	f.Fuzz(func(t *testing.T, text string) {
		var lines []Line
		for i, l := range strings.Split(text, "\n") {
			lines = append(lines, Line{Number: i + 1, Text: l})
		}
		s := ReadSection(lines, nil)
		if dumpSection(s) != dumpSection(ReadSection(lines, nil)) {
			t.Fatalf("%q: two readings differ", text)
		}
		for _, d := range []string{s.Due, s.Start} {
			if d != "" && !isDate(d) {
				t.Fatalf("%q: invalid date %q", text, d)
			}
		}
		if s.EstimateHours < 0 || s.ActualHours < 0 {
			t.Fatalf("%q: negative hours", text)
		}
		if s.DependsLine < 0 || s.DependsLine > len(lines) || (len(s.Depends) > 0 || s.DependsAll != "" || s.NoDepends) != (s.DependsLine > 0) {
			t.Fatalf("%q: dependencies %v from line %d", text, s.Depends, s.DependsLine)
		}
		for _, l := range lines {
			if id, ok := HeadingID(l.Text); ok && !strings.HasPrefix(strings.TrimSpace(l.Text), id) {
				t.Fatalf("HeadingID(%q) = %q, not its start", l.Text, id)
			}
			if h, n, ok := ParseHours(l.Text); ok && (h < 0 || n <= 0 || n > len(l.Text)) {
				t.Fatalf("ParseHours(%q) = %g, %d", l.Text, h, n)
			}
		}
	})
}

// FuzzReadNear checks the item reader with a page's Calendar (a date, a
// month-first order) on any text: no panic, the same answer twice, only
// valid dates, and what Read reads without one read the same way but for
// the dates the calendar lets it read.
func FuzzReadNear(f *testing.F) {
	addInputs(f, "testdata/near.txt")
	addInputs(f, "testdata/items.txt")
	cal := fixedCalendar{date: "2026-11-27", monthFirst: true, known: true}
	f.Fuzz(func(t *testing.T, text string) {
		it := ReadNear(text, cal)
		if dumpItem(it) != dumpItem(ReadNear(text, cal)) {
			t.Fatalf("%q: two readings differ", text)
		}
		for _, d := range []string{it.Due, it.Start, it.Scheduled, it.Created, it.Done, it.Cancelled} {
			if d != "" && !isDate(d) {
				t.Fatalf("%q: invalid date %q", text, d)
			}
		}
		if len(it.Text) > len(text) {
			t.Fatalf("%q: text grew to %q", text, it.Text)
		}
	})
}
