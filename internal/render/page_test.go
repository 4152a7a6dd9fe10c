package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	milepost "github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/minify"
)

// pageFiles are the templates page.html runs.
var pageFiles = append([]string{"page.html"}, shared...)

// minifiedThemes loads the default theme minified twice: as a build
// loads it (page.html, card and row drawn in Go), and with the site
// giving page.html and partials.html again, byte for byte, as its own
// (every page run by its templates).
func minifiedThemes(t testing.TB) (drawn, run *Theme) {
	t.Helper()
	base := milepost.Templates()
	own := fstest.MapFS{}
	for _, name := range []string{"page.html", "partials.html"} {
		data, err := fs.ReadFile(base, name)
		if err != nil {
			t.Fatal(err)
		}
		own[name] = &fstest.MapFile{Data: data}
	}
	m := minify.New()
	drawn, err := LoadTheme(base, nil, m.MinifyTemplate)
	if err != nil {
		t.Fatal(err)
	}
	run, err = LoadTheme(base, own, m.MinifyTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if run.drawPage || run.drawPartials {
		t.Fatal("a site's own page.html or partials.html is drawn in Go")
	}
	return drawn, run
}

// TestNativeSources requires the default theme, minified, to draw
// page.html, card and row in Go: it fails when a template they stand for
// changed and page.go or fragments.go was not changed with it.
func TestNativeSources(t *testing.T) {
	drawn, _ := minifiedThemes(t)
	if !drawn.drawPage {
		t.Errorf("the default theme's page.html is not drawn in Go: its templates, minified, sum to %s, page.go draws %s.\n"+
			"Carry the change of the templates into page.go (TestNativeMatchesTemplates compares them), then set nativePageSource.",
			drawn.pageSum, nativePageSource)
	}
	if !drawn.drawPartials {
		src, _ := fs.ReadFile(milepost.Templates(), "partials.html")
		text, _ := minify.New().MinifyTemplate(string(src))
		t.Errorf("the default theme's card and row are not drawn in Go: partials.html, minified, sums to %s, fragments.go draws %s.\n"+
			"Carry the change of the templates into fragments.go (TestNativeMatchesTemplates compares them), then set nativePartialsSource.",
			sourceSum("partials.html", text), nativePartialsSource)
	}
	unminified, err := LoadTheme(milepost.Templates(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if unminified.drawPage || unminified.drawPartials {
		t.Error("the theme not minified is drawn in Go")
	}
}

// TestNativeMatchesTemplates renders every page template for views made
// at random, every string of them one of hostileValues, with page.html,
// card and row drawn in Go and with the minified templates, and requires
// the same bytes.
func TestNativeMatchesTemplates(t *testing.T) {
	drawn, run := minifiedThemes(t)
	if !drawn.drawPage || !drawn.drawPartials {
		t.Skip("not drawn in Go (TestNativeSources)")
	}
	views := 1000
	if testing.Short() {
		views = 150
	}
	for _, name := range PageTemplates {
		rng := rand.New(rand.NewPCG(19, 1))
		for i := range views {
			v := randomView(rng)
			got, err1 := drawn.Execute(name, v)
			want, err2 := run.Execute(name, v)
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("%s, view %d: %v, %v", name, i, err1, err2)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s, view %d: drawn in Go differs from the template:\n%s", name, i, firstDifference(got, want))
			}
		}
	}
}

// firstDifference shows where got and want part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("at byte %d\n got …%q\nwant …%q", i, got[from:min(len(got), i+120)], want[from:min(len(want), i+120)])
}

// hostileValues are what every string of a random view is: empty, plain,
// and what each escaping context must handle (quotes, markup, schemes a
// URL filter refuses, percent signs, spaces, non-ASCII, NUL, bytes that
// are not UTF-8), and the values templates compare with.
var hostileValues = []string{
	"", "", "", "plain", "Pre-Launch", "2026-03-18", "at-risk", "off-track",
	`"double" & 'single'`, "<script>alert(1)</script>", "a < b > c", "x+y=z", "&amp; &#39; &lt;",
	"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "vbscript:x", "data:text/html,<b>x</b>",
	"http:foo", "HTTPS://example.com/a b?q=1&r=<2>#frag", "mailto:a@example.com", "ftp://x", "a:b/c", "/abs/path:colon", "a/b:c",
	"café crème/ü", "a b/c d/", "tags/a b/", "100%/50%25", "%zz%4", "%4", "%41%4a", "(paren)[br]{brace}|^`\\",
	"#frag", "?q=1", "../../", "./", "line\nbreak\ttab\r", "\x00nul", "\xff\xfe not utf-8", "\u2028\ufdd0\uffff\U0001F600",
	"!#$&*+,/:;=?@[]", "-._~",
}

// randomView is a View whose every field is set at random: strings from
// hostileValues, small numbers, pointers set or nil, lists of zero to
// three entries.
func randomView(rng *rand.Rand) *View {
	v := &View{}
	fill(rng, reflect.ValueOf(v).Elem(), 0)
	if v.Site == nil {
		v.Site = &Site{}
	}
	v.Style, v.Icon = "", "" // 404.html's alone, which templates draw
	if v.Page == nil && rng.IntN(8) != 0 {
		v.Page = &Page{}
		fill(rng, reflect.ValueOf(v.Page).Elem(), 1)
	}
	return v
}

func fill(rng *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(hostileValues[rng.IntN(len(hostileValues))])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int:
		v.SetInt([]int64{0, 0, 1, 2, 6, 7, 42, 1234}[rng.IntN(8)])
	case reflect.Pointer:
		if depth > 4 || rng.IntN(4) == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(rng, p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		n := rng.IntN(4)
		if depth > 4 {
			n = 0
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			e := s.Index(i)
			if e.Kind() == reflect.Pointer { // a list holds no nil entries
				e.Set(reflect.New(e.Type().Elem()))
				e = e.Elem()
			}
			fill(rng, e, depth+1)
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(rng, v.Field(i), depth)
			}
		}
	}
}

