package publish

import (
	"reflect"
	"testing"
)

// A rebuild starts from the last build's files: kept owners stay, owners
// put again replace their files, owners gone take theirs along, files
// without an owner are put again or dropped; Changes lists what differs.
func TestMemoryRebuild(t *testing.T) {
	first := NewMemory(false)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(first.PutOwned("a.md", []File{{Name: "a/index.html", Data: []byte("a")}, {Name: "a/badge.svg", Data: []byte("<svg/>")}}))
	must(first.PutOwned("b.md", []File{{Name: "b/index.html", Data: []byte("b")}, {Name: "b/feed.xml", Data: []byte("<feed/>")}}))
	must(first.PutOwned("gone.md", []File{{Name: "gone/index.html", Data: []byte("gone")}}))
	must(first.Put("style.css", []byte("body{}")))
	must(first.Put("old.png", []byte("png")))
	if err := first.PutOwned("a.md", nil); err == nil {
		t.Error("an owner put twice in one build was accepted")
	}
	first.Take()
	if first.Changes() != nil {
		t.Error("a fresh Memory claims to know its changes")
	}

	next := first.Rebuild()
	if kept, _ := next.KeepOwned("a.md", nil); !kept {
		t.Fatal("KeepOwned of an owner of the last build = false")
	}
	if kept, _ := next.KeepOwned("new.md", nil); kept {
		t.Error("KeepOwned of a new owner = true")
	}
	must(next.PutOwned("b.md", []File{{Name: "b/index.html", Data: []byte("b2")}})) // no feed any more
	must(next.PutOwned("new.md", []File{{Name: "new/index.html", Data: []byte("new")}}))
	must(next.Put("style.css", []byte("body{}")))
	if err := next.Put("style.css", []byte("x")); err == nil {
		t.Error("a name put twice in a rebuild was accepted")
	}
	files, _ := next.Take()
	want := map[string]string{
		"a/index.html": "a", "a/badge.svg": "<svg/>", "b/index.html": "b2",
		"new/index.html": "new", "style.css": "body{}",
	}
	got := map[string]string{}
	for name, data := range files {
		got[name] = string(data)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rebuilt files = %v, want %v", got, want)
	}
	wantChanges := []string{"b/feed.xml", "b/index.html", "gone/index.html", "new/index.html", "old.png"}
	if c := next.Changes(); !reflect.DeepEqual(c, wantChanges) {
		t.Errorf("Changes() = %q, want %q", c, wantChanges)
	}
	if _, ok := first.taken["gone/index.html"]; !ok {
		t.Error("the rebuild changed the last build's files")
	}
}
