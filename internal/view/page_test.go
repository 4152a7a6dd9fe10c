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
	}
}
