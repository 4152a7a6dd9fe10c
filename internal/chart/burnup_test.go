package chart

import (
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

func TestDrawGolden(t *testing.T) {
	tests := []struct {
		name string
		in   BurnUp
	}{
		{"steady", BurnUp{Dates: []string{"2026-03-01", "2026-03-04", "2026-03-04", "2026-03-09", "2026-03-15"}, Total: 8}},
		{"undated-start", BurnUp{Dates: []string{"2026-03-15", "2026-03-17", "2026-03-17", "2026-03-18"}, Undated: 6, Total: 40}},
		{"all-done", BurnUp{Dates: []string{"2025-12-31", "2026-01-02", "2026-01-10"}, Total: 3}},
		{"bad-date-counts-undated", BurnUp{Dates: []string{"2026-02-01", "2026-02-10", "2026-02-20", "not a date"}, Total: 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := Draw(tt.in)
			if !ok {
				t.Fatalf("Draw(%+v) drew nothing", tt.in)
			}
			var probe struct {
				XMLName xml.Name
			}
			if err := xml.Unmarshal([]byte(c.SVG), &probe); err != nil || probe.XMLName.Space != "http://www.w3.org/2000/svg" {
				t.Fatalf("not SVG in the SVG namespace: %v (%v)", err, probe.XMLName)
			}
			got := c.SVG + "\n" + c.Caption + "\n"
			sitetest.Golden(t, filepath.Join("testdata", tt.name+".golden"), []byte(got))
		})
	}
}

func TestDrawCaption(t *testing.T) {
	c, _ := Draw(BurnUp{Dates: []string{"2026-03-15", "2026-03-17", "2026-03-18"}, Undated: 1, Total: 5})
	want := "4 of 5 items done; 3 of them dated, from 2026-03-15 to 2026-03-18; 1 without a date count from the start."
	if c.Caption != want {
		t.Errorf("caption = %q, want %q", c.Caption, want)
	}
	if !strings.Contains(c.SVG, `aria-label="Burn-up chart: `+want+`"`) {
		t.Errorf("the SVG's aria-label does not carry the caption: %s", c.SVG)
	}
}

func TestDrawRefusesTooLittle(t *testing.T) {
	tests := []struct {
		name string
		in   BurnUp
	}{
		{"nothing", BurnUp{}},
		{"two dated", BurnUp{Dates: []string{"2026-03-01", "2026-03-02"}, Total: 9}},
		{"one day", BurnUp{Dates: []string{"2026-03-01", "2026-03-01", "2026-03-01"}, Total: 9}},
		{"no total", BurnUp{Dates: []string{"2026-03-01", "2026-03-02", "2026-03-03"}}},
		{"more done than total", BurnUp{Dates: []string{"2026-03-01", "2026-03-02", "2026-03-03"}, Total: 2}},
		{"bad dates only", BurnUp{Dates: []string{"soon", "2026-13-01", "2026-02-30"}, Total: 5}},
	}
	for _, tt := range tests {
		if c, ok := Draw(tt.in); ok {
			t.Errorf("%s: Draw(%+v) drew %s", tt.name, tt.in, c.SVG)
		}
	}
}

func TestDrawIsDeterministic(t *testing.T) {
	in := BurnUp{Dates: []string{"2026-03-09", "2026-03-01", "2026-03-04", "2026-03-04"}, Total: 6}
	a, _ := Draw(in)
	in.Dates = []string{"2026-03-04", "2026-03-04", "2026-03-01", "2026-03-09"}
	b, _ := Draw(in)
	if a != b {
		t.Errorf("the order of dates changed the chart:\n%s\n%s", a.SVG, b.SVG)
	}
}
