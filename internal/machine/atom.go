package machine

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/wikilink"
)

// Atom is an Atom feed of done items (newest first), updated on the day
// generated (YYYY-MM-DD, the build's) when none is dated, to be served at at (its URL relative to
// the site root: "feed.xml", "ops/feed.xml"). Links are absolute with a
// base URL; otherwise relative to at, as a reader resolves them.
func Atom(title, id, base, at, generated string, done []render.Done) []byte {
	entries := make([]Entry, len(done))
	for i, d := range done {
		entries[i] = Entry{Title: d.Text, Date: d.Date, URL: d.URL, ID: "tag:milepost," + d.Date + ":" + d.URL + "/" + slug.Make(d.Text), Text: d.PageTitle}
	}
	return AtomEntries(title, id, base, at, generated, entries)
}

// Entry is one entry of a feed: a title, its day (YYYY-MM-DD), the URL it
// links to (relative to the site root, with a fragment or not), its id
// (made from Date and URL when empty) and its summary text.
type Entry struct {
	Title, Date, URL, ID, Text string
}

// AtomEntries is an Atom feed of entries (newest first), updated on the
// day generated (YYYY-MM-DD) when there is none, served at at (see Atom).
// A feed's time is a day, as its entries' are: a feed with nothing new is
// the same file all day, whichever build of the day made it.
func AtomEntries(title, id, base, at, generated string, entries []Entry) []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	writeEl(&b, "title", title)
	fmt.Fprintf(&b, "<id>%s</id>\n", xmlText(id))
	updated := generated + "T00:00:00Z"
	if len(entries) > 0 {
		updated = entries[0].Date + "T00:00:00Z"
	}
	fmt.Fprintf(&b, "<updated>%s</updated>\n", updated)
	if base != "" {
		fmt.Fprintf(&b, `<link href="%s"/>`+"\n", xmlText(base))
	}
	for _, e := range entries {
		b.WriteString("<entry>")
		writeEl(&b, "title", e.Title)
		fmt.Fprintf(&b, `<link href="%s"/>`, xmlText(entryLink(base, at, e.URL)))
		entryID := e.ID
		if entryID == "" {
			entryID = "tag:milepost," + e.Date + ":" + e.URL
		}
		fmt.Fprintf(&b, "<id>%s</id>", xmlText(entryID))
		fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>", e.Date)
		writeEl(&b, "summary", e.Text)
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return []byte(b.String())
}

// entryLink is the href of u (relative to the site root, with a fragment
// or not) in a feed served at at: under base when there is one, else
// relative to the feed, since a reader resolves a relative link against
// the feed's own URL, not the site's root.
func entryLink(base, at, u string) string {
	root := base
	if root == "" {
		root = wikilink.RootOf(at)
	}
	path, frag := u, ""
	if i := strings.IndexByte(u, '#'); i >= 0 {
		path, frag = u[:i], u[i:]
	}
	return wikilink.RelHref(root, wikilink.EscapePath(path), false) + frag
}

func writeEl(b *strings.Builder, name, text string) {
	fmt.Fprintf(b, "<%s>%s</%s>", name, xmlText(text), name)
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
