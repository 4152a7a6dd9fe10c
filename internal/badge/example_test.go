package badge_test

import (
	"fmt"
	"regexp"

	"github.com/milepost/milepost/internal/badge"
)

func ExampleSVG() {
	svg := badge.SVG(badge.Badge{Label: "Pre-Launch Milestone", Message: "85%", Color: "green"}, badge.Options{})
	// 164 px wide, as badge-maker 6 draws it.
	fmt.Println(regexp.MustCompile(`^<svg [^>]*>`).FindString(string(svg)))
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" width="164" height="20" role="img" aria-label="Pre-Launch Milestone: 85%">
}

func ExampleEndpoint() {
	fmt.Printf("%s", badge.Endpoint(badge.Badge{Label: "Pre-Launch Milestone", Message: "85%", Color: "green"}))
	// Output:
	// {"schemaVersion":1,"label":"Pre-Launch Milestone","message":"85%","color":"green"}
}

func ExampleWidth() {
	// anafanafo's widths summed; the flat badge makes the text 119 px wide.
	fmt.Printf("%.2f\n", badge.Width("Pre-Launch Milestone"))
	// Output:
	// 118.19
}

func ExampleShortenLabel() {
	fmt.Println(badge.ShortenLabel("A very long section title that keeps going", 120, badge.StyleFlat))
	// Output:
	// A very long section…
}
