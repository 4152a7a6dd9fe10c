package parse

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/spool"
)

// page reads a markdown page as LOAD would.
func page(t *testing.T) *content.Page {
	t.Helper()
	p, diags := content.ReadPage("plan.md", []byte("# Plan\n\n- [x] one\n- [ ] two\n\nSee [notes](notes.md).\n"), "content/")
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBodyIsTheSameWhereverItWaits: a body kept in memory, spooled, or
// left for later (parsed again when asked) is the same bytes, and the
// summary is made either way.
func TestBodyIsTheSameWhereverItWaits(t *testing.T) {
	set := &content.Set{Pages: []*content.Page{page(t)}}
	env := NewEnv(config.Default(), Targets(set, nil), "content/")
	mem := env.Parse(page(t))
	if mem.Body == nil || mem.Status.Counts.Total() != 2 || len(mem.Lookups) != 1 {
		t.Fatalf("in memory: body %q, %d items, lookups %v", mem.Body, mem.Status.Counts.Total(), mem.Lookups)
	}
	sp, err := spool.New()
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	spooled := *env
	spooled.Spool = sp
	later := *env
	later.LaterBody = func(string, [32]byte) bool { return true }
	for name, e := range map[string]*Env{"spooled": &spooled, "later": &later} {
		p := e.Parse(page(t))
		if p.Body != nil || p.Status.Counts.Total() != 2 {
			t.Errorf("%s: body kept in memory (%q) or no summary (%d items)", name, p.Body, p.Status.Counts.Total())
		}
		got, err := e.Body(p)
		if err != nil || !bytes.Equal(got, mem.Body) {
			t.Errorf("%s: Body = %q, %v; want %q", name, got, err, mem.Body)
		}
	}
}

// TestItemsKeyCoversTheSettings changes every setting of the
// configuration in turn: when the status options NewEnv makes change, or
// unsafe_html (the parser's one setting from it beside the vocabulary,
// which the options hold), ItemsKey must change too, or items cached from
// old versions of pages read with the old settings would be taken for the
// new.
func TestItemsKeyCoversTheSettings(t *testing.T) {
	base := config.Default()
	baseOpts, baseKey := NewEnv(base, nil, "content/").Opts, ItemsKey(base)
	changed := base
	var visit func(v reflect.Value, path string)
	visit = func(v reflect.Value, path string) {
		for i := 0; i < v.NumField(); i++ {
			f, name := v.Field(i), path+v.Type().Field(i).Name
			if !f.CanSet() {
				continue
			}
			old := reflect.New(f.Type()).Elem()
			old.Set(f)
			switch f.Kind() {
			case reflect.Struct:
				visit(f, name+".")
				continue
			case reflect.String:
				f.SetString(f.String() + "x")
			case reflect.Bool:
				f.SetBool(!f.Bool())
			case reflect.Int:
				f.SetInt(f.Int() + 1)
			case reflect.Slice:
				if f.Type().Elem().Kind() != reflect.String {
					t.Fatalf("%s: a %s: teach this test to change it", name, f.Type())
				}
				f.Set(reflect.Append(f, reflect.ValueOf("x")))
			default:
				t.Fatalf("%s: a %s: teach this test to change it", name, f.Type())
			}
			opts := NewEnv(changed, nil, "content/").Opts
			if (!reflect.DeepEqual(opts, baseOpts) || changed.UnsafeHTML != base.UnsafeHTML) && ItemsKey(changed) == baseKey {
				t.Errorf("%s changes how items are read, not ItemsKey", name)
			}
			f.Set(old)
		}
	}
	visit(reflect.ValueOf(&changed).Elem(), "")
}
