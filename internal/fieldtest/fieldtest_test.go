package fieldtest

import (
	"slices"
	"testing"
)

type inner struct{ A string }

type sample struct {
	S  string
	N  int8
	U  uint8
	F  float64
	B  bool
	L  []string
	In *inner
}

func TestEachChangedChangesOneFieldAtATime(t *testing.T) {
	base := sample{S: "s", L: []string{"a"}, In: &inner{A: "a"}}
	var names []string
	EachChanged(t, base, func(field string, c sample) {
		names = append(names, field)
		differs := map[string]bool{
			"S": c.S != base.S, "N": c.N != base.N, "U": c.U != base.U, "F": c.F != base.F, "B": c.B != base.B,
			"L": !slices.Equal(c.L, base.L), "In.A": c.In.A != base.In.A,
		}
		for name, d := range differs {
			if d != (name == field) {
				t.Errorf("changing %s: %s differs: %v", field, name, d)
			}
		}
	})
	if want := []string{"S", "N", "U", "F", "B", "L", "In.A"}; !slices.Equal(names, want) {
		t.Errorf("fields %v, want %v", names, want)
	}
	if base.In.A != "a" || !slices.Equal(base.L, []string{"a"}) {
		t.Errorf("base changed: %+v", base)
	}
}
