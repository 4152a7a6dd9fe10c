package outputs

import (
	"bytes"
	"testing"

	"github.com/milepost/milepost/internal/wikilink"
)

// Replace puts a new body where the old one was, with each wiki-link's
// HTML taken from the old body, and says where the new body and links
// lie; a span that does not fit the file, or a link the old body did not
// show, is a no.
func TestBodySpanReplace(t *testing.T) {
	file := []byte(`<main><p>See <a href="/x/">X</a> and <a href="/y/">Y</a>.</p></main>`)
	x, y := `<a href="/x/">X</a>`, `<a href="/y/">Y</a>`
	start, end := bytes.Index(file, []byte("<p>")), bytes.Index(file, []byte("</main>"))
	old := file[start:end]
	at := func(link string) int { return bytes.Index(old, []byte(link)) }
	span := &BodySpan{File: "a/index.html", Start: start, End: end, Links: []wikilink.Span{{Link: 0, Start: at(x), End: at(x) + len(x)}, {Link: 1, Start: at(y), End: at(y) + len(y)}}}
	body := []byte("<p>Y first: " + wikilink.Placeholder(1) + ", then " + wikilink.Placeholder(0) + ", then Y again: " + wikilink.Placeholder(1) + ".</p>")
	got, next, ok := span.Replace(file, body, 2)
	want := `<main><p>Y first: <a href="/y/">Y</a>, then <a href="/x/">X</a>, then Y again: <a href="/y/">Y</a>.</p></main>`
	if !ok || string(got) != want {
		t.Fatalf("Replace = %s, %v; want %s", got, ok, want)
	}
	if next.File != span.File || !bytes.Equal(got[next.Start:next.End], []byte(want[6:len(want)-7])) {
		t.Errorf("new span %+v covers %q", next, got[next.Start:next.End])
	}
	for _, l := range next.Links {
		if link := string(got[next.Start+l.Start : next.Start+l.End]); link != string(file[span.Start+span.Links[l.Link].Start:span.Start+span.Links[l.Link].End]) {
			t.Errorf("new span of link %d covers %q", l.Link, link)
		}
	}

	// Replacing again from the new file and span gives the same.
	if again, _, ok := next.Replace(got, body, 2); !ok || !bytes.Equal(again, got) {
		t.Errorf("a second Replace = %s, %v", again, ok)
	}
	for name, bad := range map[string]struct {
		span  *BodySpan
		body  []byte
		links int
	}{
		"span past the file":   {&BodySpan{Start: 6, End: 99}, []byte("<p>x</p>"), 0},
		"link past the body":   {&BodySpan{Start: 6, End: 10, Links: []wikilink.Span{{Start: 0, End: 9}}}, []byte("<p>x</p>"), 1},
		"a link the old lacks": {span, []byte("<p>" + wikilink.Placeholder(2) + "</p>"), 3},
		"an empty body":        {span, nil, 2},
	} {
		if _, _, ok := bad.span.Replace(file, bad.body, bad.links); ok {
			t.Errorf("%s: Replace succeeded", name)
		}
	}
}
