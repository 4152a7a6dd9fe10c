package badge

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"sync"
)

// The width tables are anafanafo's data (see LICENSE.anafanafo and the
// header of each file); internal/widthgen writes them.
//
//go:embed widths/*.txt
var widthFiles embed.FS

// font names one embedded width table.
type font string

const (
	verdana11     font = "verdana-11px-normal" // label and message of flat, flat-square
	verdana10     font = "verdana-10px-normal" // label of for-the-badge
	verdana10Bold font = "verdana-10px-bold"   // message of for-the-badge
)

// charRange is one line of a width table: code points from start up to the
// next range's start have width px, or no known width when !known.
type charRange struct {
	start rune
	width float64
	known bool
}

// widthTable measures text in one font the way shields' anafanafo does.
type widthTable struct {
	ranges []charRange
	// emWidth is the width of "m": anafanafo's guess for a code point
	// the table does not know.
	emWidth float64
}

// tables parses the embedded tables once, on first use; they are never
// modified afterwards.
var tables = sync.OnceValue(func() map[font]*widthTable {
	m := map[font]*widthTable{}
	for _, f := range []font{verdana11, verdana10, verdana10Bold} {
		data, err := widthFiles.ReadFile("widths/" + string(f) + ".txt")
		if err != nil {
			panic(err) // embedded: cannot happen in a built binary
		}
		t, err := parseWidthTable(data)
		if err != nil {
			panic(fmt.Sprintf("badge: widths/%s.txt: %v", f, err))
		}
		m[f] = t
	}
	return m
})

func parseWidthTable(data []byte) (*widthTable, error) {
	t := &widthTable{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		hex, width, ok := bytes.Cut([]byte(text), []byte(" "))
		if !ok {
			return nil, fmt.Errorf("line %d: want \"<hex code point> <width>\"", line)
		}
		start, err := strconv.ParseUint(string(hex), 16, 32)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		r := charRange{start: rune(start)}
		if string(width) != "-" {
			r.width, err = strconv.ParseFloat(string(width), 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", line, err)
			}
			r.known = true
		}
		if n := len(t.ranges); n > 0 && t.ranges[n-1].start >= r.start {
			return nil, fmt.Errorf("line %d: code points out of order", line)
		}
		t.ranges = append(t.ranges, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	em, ok := t.lookup('m')
	if !ok {
		return nil, fmt.Errorf("no width for \"m\"")
	}
	t.emWidth = em
	return t, nil
}

// lookup returns the table's width of one code point.
func (t *widthTable) lookup(c rune) (float64, bool) {
	i := sort.Search(len(t.ranges), func(i int) bool { return t.ranges[i].start > c })
	if i == 0 {
		return 0, false
	}
	r := t.ranges[i-1]
	return r.width, r.known
}

// charWidth is the width anafanafo gives one code point: 0 for C0 control
// characters and DEL, the table's width, or the width of "m" for code
// points missing from the table.
func (t *widthTable) charWidth(c rune) float64 {
	if c <= 31 || c == 127 {
		return 0
	}
	if w, ok := t.lookup(c); ok {
		return w
	}
	return t.emWidth
}

// measure sums the widths of the code points of s, left to right in
// float64, as anafanafo does, so the sum carries the same rounding errors.
func (t *widthTable) measure(s string) float64 {
	sum := 0.0
	for _, c := range s {
		sum += t.charWidth(c)
	}
	return sum
}

// Width is the width in px of text set in 11px Verdana, as shields.io
// measures it for its flat badges: the sum of anafanafo's per-character
// widths, unrounded. Characters the table lacks count as wide as "m";
// control characters count 0. A flat badge drops the fraction and makes
// the result odd (flatTextWidth).
func Width(text string) float64 {
	return tables()[verdana11].measure(text)
}

// truncPx drops the fraction of a measured width, the way badge-maker does
// with `width | 0` (text wider than 2^31 px is out of scope).
func truncPx(w float64) float64 {
	return math.Trunc(w)
}

// roundUpToOdd makes an integral width odd, which badge-maker does to
// the text widths of flat badges for pixel-grid alignment.
func roundUpToOdd(w float64) float64 {
	if math.Mod(w, 2) == 0 {
		return w + 1
	}
	return w
}
