package status

import (
	"strings"

	"github.com/milepost/milepost/internal/marker"
	"github.com/yuin/goldmark/ast"
)

// isOutline reports whether doc is an outliner's page, as Logseq writes a
// journal or a page: nothing but lists at its top (and property lines,
// `title:: Grant report`), no heading, and blocks nested under blocks
// ("- Morning" over "  - TODO Email Prof. Adeyemi"). There every line is
// a block, and a block is a task only when a task word opens it (TODO,
// DOING, DONE …) or it has a box: its siblings are notes, queries and
// links, not open work. A flat list without a heading is a TODO file,
// whose every line is a task.
func isOutline(doc ast.Node, src []byte) bool {
	lists, nested := 0, false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindList:
			lists++
			nested = nested || holdsList(n)
		case ast.KindParagraph:
			if !propertyLines(n, src) {
				return false
			}
		default:
			return false
		}
	}
	return lists > 0 && nested
}

// holdsList reports whether an item of list holds a list of its own.
func holdsList(list ast.Node) bool {
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		for ch := li.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Kind() == ast.KindList {
				return true
			}
		}
	}
	return false
}

// propertyLines reports whether every line of paragraph n is an
// outliner's property, `key:: value`.
func propertyLines(n ast.Node, src []byte) bool {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		key, _, ok := strings.Cut(string(seg.Value(src)), "::")
		if !ok || strings.ContainsAny(strings.TrimSpace(key), " \t") {
			return false
		}
	}
	return lines.Len() > 0
}

// keywordsOnly reports whether the markers of a list's plain items are all
// task words they open with (marker.LeadingKeyword), one at least: in an
// outline its other items are no tasks.
func keywordsOnly(entries []listEntry) bool {
	found := false
	for _, e := range entries {
		if e.box || !e.marker.found {
			continue
		}
		if _, ok := marker.LeadingKeyword(e.own); !ok {
			return false
		}
		found = true
	}
	return found
}
