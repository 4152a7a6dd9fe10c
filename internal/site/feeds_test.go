package site_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// atomFeed is what TestFeedsAreAtom reads of a feed.
type atomFeed struct {
	XMLName xml.Name
	Title   string `xml:"title"`
	ID      string `xml:"id"`
	Updated string `xml:"updated"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// readAtom parses an Atom feed and checks what RFC 4287 requires of it:
// the Atom namespace; a title, an id and an updated time; in each entry a
// title, an id unique in the feed, an updated time and a link. Entries
// come newest first.
func readAtom(t *testing.T, name string, data []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" {
		t.Errorf("%s: root element %v, want an Atom feed", name, f.XMLName)
	}
	if f.Title == "" || f.ID == "" {
		t.Errorf("%s: title %q, id %q: want both", name, f.Title, f.ID)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("%s: updated: %v", name, err)
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		if e.Title == "" || e.ID == "" || e.Link.Href == "" {
			t.Errorf("%s: entry %d lacks a title, id or link: %+v", name, i, e)
		}
		if ids[e.ID] {
			t.Errorf("%s: entry id %s twice", name, e.ID)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("%s: entry %d: updated: %v", name, i, err)
		}
		if i > 0 && e.Updated > f.Entries[i-1].Updated {
			t.Errorf("%s: entry %d is newer than the one before it", name, i)
		}
	}
	return f
}

// feedNames lists the feeds among a build's files, sorted.
func feedNames(files map[string][]byte) []string {
	var out []string
	for name := range files {
		if name == "feed.xml" || strings.HasSuffix(name, "/feed.xml") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// TestFeedsAreAtom builds the feed fixtures: every feed is Atom, a
// folder's feed holds exactly the site feed's entries for the pages in the
// folder and below it (a folder with a sub-folder holds both's), and each
// folder page links its feed in its head and its text. With folder feeds
// off there is the site's feed alone; with page feeds on as well, a
// folder's own page leaves the URL to its folder's feed.
func TestFeedsAreAtom(t *testing.T) {
	a := sitetest.Load(t, "testdata/sites/feeds.txtar")
	_, files, err := build(t, a.FS())
	if err != nil {
		t.Fatal(err)
	}
	names := feedNames(files)
	if want := []string{"areas/core/feed.xml", "areas/feed.xml", "feed.xml", "ops/feed.xml"}; !slices.Equal(names, want) {
		t.Fatalf("feeds %q, want %q", names, want)
	}
	// links are the entries' links as a feed reader follows them:
	// resolved against the feed's own URL (the site served at its root);
	// each must lead to a page of the build (the same pages with page
	// feeds on).
	built := files
	links := func(name string, f atomFeed) []string {
		at, _ := url.Parse("https://site.test/" + name)
		var out []string
		for _, e := range f.Entries {
			href, err := url.Parse(e.Link.Href)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			u := at.ResolveReference(href)
			if page := strings.TrimPrefix(u.Path, "/") + "index.html"; u.Host != at.Host || built[page] == nil {
				t.Errorf("%s: entry %q links %s, which is no page of the site", name, e.Title, href)
			}
			u.Scheme, u.Host = "", ""
			out = append(out, strings.TrimPrefix(u.String(), "/")+" "+e.ID)
		}
		return out
	}
	site := readAtom(t, "feed.xml", files["feed.xml"])
	if len(site.Entries) >= 50 {
		t.Fatalf("the site feed is full (%d entries): its entries are not all there are", len(site.Entries))
	}
	for _, name := range names {
		if name == "feed.xml" {
			continue
		}
		folder := strings.TrimSuffix(name, "feed.xml")
		var want []string
		for _, l := range links("feed.xml", site) {
			if strings.HasPrefix(l, folder) {
				want = append(want, l)
			}
		}
		if got := links(name, readAtom(t, name, files[name])); !slices.Equal(got, want) {
			t.Errorf("%s has\n%s\nwant the site feed's entries under %s:\n%s", name, strings.Join(got, "\n"), folder, strings.Join(want, "\n"))
		}
		if len(want) == 0 {
			t.Errorf("%s: no entries: the fixture should give every folder some", name)
		}
	}
	areas := strings.Join(links("areas/feed.xml", readAtom(t, "areas/feed.xml", files["areas/feed.xml"])), "\n")
	for _, want := range []string{"areas/core/alpha/#build", "areas/core/beta/", "areas/plan/#scope", "areas/ "} {
		if !strings.Contains(areas, want) {
			t.Errorf("areas/feed.xml lacks an entry linking %s (its sub-folder's, its pages', its own page's):\n%s", want, areas)
		}
	}
	for page, feed := range map[string]string{
		"areas/core/index.html": "../../areas/core/feed.xml", // a folder without a page: folder.html
		"areas/index.html":      "../areas/feed.xml",         // index.md in the folder
		"ops/index.html":        "../ops/feed.xml",           // ops.md beside ops/
	} {
		html := string(files[page])
		if !strings.Contains(html, `<link rel="alternate" type="application/atom+xml" title="`) ||
			strings.Count(html, `type="application/atom+xml"`) != 2 || !strings.Contains(html, `href="`+feed+`">`) ||
			!strings.Contains(html, `<a href="`+feed+`">Atom feed</a>`) {
			t.Errorf("%s does not link its folder's feed %s in its head and text", page, feed)
		}
	}

	on := files
	off := sitetest.Load(t, "testdata/sites/feeds-off.txtar")
	_, files, err = build(t, off.FS())
	if err != nil {
		t.Fatal(err)
	}
	if names := feedNames(files); !slices.Equal(names, []string{"feed.xml"}) {
		t.Errorf("feeds: {folders: false} wrote %q, want the site's feed.xml alone", names)
	}
	readAtom(t, "feed.xml", files["feed.xml"])
	for _, page := range []string{"areas/core/index.html", "areas/index.html"} {
		if n := strings.Count(string(files[page]), "feed.xml"); n != 2 { // the site's, in the head and the footer
			t.Errorf("%s names a feed %d times, want the site's twice", page, n)
		}
	}

	both := sitetest.Load(t, "testdata/sites/feeds.txtar")
	both.Set("milepost.yaml", []byte("title: Feeds fixture\nfeeds: {pages: true}\n"))
	_, withPages, err := build(t, both.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"areas/feed.xml", "ops/feed.xml", "areas/core/feed.xml", "feed.xml"} {
		if !bytes.Equal(withPages[name], on[name]) {
			t.Errorf("with page feeds on, %s is not the folder's feed", name)
		}
	}
	for _, name := range []string{"areas/core/alpha/feed.xml", "areas/plan/feed.xml", "ops/deploy/feed.xml", "top/feed.xml"} {
		links(name, readAtom(t, name, withPages[name]))
	}
}

