package varcodec

import (
	"math"
	"testing"
	"unsafe"
)

// Numbers, strings, booleans and lists read back as written, nil lists
// included; a length the input cannot hold is damage.
func TestCodecRoundTrip(t *testing.T) {
	ints := []int{0, 1, -1, 63, -64, 64, 1 << 40, -(1 << 40), math.MaxInt64, math.MinInt64}
	var e Encoder
	for _, n := range ints {
		e.Int(n)
	}
	e.Str("")
	e.Str("é ✅")
	e.Bool(true)
	e.List(0, true)
	e.List(3, false)
	d := Decoder{B: e.B}
	for _, want := range ints {
		if got := d.Int(); got != want {
			t.Errorf("int %d read as %d", want, got)
		}
	}
	if a, b := d.Str(), d.Str(); a != "" || b != "é ✅" {
		t.Errorf("strings %q %q", a, b)
	}
	if !d.Bool() {
		t.Error("bool")
	}
	if n, ok := d.List(1); ok || n != 0 {
		t.Errorf("nil list read as %d, %v", n, ok)
	}
	if n, ok := d.List(0 + 1); ok || d.Err == nil {
		t.Errorf("a list of 3 with no bytes left read as %d, %v", n, ok)
	}
}

// A file reads back through Open with 64-bit numbers whole; a flag byte
// other than 0 or 1, bytes left over, another magic or a changed byte
// are damage.
func TestFile(t *testing.T) {
	e := NewFile("test v1\n", 0)
	e.Int64(math.MinInt64)
	e.Uint64(math.MaxUint64)
	e.Hash([32]byte{7})
	e.Bool(false)
	data := e.Seal()
	d, err := Open(data, "test v1\n")
	if err != nil {
		t.Fatal(err)
	}
	if a, b, h, f := d.Int64(), d.Uint(), d.Hash(), d.Bool(); a != math.MinInt64 || b != math.MaxUint64 || h != [32]byte{7} || f || d.End() != nil {
		t.Errorf("read %d %d %v %v, %v", a, b, h, f, d.Err)
	}
	if _, err := Open(data, "test v2\n"); err == nil {
		t.Error("another magic opened")
	}
	bad := append([]byte(nil), data...)
	bad[len(bad)-6] ^= 1
	if _, err := Open(bad, "test v1\n"); err == nil {
		t.Error("a changed byte opened")
	}
	d = &Decoder{B: []byte{2, 9}}
	if d.Bool(); d.Err == nil {
		t.Error("a flag of 2 read as one")
	}
	d = &Decoder{B: []byte{1, 9}}
	if d.Bool(); d.End() == nil {
		t.Error("a byte left over is not damage")
	}
}

// A Decoder that Shares reads strings out of its input without copying
// them, and the same strings as one that copies; one that does not share
// copies, so its strings outlive changes to the input.
func TestSharedStrings(t *testing.T) {
	var e Encoder
	e.Str("backlog")
	e.Str("")
	e.Strs([]string{"a", "bc"})
	input := e.B
	first, last := unsafe.Pointer(&input[0]), unsafe.Pointer(&input[len(input)-1])
	within := func(s string) bool {
		p := unsafe.Pointer(unsafe.StringData(s))
		return uintptr(p) >= uintptr(first) && uintptr(p) <= uintptr(last)
	}

	shared := Decoder{B: input, Shares: true}
	s, empty, list := shared.Str(), shared.Str(), shared.Strs()
	if s != "backlog" || empty != "" || len(list) != 2 || list[0] != "a" || list[1] != "bc" || shared.End() != nil {
		t.Fatalf("shared read %q %q %q, %v", s, empty, list, shared.Err)
	}
	if !within(s) || !within(list[1]) {
		t.Error("a shared string is a copy")
	}
	if n := testing.AllocsPerRun(100, func() { d := Decoder{B: input, Shares: true}; _ = d.Str() }); n != 0 {
		t.Errorf("a shared string allocates %v times", n)
	}

	copied := Decoder{B: input}
	c := copied.Str()
	if c != "backlog" || within(c) {
		t.Errorf("a copied string %q shares the input", c)
	}
}
