package content

import (
	"bytes"
	"encoding/gob"
	"testing"
)

// SameReading tells pages that differ only in their bodies from pages
// whose front matter, title, dates or warnings differ, also when one was
// kept between builds (gob, as the build cache keeps them) and lost its
// empty lists and its time zone.
func TestSameReading(t *testing.T) {
	read := func(src string) *Page {
		t.Helper()
		p, diags := ReadPage("plans/a.md", []byte(src), "content/")
		if p == nil {
			t.Fatalf("%q: not a page", src)
		}
		p.Diags = diags
		return p
	}
	kept := func(p *Page) *Page {
		t.Helper()
		var buf bytes.Buffer
		cp := *p
		cp.Body = nil
		if err := gob.NewEncoder(&buf).Encode(&cp); err != nil {
			t.Fatal(err)
		}
		var back Page
		if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
			t.Fatal(err)
		}
		return &back
	}
	front := "---\ntitle: A\ntags: []\nupdated: 2026-11-02T10:00:00+01:00\nowner: ana\nkind: 5\n---\n"
	base := read(front + "Some prose.\n")
	for _, tt := range []struct {
		name, src string
		same      bool
	}{
		{"another body", front + "Other prose, longer than before.\n- [ ] even a task\n", true},
		{"another title", "---\ntitle: B\ntags: []\nupdated: 2026-11-02T10:00:00+01:00\nowner: ana\nkind: 5\n---\nSome prose.\n", false},
		{"another owner", "---\ntitle: A\ntags: []\nupdated: 2026-11-02T10:00:00+01:00\nowner: bo\nkind: 5\n---\nSome prose.\n", false},
		{"another date", "---\ntitle: A\ntags: []\nupdated: 2026-11-03\nowner: ana\nkind: 5\n---\nSome prose.\n", false},
		{"front matter fixed: no complaint", "---\ntitle: A\ntags: []\nupdated: 2026-11-02T10:00:00+01:00\nowner: ana\n---\nSome prose.\n", false},
	} {
		p := read(tt.src)
		if got := SameReading(p, kept(base)); got != tt.same {
			t.Errorf("%s: SameReading = %v, want %v", tt.name, got, tt.same)
		}
	}
}
