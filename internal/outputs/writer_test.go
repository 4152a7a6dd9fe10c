package outputs

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
)

// sink records what a Writer hands it. keep says whether KeepOwned
// succeeds.
type sink struct {
	keep  bool
	calls []string
}

func (s *sink) Put(name string, _ []byte) error        { return s.log("put " + name) }
func (s *sink) PutCompact(name string, _ []byte) error { return s.log("compact " + name) }
func (s *sink) PutWriter(name string, _ func(io.Writer) error) error {
	return s.log("writer " + name)
}
func (s *sink) PutDeferred(name string, _ func() []byte) error { return s.log("deferred " + name) }
func (s *sink) PutOwned(owner string, files []publish.File) error {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return s.log("owned " + owner + " " + strings.Join(names, ","))
}
func (s *sink) KeepOwned(owner string, names []string) (bool, error) {
	if s.keep {
		return true, s.log("keep " + owner + " " + strings.Join(names, ","))
	}
	return false, nil
}
func (s *sink) MinifyTemplate(src string) (string, bool) { return src, false }
func (s *sink) KeepsData() bool                          { return true }
func (s *sink) log(call string) error                    { s.calls = append(s.calls, call); return nil }

var capped = diag.List{diag.Warnf(diag.KindOutputCapped, "content/a.md", 3, 0, "left out")}

