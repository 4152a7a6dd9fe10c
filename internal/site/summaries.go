package site

import (
	"io"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/summary"
)

// summaryKey names what a summary depends on besides its page's source:
// the settings that shape parsing, the content folder, and the version.
func summaryKey(cfgKey, prefix, version string) string {
	return cfgKey + "\x00" + prefix + "\x00" + version
}

// LoadedPages are the pages res was built from, as LOAD read them: what a
// later build may offer as Input.Loaded (with Body and Unread cleared).
func (res *Result) LoadedPages() []*content.Page {
	pages := make([]*content.Page, len(res.pages))
	for i, p := range res.pages {
		pages[i] = p.Content
	}
	return pages
}

// WriteSummaries writes the summaries of the pages res was built from,
// for the next build's Input.Summaries (after summary.Read).
func (res *Result) WriteSummaries(w io.Writer) error {
	entries := make([]summary.Entry, len(res.pages))
	for i, p := range res.pages {
		entries[i] = summary.Entry{Path: p.Content.Path, Source: p.Content.Hash, Page: &p.Page.Page.Page}
	}
	return summary.Write(w, res.summaryKey, entries)
}
