package status

import (
	"testing"

	"github.com/milepost/milepost/internal/fieldtest"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

// An item carries attributes only when it has some: a build holds every
// item of the site, and the summaries' file writes what an item carries.
// A column or row whose value reads as nothing (an estimate of 0h, a
// priority of "none") or only as a done date leaves none behind.
func TestItemsWithoutAttributesCarryNone(t *testing.T) {
	pages := append(fixturePages(t),
		[]byte("| Task | Status | Estimate | Priority | Completed |\n|---|---|---|---|---|\n"+
			"| Zero estimate | done | 0h | | 2026-01-02 |\n| No priority | open | | none | |\n| Dated | done | | | 2026-01-03 |\n"),
		[]byte("| Field | Value |\n|---|---|\n| Task | Record |\n| Status | open |\n| Estimate | 0h |\n"),
	)
	v := marker.Default()
	for i, src := range pages {
		doc := markdown.New(markdown.Options{Vocabulary: v}).Parse(src)
		p := Compute(doc, src, Options{Vocabulary: v})
		for _, it := range p.Items {
			if it.Attrs != nil && it.Attrs.isZero() {
				t.Errorf("page %d, line %d (%q): attributes made but none set", i, it.Line, it.Text)
			}
		}
	}
}

// isZero covers every field of ItemAttrs: one it did not check would be
// dropped from an item that has no other attribute.
func TestItemAttrsIsZeroCoversEveryField(t *testing.T) {
	if a := (ItemAttrs{}); !a.isZero() {
		t.Fatal("the zero ItemAttrs is not zero")
	}
	fieldtest.EachChanged(t, ItemAttrs{}, func(field string, a ItemAttrs) {
		if a.isZero() {
			t.Errorf("ItemAttrs with %s set is zero", field)
		}
	})
}
