package attr

import (
	"testing"

	"github.com/milepost/milepost/internal/fieldtest"
)

// IsZero covers every field of Section: one it did not check would drop
// the attributes of a section that has no other.
func TestSectionIsZeroCoversEveryField(t *testing.T) {
	if s := (Section{}); !s.IsZero() {
		t.Fatal("the zero Section is not zero")
	}
	if s := ReadSection([]Line{{1, "Just a paragraph, no field."}}, nil); !s.IsZero() {
		t.Errorf("a paragraph with no field line reads as %+v", s)
	}
	fieldtest.EachChanged(t, Section{}, func(field string, s Section) {
		if s.IsZero() {
			t.Errorf("Section with %s set is zero", field)
		}
	})
}
