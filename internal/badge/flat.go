package badge

// Geometry of shields' flat and flat-square badges (badge-maker 6), all in
// px. Text is drawn at ten times its size inside a scale(.1) group, as
// shields does, so coordinates are written ×10.
const (
	flatHeight  = 20
	flatPadding = 5 // each side of each text
	flatRadius  = 3 // flat's corners; flat-square has none
	flatFont    = "Verdana,Geneva,DejaVu Sans,sans-serif"
	scaleDown   = "scale(.1)"
	scaleUp     = 10
)

// flatTextWidth is the width shields gives a text in the flat styles: the
// 11px Verdana width, fraction dropped, made odd.
func flatTextWidth(s string) float64 {
	return roundUpToOdd(truncPx(Width(s)))
}

// flatText is one text of a flat badge, placed.
type flatText struct {
	content string
	x       float64 // centre, ×10
	length  float64 // textLength, ×10
	colors  textColors
}

// flatLayout is where badge-maker puts the two halves and their texts.
type flatLayout struct {
	leftWidth, rightWidth float64
	labelFill             string // the label's background
	label, message        flatText
}

func layoutFlat(c content) flatLayout {
	hasLabel := c.label != ""
	l := flatLayout{labelFill: labelBackground}
	labelWidth := 0.0
	if hasLabel {
		labelWidth = flatTextWidth(c.label)
		l.leftWidth = labelWidth + 2*flatPadding
	} else {
		// Without a label the message colour fills the (empty) left half.
		l.labelFill = c.fill
	}
	messageWidth := flatTextWidth(c.message)
	l.rightWidth = messageWidth + 2*flatPadding

	// The label text starts 1 px in; the message text 1 px before the
	// boundary, unless it is empty or there is no label.
	labelMargin := 1.0
	messageMargin := l.leftWidth
	if c.message != "" {
		messageMargin--
	}
	if !hasLabel {
		messageMargin++
	}
	place := func(text string, margin, width float64, background string) flatText {
		return flatText{
			content: text,
			x:       scaleUp * (margin + 0.5*width + flatPadding),
			length:  scaleUp * width,
			colors:  textColorsOn(background),
		}
	}
	l.label = place(c.label, labelMargin, labelWidth, l.labelFill)
	l.message = place(c.message, messageMargin, messageWidth, c.fill)
	return l
}

// flat writes the flat badge (withShadow) or the flat-square one.
// idSuffix is appended to the ids of the flat badge's definitions.
func flat(c content, withShadow bool, idSuffix string) []byte {
	l := layoutFlat(c)
	width := l.leftWidth + l.rightWidth
	var w svgWriter
	w.b.Grow(svgSizeHint)
	openSVG(&w, width, flatHeight, c.accessible)
	if withShadow {
		w.start("filter", attr{"id", "blur" + idSuffix})
		w.empty("feGaussianBlur", attr{"stdDeviation", "16"})
		w.end("filter")
		w.start("linearGradient", attr{"id", "s" + idSuffix}, attr{"x2", "0"}, attr{"y2", "100%"})
		w.empty("stop", attr{"offset", "0"}, attr{"stop-color", "#bbb"}, attr{"stop-opacity", ".1"})
		w.empty("stop", attr{"offset", "1"}, attr{"stop-opacity", ".1"})
		w.end("linearGradient")
		w.start("clipPath", attr{"id", "r" + idSuffix})
		w.empty("rect", attr{"width", num(width)}, attr{"height", num(flatHeight)}, attr{"rx", num(flatRadius)})
		w.end("clipPath")
		w.start("g", attr{"clip-path", "url(#r" + idSuffix + ")"})
	} else {
		w.start("g", attr{"shape-rendering", "crispEdges"})
	}
	w.empty("rect", attr{"width", num(l.leftWidth)}, attr{"height", num(flatHeight)}, attr{"fill", l.labelFill})
	w.empty("rect", attr{"x", num(l.leftWidth)}, attr{"width", num(l.rightWidth)}, attr{"height", num(flatHeight)}, attr{"fill", c.fill})
	if withShadow {
		w.empty("rect", attr{"width", num(width)}, attr{"height", num(flatHeight)}, attr{"fill", "url(#s" + idSuffix + ")"})
	}
	w.end("g")
	w.start("g", attr{"fill", whiteText}, attr{"text-anchor", "middle"}, attr{"font-family", flatFont},
		attr{"text-rendering", "geometricPrecision"}, attr{"font-size", num(scaleUp * 11)})
	for _, t := range []flatText{l.label, l.message} {
		if t.content == "" {
			continue
		}
		if withShadow {
			writeShadowedText(&w, t, idSuffix)
		} else {
			w.element("text", t.content, withFill([]attr{
				{"x", num(t.x)}, {"y", "140"}, {"textLength", num(t.length)}, {"transform", scaleDown},
			}, t.colors.text)...)
		}
	}
	w.end("g")
	w.end("svg")
	return w.bytes()
}

// writeShadowedText draws flat's text: a blurred and a plain shadow 1 px
// lower, hidden from screen readers, under the text itself.
func writeShadowedText(w *svgWriter, t flatText, idSuffix string) {
	x, length := num(t.x), num(t.length)
	w.start("g", attr{"transform", scaleDown})
	w.start("g", attr{"aria-hidden", "true"}, attr{"fill", t.colors.shadow})
	w.element("text", t.content, attr{"x", x}, attr{"y", "150"}, attr{"fill-opacity", ".8"},
		attr{"filter", "url(#blur" + idSuffix + ")"}, attr{"textLength", length})
	w.element("text", t.content, attr{"x", x}, attr{"y", "150"}, attr{"fill-opacity", ".3"}, attr{"textLength", length})
	w.end("g")
	w.element("text", t.content, withFill([]attr{{"x", x}, {"y", "140"}, {"textLength", length}}, t.colors.text)...)
	w.end("g")
}

// withFill adds a text's own fill unless it is the group's white.
func withFill(attrs []attr, fill string) []attr {
	if fill == whiteText {
		return attrs
	}
	return append(attrs, attr{"fill", fill})
}

// openSVG writes the root element and the title every style starts with.
func openSVG(w *svgWriter, width, height float64, accessible string) {
	w.start("svg", attr{"xmlns", "http://www.w3.org/2000/svg"}, attr{"width", num(width)},
		attr{"height", num(height)}, attr{"role", "img"}, attr{"aria-label", accessible})
	w.element("title", accessible)
}
