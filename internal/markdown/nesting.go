package markdown

import (
	"fmt"

	"github.com/milepost/milepost/internal/diag"
)

// MaxNesting is the deepest nesting of block containers (block quotes and
// list items, counted together) a page keeps. goldmark's block parser
// revisits every open container on every line, so its time grows with the
// square of the depth or worse: a hundred lines quoted 4,000 deep take
// half a minute. Markers beyond this depth are shown as text.
const MaxNesting = 100

// Warning is a problem the parser found in a page body and worked around.
type Warning struct {
	Offset  int    // byte offset in the body where it starts
	Kind    string // a diag kind: diag.KindInput
	Message string
}

// capNesting returns src with every container marker beyond max levels
// escaped, so the rest of its line is paragraph text, and a warning naming
// the first such line. The result has src's length and line structure (a
// marker and the space after it become a backslash and the marker), so
// byte offsets and line numbers still index src, and the segments of an
// AST parsed from the result stay within src; src itself is never
// modified, and is returned as is when nothing is that deep.
//
// The depth is estimated line by line, the way CommonMark opens
// containers: '>' markers, then list markers ("-", "*", "+", "1." and
// "1)" followed by a space), each possibly after indentation, plus the list
// items of earlier lines whose content column the line's indentation
// reaches. Fenced code at the top level is skipped. The estimate errs
// towards deeper, which only matters past max.
//
// Every open list item scans the indentation of every line again, so a
// line indented past any column nesting can use (4×max+4 bytes) keeps
// that much in front and has the rest moved behind its text.
func capNesting(src []byte, max int) ([]byte, []Warning) {
	c := capper{src: src, max: max, maxIndent: 4*max + 4}
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		c.line(start, src[start:end])
		start = end + 1
	}
	if c.out == nil {
		return src, nil
	}
	return c.out, []Warning{{
		Offset:  c.first,
		Kind:    diag.KindInput,
		Message: fmt.Sprintf("block quotes and lists nested deeper than %d levels: the deeper markers are shown as text (%d %s)", max, c.lines, pluralLines(c.lines)),
	}}
}

// capper is the state of capNesting between lines.
type capper struct {
	src       []byte
	max       int
	maxIndent int    // leading whitespace kept before a line's text, in bytes
	out       []byte // copy of src, made at the first change
	lines     int    // lines changed
	first     int    // offset of the first line changed
	counted   int    // offset of the last line changed
	items     []int  // content columns of open list items
	quotes    int    // '>' depth of the previous non-blank line
	fence     byte   // '`' or '~' while inside a top-level fence
	fenceLen  int
}

// line checks the line at src[start:] and rewrites it in c.out when it is
// too deep.
func (c *capper) line(start int, line []byte) {
	i, col := skipSpace(line, 0, 0)
	if c.fence != 0 {
		if n := fenceRun(line[i:], c.fence); n >= c.fenceLen && isBlank(line[i+n:]) && col < 4 {
			c.fence = 0
		}
		return
	}
	if i == len(line) {
		return // blank lines close nothing
	}
	// The leading run of '>' markers.
	depth, text := 0, 0 // text: where the content after the markers starts
	for j := i; j < len(line) && line[j] == '>'; {
		if depth+1 > c.max {
			c.escape(start, start+j, 1)
			return
		}
		depth++
		j++
		if j < len(line) && line[j] == ' ' {
			j++
		}
		text = j
		j, _ = skipSpace(line, j, 0)
	}
	if depth != c.quotes {
		c.items = c.items[:0]
		c.quotes = depth
	}
	i, col = skipSpace(line, text, 0)
	if i-text > c.maxIndent && i < len(line) {
		// Every open list item scans the indentation again; a line indented
		// past any meaningful column keeps maxIndent of it in front, and is
		// read on from the rewritten copy.
		c.moveIndentation(start, text, i-text)
		line = c.out[start : start+len(line)]
		i, col = skipSpace(line, text, 0)
	}
	for len(c.items) > 0 && c.items[len(c.items)-1] > col {
		c.items = c.items[:len(c.items)-1]
	}
	if depth == 0 && len(c.items) == 0 && col < 4 {
		if f := line[i]; f == '`' || f == '~' {
			if n := fenceRun(line[i:], f); n >= 3 {
				c.fence, c.fenceLen = f, n
				return
			}
		}
	}
	// List items of earlier lines the indentation reaches, then markers
	// on this line, list or quote, in any order.
	depth += len(c.items)
	for i < len(line) {
		width := listMarker(line[i:])
		quote := width == 0 && line[i] == '>'
		if quote {
			width = 1
		}
		if width == 0 {
			return
		}
		if depth+1 > c.max {
			c.escape(start, start+i, width)
			return
		}
		depth++
		if quote {
			i++
			if i < len(line) && line[i] == ' ' {
				i++
			}
			i, col = skipSpace(line, i, 0)
			continue
		}
		i += width
		i, col = skipSpace(line, i, col+width)
		c.items = append(c.items, col)
	}
}

// escape turns the marker of width w at offset at into text: "> x" becomes
// "\>x" and "1. x" "1\.x"; a marker not followed by a space (">>x") has
// its punctuation replaced by the backslash, which then escapes the byte
// after it.
func (c *capper) escape(lineStart, at, w int) {
	c.change(lineStart)
	p := at + w - 1
	if p+1 < len(c.out) && (c.out[p+1] == ' ' || c.out[p+1] == '\t') {
		c.out[p+1] = c.out[p]
	}
	c.out[p] = '\\'
}

// moveIndentation moves all but maxIndent bytes of the n bytes of
// whitespace at src[lineStart+from:] to the end of the line.
func (c *capper) moveIndentation(lineStart, from, n int) {
	c.change(lineStart)
	ws := lineStart + from
	end := ws + n
	for end < len(c.src) && c.src[end] != '\n' {
		end++
	}
	rest := c.src[ws+n : end]
	extra := c.src[ws+c.maxIndent : ws+n]
	copy(c.out[ws+c.maxIndent:], rest)
	copy(c.out[ws+c.maxIndent+len(rest):], extra)
}

// change makes the copy and counts the line starting at lineStart once.
func (c *capper) change(lineStart int) {
	if c.out == nil {
		c.out = append([]byte(nil), c.src...)
	}
	if c.lines > 0 && c.counted == lineStart {
		return
	}
	if c.lines++; c.lines == 1 {
		c.first = lineStart
	}
	c.counted = lineStart
}
func pluralLines(n int) string {
	if n == 1 {
		return "line"
	}
	return "lines"
}

// skipSpace skips spaces and tabs from line[i], advancing the visual
// column col (tabs stop every 4 columns).
func skipSpace(line []byte, i, col int) (int, int) {
	for i < len(line) {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return i, col
		}
		i++
	}
	return i, col
}

// listMarker returns the width of the list marker line starts with,
// without the space after it, or 0.
func listMarker(line []byte) int {
	n := 0
	switch {
	case len(line) > 0 && (line[0] == '-' || line[0] == '*' || line[0] == '+'):
		n = 1
	default:
		for n < len(line) && n < 9 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n == 0 || n == len(line) || (line[n] != '.' && line[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(line) && line[n] != ' ' && line[n] != '\t' {
		return 0
	}
	return n
}

// fenceRun is the number of c bytes line starts with.
func fenceRun(line []byte, c byte) int {
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	return n
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
