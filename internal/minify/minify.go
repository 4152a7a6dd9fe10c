// Package minify shrinks a build's output files by extension without
// changing what they mean, and a theme's templates once when they are
// loaded.
//
// In: a file's name and bytes, or a template's source. Out: the smaller
// bytes, or an error and the bytes as they were when minifying could
// change their meaning. Must not: touch the disk, or change what a page
// shows.
package minify

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"strings"

	tdminify "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// Minifier shrinks output files by extension without changing what they
// mean. It is safe for concurrent use.
//
//   - .html .htm: document and end tags kept (the dev server and tests look
//     for </body>), existing attribute quotes kept, <pre>/<textarea> left
//     verbatim, ordinary comments dropped but conditional comments kept;
//     inline <style>, <script> and JSON-LD go through the CSS/JS/JSON
//     minifiers below.
//   - .css, .js .mjs: tdewolff's minifiers, full number precision.
//   - .svg: tdewolff's SVG minifier; the root element always keeps
//     xmlns="http://www.w3.org/2000/svg" (an SVG without it does not open as
//     an image), and a file using xml:space is left alone (the minifier would
//     drop the attribute and collapse the whitespace it protects).
//   - .json .webmanifest: whitespace only; numbers keep their spelling (1e5
//     for 100000 would break consumers that decode into integers).
//   - .xml .rss .atom: whitespace between elements only (see minifyXML);
//     text keeps every byte, since a feed's escaped HTML may hold <pre>.
//
// Other extensions pass through unchanged.
type Minifier struct {
	m    *tdminify.M
	tmpl *tdminify.M // HTML with Go template actions left alone
}

// Media types used to register and select the minifiers.
const (
	mediaHTML = "text/html"
	mediaCSS  = "text/css"
	mediaJS   = "application/javascript"
	mediaJSON = "application/json"
	mediaSVG  = "image/svg+xml"
	mediaXML  = "text/xml"
)

var extensionMedia = map[string]string{
	".html":        mediaHTML,
	".htm":         mediaHTML,
	".css":         mediaCSS,
	".js":          mediaJS,
	".mjs":         mediaJS,
	".json":        mediaJSON,
	".webmanifest": mediaJSON,
	".svg":         mediaSVG,
	".xml":         mediaXML,
	".rss":         mediaXML,
	".atom":        mediaXML,
}

// templateComment matches a template comment without trim markers, whose
// removal changes nothing the template renders.
var templateComment = regexp.MustCompile(`(?s)\{\{/\*.*?\*/\}\}`)

// NewMinifier returns a Minifier with the settings above.
func New() *Minifier {
	m := tdminify.New()
	htmlOptions := html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepSpecialComments: true,
	}
	m.Add(mediaHTML, &htmlOptions)
	tmpl := tdminify.New()
	tmplOptions := htmlOptions
	tmplOptions.TemplateDelims = html.GoTemplateDelims
	tmpl.Add(mediaHTML, &tmplOptions)
	m.Add(mediaCSS, &css.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?json$`), &json.Minifier{KeepNumbers: true})
	m.Add(mediaSVG, &svg.Minifier{})
	return &Minifier{m: m, tmpl: tmpl}
}

// MinifyTemplate minifies the HTML of an html/template source, leaving its
// actions as they are, with the settings of .html files: a theme minified
// once renders pages that need no minifying. ok is false when the
// minifier cannot take the source.
func (m *Minifier) MinifyTemplate(src string) (out string, ok bool) {
	// Comments go first: they render nothing, and the minifier reads a
	// quote inside one as the start of a string that never ends there.
	src = templateComment.ReplaceAllString(src, "")
	min, err := m.tmpl.String(mediaHTML, src)
	if err != nil {
		return src, false
	}
	return min, true
}

// Minify returns the minified form of data, choosing the minifier by the
// extension of name (case-insensitive). On failure it returns data unchanged
// together with the error, so a caller can write the original and warn.
// maxEntities bounds the character references an HTML file may hold and
// still be minified: tdewolff/minify's entity handling is quadratic in a
// long text node (100k '&' in one paragraph take seconds, a few MB of them
// minutes), so such a page is written as rendered instead.
const maxEntities = 20000

// ErrTooManyEntities says a page was left unminified for its size in
// character references.
var ErrTooManyEntities = errors.New("too many character references to minify safely; written unminified")

func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	media := extensionMedia[strings.ToLower(path.Ext(name))]
	var (
		out []byte
		err error
	)
	if media == "" || media == mediaSVG && bytes.Contains(data, []byte("xml:space")) {
		return data, nil
	}
	if media == mediaHTML && bytes.Count(data, []byte("&")) > maxEntities {
		return data, ErrTooManyEntities
	}
	// The lexers write into their input (a NUL sentinel past the end,
	// normalised attribute values), so they get a private copy: the caller's
	// bytes stay untouched and may be shared between goroutines.
	input := make([]byte, len(data), len(data)+1)
	copy(input, data)
	switch media {
	case mediaXML:
		out, err = minifyXML(input)
	case mediaSVG:
		out, err = m.m.Bytes(media, input)
		if err == nil {
			out = ensureSVGNamespace(out)
		}
	default:
		out, err = m.m.Bytes(media, input)
	}
	if err != nil {
		return data, err
	}
	return out, nil
}

const svgNamespace = `http://www.w3.org/2000/svg`

// ensureSVGNamespace puts xmlns back on the root <svg> start tag when it is
// missing: browsers refuse to show a standalone SVG without it.
func ensureSVGNamespace(doc []byte) []byte {
	start := bytes.Index(doc, []byte("<svg"))
	if start < 0 {
		return doc
	}
	nameEnd := start + len("<svg")
	if nameEnd < len(doc) && !isTagNameEnd(doc[nameEnd]) {
		return doc // <svgfoo>, not the root we are looking for
	}
	tagEnd := bytes.IndexByte(doc[start:], '>')
	if tagEnd < 0 {
		return doc
	}
	tag := doc[start : start+tagEnd]
	if bytes.Contains(tag, []byte(`xmlns="`+svgNamespace+`"`)) || bytes.Contains(tag, []byte(`xmlns='`+svgNamespace+`'`)) {
		return doc
	}
	out := make([]byte, 0, len(doc)+len(svgNamespace)+10)
	out = append(out, doc[:nameEnd]...)
	out = append(out, ` xmlns="`+svgNamespace+`"`...)
	return append(out, doc[nameEnd:]...)
}

func isTagNameEnd(c byte) bool {
	return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
