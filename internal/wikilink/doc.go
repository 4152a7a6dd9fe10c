// Package wikilink reads and resolves the links status pages write the way
// wikis do: [[target]], [[target|label]], [[target#Heading]],
// [[target#H1#H2]], [[target#^block-id]], [[#Heading]] and embeds ![[target]].
//
// It has two halves that match the build's two passes.
//
// Syntax (pass 1, one page at a time). Extension adds to goldmark an inline
// parser for the link syntax, AST transformers that number the links of a
// page, lift an embed that stands alone into a block of its own and turn a
// trailing " ^id" on a paragraph or list item into that block's id
// attribute, and a node renderer that writes Placeholder(i) for link i and
// nothing else. Collect lists a page's links with their file positions;
// BlockIDs lists its block ids. Links are never found inside code spans,
// code blocks or raw HTML; a newline, an empty target or a missing "]]"
// leaves the text as it was. Labels are plain text, escaped on output.
//
// Resolution (pass 2, once every page is known). NewIndex builds, in time
// linear in the number of targets, maps keyed by folded names (case
// ignored; space, '_' and '-' alike; ".md" optional). Index.Resolve finds a
// link's target with a few map look-ups, in this order: the path from the
// content root, the path relative to the linking page's folder, a unique
// name (or path suffix) anywhere, a page title or alias. It never resolves
// outside the content root and only ever returns URLs the index was given.
// Markdown links to files are looked up in Paths while a page renders
// (PathsOf: only what a page's links found before, to render it again).
//
// Output (pass 2). Fill replaces the placeholders of a rendered page in one
// linear pass and says where each link's HTML went (for a later build
// that copies it); Href makes a link's escaped, relative href (RelHref,
// EscapePath; the build uses them for every URL it writes) and WriteHTML
// the final markup: a link, an image for an embedded file, nothing for an
// embedded page (the caller draws its status card). Every label and
// attribute is escaped, never a scriptable URL.
//
// The package does no I/O and keeps no state between calls; an Index is
// read-only after NewIndex and safe for concurrent use.
package wikilink
