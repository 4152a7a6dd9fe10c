package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/status"
)

// foldBody renders src as a page body with its completed sections folded.
func foldBody(t *testing.T, src string) string {
	t.Helper()
	p := markdown.New(markdown.Options{Renderers: BodyRenderers()})
	doc, source, _ := p.ParseChecked([]byte(src))
	FoldDone(doc, status.Compute(doc, source, status.Options{}))
	var buf bytes.Buffer
	if err := p.Goldmark().Renderer().Render(&buf, source, doc); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestFoldDone(t *testing.T) {
	out := foldBody(t, `## Shipped

### Login

- [x] Form
- [x] Tokens

### Logout

- [x] Button

## Next

- [ ] Search
- [x] Index

### Done inside an open section

- [x] Crawl

### Empty done heading ✅
`)
	for _, want := range []string{
		// the outermost completed section folds, its sub-sections inside it
		"<details class=\"fold\"><summary><h2 id=\"shipped\">Shipped</h2></summary>\n<h3 id=\"login\">",
		"Button</li>\n</ul>\n</details>\n<h2 id=\"next\">",
		// a completed section inside an open one folds on its own
		`<details class="fold"><summary><h3 id="done-inside-an-open-section">Done inside an open section</h3></summary>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if n := strings.Count(out, `<details class="fold">`); n != 2 {
		t.Errorf("%d folds, want 2 (an open section and a heading with nothing under it stay):\n%s", n, out)
	}
	if strings.Contains(out, `<summary><h2 id="shipped">Shipped <a`) {
		t.Errorf("a summary holds a self-link:\n%s", out)
	}
}

func TestFoldDoneLeavesFinishedPages(t *testing.T) {
	if out := foldBody(t, "## A\n\n- [x] One\n\n## B\n\n- [x] Two\n"); strings.Contains(out, "<details") {
		t.Errorf("a page with no open work folded:\n%s", out)
	}
}
