package site_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/minify"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// A minifying sink gets the theme minified once, at load, and pages that
// need no minifying. What they say must not change: minified again by the
// page minifier, each page equals the page of the unminified theme,
// minified the same way.
func TestMinifiedThemeRendersTheSamePages(t *testing.T) {
	for _, archive := range []string{"testdata/sites/links.txtar", "testdata/incremental.txtar"} {
		fsys := sitetest.Load(t, archive).FS()
		raw, minified := publish.NewMemory(false), publish.NewMemory(true)
		if _, err := site.Build(context.Background(), input(fsys), raw); err != nil {
			t.Fatal(err)
		}
		if _, err := site.Build(context.Background(), input(fsys), minified); err != nil {
			t.Fatal(err)
		}
		m := minify.New()
		pages := 0
		for name, want := range raw.Files() {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			pages++
			got, _ := minified.Get(name)
			wantMin, err1 := m.Minify(name, want)
			gotMin, err2 := m.Minify(name, got)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %v, %v", name, err1, err2)
			}
			if !bytes.Equal(gotMin, wantMin) {
				t.Errorf("%s %s: the minified theme's page differs:\n got %s\nwant %s", archive, name, gotMin, wantMin)
			}
			if len(got) >= len(want) {
				t.Errorf("%s %s: %d bytes with the minified theme, %d without", archive, name, len(got), len(want))
			}
		}
		if pages < 5 {
			t.Errorf("%s: only %d pages compared", archive, pages)
		}
	}
}
