package status

import (
	"strconv"
	"strings"

	"github.com/milepost/milepost/internal/marker"

	"github.com/yuin/goldmark/ast"
)

// Attribute names Compute sets on the AST for the renderer (see the
// package doc).
const (
	AttrState    = "data-state"    // item state on the node that makes an item
	AttrDate     = "data-date"     // completion date of a done item
	AttrDeclared = "data-declared" // state a heading declares when it is not an item itself
	// AttrUnfinished is on a heading declared done whose section's items
	// are not all done: "6/8", done of total, so a theme shows the claim
	// as doubtful instead of ticking it.
	AttrUnfinished = "data-unfinished"
	ClassItem      = "item" // class of every item node, beside "item-<state>"
	// ClassBoxLines marks a paragraph of lines opening with ballot boxes,
	// each an item (collectBoxLines), which the theme shows a line each.
	ClassBoxLines = "box-lines"
)

// setItemAttributes marks node n as an item in state st.
func setItemAttributes(n ast.Node, st State, date string) {
	n.SetAttributeString(AttrState, []byte(st.String()))
	setClasses(n, ClassItem, ClassItem+"-"+st.String())
	if date != "" {
		n.SetAttributeString(AttrDate, []byte(date))
	}
}

// declare records on a heading the state it declares when it is not an
// item itself, and, when it declares done over items not all done
// (counts, its section's), how far they are.
func declare(h ast.Node, d declared, isItem bool, counts Counts) {
	if !d.found || isItem {
		return
	}
	h.SetAttributeString(AttrDeclared, []byte(d.state.String()))
	if total := counts.Total(); d.state == marker.Done && counts.Done < total {
		v := strconv.AppendInt(make([]byte, 0, 8), int64(counts.Done), 10)
		h.SetAttributeString(AttrUnfinished, strconv.AppendInt(append(v, '/'), int64(total), 10))
	}
}

// setClasses replaces any item classes n has with add, keeping the others.
func setClasses(n ast.Node, add ...string) {
	var keep []string
	v, ok := n.AttributeString("class")
	if !ok {
		n.SetAttributeString("class", []byte(strings.Join(add, " ")))
		return
	}
	{
		var s string
		switch v := v.(type) {
		case []byte:
			s = string(v)
		case string:
			s = v
		}
		for _, f := range strings.Fields(s) {
			if f != ClassItem && !strings.HasPrefix(f, ClassItem+"-") {
				keep = append(keep, f)
			}
		}
	}
	n.SetAttributeString("class", []byte(strings.Join(append(keep, add...), " ")))
}
