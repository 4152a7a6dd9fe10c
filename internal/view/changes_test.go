package view

import (
	"reflect"
	"testing"
)

// An item added and done in one week is shown once, as both; a repeated
// text pairs one for one.
func TestSplitAddedDone(t *testing.T) {
	done, added, both := splitAddedDone([]string{"A", "B", "C", "C"}, []string{"C", "D", "A"})
	if !reflect.DeepEqual(done, []string{"B", "C"}) || !reflect.DeepEqual(added, []string{"D"}) || !reflect.DeepEqual(both, []string{"A", "C"}) {
		t.Errorf("done %q, added %q, both %q", done, added, both)
	}
}
