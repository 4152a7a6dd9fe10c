package sitetest

import "testing"

func TestArchiveRoundTrip(t *testing.T) {
	const text = "a comment\n-- page.md --\n# A\n-- want --\nold\n"
	a := Parse([]byte(text))
	if got := string(a.Format()); got != text {
		t.Errorf("Format = %q, want %q", got, text)
	}
	if data, ok := a.Get("page.md"); !ok || string(data) != "# A\n" {
		t.Errorf("Get(page.md) = %q, %v", data, ok)
	}
	a.Set("want", []byte("new\n"))
	a.Set("extra", []byte("x\n"))
	if got, want := string(a.Format()), "a comment\n-- page.md --\n# A\n-- want --\nnew\n-- extra --\nx\n"; got != want {
		t.Errorf("after Set: %q, want %q", got, want)
	}
}
