package status

import "github.com/milepost/milepost/internal/marker"

// mergeIssueRefs folds the rows of a table into the checklist items that
// name the same issue: a GitHub tracking issue lists its sub-issues as a
// task list and again as a table of sub-issues (`- [x] #1842 Inventory
// all Jenkins jobs`, `| Inventory all Jenkins jobs #1842 | mkowalski |
// Closed |`). A table row naming one issue, "#" and its number, that a
// list item of the page names alone too, is no second item: the list
// item keeps its state and takes the row's owner when it has none.
func (c *computer) mergeIssueRefs(root *sectionNode) {
	listed := map[string]*found{}
	rows := 0
	walkSections(root, func(s *sectionNode) {
		for _, it := range s.items {
			ref, ok := issueRef(it.Text)
			switch {
			case !ok:
			case it.Source == SourceTable:
				rows++
			case listed[ref] == nil && (it.Source == SourceCheckbox || it.Source == SourceList):
				listed[ref] = it
			}
		}
	})
	if rows == 0 || len(listed) == 0 {
		return // most pages
	}
	dropItems(root, func(it *found) bool {
		if it.Source != SourceTable {
			return false
		}
		ref, ok := issueRef(it.Text)
		same := listed[ref]
		if !ok || same == nil {
			return false
		}
		if it.State == marker.Dropped && same.State == marker.Done && leadingStrike(firstTextBlock(same.node), c.src) {
			same.State = marker.Dropped // "- [x] ~~#1852 Port legacy-reports~~" beside "Closed as not planned": crossed off
		}
		if a, row := same.Attributes(), it.Attributes(); a.Owner == "" && row.Owner != "" {
			a.Owner = row.Owner
			same.keepAttrs(a)
		}
		return true
	})
}

// issueRef returns the one issue a text names, "#" and its number
// ("#1842 Inventory all Jenkins jobs", "Port ledger pipeline #1851");
// false when it names none or more than one.
func issueRef(text string) (string, bool) {
	ref := ""
	for i := 0; i < len(text); i++ {
		if text[i] != '#' || i+1 >= len(text) || text[i+1] < '0' || text[i+1] > '9' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j < len(text) && isWordByte(text[j]) {
			continue
		}
		if ref != "" && ref != text[i:j] {
			return "", false
		}
		ref = text[i:j]
		i = j
	}
	return ref, ref != ""
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}
