package machine

import (
	"encoding/xml"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/wikilink"
)

// Sitemap lists urls (relative to the site root, "" for the home page)
// under baseURL, sorted.
func Sitemap(baseURL string, urls []string) []byte {
	sort.Strings(urls)
	var b strings.Builder
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(baseURL+wikilink.EscapePath(u)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}
