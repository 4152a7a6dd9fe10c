package wikilink

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// KindWikiLink is the ast.NodeKind of a wiki-link or embed.
var KindWikiLink = ast.NewNodeKind("WikiLink")

// KindEmbedBlock is the ast.NodeKind of an embed that stands alone in its
// paragraph.
var KindEmbedBlock = ast.NewNodeKind("WikiEmbedBlock")

// Node is one [[...]] or ![[...]] in a page. It has no children: what it
// shows is PlainLabel.
type Node struct {
	ast.BaseInline

	// Target is the page or file as written, trimmed: "Tasks/MCP_Wiki_Routing";
	// "" for a link into the same page ([[#Heading]]).
	Target string
	// Fragment is what follows the first '#', each part trimmed: "Heading",
	// "H1#H2", "^block-id"; "" when there is none.
	Fragment string
	// Label is what follows the first '|' (written "\|" inside table cells),
	// trimmed; "" when there is none.
	Label string
	// Embed is set for ![[...]].
	Embed bool
	// Index is the ordinal of the link within its page, in document order.
	Index int
	// Offset is the byte offset of the opening "[[" (or "![[") in the source.
	Offset int
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindWikiLink }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Target":   n.Target,
		"Fragment": n.Fragment,
		"Label":    n.Label,
		"Embed":    strconv.FormatBool(n.Embed),
		"Index":    strconv.Itoa(n.Index),
	}, nil)
}

// PlainLabel returns what a reader sees of the link: its label when it has
// one, otherwise a readable form of what was written (see ReadableLabel).
// It implements mdtext.Labeler.
func (n *Node) PlainLabel() string {
	return ReadableLabel(n.Target, n.Fragment, n.Label)
}

// ReadableLabel is the text shown for a link written with target, fragment
// and label: the label when not empty; otherwise the last segment of the
// target with a ".md" suffix dropped and underscores shown as spaces,
// followed by the fragment's parts, joined with " > " as Obsidian shows
// them ("Tasks/MCP_Wiki_Routing#Fix" → "MCP Wiki Routing > Fix").
func ReadableLabel(target, fragment, label string) string {
	if label != "" {
		return label
	}
	var parts []string
	if name := readableName(target); name != "" {
		parts = append(parts, name)
	}
	if fragment != "" {
		parts = append(parts, strings.Split(fragment, "#")...)
	}
	return strings.Join(parts, " > ")
}

func readableName(target string) string {
	name := strings.TrimRight(target, "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	name = trimMD(name)
	return strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
}

// trimMD drops a ".md" suffix of any case.
func trimMD(s string) string {
	if len(s) > 3 && strings.EqualFold(s[len(s)-3:], ".md") {
		return s[:len(s)-3]
	}
	return s
}

// EmbedBlock holds an embed that is the only content of its paragraph, so
// that the markup filled in for it (a status card, an image) is not wrapped
// in <p>. Its one child is the embed's Node.
type EmbedBlock struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (b *EmbedBlock) Kind() ast.NodeKind { return KindEmbedBlock }

// Dump implements ast.Node.
func (b *EmbedBlock) Dump(source []byte, level int) {
	ast.DumpHelper(b, source, level, nil, nil)
}
