package badge

import (
	"fmt"
	"hash/fnv"
)

// Style is the look of a badge, named as shields names it.
type Style string

const (
	// StyleFlat is shields' default: 20 px high, rounded corners, a light
	// gradient and shadowed text.
	StyleFlat Style = "flat"
	// StyleFlatSquare is flat without the gradient, shadow and corners.
	StyleFlatSquare Style = "flat-square"
	// StyleForTheBadge is 28 px high with spaced capitals, bold message.
	StyleForTheBadge Style = "for-the-badge"
)

// ParseStyle checks a style name from configuration; "" means StyleFlat.
func ParseStyle(s string) (Style, bool) {
	switch Style(s) {
	case "", StyleFlat:
		return StyleFlat, true
	case StyleFlatSquare:
		return StyleFlatSquare, true
	case StyleForTheBadge:
		return StyleForTheBadge, true
	}
	return "", false
}

// Options are the site-wide choices for drawing badges. The zero value
// draws shields' default: flat, today's palette, labels of any length.
type Options struct {
	// Style is flat (also for "" and unknown values), flat-square or
	// for-the-badge.
	Style Style
	// Palette gives the named colours their values; "" is PaletteShields.
	Palette Palette
	// MaxLabelWidth, when positive, is the widest the label's text may be,
	// in px, measured as the badge lays it out (without the padding
	// around it). Longer labels are cut and end in "…"; the title and
	// aria-label keep the whole label.
	MaxLabelWidth int
	// UniqueIDs suffixes the ids inside a flat badge ("s", "r", "blur")
	// with a hash of what the badge shows, so that several badges can be
	// inlined into one HTML document: badges that would share an id are
	// then identical, and so are their definitions. Badges referenced by
	// <img> or as files do not need it, and without it the output is
	// byte for byte what shields' badge-maker writes.
	UniqueIDs bool
}

// Badge is what one badge says.
type Badge struct {
	// Label is the left, grey half; empty for a badge with a message only.
	Label string
	// Message is the right, coloured half.
	Message string
	// Color colours the message: a shields name ("brightgreen", "green",
	// "yellowgreen", "yellow", "orange", "red", "lightgrey", "blue",
	// "grey" and the aliases "success", "critical", "inactive"…), a hex
	// colour ("#4c1", "4c1") or a CSS colour name. Anything else, and "",
	// is drawn brightgreen, as shields does.
	Color string
}

// SVG draws the badge. The result depends only on b and o, is an SVG
// document with the SVG namespace on its root, and carries role="img",
// an aria-label and a <title> reading "label: message".
func SVG(b Badge, o Options) []byte {
	style, ok := ParseStyle(string(o.Style))
	if !ok {
		style = StyleFlat
	}
	palette, ok := ParsePalette(string(o.Palette))
	if !ok {
		palette = PaletteShields
	}
	label, message := cleanText(b.Label), cleanText(b.Message)
	fill := svgColor(b.Color, palette)
	if style == StyleForTheBadge {
		label, message = jsUpper(label), jsUpper(message)
	}
	shown := label
	if o.MaxLabelWidth > 0 {
		shown = ShortenLabel(label, o.MaxLabelWidth, style)
	}
	c := content{
		label:      shown,
		message:    message,
		accessible: accessibleText(label, message),
		fill:       fill,
	}
	switch style {
	case StyleForTheBadge:
		return forTheBadge(c)
	case StyleFlatSquare:
		return flat(c, false, "")
	}
	suffix := ""
	if o.UniqueIDs {
		suffix = idSuffix(style, c)
	}
	return flat(c, true, suffix)
}

// content is a badge's text and colour, ready to lay out.
type content struct {
	label, message string // as shown; label possibly shortened
	accessible     string // for aria-label and <title>, with the full label
	fill           string // SVG colour of the message half
}

func accessibleText(label, message string) string {
	if label == "" {
		return message
	}
	return label + ": " + message
}

// ShortenLabel returns label cut to fit maxWidth px in the given style,
// ending in "…" when it was cut (see Options.MaxLabelWidth). A label
// that fits comes back unchanged; maxWidth ≤ 0 means no limit.
func ShortenLabel(label string, maxWidth int, style Style) string {
	if maxWidth <= 0 {
		return label
	}
	measure := flatTextWidth
	if style == StyleForTheBadge {
		measure = func(s string) float64 { return forTheBadgeTextWidth(jsUpper(s), verdana10) }
	}
	return shorten(label, func(s string) bool { return measure(s) <= float64(maxWidth) })
}

// idSuffix derives ids from everything that shapes the badge, so equal
// suffixes mean equal badges.
func idSuffix(style Style, c content) string {
	h := fnv.New64a()
	for _, s := range []string{string(style), c.label, c.message, c.accessible, c.fill} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("-%016x", h.Sum64())
}