// page hands page a.md made from key to w, and reports whether it had to
// be made.
func page(t *testing.T, w *Writer, key byte) (made bool) {
	t.Helper()
	err := w.Page("a.md", [32]byte{key}, func() (Made, error) {
		made = true
		return Made{Files: []publish.File{{Name: "a/index.html"}, {Name: "a/status.json"}}, Notes: capped, Body: &BodySpan{File: "a/index.html", Start: 1, End: 2}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return made
}

// TestRebuildTakesTheLastBuildsFiles: a Builder's second build makes a
// page again only when its key changed, hands the sink the last build's
// files otherwise, and repeats what making them reported.
func TestRebuildTakesTheLastBuildsFiles(t *testing.T) {
	first := NewMemo()
	s := &sink{}
	if !page(t, NewWriter(Options{Sink: s, Next: first}), 1) {
		t.Fatal("first build: the page was not made")
	}
	s = &sink{keep: true}
	second := NewMemo()
	w := NewWriter(Options{Sink: s, Prev: first, Next: second})
	if page(t, w, 1) {
		t.Error("same key: the page was made again")
	}
	if want := []string{"keep a.md a/index.html,a/status.json"}; !slices.Equal(s.calls, want) {
		t.Errorf("sink calls %q, want %q", s.calls, want)
	}
	if w.Files() != 2 || len(w.Notes()) != 1 || w.Outputs() != nil {
		t.Errorf("files %d, notes %v, outputs %v: want 2, the capped warning, none (the memo is the cache)", w.Files(), w.Notes(), w.Outputs())
	}
	if k, ok := second.Key("a.md"); !ok || k != [32]byte{1} {
		t.Errorf("the next memo holds key %v, %v", k, ok)
	}
	if !page(t, NewWriter(Options{Sink: &sink{keep: true}, Prev: second, Next: NewMemo()}), 2) {
		t.Error("new key: the page was not made again")
	}
}

// TestOneOffBuildKeepsCachedOutputs: a one-off build keeps in the
// destination what the build cache says was made from the same key,
// records it with its source and body span for the next build, and
// repeats its notes; a page made again records its new span.
func TestOneOffBuildKeepsCachedOutputs(t *testing.T) {
	span := &BodySpan{File: "a/index.html", Start: 5, End: 9}
	cached := map[string]Output{"a.md": {Key: [32]byte{1}, Names: []string{"a/index.html"}, Notes: capped, Body: span}}
	source := func(id string) ([32]byte, bool) { return [32]byte{9}, id == "a.md" }
	s := &sink{keep: true}
	w := NewWriter(Options{Sink: s, Cached: cached, Source: source})
	if page(t, w, 1) {
		t.Error("cached key: the page was made again")
	}
	got := w.Outputs()["a.md"]
	if got.Key != [32]byte{1} || got.Source != [32]byte{9} || !slices.Equal(got.Names, []string{"a/index.html"}) || got.Body != span || len(w.Notes()) != 1 {
		t.Errorf("recorded %+v with notes %v", got, w.Notes())
	}
	s = &sink{keep: true}
	w = NewWriter(Options{Sink: s, Cached: cached, Source: source})
	if !page(t, w, 2) {
		t.Error("changed key: the page was not made")
	}
	if want := []string{"owned a.md a/index.html,a/status.json"}; !slices.Equal(s.calls, want) {
		t.Errorf("sink calls %q, want %q", s.calls, want)
	}
	if got := w.Outputs()["a.md"].Body; got == nil || got.Start != 1 || got.End != 2 {
		t.Errorf("made again: body span %+v, want the new one (1 to 2)", got)
	}
}

// TestListingBytesAreKeptByKey: a listing's bytes are made once per key
// across a Builder's builds.
func TestListingBytesAreKeptByKey(t *testing.T) {
	made := 0
	mk := func() ([]byte, error) { made++; return []byte("<p>"), nil }
	first := NewMemo()
	_ = NewWriter(Options{Sink: &sink{}, Next: first}).Listing("tags/index.html", [32]byte{1}, mk)
	s := &sink{keep: true}
	if err := NewWriter(Options{Sink: s, Prev: first, Next: NewMemo()}).Listing("tags/index.html", [32]byte{1}, mk); err != nil {
		t.Fatal(err)
	}
	if made != 1 || !slices.Equal(s.calls, []string{"keep list:tags/index.html tags/index.html"}) {
		t.Errorf("made %d times, sink calls %q", made, s.calls)
	}
}

// TestPutMadeIsCompactUnlessUnminifiedHTML: files milepost makes are
// handed over as compact, but HTML of a theme the sink did not minify.
func TestPutMadeIsCompactUnlessUnminifiedHTML(t *testing.T) {
	s := &sink{}
	w := NewWriter(Options{Sink: s})
	_ = w.PutMade("badge.svg", nil)
	_ = w.PutMade("index.html", nil)
	_ = NewWriter(Options{Sink: s, Minified: true}).PutMade("404.html", nil)
	if want := []string{"compact badge.svg", "put index.html", "compact 404.html"}; !slices.Equal(s.calls, want) {
		t.Errorf("sink calls %q, want %q", s.calls, want)
	}
}

// TestPageFilesWithinLimits: a page always has its own files; extras
// beyond the byte limit and section badges beyond the count are left out
// with one output-capped warning each, at the first line left out.
func TestPageFilesWithinLimits(t *testing.T) {
	o := NewPageFiles(config.Limits{PageOutputMB: 1, SectionBadges: 1}, func(string) bool { return true })
	_ = o.Always("a/index.html", make([]byte, 900<<10))
	extra := func(name string, n int) func(func(string, []byte) error) error {
		return func(emit func(string, []byte) error) error { return emit(name, make([]byte, n)) }
	}
	o.Extra(5, extra("a/feed.xml", 100<<10))
	o.Extra(7, extra("a/s1.svg", 100<<10))
	o.Extra(9, extra("a/s2.svg", 10))
	o.OverBadges(3, 11)
	var names []string
	for _, f := range o.Files() {
		names = append(names, f.Name)
	}
	if want := []string{"a/index.html", "a/feed.xml", "a/s2.svg"}; !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	notes := o.Notes("content/a.md")
	if len(notes) != 2 || notes[0].Line != 11 || notes[1].Line != 7 || notes[1].Kind != diag.KindOutputCapped {
		t.Errorf("notes %v", notes)
	}
}