// TestFolderFeedsFollowTheirPages edits one page at a time in the dev
// server's Builder: the feeds of the folders above the page change with
// its items, the others are kept as they were (and not reported as
// changed), and an edit of prose alone changes no feed.
func TestFolderFeedsFollowTheirPages(t *testing.T) {
	base := sitetest.Load(t, "testdata/sites/feeds.txtar").FS()
	fsys := fstest.MapFS{}
	for k, v := range base {
		fsys[k] = &fstest.MapFile{Data: append([]byte(nil), v.Data...), ModTime: time.Unix(1, 0)}
	}
	b := site.NewBuilder(again(fsys))
	prev, _, _, _, err := b.BuildServed(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, step := range []struct {
		page, add string
		changed   []string // the feeds that change, beside the site's
	}{
		{"content/areas/core/beta.md", "\n- [x] Beta patched ✅ 2026-11-16\n", []string{"areas/core/feed.xml", "areas/feed.xml"}},
		{"content/areas/core/beta.md", "\nProse only.\n", nil},
		{"content/ops.md", "\n- [x] Ops handbook ✅ 2026-11-17\n", []string{"ops/feed.xml"}},
		{"content/top.md", "\n- [x] Top news ✅ 2026-11-17\n", nil},
	} {
		f := fsys[step.page]
		f.Data = append(append([]byte(nil), f.Data...), step.add...)
		f.ModTime = time.Unix(int64(i+2), 0)
		files, _, outputs, _, err := b.BuildServed(context.Background(), []string{step.page})
		if err != nil {
			t.Fatal(err)
		}
		var changed, reported []string
		for _, name := range feedNames(files) {
			if !bytes.Equal(files[name], prev[name]) {
				changed = append(changed, name)
			}
			if slices.Contains(outputs, name) {
				reported = append(reported, name)
			}
		}
		if !slices.Equal(changed, step.changed) || !slices.Equal(reported, step.changed) {
			t.Errorf("step %d (%s): feeds changed %q, reported %q, want %q", i, step.page, changed, reported, step.changed)
		}
		prev = files
	}
}
