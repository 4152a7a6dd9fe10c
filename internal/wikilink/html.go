package wikilink

import (
	"bytes"
	"html"
	"strings"
)

// WriteHTML writes the markup of link l, resolved to res, with href as
// Href made it, and reports true; for an embed of a page standing as a
// block of its own (l.Block, not inside a markdown link) it writes nothing
// and reports false, leaving the page's status card to the caller. An
// embed of any other file is an image (WriteImage); everything else,
// embeds of a page within a paragraph included, is a link (WriteLink),
// and inside a markdown link only its label.
func WriteHTML(w *bytes.Buffer, l Link, href string, res Resolution) bool {
	switch {
	case l.Embed && !res.Broken && res.IsPage && l.Block && !l.InLink:
		return false
	case l.Embed && !res.Broken && !res.IsPage:
		WriteImage(w, l, href, res)
	default:
		WriteLink(w, l, href, res)
	}
	return true
}

// WriteLink writes l as <a class="wikilink" href="href">label</a>, or, when
// res is broken, as <span class="wikilink broken" title="broken link: …">
// with no href. Inside a markdown link (l.InLink) it writes the label only.
func WriteLink(w *bytes.Buffer, l Link, href string, res Resolution) {
	label := html.EscapeString(labelOf(l))
	switch {
	case l.InLink:
		w.WriteString(label)
	case res.Broken:
		w.WriteString(`<span class="wikilink broken" title="broken link: `)
		w.WriteString(html.EscapeString(l.Written()))
		w.WriteString(`">`)
		w.WriteString(label)
		w.WriteString(`</span>`)
	default:
		w.WriteString(`<a class="wikilink" href="`)
		w.WriteString(html.EscapeString(href))
		w.WriteString(`">`)
		w.WriteString(label)
		w.WriteString(`</a>`)
	}
}

// WriteImage writes an image embed: <img class="wikilink-embed" src alt>.
// A label of the form "300" or "300x200" (Obsidian's size syntax) sets the
// width and height; any other label is the alt text. A broken embed is
// written as a broken link.
func WriteImage(w *bytes.Buffer, l Link, src string, res Resolution) {
	if res.Broken {
		WriteLink(w, Link{Target: l.Target, Fragment: l.Fragment, Text: labelOf(l)}, "", res)
		return
	}
	alt := labelOf(l)
	width, height, sized := imageSize(l.Label)
	if sized {
		alt = ReadableLabel(l.Target, "", "")
	}
	w.WriteString(`<img class="wikilink-embed" src="`)
	w.WriteString(html.EscapeString(src))
	w.WriteString(`" alt="`)
	w.WriteString(html.EscapeString(alt))
	w.WriteByte('"')
	if width != "" {
		w.WriteString(` width="` + width + `"`)
	}
	if height != "" {
		w.WriteString(` height="` + height + `"`)
	}
	w.WriteString(`>`)
}

// labelOf is the text shown for l.
func labelOf(l Link) string {
	if l.Text != "" {
		return l.Text
	}
	return ReadableLabel(l.Target, l.Fragment, l.Label)
}

// imageSize reads "300" or "300x200"; digits only, so the values are safe
// to write as they are.
func imageSize(label string) (width, height string, ok bool) {
	w, h, hasH := strings.Cut(label, "x")
	if !allDigits(w) || hasH && !allDigits(h) {
		return "", "", false
	}
	return w, h, true
}

func allDigits(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
