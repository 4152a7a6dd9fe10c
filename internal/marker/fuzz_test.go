package marker

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds feeds every line of testdata/texts.txt to a fuzz target.
func addSeeds(f *testing.F) {
	file, err := os.Open("testdata/texts.txt")
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		f.Add(sc.Text())
	}
}

// FuzzMarker checks the reader on any text: no panic, matches inside the
// text and on rune boundaries, a prose marker is also a cell marker, and
// StripForID never grows the text or breaks UTF-8.
func FuzzMarker(f *testing.F) {
	addSeeds(f)
	v := Default()
	f.Fuzz(func(t *testing.T, text string) {
		for _, ctx := range []Context{Prose, Cell} {
			m, ok := v.Find(text, ctx)
			if !ok {
				if ctx == Cell {
					if _, prose := v.Find(text, Prose); prose {
						t.Fatalf("%q: marker in prose but not in a cell", text)
					}
				}
				continue
			}
			if m.Start < 0 || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("%q: match %d..%d out of range", text, m.Start, m.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[m.Start:m.End]) {
				t.Fatalf("%q: match %d..%d splits a rune", text, m.Start, m.End)
			}
		}
		out := v.StripForID(text)
		if len(out) > len(strings.TrimSpace(text)) {
			t.Fatalf("StripForID(%q) = %q grew", text, out)
		}
		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Fatalf("StripForID(%q) = %q is not UTF-8", text, out)
		}
		FirstDate(text)
	})
}
