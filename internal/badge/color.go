package badge

import (
	"math/big"
	"strconv"
	"strings"
)

// Palette chooses the values of the named badge colours.
type Palette string

const (
	// PaletteShields is the palette of shields.io today (badge-maker 6).
	PaletteShields Palette = "shields"
	// PaletteClassic is the palette shields used before (badge-maker 5
	// and earlier): brightgreen #4c1, green #97ca00, and so on.
	PaletteClassic Palette = "classic"
)

// ParsePalette checks a palette name from configuration; "" means
// PaletteShields.
func ParsePalette(s string) (Palette, bool) {
	switch Palette(s) {
	case "", PaletteShields:
		return PaletteShields, true
	case PaletteClassic:
		return PaletteClassic, true
	}
	return "", false
}

// namedColor is the hex value of a shields colour name in palette p.
func namedColor(name string, p Palette) (string, bool) {
	classic := p == PaletteClassic
	pick := func(shields, old string) (string, bool) {
		if classic {
			return old, true
		}
		return shields, true
	}
	switch name {
	case "brightgreen":
		return pick("#4b0", "#4c1")
	case "green":
		return pick("#67ac09", "#97ca00")
	case "yellowgreen":
		return pick("#95991a", "#a4a61d")
	case "yellow":
		return pick("#d8b800", "#dfb317")
	case "orange":
		return pick("#ea7233", "#fe7d37")
	case "red":
		return pick("#dd4343", "#e05d44")
	case "blue":
		return "#007ec6", true
	case "grey":
		return "#555", true
	case "lightgrey":
		return pick("#939393", "#9f9f9f")
	}
	return "", false
}

// colorAlias resolves the other names shields accepts for its colours.
func colorAlias(name string) (string, bool) {
	switch name {
	case "gray":
		return "grey", true
	case "lightgray":
		return "lightgrey", true
	case "critical":
		return "red", true
	case "important":
		return "orange", true
	case "success":
		return "brightgreen", true
	case "informational":
		return "blue", true
	case "inactive":
		return "lightgrey", true
	}
	return "", false
}

// labelBackground is the colour of the label half of every badge.
const labelBackground = "#555"

// normalizeColor resolves a badge colour as shields' badge-maker does and
// reports whether it is one: a shields name or alias (lower case), "#"
// with 3, 4, 6 or 8 hex digits, 3 or 6 hex digits without "#", or a CSS
// colour name (lower case). Names come back as shields names, hex in lower
// case with "#". CSS functions such as rgb() are not accepted.
func normalizeColor(c string) (string, bool) {
	if _, ok := namedColor(c, PaletteShields); ok {
		return c, true
	}
	if name, ok := colorAlias(c); ok {
		return name, true
	}
	if (len(c) == 3 || len(c) == 6) && isHex(c) {
		return "#" + strings.ToLower(c), true
	}
	if len(c) > 1 && c[0] == '#' && isHex(c[1:]) {
		switch len(c) - 1 {
		case 3, 4, 6, 8:
			return strings.ToLower(c), true
		}
	}
	if _, ok := cssNamedColor(c); ok {
		return c, true
	}
	return "", false
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return s != ""
}

// svgColor is the fill for a badge colour: palette names become hex, hex
// and CSS names pass through, and anything else becomes brightgreen.
func svgColor(c string, p Palette) string {
	n, ok := normalizeColor(c)
	if !ok {
		n = "brightgreen"
	}
	if hex, ok := namedColor(n, p); ok {
		return hex
	}
	return n
}

// rgbOf is the red, green and blue of an SVG fill written by svgColor.
func rgbOf(fill string) ([3]uint8, bool) {
	if rgb, ok := cssNamedColor(fill); ok {
		return rgb, true
	}
	if len(fill) < 4 || fill[0] != '#' {
		return [3]uint8{}, false
	}
	digits := fill[1:]
	var rgb [3]uint8
	for i := range rgb {
		var s string
		switch len(digits) {
		case 3, 4:
			s = strings.Repeat(digits[i:i+1], 2)
		case 6, 8:
			s = digits[2*i : 2*i+2]
		default:
			return [3]uint8{}, false
		}
		v, err := strconv.ParseUint(s, 16, 8)
		if err != nil {
			return [3]uint8{}, false
		}
		rgb[i] = uint8(v)
	}
	return rgb, true
}

// textColors are the fills of text and of its shadow on a background:
// white on dark, dark grey on light backgrounds.
type textColors struct{ text, shadow string }

// whiteText is the foreground groups' own fill; texts in it omit theirs.
const whiteText = "#fff"

// textColorsOn decides as badge-maker does: the perceived brightness
// (r·299 + g·587 + b·114) / 255000, rounded to two decimals the way
// JavaScript's toFixed(2) rounds (half away from zero on the exact binary
// value), above 0.69 means light.
func textColorsOn(fill string) textColors {
	rgb, ok := rgbOf(fill)
	if ok {
		brightness := float64(int(rgb[0])*299+int(rgb[1])*587+int(rgb[2])*114) / 255000
		// toFixed(2): n/100 nearest to the exact value, the larger n on a tie.
		exact := new(big.Float).SetPrec(256).SetFloat64(brightness)
		exact.Mul(exact, big.NewFloat(100)).Add(exact, big.NewFloat(0.5))
		hundredths, _ := exact.Int(nil) // floor: the value is positive
		if hundredths.Cmp(big.NewInt(69)) > 0 {
			return textColors{text: "#333", shadow: "#ccc"}
		}
	}
	return textColors{text: whiteText, shadow: "#010101"}
}
