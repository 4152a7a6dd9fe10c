package timeline

import (
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

// TestDrawGolden draws each case of testdata/*.txtar (its input.json, an
// Input) and compares the SVG, the caption and the lines with its golden
// file.
func TestDrawGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases in testdata")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txtar")
		t.Run(name, func(t *testing.T) {
			in := readInput(t, f)
			tl, ok := Draw(in)
			if !ok {
				t.Fatal("Draw drew nothing")
			}
			checkSVG(t, tl.SVG)
			var got strings.Builder
			got.WriteString(tl.SVG + "\n" + tl.Caption + "\n")
			for _, l := range tl.Lines {
				span := ""
				if l.Span {
					span = " span"
				}
				got.WriteString(strings.Repeat("  ", l.Level) + l.Label + ": " + l.From + " to " + l.To + " " + string(l.State) + span + "\n")
			}
			sitetest.Golden(t, filepath.Join("testdata", name+".golden"), []byte(got.String()))
		})
	}
}

func readInput(t *testing.T, path string) Input {
	t.Helper()
	a := sitetest.Load(t, path)
	data, ok := a.Get("input.json")
	if !ok {
		t.Fatalf("%s has no input.json", path)
	}
	var in Input
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return in
}

// checkSVG fails unless s is well-formed SVG.
func checkSVG(t *testing.T, s string) {
	t.Helper()
	var probe struct{ XMLName xml.Name }
	if err := xml.Unmarshal([]byte(s), &probe); err != nil || probe.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("not SVG in the SVG namespace: %v (%v)", err, probe.XMLName)
	}
}

func TestDrawNothingWithoutDates(t *testing.T) {
	for _, in := range []Input{
		{},
		{Rows: []Row{{Label: "a"}, {Label: "b", Rows: []Row{{Label: "c", Due: "soon"}}}}, Today: "2026-03-01", Target: "2026-04-01"},
	} {
		if tl, ok := Draw(in); ok {
			t.Errorf("Draw(%+v) drew %s", in, tl.SVG)
		}
	}
}

func TestSectionSpansItsRows(t *testing.T) {
	tl, _ := Draw(Input{Rows: []Row{{Label: "Phase", Rows: []Row{
		{Label: "a", Start: "2026-03-10", Due: "2026-03-12"},
		{Label: "b", Done: "2026-03-02", State: Done},
		{Label: "no dates"},
	}}}})
	if len(tl.Lines) != 3 {
		t.Fatalf("lines = %+v, want the section and its two dated rows", tl.Lines)
	}
	if l := tl.Lines[0]; !l.Span || l.From != "2026-03-02" || l.To != "2026-03-12" {
		t.Errorf("section line = %+v, want a span from 2026-03-02 to 2026-03-12", l)
	}
}

func TestTooManyRowsKeepsSections(t *testing.T) {
	var rows []Row
	for i := 0; i < 30; i++ {
		rows = append(rows, Row{Label: "s", Rows: []Row{{Label: "a", Due: "2026-03-10"}, {Label: "b", Due: "2026-03-11"}}})
	}
	tl, _ := Draw(Input{Rows: rows})
	if len(tl.Lines) != 30 || tl.More != 60 {
		t.Errorf("%d lines, %d more; want the 30 sections and 60 more", len(tl.Lines), tl.More)
	}
	if !strings.Contains(tl.Caption, "60 more rows not drawn") {
		t.Errorf("caption %q does not say what was left out", tl.Caption)
	}
}

func TestDrawIsDeterministic(t *testing.T) {
	in := readInput(t, "testdata/target-forecast.txtar")
	a, _ := Draw(in)
	for i := 0; i < 5; i++ {
		if b, _ := Draw(in); b.SVG != a.SVG || b.Caption != a.Caption {
			t.Fatal("two draws of one input differ")
		}
	}
}
