// Package summary is what PARSE learns about a page and what the build
// cache keeps of it between builds: a Page (title, kind, status, headings,
// block ids, wiki-links, markdown link look-ups, parse warnings and two
// signatures), how it is read from a parsed page (Make), and the file that
// stores every page's summary (Summaries, Write), in milepost's own varint
// format with a CRC-32C.
//
// In: a page's front matter (content.Page) and its goldmark AST as package
// markdown parsed it; for the file, the summaries of a build with the hash
// of each page's source.
// Out: the summary; from the file, the same values, byte for byte.
// It must not parse markdown, render, resolve links across pages, or read
// or write files itself: the caller hands it an AST, bytes and an
// io.Writer. A damaged file or record is an error (the page is parsed
// again), never a wrong summary.
package summary

import (
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// Page is what PARSE keeps of a page once its AST is gone: everything
// later stages need but the page's front matter (content.Page) and its
// body HTML. Every page's is held for the whole build.
type Page struct {
	Title    string
	Kind     string
	Tracked  bool // counts in folder and site roll-ups
	Status   *status.Page
	Headings []wikilink.Heading
	BlockIDs []string
	Links    []wikilink.Link
	Lookups  []wikilink.Lookup // markdown links resolved while rendering the body
	BrokenMD []wikilink.BrokenRef
	Diags    diag.List
	// TargetSig hashes what the page offers wiki-links (title, aliases,
	// headings, block ids), so RESOLVE can tell cheaply whether any
	// target changed.
	TargetSig [32]byte
	// SummarySig hashes what other pages' outputs show of this page.
	SummarySig [32]byte
}
