package publish

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestMemoryStoresWhatATxWouldWrite(t *testing.T) {
	m := NewMemory(true)
	inputs := map[string]string{
		"index.html":  "<p>a   b</p>",
		"img/a b.png": "\x89PNG",
		"app.js":      "function ( {",
		"status.json": "{ \"big\" : 100000 }",
	}
	for name, data := range inputs {
		if err := m.Put(name, []byte(data)); err != nil {
			t.Fatalf("Put(%q): %v", name, err)
		}
	}
	want := map[string]string{
		"index.html":  "<p>a b</p>",
		"img/a b.png": "\x89PNG",
		"app.js":      "function ( {",
		"status.json": `{"big":100000}`,
	}
	got := map[string]string{}
	for name, data := range m.Files() {
		got[name] = string(data)
	}
	if !equalMaps(got, want) {
		t.Errorf("Files() = %q, want %q", got, want)
	}
	if names := strings.Join(m.Names(), ","); names != "app.js,img/a b.png,index.html,status.json" {
		t.Errorf("Names() = %s", names)
	}
	if u := m.Unminified(); len(u) != 1 || u[0] != "app.js" {
		t.Errorf("Unminified() = %v, want [app.js]", u)
	}
	if data, ok := m.Get("index.html"); !ok || string(data) != "<p>a b</p>" {
		t.Errorf("Get(index.html) = %q, %v", data, ok)
	}
	if _, ok := m.Get("missing.html"); ok {
		t.Error("Get(missing.html) found something")
	}
}

func TestMemoryCopiesInput(t *testing.T) {
	m := NewMemory(false)
	data := []byte("original")
	if err := m.Put("a.txt", data); err != nil {
		t.Fatal(err)
	}
	copy(data, "CHANGED!")
	if got, _ := m.Get("a.txt"); string(got) != "original" {
		t.Errorf("stored bytes follow the caller's slice: %q", got)
	}
}

func TestMemoryRefusesBadNames(t *testing.T) {
	tests := []struct {
		name    string
		before  []string
		wantBad bool // the error wraps ErrBadName
	}{
		{name: "../up.html", wantBad: true},
		{name: ".git/config", wantBad: true},
		{name: ".milepost-manifest.json", wantBad: true},
		{name: "index.html", before: []string{"index.html"}},
		{name: "a", before: []string{"a/index.html"}},
		{name: "a/index.html", before: []string{"a"}},
	}
	for _, tt := range tests {
		m := NewMemory(false)
		for _, name := range tt.before {
			if err := m.Put(name, nil); err != nil {
				t.Fatal(err)
			}
		}
		err := m.Put(tt.name, []byte("x"))
		if err == nil {
			t.Errorf("Put(%q) after %v succeeded", tt.name, tt.before)
		} else if errors.Is(err, ErrBadName) != tt.wantBad {
			t.Errorf("Put(%q): %v; wraps ErrBadName = %v, want %v", tt.name, err, !tt.wantBad, tt.wantBad)
		}
	}
}

func TestMemoryConcurrentPut(t *testing.T) {
	m := NewMemory(true)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 100 {
				if err := m.Put(fmt.Sprintf("w%d/%d.html", w, i), []byte("<p>x   y</p>")); err != nil {
					t.Error(err)
				}
				m.Get("w0/0.html")
			}
		})
	}
	wg.Wait()
	if n := len(m.Files()); n != 800 {
		t.Errorf("%d files, want 800", n)
	}
}

// A deferred file is made once, on first request, and counts as a file.
func TestMemoryDeferredFile(t *testing.T) {
	m := NewMemory(true)
	made := 0
	if err := m.PutDeferred("status.json", func() []byte { made++; return []byte(`{ "a" : 1 }`) }); err != nil {
		t.Fatal(err)
	}
	if err := m.Put("status.json", []byte("{}")); err == nil {
		t.Error("a deferred name put again was accepted")
	}
	if err := m.PutDeferred("status.json/x", func() []byte { return nil }); err == nil {
		t.Error("a name below a deferred file was accepted")
	}
	if made != 0 {
		t.Fatalf("made %d times before anyone asked", made)
	}
	files, deferred := m.snapshot()
	if _, ok := files["status.json"]; ok || deferred["status.json"] == nil {
		t.Fatalf("snapshot: files %v, deferred %v", files, deferred)
	}
	got, ok := m.Get("status.json")
	if !ok || string(got) != `{"a":1}` {
		t.Errorf("Get = %q, %v; want the minified file", got, ok)
	}
	if all := m.Files(); string(all["status.json"]) != `{"a":1}` || made != 1 {
		t.Errorf("Files()[status.json] = %q, made %d times; want it made once", all["status.json"], made)
	}
	if names := m.Names(); len(names) != 1 || names[0] != "status.json" {
		t.Errorf("Names() = %v", names)
	}
}
