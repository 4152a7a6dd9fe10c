package marker

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
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
		got, gotOK := FirstDate(text)
		if want, wantOK := firstDateByRunes(text); got != want || gotOK != wantOK {
			t.Fatalf("FirstDate(%q) = %q, %v; read rune by rune: %q, %v", text, got, gotOK, want, wantOK)
		}
	})
}

// firstDateByRunes is FirstDate as first written, rune by rune: what the
// byte by byte reading must agree with.
func firstDateByRunes(text string) (string, bool) {
	r := []rune(text)
	for i := 0; i+10 <= len(r); i++ {
		if i > 0 && unicode.IsDigit(r[i-1]) {
			continue
		}
		if i+10 < len(r) && unicode.IsDigit(r[i+10]) {
			continue
		}
		if d := string(r[i : i+10]); len(d) == 10 && isISODate(d) {
			return d, true
		}
	}
	return "", false
}

// FuzzLegend checks the legend reader and the other list readers on any
// text: no panic, pairs with a marker and a label, matches inside the text.
func FuzzLegend(f *testing.F) {
	file, err := os.Open("testdata/legends.txt")
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		f.Add(sc.Text())
	}
	v := Default()
	f.Fuzz(func(t *testing.T, text string) {
		body, ok := LegendBody(text)
		if ok && len(body) > len(text) {
			t.Fatalf("LegendBody(%q) = %q grew", text, body)
		}
		lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
		for cut := lead + LegendOpenerLen; ok && cut <= len(text)+1; cut++ {
			if prefix := text[:min(cut, len(text))]; !MayOpenLegend(prefix) {
				t.Fatalf("LegendBody(%q) opens a legend, MayOpenLegend(%q) says it cannot", text, prefix)
			}
		}
		for _, p := range ParseLegend(text) {
			if p.Marker == "" || p.Label == "" {
				t.Fatalf("ParseLegend(%q): empty pair %+v", text, p)
			}
		}
		for _, find := range []func(string) (Match, bool){v.Label, v.TrailingStatus, LeadingKeyword} {
			if m, ok := find(text); ok && (m.Start < 0 || m.Start >= m.End || m.End > len(text)) {
				t.Fatalf("%q: match %d..%d out of range", text, m.Start, m.End)
			}
		}
		if c, ok := FindCookie(text); ok && (c.Start < 0 || c.End > len(text) || text[c.Start] != '[' || text[c.End-1] != ']') {
			t.Fatalf("FindCookie(%q) = %+v", text, c)
		}
	})
}
