package render

import (
	"html/template"
	"strings"
	"testing"
)

// The outline's and the counted items' links to sections escape the id
// after '#' as html/template does there, as the templates' own links
// (backlinks) and the page drawn in Go do: one id, one href.
func TestSectionLinksEscapeAsTemplates(t *testing.T) {
	frag := template.Must(template.New("a").Parse(`<a href="#{{.}}">`))
	for _, id := range []string{"plain-id", "café", "a'b", "100%", "x:y/z", `q"<>&`, "two words", "P4-1"} {
		var want strings.Builder
		if err := frag.Execute(&want, id); err != nil {
			t.Fatal(err)
		}
		outline := string(Outline([]*Section{{ID: id, Title: "T", Level: 2}}))
		if !strings.Contains(outline, want.String()) {
			t.Errorf("outline link to %q:\n%s\nwant it to hold %s", id, outline, want.String())
		}
		items := string(ItemList([]ItemGroup{{SectionID: id, SectionTitle: "T"}}))
		if !strings.Contains(items, want.String()) {
			t.Errorf("item list link to %q:\n%s\nwant it to hold %s", id, items, want.String())
		}
	}
}
