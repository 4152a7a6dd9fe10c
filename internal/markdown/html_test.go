package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestRawHTML checks the wiring of the sanitizer: raw HTML is filtered by
// default and passed through with Options.UnsafeHTML.
func TestRawHTML(t *testing.T) {
	src := []byte("<details><summary>More</summary>\n\n<script>alert(1)</script>\n\nText <kbd>K</kbd> <img src=x onerror=alert(2)>\n\n</details>\n")
	render := func(p *Parser) string {
		doc, source, _ := p.ParseChecked(src)
		var buf bytes.Buffer
		if err := p.Goldmark().Renderer().Render(&buf, source, doc); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	safe := render(New(Options{}))
	for _, want := range []string{"<details><summary>More</summary>", "<kbd>K</kbd>", `<img src="x">`, "</details>"} {
		if !strings.Contains(safe, want) {
			t.Errorf("sanitised output lacks %s:\n%s", want, safe)
		}
	}
	for _, bad := range []string{"<script", "alert", "onerror"} {
		if strings.Contains(safe, bad) {
			t.Errorf("sanitised output holds %s:\n%s", bad, safe)
		}
	}
	unsafe := render(New(Options{UnsafeHTML: true}))
	for _, want := range []string{"<script>alert(1)</script>", "onerror=alert(2)"} {
		if !strings.Contains(unsafe, want) {
			t.Errorf("unsafe_html output lacks %s:\n%s", want, unsafe)
		}
	}
}
