package bufpool

import "testing"

// A buffer comes back empty, and one grown past MaxKept is not kept.
func TestGetPut(t *testing.T) {
	b := Get()
	b.WriteString("page")
	Put(b)
	if got := Get(); got.Len() != 0 {
		t.Fatalf("a buffer from the pool holds %q", got.String())
	}
	big := Get()
	big.Grow(2 * MaxKept)
	Put(big)
	for range 100 {
		if Get().Cap() > MaxKept {
			t.Fatal("a buffer over MaxKept came back from the pool")
		}
	}
}

// With Poison on, what was given back is overwritten to its capacity.
func TestPoison(t *testing.T) {
	Poison(true)
	defer Poison(false)
	b := Get()
	b.WriteString("status page")
	held := b.Bytes()[:cap(b.Bytes())]
	Put(b)
	for i, c := range held {
		if c != 0xA5 {
			t.Fatalf("byte %d of a buffer given back is %#x, want it overwritten", i, c)
		}
	}
}
