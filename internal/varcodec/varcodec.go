// Package varcodec is the byte format of milepost's own cache files: an
// Encoder appends numbers as varints and strings and lists with their
// length first, a Decoder reads them back, failing once and for good on
// input it cannot hold (a length longer than what is left is damage, not
// an allocation).
//
// In: values, or bytes an Encoder wrote. Out: bytes, or the values, or
// ErrDamaged; a file framed by its magic and a CRC-32C (NewFile, Seal,
// Open). It must not know what the values mean: each file's format (the
// page summaries, the build cache's state and outputs) is its own
// package's, built on these primitives.
package varcodec

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"math/bits"
	"unsafe"
)

// Castagnoli is the CRC-32C table the files' checksums are made with.
var Castagnoli = crc32.MakeTable(crc32.Castagnoli)

// A file is its magic (which names its format), its records, and the
// CRC-32C of both, little-endian. NewFile starts one; Seal ends it; Open
// checks one and reads past its magic.

// NewFile returns an Encoder for a file of the format magic names,
// sized for about size bytes.
func NewFile(magic string, size int) *Encoder {
	e := &Encoder{B: make([]byte, 0, len(magic)+size+4)}
	e.B = append(e.B, magic...)
	return e
}

// Seal appends the CRC-32C of what e holds and returns the file's bytes.
func (e *Encoder) Seal() []byte {
	return binary.LittleEndian.AppendUint32(e.B, crc32.Checksum(e.B, Castagnoli))
}

// Open checks that data is a whole file of the format magic names and
// returns a Decoder over its records.
func Open(data []byte, magic string) (*Decoder, error) {
	if len(data) < 4 || crc32.Checksum(data[:len(data)-4], Castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, errors.New("damaged (checksum)")
	}
	d := &Decoder{B: data[:len(data)-4]}
	if string(d.Bytes(len(magic))) != magic {
		return nil, errors.New("not a file of this version")
	}
	return d, nil
}

// End reports the Decoder's error, or damage when input is left over.
func (d *Decoder) End() error {
	if d.Err == nil && len(d.B) != 0 {
		d.Fail()
	}
	return d.Err
}

// Encoder appends values to B: numbers as varints, strings and lists
// with their length first. A list's length is stored plus one, zero
// standing for a nil list, so what is read back is what was written
// (status.json tells null from an empty list).
type Encoder struct{ B []byte }

// Int, Uint and Str write a number, a length and a string; Int64 and
// Uint64 numbers of 64 bits wherever int is smaller (file sizes, times,
// inodes); Hash a SHA-256.
func (e *Encoder) Int(v int)       { e.B = binary.AppendVarint(e.B, int64(v)) }
func (e *Encoder) Uint(n int)      { e.B = binary.AppendUvarint(e.B, uint64(n)) }
func (e *Encoder) Str(s string)    { e.Uint(len(s)); e.B = append(e.B, s...) }
func (e *Encoder) Int64(v int64)   { e.B = binary.AppendVarint(e.B, v) }
func (e *Encoder) Uint64(v uint64) { e.B = binary.AppendUvarint(e.B, v) }
func (e *Encoder) Hash(h [32]byte) { e.B = append(e.B, h[:]...) }

// Float writes a number's bits, byte-reversed so that small round
// numbers (2h, 40h) make short varints.
func (e *Encoder) Float(v float64) {
	e.B = binary.AppendUvarint(e.B, bits.ReverseBytes64(math.Float64bits(v)))
}

// Strs writes a list of strings.
func (e *Encoder) Strs(ss []string) {
	e.List(len(ss), ss == nil)
	for _, s := range ss {
		e.Str(s)
	}
}

// Bool writes a flag as one byte, 0 or 1.
func (e *Encoder) Bool(v bool) {
	if v {
		e.B = append(e.B, 1)
	} else {
		e.B = append(e.B, 0)
	}
}

// List writes a list's length (see Decoder.List).
func (e *Encoder) List(n int, isNil bool) {
	if isNil {
		e.B = append(e.B, 0)
		return
	}
	e.B = binary.AppendUvarint(e.B, uint64(n)+1)
}

// Decoder reads from B what an Encoder wrote. The first error sticks:
// every later read returns zero values, and the caller checks Err once at
// the end.
//
// With Shares set, the strings it reads are B's bytes, not copies of
// them: no allocation per string, and one object for the collector to
// mark instead of one per string. Set it only for input that nothing
// changes for as long as any string read from it lives (a file read for
// one build, kept whole).
type Decoder struct {
	B      []byte
	Err    error
	Shares bool
}

// ErrDamaged is the Decoder's error: the input is not what an Encoder
// wrote.
var ErrDamaged = errors.New("damaged record")

// Fail marks the input damaged.
func (d *Decoder) Fail() {
	if d.Err == nil {
		d.Err = ErrDamaged
	}
	d.B = nil
}

// Bytes reads n bytes, which stay the input's.
func (d *Decoder) Bytes(n int) []byte {
	if n < 0 || n > len(d.B) {
		d.Fail()
		return nil
	}
	v := d.B[:n:n]
	d.B = d.B[n:]
	return v
}

// Uint reads a length or other unsigned number.
func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.B)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.B = d.B[n:]
	return v
}

// Int reads what binary.AppendVarint wrote: a zig-zag encoded uvarint.
func (d *Decoder) Int() int { return int(d.Int64()) }

// Str reads what Encoder.Str wrote (see Shares).
func (d *Decoder) Str() string {
	b := d.Bytes(d.Count(1))
	if d.Shares && len(b) > 0 {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}

func (d *Decoder) Float() float64 { return math.Float64frombits(bits.ReverseBytes64(d.Uint())) }

// Strs reads what Encoder.Strs wrote.
func (d *Decoder) Strs() []string {
	n, ok := d.List(1)
	if !ok {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.Str()
	}
	return ss
}

// Bool reads a flag; a byte other than 0 or 1 is damage.
func (d *Decoder) Bool() bool {
	b := d.Bytes(1)
	if len(b) == 1 && b[0] > 1 {
		d.Fail()
	}
	return len(b) == 1 && b[0] == 1
}

// Int64 reads what Encoder.Int64 wrote.
func (d *Decoder) Int64() int64 {
	v := d.Uint()
	return int64(v>>1) ^ -int64(v&1)
}

// Hash reads what Encoder.Hash wrote.
func (d *Decoder) Hash() (h [32]byte) {
	copy(h[:], d.Bytes(32))
	return h
}

// Count reads a length (of bytes, or of elements taking at least minSize
// bytes each).
func (d *Decoder) Count(minSize int) int { return d.Fits(d.Uint(), minSize) }

// List reads a list's length as Encoder.List wrote it; ok is false for a
// nil list.
func (d *Decoder) List(minSize int) (n int, ok bool) {
	v := d.Uint()
	if v == 0 {
		return 0, false
	}
	return d.Fits(v-1, minSize), d.Err == nil
}

// Fits returns n when the rest of the input can hold n elements of
// minSize bytes (at least 1); a length it cannot hold is damage, not an
// allocation.
func (d *Decoder) Fits(n uint64, minSize int) int {
	if n > uint64(len(d.B)/max(minSize, 1)) {
		d.Fail()
		return 0
	}
	return int(n)
}
