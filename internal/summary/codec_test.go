package summary

import (
	"math"
	"testing"
)

// Numbers, strings, booleans and lists read back as written, nil lists
// included; a length the input cannot hold is damage.
func TestCodecRoundTrip(t *testing.T) {
	ints := []int{0, 1, -1, 63, -64, 64, 1 << 40, -(1 << 40), math.MaxInt64, math.MinInt64}
	var e encoder
	for _, n := range ints {
		e.int(n)
	}
	e.str("")
	e.str("é ✅")
	e.bool(true)
	e.list(0, true)
	e.list(3, false)
	d := decoder{b: e.b}
	for _, want := range ints {
		if got := d.int(); got != want {
			t.Errorf("int %d read as %d", want, got)
		}
	}
	if a, b := d.str(), d.str(); a != "" || b != "é ✅" {
		t.Errorf("strings %q %q", a, b)
	}
	if !d.bool() {
		t.Error("bool")
	}
	if n, ok := d.list(1); ok || n != 0 {
		t.Errorf("nil list read as %d, %v", n, ok)
	}
	if n, ok := d.list(0 + 1); ok || d.err == nil {
		t.Errorf("a list of 3 with no bytes left read as %d, %v", n, ok)
	}
}
