// Package status reads progress out of a parsed page: it finds the items
// (trackable units of work) in a goldmark AST, gives each a state, groups
// them by section and counts them, and reports drift (declared done, still
// open). The rules are ../spec: status-model.md; the project's docs explain
// them to users.
//
// In: the AST of one page body (from package markdown, with heading ids
// already set and task boxes parsed by package tasklist), the body's source
// bytes and Options. Out: a *Page holding counts, the section tree, the
// items in document order and the warnings. Helpers compute staleness
// (Stale), badge and bar colours (Color) and folder/site sums (Rollup).
//
// It does no I/O and renders no HTML. The one thing it changes in the AST is
// the attributes of the nodes that make items, so the renderer can style
// items without walking the tree again:
//
//	data-state="done"        the item's state: open, active, blocked, done, dropped
//	class="item item-done"   the same as classes (kept beside any class the node had)
//	data-date="2026-03-15"   completion date of a done item, when its text has one
//
// They are set on the list item (<li>), table row (<tr>) or heading
// (<h2>…) that makes the item. Headings that declare a state but are not
// items themselves (their sections' items count instead) get
// data-declared="done" etc., so a theme can still show the marker, and
// one declared done over items not all done data-unfinished="6/8".
//
// Where items come from (rules 1-4 of the spec, and docs/status-model.md):
// task-list checkboxes at any depth; plain list items carrying a marker
// (also a Logseq/org task word at the start, an emphasized status label, a
// trailing parenthetical status, a status clause after a dash in a list
// most of whose items end so: lists.go), with the sibling rule; a board's
// lanes (boards.go); tables, read as the first that fits of legend table
// (no items), key/value record (one item), status table, matrix (one item
// per marker cell), marker column, done column (Done?, Completed At);
// leaf headings among marked siblings, or whose sections' Status lines say
// their state, except headings named like Notes or FAQ. Legends extend the page's vocabulary (legend.go). Items under an
// out-of-scope heading are dropped unless done. Never from code spans,
// fenced or indented code, or raw HTML.
//
// Choices where the spec is silent:
//   - Only headings that are direct children of the document make sections;
//     a heading inside a list or block quote is content.
//   - Items under a page's title heading (an H1 that is the first block,
//     with no other H1 in the page), before
//     its first sub-heading, belong to the page itself (Section ""), like
//     items before the first heading: the title is not listed as a section.
//     The title heading is never a heading item.
//   - A ticked checkbox ([x]) declares done as a marked list item does, so
//     a ticked parent over unticked children is drift.
//   - A struck item is done whatever other word it carries, unless that
//     word is a dropped one (then dropped).
//   - In a status table a struck first cell makes the row done unless the
//     status cell reads dropped.
//   - "Leading text" for strikethrough skips text that holds no letter or
//     digit (an emoji, a dash) before the first real inline.
//   - Drift messages are worded for a page's reader, who sees them at its
//     top: they quote the claim's heading or item without its markers and
//     name the marker as written ("'Week 3' says COMPLETE, but 1 of its 3
//     items is open"), "is marked done" for a tick or strikethrough, and
//     say "open" when every unfinished item is open, "not done" otherwise.
//   - The completion date of a table row is the first date in any of its
//     cells.
//   - A table row's text is its first cell, other than the status cell,
//     that holds a letter, so a numbering column ("#") does not name rows;
//     when no cell holds a letter, the first cell other than the status
//     cell.
package status
