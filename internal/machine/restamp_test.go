package machine

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"time"
)

func TestRestamp(t *testing.T) {
	now := ISOTime(time.Date(2026, 12, 6, 20, 1, 2, 0, time.FixedZone("CET", 3600)))
	if now != "2026-12-06T19:01:02Z" {
		t.Fatalf("ISOTime = %s, want UTC to the second", now)
	}
	for _, tt := range []struct{ name, in, want string }{
		{"as WriteStatus writes it", `{"title":"Plans","generated":"2026-12-01T08:00:00Z","counts":{}}`, `{"title":"Plans","generated":"2026-12-06T19:01:02Z","counts":{}}`},
		{"a title that looks like the field", `{"title":"a \",\"generated\":\"x","generated":"2026-12-01T08:00:00Z","pages":[]}`, `{"title":"a \",\"generated\":\"x","generated":"2026-12-06T19:01:02Z","pages":[]}`},
		{"a time of another length", `{"title":"","generated":"2026-12-01","pages":[]}`, `{"title":"","generated":"2026-12-06T19:01:02Z","pages":[]}`},
		{"no title first", `{"generated":"2026-12-01T08:00:00Z"}`, ""},
		{"no time", `{"title":"x","counts":{}}`, ""},
		{"a time with an escape", `{"title":"x","generated":"2026\u002d12"}`, ""},
		{"not JSON", `<html>`, ""},
	} {
		got, ok := Restamp([]byte(tt.in), now)
		if ok != (tt.want != "") || (ok && !bytes.Equal(got, []byte(tt.want))) {
			t.Errorf("%s: Restamp = %s, %v; want %s", tt.name, got, ok, tt.want)
		}
	}
}

// Restamp reads status.json as WriteStatus writes it: the time changes,
// nothing else. The layout WriteStatus returns finds each entry, and
// fits the file restamped, but not the file changed otherwise.
func TestRestampWhatWriteStatusWrote(t *testing.T) {
	var buf bytes.Buffer
	st := Status{Title: `Plans "Q4", "generated": soon`, Generated: "2026-12-01T08:00:00Z"}
	entry := func(i int) []byte { return []byte(`{"path":"p` + strconv.Itoa(i) + `.md"}`) }
	const pages = 300 // more than one batch of entries
	layout := &StatusLayout{}
	released := 0
	shared := func(i int) ([]byte, func()) { return entry(i), func() { released++ } }
	if err := WriteStatus(&buf, st, pages, layout, shared); err != nil {
		t.Fatal(err)
	}
	if released != pages {
		t.Errorf("%d entries released, want %d", released, pages)
	}
	if len(layout.Entries) != pages || layout.Size != int64(buf.Len()) || !layout.Fits(buf.Bytes()) {
		t.Fatalf("layout of %d entries, size %d, fits %v; want %d, %d, true", len(layout.Entries), layout.Size, layout.Fits(buf.Bytes()), pages, buf.Len())
	}
	for i, span := range layout.Entries {
		if got := buf.Bytes()[span[0]:span[1]]; !bytes.Equal(got, entry(i)) {
			t.Fatalf("entry %d at %v is %s, want %s", i, span, got, entry(i))
		}
	}
	changed := bytes.Replace(bytes.Clone(buf.Bytes()), []byte(`"p7.md"`), []byte(`"p8.md"`), 1)
	if layout.Fits(changed) {
		t.Errorf("the layout fits a file whose entry changed")
	}
	got, ok := Restamp(bytes.Clone(buf.Bytes()), "2026-12-06T19:01:02Z")
	if !layout.Fits(got) {
		t.Errorf("the layout does not fit the file restamped")
	}
	if !ok {
		t.Fatalf("Restamp refused %s", buf.Bytes())
	}
	var before, after map[string]any
	if err := json.Unmarshal(buf.Bytes(), &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &after); err != nil {
		t.Fatal(err)
	}
	if after["generated"] != "2026-12-06T19:01:02Z" {
		t.Errorf("generated = %v", after["generated"])
	}
	before["generated"] = after["generated"]
	if !reflect.DeepEqual(before, after) {
		t.Errorf("Restamp changed more than the time:\n%s\n%s", buf.Bytes(), got)
	}
}
