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
	var b strings.Builder
	b.WriteString(xml.Header + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	writeEl(&b, "title", title)
	fmt.Fprintf(&b, "<id>%s</id>\n", xmlText(id))
	updated := generated
	if len(done) > 0 {
		updated = done[0].Date + "T00:00:00Z"
	}
	fmt.Fprintf(&b, "<updated>%s</updated>\n", updated)
	if base != "" {
		fmt.Fprintf(&b, `<link href="%s"/>`+"\n", xmlText(base))
	}
	for _, d := range done {
		b.WriteString("<entry>")
		writeEl(&b, "title", d.Text)
		link := base + wikilink.EscapePath(strings.SplitN(d.URL, "#", 2)[0])
		if i := strings.IndexByte(d.URL, '#'); i >= 0 {
			link += d.URL[i:]
		}
		fmt.Fprintf(&b, `<link href="%s"/>`, xmlText(link))
		fmt.Fprintf(&b, "<id>%s</id>", xmlText("tag:milepost,"+d.Date+":"+d.URL+"/"+slug.Make(d.Text)))
		fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>", d.Date)
		writeEl(&b, "summary", d.PageTitle)
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
