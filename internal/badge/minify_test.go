package badge

import (
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/svg"
)

// The site minifies its output; the SVG namespace must survive that (the
// svg minifier has dropped it from standalone files before), or browsers
// show a broken image.
func TestNamespaceSurvivesMinify(t *testing.T) {
	m := minify.New()
	m.AddFunc("image/svg+xml", svg.Minify)
	for _, c := range goldenCases {
		for _, style := range allStyles {
			o := c.options
			o.Style = style
			min, err := m.Bytes("image/svg+xml", SVG(c.badge, o))
			if err != nil {
				t.Fatalf("%s %s: minify: %v", c.name, style, err)
			}
			got, err := inspect(min)
			if err != nil {
				t.Errorf("%s %s: minified SVG does not parse: %v\n%s", c.name, style, err, min)
				continue
			}
			if got.Namespace != svgNamespace {
				t.Errorf("%s %s: root namespace after minify = %q, want %q\n%s", c.name, style, got.Namespace, svgNamespace, min)
			}
			if got.AriaLabel == "" || got.Title != got.AriaLabel {
				t.Errorf("%s %s: minify lost the accessible text: aria-label %q, title %q", c.name, style, got.AriaLabel, got.Title)
			}
		}
	}
}
