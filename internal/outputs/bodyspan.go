package outputs

import (
	"bytes"

	"github.com/milepost/milepost/internal/wikilink"
)

// A BodySpan is where a page's body lies in its HTML file (bytes Start
// to End of File) and where each wiki-link's HTML lies in the body
// (from Start): what a later build needs to put a new body into the file
// without making the rest of the page again. Basis is the hash of the
// source the rest of the file was made from: what a new source must say
// the same as, but for its body.
type BodySpan struct {
	File       string
	Start, End int
	Links      []wikilink.Span
	Basis      [32]byte
}

// Replace puts body, a page's new body HTML with wiki-link placeholders
// for links links, into file, the page's HTML as the span describes it:
// each placeholder gets the HTML its link had in the old body. It
// returns the new file and its span (on the same basis), or false when file is not as the
// span says or the body has a link the old one did not show. The caller
// must know that nothing but the body changed: the same links, resolved
// the same way, and the same everything else the page shows.
func (s *BodySpan) Replace(file, body []byte, links int) ([]byte, *BodySpan, bool) {
	if s.Start < 0 || s.Start > s.End || s.End > len(file) {
		return nil, nil, false
	}
	old := file[s.Start:s.End]
	from := make(map[int][]byte, len(s.Links))
	for _, l := range s.Links {
		if l.Start < 0 || l.Start > l.End || l.End > len(old) {
			return nil, nil, false
		}
		if _, seen := from[l.Link]; !seen {
			from[l.Link] = old[l.Start:l.End]
		}
	}
	missing := false
	filled, spans := wikilink.Fill(body, links, func(i int, w *bytes.Buffer) {
		html, ok := from[i]
		missing = missing || !ok
		w.Write(html)
	})
	if missing || len(filled) == 0 {
		return nil, nil, false
	}
	out := make([]byte, 0, len(file)-len(old)+len(filled))
	out = append(out, file[:s.Start]...)
	out = append(out, filled...)
	out = append(out, file[s.End:]...)
	return out, &BodySpan{File: s.File, Start: s.Start, End: s.Start + len(filled), Links: spans, Basis: s.Basis}, true
}
