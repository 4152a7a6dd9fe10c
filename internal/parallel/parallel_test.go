package parallel

import (
	"sync/atomic"
	"testing"
)

// Every index is handed out once; a false return stops the rest.
func TestDo(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {100, 1}, {1000, 4}, {3, 8}} {
		seen := make([]atomic.Int32, tc.n)
		Do(tc.n, tc.workers, func(i int) bool { seen[i].Add(1); return true })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: index %d called %d times", tc.n, tc.workers, i, c)
			}
		}
	}
	var calls atomic.Int32
	Do(1000, 2, func(i int) bool { calls.Add(1); return i != 10 })
	if c := calls.Load(); c > 20 {
		t.Errorf("%d calls after index 10 said stop", c)
	}
}
