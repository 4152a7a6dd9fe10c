package badge

import (
	"regexp"
	"slices"
	"testing"
)

func TestParseStyleAndPalette(t *testing.T) {
	styles := map[string]Style{"": StyleFlat, "flat": StyleFlat, "flat-square": StyleFlatSquare, "for-the-badge": StyleForTheBadge}
	for in, want := range styles {
		if got, ok := ParseStyle(in); !ok || got != want {
			t.Errorf("ParseStyle(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"plastic", "social", "Flat"} {
		if _, ok := ParseStyle(in); ok {
			t.Errorf("ParseStyle(%q) accepted a style milepost does not draw", in)
		}
	}
	palettes := map[string]Palette{"": PaletteShields, "shields": PaletteShields, "classic": PaletteClassic}
	for in, want := range palettes {
		if got, ok := ParsePalette(in); !ok || got != want {
			t.Errorf("ParsePalette(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParsePalette("Classic"); ok {
		t.Error(`ParsePalette("Classic") accepted`)
	}
}

func TestColors(t *testing.T) {
	tests := []struct {
		in            string
		valid         bool
		shields, old  string // fill in each palette
		darkTextOnTop bool
	}{
		{"brightgreen", true, "#4b0", "#4c1", false},
		{"green", true, "#67ac09", "#97ca00", false},
		{"yellowgreen", true, "#95991a", "#a4a61d", false},
		{"yellow", true, "#d8b800", "#dfb317", false},
		{"orange", true, "#ea7233", "#fe7d37", false},
		{"red", true, "#dd4343", "#e05d44", false},
		{"lightgrey", true, "#939393", "#9f9f9f", false},
		{"blue", true, "#007ec6", "#007ec6", false},
		{"grey", true, "#555", "#555", false},
		{"success", true, "#4b0", "#4c1", false},
		{"inactive", true, "#939393", "#9f9f9f", false},
		{"#4C1", true, "#4c1", "#4c1", false},
		{"ABCDEF", true, "#abcdef", "#abcdef", true},
		{"#b1b1b1", true, "#b1b1b1", "#b1b1b1", false}, // brightness 0.694 rounds to 0.69
		{"#b2b2b2", true, "#b2b2b2", "#b2b2b2", true},  // 0.698 rounds to 0.70
		{"white", true, "white", "white", true},
		{"Green", false, "#4b0", "#4c1", false}, // names are case-sensitive in shields too
		{"#12345", false, "#4b0", "#4c1", false},
		{"rgb(1,2,3)", false, "#4b0", "#4c1", false},
		{"", false, "#4b0", "#4c1", false},
	}
	for _, tt := range tests {
		if got := validColor(tt.in); got != tt.valid {
			t.Errorf("validColor(%q) = %v", tt.in, got)
		}
		if got := svgColor(tt.in, PaletteShields); got != tt.shields {
			t.Errorf("svgColor(%q, shields) = %q, want %q", tt.in, got, tt.shields)
		}
		if got := svgColor(tt.in, PaletteClassic); got != tt.old {
			t.Errorf("svgColor(%q, classic) = %q, want %q", tt.in, got, tt.old)
		}
		if got := textColorsOn(svgColor(tt.in, PaletteShields)).text == "#333"; got != tt.darkTextOnTop {
			t.Errorf("dark text on %q = %v", tt.in, got)
		}
	}
}

var (
	idAttr  = regexp.MustCompile(` id="([^"]*)"`)
	idRef   = regexp.MustCompile(`url\(#([^)]*)\)`)
	inlined = []Badge{{"Pre-Launch Milestone", "85%", "green"}, {"Phase 2", "34/40", "yellowgreen"}}
)

func ids(svg []byte) (defined, referenced []string) {
	for _, m := range idAttr.FindAllSubmatch(svg, -1) {
		defined = append(defined, string(m[1]))
	}
	for _, m := range idRef.FindAllSubmatch(svg, -1) {
		referenced = append(referenced, string(m[1]))
	}
	return defined, referenced
}

// Without UniqueIDs the ids are shields' own; with it, different badges
// get disjoint ids and the same badge the same ones, and every reference
// points at an id of its own badge.
func TestIDs(t *testing.T) {
	defined, _ := ids(SVG(inlined[0], Options{}))
	if want := []string{"blur", "s", "r"}; !slices.Equal(defined, want) {
		t.Errorf("ids %v, want shields' %v", defined, want)
	}
	seen := map[string]int{}
	for i, b := range inlined {
		svg := SVG(b, Options{UniqueIDs: true})
		defined, referenced := ids(svg)
		if len(defined) != 3 {
			t.Fatalf("badge %d defines ids %v", i, defined)
		}
		for _, ref := range referenced {
			if !slices.Contains(defined, ref) {
				t.Errorf("badge %d refers to %q, not among its ids %v", i, ref, defined)
			}
		}
		for _, id := range defined {
			if j, ok := seen[id]; ok && j != i {
				t.Errorf("badges %d and %d share id %q", j, i, id)
			}
			seen[id] = i
		}
		again, _ := ids(SVG(b, Options{UniqueIDs: true}))
		if !slices.Equal(defined, again) {
			t.Errorf("badge %d: ids change between renderings: %v, %v", i, defined, again)
		}
	}
	for _, style := range []Style{StyleFlatSquare, StyleForTheBadge} {
		if defined, _ := ids(SVG(inlined[0], Options{Style: style})); len(defined) != 0 {
			t.Errorf("%s defines ids %v; it needs none", style, defined)
		}
	}
}

// validColor reports whether SVG and Endpoint understand c as a colour.
// Anything else is drawn in the default colour (brightgreen), as shields
// does with colours it does not know.
func validColor(c string) bool {
	_, ok := normalizeColor(c)
	return ok
}
