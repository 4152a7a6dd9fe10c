package badge

import (
	"strings"
	"testing"
)

func TestShortenLabel(t *testing.T) {
	tests := []struct {
		label    string
		maxWidth int
		style    Style
		want     string
	}{
		{"build", 100, StyleFlat, "build"},
		{"build", 0, StyleFlat, "build"},
		{"build", -5, StyleFlat, "build"},
		// Flat text widths: "Alpha Beta" 59 px, "Alpha Bet…" 63,
		// "Alpha Be…" 57, "Alpha B…" 51, "Alpha …" 43, "Alpha…" 39, "…" 9.
		{"Alpha Beta", 59, StyleFlat, "Alpha Beta"},
		{"Alpha Beta", 58, StyleFlat, "Alpha Be…"},
		{"Alpha Beta", 52, StyleFlat, "Alpha B…"},
		{"Alpha Beta", 50, StyleFlat, "Alpha…"}, // no space before the ellipsis
		{"Alpha Beta", 8, StyleFlat, "…"},       // nothing fits: the ellipsis alone
		{"A very long section title that keeps going and going", 120, StyleFlat, "A very long section…"},
		// for-the-badge measures capitals in 10px Verdana with spacing.
		{"A very long section title that keeps going and going", 120, StyleForTheBadge, "A very long sec…"},
		// A cut through an emoji sequence leaves no dangling joiner.
		{"Team 👨\u200d👩\u200d👧 plan", 60, StyleFlat, "Team 👨…"},
	}
	for _, tt := range tests {
		got := ShortenLabel(tt.label, tt.maxWidth, tt.style)
		if got != tt.want {
			t.Errorf("ShortenLabel(%q, %d, %s) = %q, want %q", tt.label, tt.maxWidth, tt.style, got, tt.want)
		}
	}
}

// The numbers in TestShortenLabel's comments, so the table stays honest.
func TestShortenLabelWidths(t *testing.T) {
	for text, want := range map[string]float64{
		"Alpha Beta": 59, "Alpha Bet…": 63, "Alpha Be…": 57, "Alpha B…": 51, "Alpha …": 43, "Alpha…": 39, "…": 9,
	} {
		if got := flatTextWidth(text); got != want {
			t.Errorf("flatTextWidth(%q) = %v, want %v", text, got, want)
		}
	}
}

// In the SVG the label half shrinks to the shortened text, while the
// title and aria-label keep the whole label.
func TestSVGShortensLabel(t *testing.T) {
	long := "A very long section title that keeps going and going"
	for _, style := range allStyles {
		for _, maxWidth := range []int{1, 40, 120, 1000} {
			s, err := inspect(SVG(Badge{long, "12%", "orange"}, Options{Style: style, MaxLabelWidth: maxWidth}))
			if err != nil {
				t.Fatal(err)
			}
			full := long
			if style == StyleForTheBadge {
				full = strings.ToUpper(long)
			}
			if s.AriaLabel != full+": 12%" || s.Title != s.AriaLabel {
				t.Errorf("%s max %d: aria-label %q, title %q, want the full label", style, maxWidth, s.AriaLabel, s.Title)
			}
			label := s.Texts[0]
			if label.TextLength > float64(maxWidth)*scaleUp && label.Content != ellipsis {
				t.Errorf("%s max %d: label %q is %v px wide", style, maxWidth, label.Content, label.TextLength/scaleUp)
			}
			shortened := label.Content != full
			if shortened != (maxWidth < 1000) {
				t.Errorf("%s max %d: label %q (shortened %v)", style, maxWidth, label.Content, shortened)
			}
			if shortened && !strings.HasSuffix(label.Content, ellipsis) {
				t.Errorf("%s max %d: shortened label %q has no ellipsis", style, maxWidth, label.Content)
			}
			if want := label.TextLength/scaleUp + 2*flatPadding; style != StyleForTheBadge && s.Rects[0].Width != want {
				t.Errorf("%s max %d: label half %v px wide, want %v", style, maxWidth, s.Rects[0].Width, want)
			}
		}
	}
}
