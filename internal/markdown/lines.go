package markdown

import "sort"

// LineIndex maps byte offsets of a page body to 1-based line numbers in the
// file, front matter included.
type LineIndex struct {
	starts []int // byte offset where each body line starts
	first  int   // file line number of the body's first line
}

// NewLineIndex indexes src, whose first line is line firstLine of its file.
func NewLineIndex(src []byte, firstLine int) *LineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	if firstLine < 1 {
		firstLine = 1
	}
	return &LineIndex{starts: starts, first: firstLine}
}

// Line returns the file line holding byte offset off of the body.
func (l *LineIndex) Line(off int) int {
	i := sort.SearchInts(l.starts, off+1) - 1
	if i < 0 {
		i = 0
	}
	return l.first + i
}

// Position returns the file line and 1-based byte column of offset off.
func (l *LineIndex) Position(off int) (line, col int) {
	i := sort.SearchInts(l.starts, off+1) - 1
	if i < 0 {
		i = 0
	}
	return l.first + i, off - l.starts[i] + 1
}
