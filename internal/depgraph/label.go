package depgraph

import (
	"strings"

	"github.com/milepost/milepost/internal/badge"
)

// Text inside a box: 11px Verdana (the SVG names it, with sans-serif
// after it), measured with the badges' width table; a bold line counts
// 12% wider, and characters from U+2000 up (symbols, emoji) as 14 px,
// wider than any glyph of a text font at that size.
const (
	pad       = 8.0          // inside a box, left and right
	TextWidth = BoxW - 2*pad // the room a line of text has
	boldWiden = 1.12         // bold over regular Verdana, rounded up
	wideRune  = 14.0         // a symbol or emoji at 11px
	line1     = 16.0         // baselines from the box's top
	line2     = 31.0         //
	ellipsis  = "…"          //
	fontSize  = 11.0         //
	fontName  = "Verdana,sans-serif"
)

// TextLen is the width in px of s set in the box's font.
func TextLen(s string, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2000 {
			w += wideRune
		} else {
			w += badge.Width(string(r))
		}
	}
	if bold {
		w *= boldWiden
	}
	return w
}

// fit returns s, or as much of it as fits in room with an ellipsis after
// it, cut at a character.
func fit(s string, room float64, bold bool) string {
	s = strings.Join(strings.Fields(s), " ")
	if TextLen(s, bold) <= room {
		return s
	}
	keep := room - TextLen(ellipsis, bold)
	w := 0.0
	for i, r := range s {
		rw := TextLen(string(r), bold)
		if w+rw > keep {
			return strings.TrimRight(s[:i], " ") + ellipsis
		}
		w += rw
	}
	return s
}

// wrap2 sets s on two lines: the words that fit on the first, the rest
// on the second, cut to fit.
func wrap2(s string, room float64) (string, string) {
	words := strings.Fields(s)
	first := ""
	for k, w := range words {
		try := w
		if first != "" {
			try = first + " " + w
		}
		if TextLen(try, false) > room {
			if first == "" { // one long word: cut it, continue below
				return fit(w, room, false), fit(strings.Join(words[k+1:], " "), room, false)
			}
			return first, fit(strings.Join(words[k:], " "), room, false)
		}
		first = try
	}
	return first, ""
}

// Labels are the two lines of text in node i's box, as drawn: the first
// bold when it is an id. Each fits TextWidth.
func Labels(n Node) (first, second string, bold bool) {
	switch {
	case n.ID == "":
		first, second = wrap2(n.Title, TextWidth)
		return first, second, false
	case n.Missing:
		return fit(n.ID, TextWidth, true), "not in this site", true
	case n.Page != "":
		first = n.ID + " · " + n.Page
	default:
		first = n.ID
	}
	return fit(first, TextWidth, true), fit(n.Title, TextWidth, false), true
}
