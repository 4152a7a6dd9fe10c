// Package machine makes the files milepost writes for programs rather than
// people: status.json (the site's and each page's), sitemap.xml and the
// Atom feeds of completed items.
//
// In: plain values the build has already worked out (a page's summary as
// PageJSON, the folders' roll-ups, the URLs, the done items). Out: bytes,
// the same for the same values. It must not compute status, resolve links,
// or touch a sink or the disk: the caller decides where the bytes go.
package machine

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/status"
)

// PageJSON is one page in status.json; with items, the page's own
// status.json.
type PageJSON struct {
	Path      string            `json:"path"`
	URL       string            `json:"url"`
	Title     string            `json:"title"`
	Kind      string            `json:"kind"`
	Updated   *string           `json:"updated"`
	Tags      []string          `json:"tags"`
	Tracked   bool              `json:"tracked"`
	Counts    status.Counts     `json:"counts"`
	Sections  []*status.Section `json:"sections"`
	Warnings  []status.Warning  `json:"warnings"`
	Links     []LinkJSON        `json:"links"`
	Backlinks []string          `json:"backlinks"`
	Items     []status.Item     `json:"items,omitempty"`
}

// LinkJSON is one wiki-link of a page and what it resolved to.
type LinkJSON struct {
	Target string  `json:"target"`
	Line   int     `json:"line"`
	URL    *string `json:"url"`
	Broken bool    `json:"broken"`
}

// FolderJSON is one folder in status.json, its counts rolled up.
type FolderJSON struct {
	Path   string        `json:"path"`
	URL    string        `json:"url"`
	Title  string        `json:"title"`
	Counts status.Counts `json:"counts"`
}

// NonNil makes a nil list of strings an empty one (JSON [] rather than
// null).
func NonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// NonNilSections makes a nil list an empty one. status.Compute already
// gives every section a non-nil list, and pages are read concurrently, so
// nothing below the top is touched.
func NonNilSections(s []*status.Section) []*status.Section {
	if s == nil {
		return []*status.Section{}
	}
	return s
}

// NonNilWarnings makes a nil list of warnings an empty one.
func NonNilWarnings(w []status.Warning) []status.Warning {
	if w == nil {
		return []status.Warning{}
	}
	return w
}

// Status is what status.json says of the site as a whole.
type Status struct {
	Title     string
	Generated string // the build time, ISO 8601 in UTC
	Counts    status.Counts
	Folders   []FolderJSON
}

// WriteStatus writes status.json ({"title", "generated", "counts",
// "pages": [PageJSON…], "folders": [FolderJSON…]}): page i's entry is
// entry(i), made for pages entries in parallel, a batch at a time, and
// written in order, so the JSON of every page is never held all at once
// (at 10k pages the file is 30 MB, at 100k 300 MB). entry is called from
// several goroutines.
func WriteStatus(w io.Writer, s Status, pages int, entry func(i int) []byte) error {
	bw := bufio.NewWriter(w)
	field := func(name string, v any, last bool) {
		js, _ := json.Marshal(v)
		fmt.Fprintf(bw, "%q:", name)
		bw.Write(js)
		if !last {
			bw.WriteByte(',')
		}
	}
	bw.WriteByte('{')
	field("title", s.Title, false)
	field("generated", s.Generated, false)
	field("counts", s.Counts, false)
	bw.WriteString(`"pages":[`)
	// Encoding the entries is most of the file's cost.
	const batch = 256
	entries := make([][]byte, batch)
	for start := 0; start < pages; start += batch {
		n := min(batch, pages-start)
		parallel.Do(n, runtime.GOMAXPROCS(0), func(i int) bool {
			entries[i] = entry(start + i)
			return true
		})
		for i, js := range entries[:n] {
			if start+i > 0 {
				bw.WriteByte(',')
			}
			bw.Write(js)
		}
	}
	bw.WriteString(`],`)
	folders := s.Folders
	if folders == nil {
		folders = []FolderJSON{}
	}
	field("folders", folders, true)
	bw.WriteString("}\n")
	return bw.Flush()
}
