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
