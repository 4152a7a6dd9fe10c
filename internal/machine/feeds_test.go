package machine

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/render"
)

func TestSitemap(t *testing.T) {
	got := string(Sitemap("https://example.org/s/", []string{"b/", "", "a b/x&y/"}))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/s/</loc></url>
<url><loc>https://example.org/s/a%20b/x&amp;y/</loc></url>
<url><loc>https://example.org/s/b/</loc></url>
</urlset>
`
	if got != want {
		t.Errorf("Sitemap =\n%s\nwant\n%s", got, want)
	}
}

func TestAtom(t *testing.T) {
	done := []render.Done{
		{Text: "Ship <it>", Date: "2026-03-02", PageTitle: "Plan & more", URL: "plan a/#launch"},
		{Text: "Start", Date: "2026-03-01", PageTitle: "Plan", URL: "plan/"},
	}
	got := string(Atom("Site: completed", "tag:milepost,2000:Site", "https://example.org/", "feed.xml", "2026-04-01", done))
	for _, want := range []string{
		"<title>Site: completed</title>",
		"<updated>2026-03-02T00:00:00Z</updated>\n", // the newest item's date, not the build's
		`<link href="https://example.org/"/>`,
		`<entry><title>Ship &lt;it&gt;</title><link href="https://example.org/plan%20a/#launch"/>`,
		"<id>tag:milepost,2026-03-02:plan a/#launch/ship-it</id>",
		"<summary>Plan &amp; more</summary>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Atom lacks %q:\n%s", want, got)
		}
	}
	empty := string(Atom("P: completed", "tag:milepost,2000:p/", "", "p/feed.xml", "2026-04-01", nil))
	if !strings.Contains(empty, "<updated>2026-04-01T00:00:00Z</updated>") || strings.Contains(empty, "<link") {
		t.Errorf("feed without items or base URL:\n%s", empty)
	}
}

// Without a base URL a reader resolves an entry's link against the feed's
// own URL: a feed below the site root links up to it, and a page at the
// root, or one whose first segment reads as a scheme, gets "./".
func TestAtomLinksFromWhereTheFeedIs(t *testing.T) {
	done := []render.Done{
		{Text: "A", Date: "2026-03-03", URL: "ops/deploy a/#roll-out"},
		{Text: "B", Date: "2026-03-02", URL: ""},
		{Text: "C", Date: "2026-03-01", URL: "a:b/"},
	}
	for at, want := range map[string][]string{
		"feed.xml":            {`href="ops/deploy%20a/#roll-out"`, `href="./"`, `href="./a:b/"`},
		"ops/feed.xml":        {`href="../ops/deploy%20a/#roll-out"`, `href="../"`, `href="../a:b/"`},
		"ops/deploy/feed.xml": {`href="../../ops/deploy%20a/#roll-out"`, `href="../../"`, `href="../../a:b/"`},
	} {
		got := string(Atom("T", "tag:milepost,2000:t", "", at, "2026-04-01", done))
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("a feed at %s lacks %s:\n%s", at, w, got)
			}
		}
	}
	if got := string(Atom("T", "tag:milepost,2000:t", "https://example.org/s/", "ops/feed.xml", "", done)); !strings.Contains(got, `href="https://example.org/s/ops/deploy%20a/#roll-out"`) {
		t.Errorf("with a base URL, links are absolute:\n%s", got)
	}
}
