package badge

import (
	"bytes"
	"path/filepath"

	"github.com/milepost/milepost/internal/sitetest"
	"testing"
)

// goldenCases are badges milepost draws; each is written in all three
// styles to testdata/golden/<name>-<style>.svg.
var goldenCases = []struct {
	name    string
	badge   Badge
	options Options
}{
	{"pre-launch", Badge{"Pre-Launch Milestone", "85%", "green"}, Options{}},
	{"done", Badge{"Release", "100%", "brightgreen"}, Options{}},
	{"counts", Badge{"Phase 2: Beta", "34/40", "yellowgreen"}, Options{}},
	{"not-applicable", Badge{"Runbook", "n/a", "lightgrey"}, Options{}},
	{"none-done", Badge{"Backlog", "0%", "red"}, Options{}},
	{"escaped", Badge{"R&D <beta>", `"quoted" & 'apos'`, "orange"}, Options{}},
	{"unicode", Badge{"Café 発売 🚀", "✅ 3/4", "yellow"}, Options{}},
	{"classic-palette", Badge{"Pre-Launch Milestone", "85%", "green"}, Options{Palette: PaletteClassic}},
	{"shortened", Badge{"A very long section title that keeps going and going", "12%", "orange"}, Options{MaxLabelWidth: 120}},
	{"unique-ids", Badge{"Pre-Launch Milestone", "85%", "green"}, Options{UniqueIDs: true}},
}

var allStyles = []Style{StyleFlat, StyleFlatSquare, StyleForTheBadge}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, style := range allStyles {
			name := c.name + "-" + string(style)
			t.Run(name, func(t *testing.T) {
				o := c.options
				o.Style = style
				got := SVG(c.badge, o)
				sitetest.Golden(t, filepath.Join("testdata", "golden", name+".svg"), got)
				if again := SVG(c.badge, o); !bytes.Equal(got, again) {
					t.Error("two renderings of the same badge differ")
				}
			})
		}
	}
}
