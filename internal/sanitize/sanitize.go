// Package sanitize makes the raw HTML written in markdown safe to publish,
// the way GitHub does for READMEs: an allowlist decides which elements and
// attributes survive, everything else is dropped.
//
// In: goldmark's raw HTML nodes (ast.HTMLBlock for HTML on lines of its own,
// ast.RawHTML for each inline tag or comment). Out: their HTML, filtered by
// the user-content policy of github.com/microcosm-cc/bluemonday, tuned for
// status pages. <details>, <summary>, <br>, <sup>, <sub>, <kbd>, tables,
// lists and <img> with http(s) or relative sources survive; <script>,
// <style>, <iframe>, <object>, forms, event handlers (on*), style
// attributes, and javascript:, data: and vbscript: URLs do not. HTML
// comments vanish.
//
// Inline HTML comes as one node per tag ("<kbd>", text, "</kbd>"), so each
// tag is filtered on its own: an allowed element split over nodes keeps
// both its tags, and the markdown text between is rendered as usual. For
// elements whose content is itself dangerous or meaningless as text
// (<script>, <style>, <iframe> and the like), the transformer removes the
// inline nodes between the opening and the closing tag, so their text is
// dropped rather than shown, as it is when the same element fills an HTML
// block.
//
// What it must not do: write any byte of raw HTML that the policy did not
// pass, or change the rendering of anything that is not raw HTML. The
// sanitizer is chosen over hand-written filtering on purpose: HTML has too
// many parsing corners (entities, broken quoting, namespaces) to get right
// by hand, and bluemonday is a maintained allowlist sanitizer built on the
// html5 tokenizer of golang.org/x/net/html.
//
// A Sanitizer is safe for concurrent use; the package keeps no state.
package sanitize

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// Sanitizer filters HTML fragments through the allowlist.
type Sanitizer struct {
	policy *bluemonday.Policy
}

// alignValue is the align attribute READMEs use to centre logos and text.
var alignValue = regexp.MustCompile(`(?i)^(left|center|right|justify)$`)

// New returns a Sanitizer with milepost's policy: bluemonday's user
// content policy, plus <kbd>, align on blocks and the width, height and
// alt of images. Links keep rel="nofollow" and open no new window.
func New() *Sanitizer {
	p := bluemonday.UGCPolicy()
	p.AllowElements("kbd")
	p.AllowAttrs("align").Matching(alignValue).OnElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th")
	// Elements whose content is dropped with them; bluemonday skips script
	// and style content already, the rest would otherwise leak as text.
	p.SkipElementsContent(skippedContent...)
	return &Sanitizer{policy: p}
}

// skippedContent are the elements whose content is removed with them.
var skippedContent = []string{"script", "style", "iframe", "frame", "frameset", "noscript", "noembed", "noframes", "object", "template", "textarea", "title", "xmp", "plaintext", "svg", "math", "select"}

// Fragment returns the sanitised form of the HTML fragment raw.
func (s *Sanitizer) Fragment(raw []byte) []byte {
	return s.policy.SanitizeBytes(raw)
}
