package wikilink

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// inlineParser reads [[...]] and ![[...]]. It runs before goldmark's link
// parser (priority 199 < 200), which sees the same trigger characters; when
// it declines, the text is left to the link parser and stays text.
type inlineParser struct{}

func (inlineParser) Trigger() []byte { return []byte{'[', '!'} }

func (inlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	open := 0
	embed := false
	if len(line) > 0 && line[0] == '!' {
		embed, open = true, 1
	}
	if len(line) < open+2 || line[open] != '[' || line[open+1] != '[' {
		return nil
	}
	body := line[open+2:]
	// The first bracket after the opening must close it: no bracket may
	// stand inside (parseInner), and stopping there keeps a line of
	// thousands of "[[" linear.
	end := bytes.IndexAny(body, "[]")
	if end < 0 || !bytes.HasPrefix(body[end:], []byte("]]")) {
		return nil // unterminated on this line (a newline ends a link), or a bracket inside
	}
	n, ok := parseInner(body[:end])
	if !ok {
		return nil
	}
	n.Embed = embed
	n.Offset = seg.Start
	block.Advance(open + 2 + end + 2)
	return n
}

// parseInner splits the text between the brackets into target, fragment
// and label. It declines brackets inside (a nested "[[" is parsed on its
// own later), line breaks, and links without a target or fragment.
func parseInner(inner []byte) (*Node, bool) {
	if bytes.ContainsAny(inner, "[]\n\r") {
		return nil, false
	}
	// NUL may not reach the HTML; CommonMark shows it as U+FFFD.
	if bytes.IndexByte(inner, 0) >= 0 {
		inner = bytes.ReplaceAll(inner, []byte{0}, []byte("\uFFFD"))
	}
	dest, label := inner, []byte(nil)
	if i := bytes.IndexByte(inner, '|'); i >= 0 {
		dest, label = inner[:i], inner[i+1:]
		if i > 0 && inner[i-1] == '\\' {
			// "\|": the separator as it must be written inside a table cell.
			dest = inner[:i-1]
		}
	}
	target, fragment := string(dest), ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, fragment = target[:i], cleanFragment(target[i+1:])
	}
	target = strings.TrimSpace(target)
	if target == "" && fragment == "" {
		return nil, false
	}
	n := &Node{
		Target:   target,
		Fragment: fragment,
		Label:    strings.TrimSpace(strings.ReplaceAll(string(label), `\|`, "|")),
	}
	return n, true
}

// cleanFragment trims each '#'-separated part and drops empty ones:
// " H1 ## H2 " → "H1#H2".
func cleanFragment(s string) string {
	parts := strings.Split(s, "#")
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "#")
}
