package machine

import (
	"bytes"
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
