// Package tasklist is the goldmark extension for task-list checkboxes,
// replacing GFM's: besides `[ ]`, `[x]` and `[X]` it reads the Obsidian
// states `[/]` (active) and `[-]` (dropped).
//
// In: a list item whose first paragraph starts with one of those boxes
// followed by white space (the GFM rule; ordered and unordered lists alike,
// at any depth). Out: a *CheckBox inline node, first child of that
// paragraph, carrying the box's marker.State; the box text is consumed.
// Anything else that starts with a bracket ("[>]", "[link]") is left to the
// other inline parsers.
//
// The HTML renderer writes an accessible, disabled checkbox:
//
//	<input type="checkbox" class="task-box" data-state="done" checked disabled aria-label="done">
//
// data-state is the state's name (open, active, dropped, done), so a theme
// can style `[/]` and `[-]` boxes; aria-label says the state in words,
// because a checkbox alone cannot say "in progress".
package tasklist

import (
	"bytes"
	"github.com/milepost/milepost/internal/marker"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CheckBox is a task-list checkbox.
type CheckBox struct {
	ast.BaseInline
	State marker.State
}

// KindCheckBox is the node kind of CheckBox.
var KindCheckBox = ast.NewNodeKind("TaskBox")

// Kind implements ast.Node.
func (n *CheckBox) Kind() ast.NodeKind { return KindCheckBox }

// Dump implements ast.Node.
func (n *CheckBox) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"State": n.State.String()}, nil)
}

// Checked reports whether the box is ticked (done).
func (n *CheckBox) Checked() bool { return n.State == marker.Done }

// BoxState maps the character between a box's brackets to a state: ' '
// open, 'x' done, '/' and '~' active (a task partly done, as plain TODO
// files mark it), '-' dropped; '>', '<', '!' and '?' (Obsidian's
// forwarded, scheduled, important and question boxes) are open, as
// Obsidian Tasks counts them.
func BoxState(c byte) (marker.State, bool) {
	switch c {
	case ' ', '\t', '>', '<', '!', '?':
		return marker.Open, true
	case 'x', 'X':
		return marker.Done, true
	case '/', '~':
		return marker.Active, true
	case '-':
		return marker.Dropped, true
	}
	return marker.Open, false
}

// ParseBox reads a box at the start of line: "[x] rest", or the same with
// its brackets escaped as pandoc writes a box it exported ("\[x\] rest").
// It returns the state and the number of bytes the box and the white
// space after it (a no-break space too) take.
func ParseBox(line []byte) (marker.State, int, bool) {
	box, n := line, 3
	if len(line) >= 5 && line[0] == '\\' && line[1] == '[' && line[3] == '\\' && line[4] == ']' {
		box, n = []byte{'[', line[2], ']'}, 5
	}
	if len(box) < 3 || box[0] != '[' || box[2] != ']' {
		return marker.Open, 0, false
	}
	st, ok := BoxState(box[1])
	if !ok {
		return marker.Open, 0, false
	}
	if n < len(line) && !isSpace(line[n]) && !bytes.HasPrefix(line[n:], noBreakSpace) {
		return marker.Open, 0, false
	}
	for n < len(line) {
		switch {
		case line[n] == ' ' || line[n] == '\t':
			n++
		case bytes.HasPrefix(line[n:], noBreakSpace):
			n += len(noBreakSpace)
		default:
			return st, n, true
		}
	}
	return st, n, true
}

// noBreakSpace is U+00A0 in UTF-8, which word processors put after a box.
var noBreakSpace = []byte{0xC2, 0xA0}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

type boxParser struct{}

func (boxParser) Trigger() []byte { return []byte{'[', '\\'} }

// Parse recognises a box only as the very first inline of the first block
// of a list item (a paragraph or a tight list's text block).
func (boxParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	item := parent.Parent()
	if item == nil || item.Kind() != ast.KindListItem || item.FirstChild() != parent || parent.HasChildren() {
		return nil
	}
	line, seg := block.PeekLine()
	if parent.Lines().Len() == 0 || parent.Lines().At(0).Start != seg.Start {
		return nil // not at the start of the paragraph
	}
	st, n, ok := ParseBox(line)
	if !ok {
		return nil
	}
	rest := line[n:]
	if len(rest) == 0 || isAllSpace(rest) {
		return nil // "- [ ]" alone is text, as on GitHub
	}
	block.Advance(n)
	return &CheckBox{State: st}
}

func isAllSpace(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// Renderer writes CheckBox nodes as HTML.
type Renderer struct {
	html.Config
}

// NewRenderer returns a Renderer configured by opts.
func NewRenderer(opts ...html.Option) renderer.NodeRenderer {
	r := &Renderer{Config: html.NewConfig()}
	for _, o := range opts {
		o.SetHTMLOption(&r.Config)
	}
	return r
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCheckBox, r.render)
}

var stateLabels = map[marker.State]string{
	marker.Open:    "not done",
	marker.Active:  "in progress",
	marker.Blocked: "blocked",
	marker.Done:    "done",
	marker.Dropped: "dropped",
}

func (r *Renderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*CheckBox)
	_, _ = w.WriteString(`<input type="checkbox" class="task-box" data-state="`)
	_, _ = w.WriteString(n.State.String())
	_, _ = w.WriteString(`"`)
	if n.Checked() {
		_, _ = w.WriteString(` checked=""`)
	}
	_, _ = w.WriteString(` disabled="" aria-label="`)
	_, _ = w.WriteString(stateLabels[n.State])
	_, _ = w.WriteString(`"`)
	if r.XHTML {
		_, _ = w.WriteString(" /> ")
	} else {
		_, _ = w.WriteString("> ")
	}
	return ast.WalkContinue, nil
}

type extension struct{}

// Extension adds the checkbox parser and renderer to a goldmark instance.
// Use it instead of goldmark's extension.TaskList, not beside it.
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(boxParser{}, 0)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(NewRenderer(), 500)))
}
