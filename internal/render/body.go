package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/wikilink"
)

// BodyRenderers are the goldmark node renderers that give page bodies
// milepost's markup; the build passes them to markdown.Options.
func BodyRenderers() []util.PrioritizedValue {
	return []util.PrioritizedValue{util.Prioritized(&bodyRenderer{}, 100)}
}

type bodyRenderer struct{}

func (r *bodyRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(KindFold, r.fold)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
}

// heading writes the heading with its section id, a second anchor target
// for the GitHub-style id when that differs, and a self-link; a heading
// that is a Fold's summary closes it instead of having a self-link.
func (r *bodyRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	tag := "h" + string(rune('0'+n.Level))
	if entering {
		w.WriteString("<" + tag)
		html.RenderAttributes(w, n, headingAttrs)
		w.WriteByte('>')
		if gh, ok := n.AttributeString(markdown.AttrGitHubAnchor); ok {
			w.WriteString(`<span class="anchor-alias" id="`)
			w.Write(util.EscapeHTML(gh.([]byte)))
			w.WriteString(`"></span>`)
		}
		return ast.WalkContinue, nil
	}
	if folded(n) {
		// A summary is the fold's one control: no link inside it.
		w.WriteString("</" + tag + "></summary>\n")
		return ast.WalkContinue, nil
	}
	if id := markdown.HeadingID(n); id != "" {
		w.WriteString(` <a class="self-link" href="#`)
		w.Write(util.EscapeHTML(util.URLEscape([]byte(id), false)))
		w.WriteString(`" aria-label="Link to this section">#</a>`)
	}
	w.WriteString("</" + tag + ">\n")
	return ast.WalkContinue, nil
}

var headingAttrs = util.NewBytesFilterString("id,class,data-state,title")

// link writes a markdown link, or, when the build marked it broken, its
// text in a span that says so (never a dead href).
func (r *bodyRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if dest, broken := n.AttributeString(wikilink.AttrBroken); broken {
		if entering {
			w.WriteString(`<span class="broken-link" title="broken link: `)
			w.Write(util.EscapeHTML(dest.([]byte)))
			w.WriteString(`">`)
		} else {
			w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	}
	if entering {
		w.WriteString(`<a href="`)
		if !html.IsDangerousURL(n.Destination) {
			w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
		}
		w.WriteByte('"')
		if n.Title != nil {
			w.WriteString(` title="`)
			w.Write(util.EscapeHTML(n.Title))
			w.WriteByte('"')
		}
		w.WriteByte('>')
	} else {
		w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

// image writes a markdown image, or, when the build marked it broken, its
// alt text in a span that says so (never an image that cannot load).
func (r *bodyRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := util.EscapeHTML([]byte(mdtext.Inline(n, src)))
	if dest, broken := n.AttributeString(wikilink.AttrBroken); broken {
		w.WriteString(`<span class="broken-link" title="broken image: `)
		w.Write(util.EscapeHTML(dest.([]byte)))
		w.WriteString(`">`)
		if len(alt) == 0 {
			alt = []byte("image")
		}
		w.Write(alt)
		w.WriteString("</span>")
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<img src="`)
	if !html.IsDangerousURL(n.Destination) {
		w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
	}
	w.WriteString(`" alt="`)
	w.Write(alt)
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		w.Write(util.EscapeHTML(n.Title))
		w.WriteByte('"')
	}
	w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}
