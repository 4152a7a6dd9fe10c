package view

import (
	"strconv"
	"testing"

	"github.com/milepost/milepost/internal/status"
)

// sectionTitles finds every section of a tree, nested ones too, the
// same whether the tree is walked (few sections) or mapped (many), and
// says when an id is not there.
func TestSectionTitles(t *testing.T) {
	for _, n := range []int{1, 5, manySections - 1, manySections, 3 * manySections} {
		var tree []*status.Section
		for i := range n {
			s := &status.Section{ID: "s" + strconv.Itoa(i), Title: "Section " + strconv.Itoa(i)}
			if i%3 == 2 && len(tree) > 0 { // every third section nested in the one before
				parent := tree[len(tree)-1]
				parent.Sections = append(parent.Sections, s)
				continue
			}
			tree = append(tree, s)
		}
		titles := sectionTitles(tree)
		for i := range n {
			if got, ok := titles("s" + strconv.Itoa(i)); !ok || got != "Section "+strconv.Itoa(i) {
				t.Errorf("%d sections: s%d is %q, %v", n, i, got, ok)
			}
		}
		if got, ok := titles("missing"); ok || got != "" {
			t.Errorf("%d sections: a missing id gives %q, %v", n, got, ok)
		}
		// An id given twice, the second time nested: the last one's title,
		// as a map filled in document order says.
		tree = append([]*status.Section{{ID: "twice", Title: "first"}}, tree...)
		tree[len(tree)-1].Sections = append(tree[len(tree)-1].Sections, &status.Section{ID: "twice", Title: "last"})
		if got, ok := sectionTitles(tree)("twice"); !ok || got != "last" {
			t.Errorf("%d sections: an id given twice is %q, %v; want the last", n, got, ok)
		}
	}
}
