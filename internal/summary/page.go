// Package summary is what PARSE learns about a page and what the build
// cache keeps of it between builds: a Page (title, kind, status, headings,
// block ids, wiki-links, markdown link look-ups, parse warnings and two
// signatures), and the file that stores every page's summary (Summaries,
// Write), in milepost's own varint format with a CRC-32C.
//
// In: the values PARSE computes (site fills a Page per page); for the
// file, the summaries of a build with the hash of each page's source.
// Out: the same values, byte for byte, read back.
// It must not parse markdown, render, or read or write files itself: the
// caller hands it bytes and an io.Writer. A damaged file or record is an
// error (the page is parsed again), never a wrong summary.
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
	Lookups  []Lookup // markdown links resolved while rendering the body
	BrokenMD []BrokenRef
	Diags    diag.List
	// TargetSig hashes what the page offers wiki-links (title, aliases,
	// headings, block ids), so RESOLVE can tell cheaply whether any
	// target changed.
	TargetSig [32]byte
	// SummarySig hashes what other pages' outputs show of this page.
	SummarySig [32]byte
}

// Lookup is one markdown link destination (content-relative, as written)
// and the output URL it found (NotFound when it found nothing), so a
// cached page can tell whether its links would still resolve the same
// way.
type Lookup struct {
	Key, URL string
}

// NotFound is the URL of a Lookup that found nothing.
const NotFound = "\x00"

// BrokenRef is a markdown link to nothing, for the broken-links page.
type BrokenRef struct {
	Line   int
	Target string
}
