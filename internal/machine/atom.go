package machine

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/wikilink"
)

// Atom is an Atom feed of done items (newest first), made at generated
// (ISO 8601) when none is dated. Links are absolute with a base URL,
// relative to the site root otherwise.
func Atom(title, id, base, generated string, done []render.Done) []byte {
	entries := make([]Entry, len(done))
	for i, d := range done {
		entries[i] = Entry{Title: d.Text, Date: d.Date, URL: d.URL, ID: "tag:milepost," + d.Date + ":" + d.URL + "/" + slug.Make(d.Text), Text: d.PageTitle}
	}
	return AtomEntries(title, id, base, generated, entries)
}

// Entry is one entry of a feed: a title, its day (YYYY-MM-DD), the URL it
// links to (relative to the site root, with a fragment or not), its id
// (made from Date and URL when empty) and its summary text.
type Entry struct {
	Title, Date, URL, ID, Text string
}

// AtomEntries is an Atom feed of entries (newest first), made at
// generated (ISO 8601) when there is none.
func AtomEntries(title, id, base, generated string, entries []Entry) []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	writeEl(&b, "title", title)
	fmt.Fprintf(&b, "<id>%s</id>\n", xmlText(id))
	updated := generated
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
		link := base + wikilink.EscapePath(strings.SplitN(e.URL, "#", 2)[0])
		if i := strings.IndexByte(e.URL, '#'); i >= 0 {
			link += e.URL[i:]
		}
		fmt.Fprintf(&b, `<link href="%s"/>`, xmlText(link))
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

func writeEl(b *strings.Builder, name, text string) {
	fmt.Fprintf(b, "<%s>%s</%s>", name, xmlText(text), name)
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
