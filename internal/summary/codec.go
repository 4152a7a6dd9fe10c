package summary

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
)

// encoder and decoder are the primitives of the summaries file
// (file.go): numbers as varints, strings and lists with their length
// first. A list's length is stored plus one, zero standing for a nil list,
// so a summary read back is the one written (status.json tells null from
// an empty list).
type encoder struct{ b []byte }

func (e *encoder) int(v int)    { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) uint(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) str(s string) { e.uint(len(s)); e.b = append(e.b, s...) }

// float writes a number's bits, byte-reversed so that small round
// numbers (2h, 40h) make short varints.
func (e *encoder) float(v float64) {
	e.b = binary.AppendUvarint(e.b, bits.ReverseBytes64(math.Float64bits(v)))
}

// strs writes a list of strings.
func (e *encoder) strs(ss []string) {
	e.list(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// list writes a list's length (see decoder.list).
func (e *encoder) list(n int, isNil bool) {
	if isNil {
		e.b = append(e.b, 0)
		return
	}
	e.b = binary.AppendUvarint(e.b, uint64(n)+1)
}

// decoder reads what encoder wrote. The first error sticks: every later
// read returns zero values, and the caller checks err once at the end.
type decoder struct {
	b   []byte
	err error
}

var errDamaged = errors.New("damaged record")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errDamaged
	}
	d.b = nil
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.fail()
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// int reads what binary.AppendVarint wrote: a zig-zag encoded uvarint.
func (d *decoder) int() int {
	v := d.uint()
	return int(int64(v>>1) ^ -int64(v&1))
}

func (d *decoder) str() string { return string(d.bytes(d.count(1))) }

func (d *decoder) float() float64 { return math.Float64frombits(bits.ReverseBytes64(d.uint())) }

// strs reads what encoder.strs wrote.
func (d *decoder) strs() []string {
	n, ok := d.list(1)
	if !ok {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) bool() bool {
	b := d.bytes(1)
	return len(b) == 1 && b[0] == 1
}

// count reads a length (of bytes, or of elements taking at least minSize
// bytes each).
func (d *decoder) count(minSize int) int { return d.fits(d.uint(), minSize) }

// list reads a list's length as encoder.list wrote it; ok is false for a
// nil list.
func (d *decoder) list(minSize int) (n int, ok bool) {
	v := d.uint()
	if v == 0 {
		return 0, false
	}
	return d.fits(v-1, minSize), d.err == nil
}

// fits returns n when the rest of the input can hold n elements of
// minSize bytes; a length it cannot hold is damage, not an allocation.
func (d *decoder) fits(n uint64, minSize int) int {
	if n > uint64(len(d.b)/minSize) {
		d.fail()
		return 0
	}
	return int(n)
}