// TestOwnTemplatesRun gives each template page.html runs as the site's
// own, changed, and requires the change in the page: such a theme runs
// its templates.
func TestOwnTemplatesRun(t *testing.T) {
	v := randomView(rand.New(rand.NewPCG(1, 2)))
	v.Page = &Page{Title: "T", Backlinks: []Backlink{{Title: "B"}},
		Timeline: &Timeline{Title: "Timeline"}, Graph: &Graph{Critical: []GraphStep{{ID: "P1"}}}}
	changes := map[string]struct{ old, new string }{
		"page.html":     {"Linked from", "OWN-PAGE"},
		"layout.html":   {"Skip to content", "OWN-LAYOUT"},
		"partials.html": {"No tracked items", "OWN-PARTIALS"},
		"timeline.html": {" as a table", "OWN-TIMELINE"},
		"graph.html":    {"Critical path", "OWN-GRAPH"},
	}
	for _, file := range pageFiles {
		c, ok := changes[file]
		if !ok {
			t.Fatalf("no change to make in %s", file)
		}
		src, err := fs.ReadFile(milepost.Templates(), file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte(c.old)) {
			t.Fatalf("%s has no %q", file, c.old)
		}
		own := fstest.MapFS{file: {Data: bytes.Replace(src, []byte(c.old), []byte(c.new), 1)}}
		th, err := LoadTheme(milepost.Templates(), own, minify.New().MinifyTemplate)
		if err != nil {
			t.Fatal(err)
		}
		if th.drawPage {
			t.Errorf("with the site's own %s, page.html is drawn in Go", file)
		}
		out, err := th.Execute("page.html", v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), c.new) {
			t.Errorf("with the site's own %s, the page has no %s", file, c.new)
		}
	}
}

// BenchmarkPage renders page.html for a set of random views, drawn in Go
// and by the minified templates.
func BenchmarkPage(b *testing.B) {
	drawn, run := minifiedThemes(b)
	rng := rand.New(rand.NewPCG(19, 1))
	views := make([]*View, 64)
	for i := range views {
		views[i] = randomView(rng)
	}
	for _, c := range []struct {
		name  string
		theme *Theme
	}{{"drawn", drawn}, {"templates", run}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := c.theme.Execute("page.html", views[i%len(views)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
