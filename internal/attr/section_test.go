package attr

import (
	"reflect"
	"testing"
)

// IsZero covers every field of Section: one it did not check would drop
// the attributes of a section that has no other.
func TestSectionIsZeroCoversEveryField(t *testing.T) {
	if s := (Section{}); !s.IsZero() {
		t.Fatal("the zero Section is not zero")
	}
	if s := ReadSection([]Line{{1, "Just a paragraph, no field."}}); !s.IsZero() {
		t.Errorf("a paragraph with no field line reads as %+v", s)
	}
	typ := reflect.TypeOf(Section{})
	for i := 0; i < typ.NumField(); i++ {
		var s Section
		f := reflect.ValueOf(&s).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int:
			f.SetInt(1)
		case reflect.Float64:
			f.SetFloat(1)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		default:
			t.Fatalf("Section.%s is a %s: teach this test about it", typ.Field(i).Name, f.Kind())
		}
		if s.IsZero() {
			t.Errorf("Section with %s set is zero", typ.Field(i).Name)
		}
	}
}
