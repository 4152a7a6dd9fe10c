package varcodec

import (
	"math"
	"testing"
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
