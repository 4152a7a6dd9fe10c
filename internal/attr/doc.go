// Package attr reads the attributes people write beside their work: due
// and start dates, owners, priorities, estimates, ids and dependencies, in
// the conventions they already use (Obsidian Tasks emoji, Dataview inline
// fields, plain words such as "due 2026-01-03", "@dana" and "P1"), and the
// "**Field:** value" lines and heading ids of sections.
//
// In: the text of one item, as package status reads markers from it (code
// spans replaced by marker.Opaque, so nothing inside code is read); the raw
// source lines of a section's own paragraphs; a heading's text.
// Out: typed fields (Item, Section), the item's text with its attributes
// taken out, and where each attribute stood (Spans), so the caller can tell
// which emoji were read as attributes rather than as status markers.
// Must not: read markup, touch the AST, decide states other than the two
// the Tasks conventions fix (✅ <date> done, ❌ <date> dropped), or resolve
// ids (package plan does that, across the whole site).
//
// The rules are written for users in docs/status-model.md, "Attributes".
package attr
