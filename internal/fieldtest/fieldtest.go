// Package fieldtest helps the tests that guard a hand-written function
// naming every field of a struct (a zero check, a comparison): it makes,
// for each field, a copy of a value that differs from it in that field
// alone, so that a field added later and left out of the function fails
// its test.
//
// In: a struct value. Out: one changed copy per field, handed to a
// check. Must not: be imported by anything but tests.
package fieldtest

import (
	"reflect"
	"testing"
)

// EachChanged calls check once per field of base's type with the
// field's name and a copy of base in which that field alone holds
// another value: a string gets "x" appended, a number is one more, a
// bool the other, a slice one element longer (a new slice, base's is
// left alone). A field that points to a struct is not one change but
// one per field of that struct ("Work.ID"), each in a new struct that
// copies the one base points to. A field of any other kind, or one
// that is not exported, fails t.
func EachChanged[T any](t testing.TB, base T, check func(field string, changed T)) {
	t.Helper()
	typ := reflect.TypeOf(base)
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct {
			inner := reflect.ValueOf(base).Field(i)
			for k := 0; k < f.Type.Elem().NumField(); k++ {
				name := f.Name + "." + f.Type.Elem().Field(k).Name
				cp := reflect.New(f.Type.Elem())
				if !inner.IsNil() {
					cp.Elem().Set(inner.Elem())
				}
				change(t, cp.Elem().Field(k), name)
				changed := base
				reflect.ValueOf(&changed).Elem().Field(i).Set(cp)
				check(name, changed)
			}
			continue
		}
		changed := base
		change(t, reflect.ValueOf(&changed).Elem().Field(i), f.Name)
		check(f.Name, changed)
	}
}

// change gives v, the field name, another value.
func change(t testing.TB, v reflect.Value, name string) {
	t.Helper()
	if !v.CanSet() {
		t.Fatalf("field %s cannot be set: teach fieldtest about it", name)
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(v.Float() + 1)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Slice:
		longer := reflect.MakeSlice(v.Type(), v.Len()+1, v.Len()+1)
		reflect.Copy(longer, v)
		v.Set(longer)
	default:
		t.Fatalf("field %s is a %s: teach fieldtest about it", name, v.Kind())
	}
}
