package summary

import (
	"bytes"
	"reflect"
	"strconv"
	"testing"
)

// Every field of a Page, down to the last nested one, reads back as
// written. The page is filled by reflection, so a field added to Page or
// to anything it holds (status.Item, wikilink.Link, ...) without a line in
// the encoder and the decoder fails here instead of being lost, silently,
// on the next cached build.
func TestEveryFieldRoundTrips(t *testing.T) {
	var want Page
	fill(reflect.ValueOf(&want).Elem(), 1)
	want.Status.Items[0].State = 2 // a state the decoder accepts
	want.Status.Items[1].State = 3
	var buf bytes.Buffer
	src := [32]byte{7}
	if err := Write(&buf, "key", []Entry{{Path: "a.md", Source: src, Page: &want}}); err != nil {
		t.Fatal(err)
	}
	s, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := s.Lookup("key", "a.md", src)
	if got == nil {
		t.Fatal("the page's summary was not found")
	}
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("round trip lost something:\n got %+v\nwant %+v", got, &want)
	}
	if s.Lookup("other key", "a.md", src) != nil || s.Lookup("key", "a.md", [32]byte{}) != nil {
		t.Error("a summary is found under another key or source")
	}
	// Same tells the page as written from one that says anything else,
	// or was parsed from another source or with other settings.
	if !s.Same("key", "a.md", src, &want) || s.Same("key", "b.md", src, &want) || s.Same("key", "a.md", [32]byte{}, &want) || s.Same("other key", "a.md", src, &want) {
		t.Error("Same does not find the page as written, or finds it elsewhere")
	}
	want.Lookups[0].URL += "x"
	if s.Same("key", "a.md", src, &want) {
		t.Error("Same misses a markdown link that finds another page")
	}
}

// Attributes are carried only by the items and sections that have some
// (a nil pointer for the others): both read back as written, the absent
// ones absent, beside present ones in the same page.
func TestAbsentAttributesRoundTrip(t *testing.T) {
	var want Page
	fill(reflect.ValueOf(&want).Elem(), 1)
	want.Status.Items[0].State = 2
	want.Status.Items[1].State = 3
	want.Status.Items[0].Attrs = nil
	want.Status.Sections[1].Attrs = nil
	want.Status.Sections[0].Sections[0].Attrs = nil
	var buf bytes.Buffer
	if err := Write(&buf, "key", []Entry{{Path: "a.md", Page: &want}}); err != nil {
		t.Fatal(err)
	}
	s, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Lookup("key", "a.md", [32]byte{}); !reflect.DeepEqual(got, &want) {
		t.Errorf("round trip changed which items and sections have attributes:\n got %+v\nwant %+v", got, &want)
	}
}

// A damaged file is an error, never a summary.
func TestDamagedFileIsAnError(t *testing.T) {
	var p Page
	fill(reflect.ValueOf(&p).Elem(), 1)
	var buf bytes.Buffer
	if err := Write(&buf, "key", []Entry{{Path: "a.md", Page: &p}}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for i := 0; i < len(data); i += 7 {
		damaged := bytes.Clone(data)
		damaged[i] ^= 0x20
		if _, err := Read(damaged); err == nil {
			t.Fatalf("a flipped byte at %d read without error", i)
		}
	}
}

// fill gives v a value that is not the zero one in every field: two
// elements in every slice (none below the fourth level of nesting, where
// sections stop), a distinct number or text in every scalar.
func fill(v reflect.Value, seed int) int { return fillAt(v, seed, 0) }

func fillAt(v reflect.Value, seed, depth int) int {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return fillAt(v.Elem(), seed, depth)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				seed = fillAt(v.Field(i), seed+1, depth)
			}
		}
	case reflect.Slice:
		if depth > 3 {
			return seed
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			seed = fillAt(v.Index(i), seed+1, depth+1)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			seed = fillAt(v.Index(i), seed+1, depth)
		}
	case reflect.String:
		v.SetString("s" + strconv.Itoa(seed))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(seed))
	case reflect.Uint8:
		v.SetUint(uint64(seed % 256))
	case reflect.Float64:
		v.SetFloat(float64(seed) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic("summary test: fill does not know " + v.Type().String())
	}
	return seed
}
