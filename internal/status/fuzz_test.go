package status

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

// FuzzCompute checks the counting invariants on any input: no panic,
// 0 <= done <= total everywhere, sections equal to their own items plus
// their children, the page equal to the sum of all items, items in
// sections that exist, on lines that exist.
func FuzzCompute(f *testing.F) {
	for _, page := range fixturePages(f) {
		f.Add(string(page))
	}
	f.Add("## a DONE\n## b\n- [x] c\n  - [ ] d\n| A | Status |\n|---|---|\n| x | wip |\n")
	v := marker.Default()
	parser := markdown.New(markdown.Options{Vocabulary: v})
	f.Fuzz(func(t *testing.T, src string) {
		for _, mode := range []string{HeadingItemsAuto, HeadingItemsAlways, HeadingItemsNever} {
			doc := parser.Parse([]byte(src))
			p := Compute(doc, []byte(src), Options{Vocabulary: v, HeadingItems: mode})
			checkInvariants(t, p)
			ids := map[string]bool{"": true}
			var walk func(ss []*Section)
			walk = func(ss []*Section) {
				for _, s := range ss {
					ids[s.ID] = true
					walk(s.Sections)
				}
			}
			walk(p.Sections)
			lines := strings.Count(src, "\n") + 1
			for _, it := range p.Items {
				if !ids[it.Section] {
					t.Fatalf("item %+v in unknown section", it)
				}
				if it.Line < 1 || it.Line > lines {
					t.Fatalf("item %+v on line %d of %d", it, it.Line, lines)
				}
			}
			for _, w := range p.Warnings {
				if w.Line < 1 || w.Line > lines || !ids[w.Section] {
					t.Fatalf("warning %+v out of place", w)
				}
			}
		}
	})
}
