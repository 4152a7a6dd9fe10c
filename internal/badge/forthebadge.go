package badge

// Geometry of shields' for-the-badge style (badge-maker 6), in px: capitals
// in 10px Verdana (label) and bold 10px Verdana (message), spaced out, on
// square 28 px halves.
const (
	ftbHeight        = 28
	ftbTextMargin    = 12   // each side of each text
	ftbLetterSpacing = 1.25 // added per UTF-16 unit, as shields counts
)

// forTheBadgeTextWidth is the width shields gives an (upper-cased) text in
// for-the-badge: the font's width, fraction dropped, plus letter spacing
// for each UTF-16 code unit (JavaScript's length). Empty text is 0 wide.
func forTheBadgeTextWidth(s string, f font) float64 {
	if s == "" {
		return 0
	}
	return truncPx(tables()[f].measure(s)) + ftbLetterSpacing*float64(utf16Len(s))
}

// forTheBadge writes the for-the-badge badge; c's text is upper case.
func forTheBadge(c content) []byte {
	hasLabel := c.label != ""
	labelTextWidth := forTheBadgeTextWidth(c.label, verdana10)
	messageTextWidth := forTheBadgeTextWidth(c.message, verdana10Bold)

	labelRectWidth := 0.0
	messageTextMinX := float64(ftbTextMargin)
	if hasLabel {
		labelRectWidth = ftbTextMargin + labelTextWidth + ftbTextMargin
		messageTextMinX = labelRectWidth + ftbTextMargin
	}
	messageRectWidth := 2*ftbTextMargin + messageTextWidth

	var w svgWriter
	w.b.Grow(svgSizeHint)
	openSVG(&w, labelRectWidth+messageRectWidth, ftbHeight, c.accessible)
	w.start("g", attr{"shape-rendering", "crispEdges"})
	if hasLabel {
		w.empty("rect", attr{"width", num(labelRectWidth)}, attr{"height", num(ftbHeight)}, attr{"fill", labelBackground})
		w.empty("rect", attr{"x", num(labelRectWidth)}, attr{"width", num(messageRectWidth)},
			attr{"height", num(ftbHeight)}, attr{"fill", c.fill})
	} else {
		w.empty("rect", attr{"width", num(messageRectWidth)}, attr{"height", num(ftbHeight)}, attr{"fill", c.fill})
	}
	w.end("g")
	w.start("g", attr{"fill", whiteText}, attr{"text-anchor", "middle"}, attr{"font-family", flatFont},
		attr{"text-rendering", "geometricPrecision"}, attr{"font-size", num(scaleUp * 10)})
	text := func(minX, width float64) []attr {
		return []attr{
			{"transform", scaleDown},
			{"x", num(scaleUp * (minX + 0.5*width))},
			{"y", "175"},
			{"textLength", num(scaleUp * width)},
		}
	}
	if hasLabel {
		w.element("text", c.label, withFill(text(ftbTextMargin, labelTextWidth), textColorsOn(labelBackground).text)...)
	}
	// The message text is written even when empty, as shields does.
	messageAttrs := append(text(messageTextMinX, messageTextWidth), attr{"font-weight", "bold"})
	w.element("text", c.message, withFill(messageAttrs, textColorsOn(c.fill).text)...)
	w.end("g")
	w.end("svg")
	return w.bytes()
}
