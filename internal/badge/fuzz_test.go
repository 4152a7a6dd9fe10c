package badge

import (
	"math"
	"strings"
	"testing"
)

// xmlRoundTrip is what encoding/xml reads back from text that escapeXML
// wrote: no characters XML forbids, and line ends normalised (in text and,
// as encoding/xml does, in attribute values).
func xmlRoundTrip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = withoutNonXML(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func FuzzSVG(f *testing.F) {
	ref := loadReference(f)
	for i, b := range ref.Badges {
		f.Add(b.Label, b.Message, b.Color, uint8(i), int16(0), false)
	}
	f.Add("A long label that needs shortening", "50%", "green", uint8(0), int16(40), true)
	f.Add("<x>&amp;'\"", "]]><!--", "#zzz", uint8(1), int16(3), false)
	f.Add("\xff\xfe bad utf-8", "\x00\x01\uFFFE\U0010FFFF", "", uint8(2), int16(-1), true)

	f.Fuzz(func(t *testing.T, label, message, color string, style uint8, maxWidth int16, uniqueIDs bool) {
		o := Options{Style: allStyles[int(style)%len(allStyles)], MaxLabelWidth: int(maxWidth), UniqueIDs: uniqueIDs}
		svg := SVG(Badge{label, message, color}, o)
		s, err := inspect(svg)
		if err != nil {
			t.Fatalf("output does not parse as XML: %v\n%s", err, svg)
		}
		if s.Namespace != svgNamespace {
			t.Fatalf("root namespace %q", s.Namespace)
		}
		for _, v := range []float64{s.Width, s.Height} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
				t.Fatalf("size %v x %v", s.Width, s.Height)
			}
		}

		// Label and message come back exactly after escaping.
		label, message = cleanText(label), cleanText(message)
		if o.Style == StyleForTheBadge {
			label, message = jsUpper(label), jsUpper(message)
		}
		accessible := accessibleText(label, message)
		if want := xmlRoundTrip(accessible); s.Title != want {
			t.Errorf("title %q, want %q", s.Title, want)
		}
		if want := xmlRoundTrip(accessible); s.AriaLabel != want {
			t.Errorf("aria-label %q, want %q", s.AriaLabel, want)
		}
		texts := s.Texts
		if label != "" {
			if len(texts) == 0 {
				t.Fatal("no label text")
			}
			got, want := texts[0].Content, xmlRoundTrip(label)
			if got != want && (o.MaxLabelWidth <= 0 || !strings.HasSuffix(got, ellipsis)) {
				t.Errorf("label text %q, want %q", got, want)
			}
			texts = texts[1:]
		}
		if message != "" || o.Style == StyleForTheBadge {
			if len(texts) != 1 || texts[0].Content != xmlRoundTrip(message) {
				t.Errorf("message texts %+v, want %q", texts, message)
			}
		}
	})
}
