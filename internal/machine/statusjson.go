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
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"runtime"
	"time"

	"github.com/milepost/milepost/internal/health"
	"github.com/milepost/milepost/internal/history"
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
	Items     []ItemJSON        `json:"items,omitempty"`
	// The page's health (none without tracked items), its front matter
	// target date and owner; in its own status.json also its Up next list
	// and its tasks (sections with an id).
	Health *health.Health `json:"health,omitempty"`
	Target string         `json:"target,omitempty"`
	Owner  string         `json:"owner,omitempty"`
	Next   []NextJSON     `json:"next,omitempty"`
	Tasks  []TaskJSON     `json:"tasks,omitempty"`
	// From git history, in the page's own status.json when history is
	// known: done and total by day, items done per week, and the forecast
	// (null with the reason in ForecastNote when there is too little
	// history).
	Series       []history.Point `json:"series,omitempty"`
	Velocity     *float64        `json:"velocity,omitempty"`
	Forecast     *ForecastJSON   `json:"forecast,omitempty"`
	ForecastNote string          `json:"forecast_note,omitempty"`
}

// ForecastJSON is a forecast, or JSON null when there is none (appendPageJSON
// writes it).
type ForecastJSON struct{ *history.Forecast }

// ItemJSON is one item of a page's status.json: the item as status read
// it, with what the site's plan says of it.
type ItemJSON struct {
	status.Item
	Plan PlanJSON
	// DateSource says where Date comes from (text or git), DateCommit is
	// the commit git saw it done in; FirstSeen is the day the item first
	// appeared in git.
	DateSource, DateCommit, FirstSeen string
}

// PlanJSON is what the site's plan says of an item or a task.
type PlanJSON struct {
	WaitingOn    []string // ids of dependencies not done, its own and its sections'
	External     []string // its own dependencies defined nowhere in the site
	Overdue      bool
	Ready        bool
	ReadyToStart bool
}

// FieldJSON is a field as written.
type FieldJSON struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// NextJSON is one line of a page's Up next list, in the order the page
// shows it. Reason is active, blocked, overdue, ready_to_start, ready or
// waiting; Section the id of the section it is in (for a task, its own),
// "" for the page itself.
type NextJSON struct {
	Line      int      `json:"line"`
	Text      string   `json:"text"`
	State     string   `json:"state"`
	Reason    string   `json:"reason"`
	Section   string   `json:"section,omitempty"`
	Owner     string   `json:"owner,omitempty"`
	Due       string   `json:"due,omitempty"`
	WaitingOn []string `json:"waiting_on,omitempty"`
}

// TaskJSON is a section with an id: a task, its state derived from its
// items unless its heading declares one, its fields, and what the plan
// says of it.
type TaskJSON struct {
	ID            string      `json:"id"`
	Section       string      `json:"section"`
	Title         string      `json:"title"`
	Line          int         `json:"line"`
	State         string      `json:"state"`
	Status        string      `json:"status,omitempty"` // its Status field, as written
	Owner         string      `json:"owner,omitempty"`
	Start         string      `json:"start,omitempty"`
	Due           string      `json:"due,omitempty"`
	Date          string      `json:"date,omitempty"` // done date: the newest of its items'
	Priority      string      `json:"priority,omitempty"`
	EstimateHours float64     `json:"estimate_hours,omitempty"`
	Depends       []string    `json:"depends,omitempty"`
	WaitingOn     []string    `json:"waiting_on,omitempty"`
	External      []string    `json:"external,omitempty"`
	Overdue       bool        `json:"overdue,omitempty"`
	Ready         bool        `json:"ready,omitempty"`
	ReadyToStart  bool        `json:"ready_to_start,omitempty"`
	Fields        []FieldJSON `json:"fields,omitempty"`
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
	Path   string         `json:"path"`
	URL    string         `json:"url"`
	Title  string         `json:"title"`
	Counts status.Counts  `json:"counts"`
	Health *health.Health `json:"health,omitempty"` // the worst of its pages'
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

// StatusName is the site's status.json, at the destination's root.
const StatusName = "status.json"

// ISOTime is t as status.json and the feeds give a build's time: ISO
// 8601 in UTC, to the second.
func ISOTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// Restamp returns the site's status.json data, as WriteStatus wrote it,
// with its "generated" time set to generated (ISOTime): the file a build
// that changed nothing else the file shows would write. It changes data
// in place when the times are of one length. ok is false when data is
// not such a file.
func Restamp(data []byte, generated string) ([]byte, bool) {
	start, end, ok := stampAt(data)
	if !ok {
		return nil, false
	}
	if end-start == len(generated) { // the usual case: a time of the same length, put in place
		copy(data[start:], generated)
		return data, true
	}
	out := make([]byte, 0, len(data)-(end-start)+len(generated))
	out = append(out, data[:start]...)
	out = append(out, generated...)
	return append(out, data[end:]...), true
}

// stampAt finds the "generated" time in status.json data as WriteStatus
// wrote it: data[start:end] is the time, between its quotes.
func stampAt(data []byte) (start, end int, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	// {"title": <a string>, "generated"
	for _, want := range []any{json.Delim('{'), "title", nil, "generated"} {
		tok, err := dec.Token()
		_, isString := tok.(string)
		if err != nil || (want == nil && !isString) || (want != nil && tok != want) {
			return 0, 0, false
		}
	}
	at := int(dec.InputOffset()) // just after "generated"
	rest := data[at:]
	if !bytes.HasPrefix(rest, []byte(`:"`)) {
		return 0, 0, false
	}
	n := bytes.IndexByte(rest[2:], '"')
	if n < 0 || bytes.IndexByte(rest[2:2+n], '\\') >= 0 {
		return 0, 0, false
	}
	return at + 2, at + 2 + n, true
}

// StatusLayout says where the page entries of a status.json lie, for a
// later build that keeps the entries of pages that did not change
// instead of making them again. The file is named by its size and a hash
// of its bytes but its "generated" time, so a file restamped in place
// (Restamp) keeps its layout.
type StatusLayout struct {
	Size int64
	Sum  [32]byte
	// Entries are [start, end) of page i's entry, in WriteStatus's order.
	Entries [][2]int64
}

// Fits reports whether data is the file l describes.
func (l *StatusLayout) Fits(data []byte) bool {
	if l == nil || int64(len(data)) != l.Size {
		return false
	}
	sum, ok := unstampedSum(data)
	return ok && sum == l.Sum
}

// unstampedSum is the hash of status.json data without its build time.
func unstampedSum(data []byte) ([32]byte, bool) {
	start, end, ok := stampAt(data)
	if !ok {
		return [32]byte{}, false
	}
	h := sha256.New()
	h.Write(data[:start])
	h.Write(data[end:])
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, true
}

// Status is what status.json says of the site as a whole.
type Status struct {
	Title     string
	Generated string // the build time, ISO 8601 in UTC
	Counts    status.Counts
	Health    *health.Health // the worst of the pages'; nil when none has one
	Folders   []FolderJSON
}

// WriteStatus writes status.json ({"title", "generated", "counts",
// "pages": [PageJSON…], "folders": [FolderJSON…]}), and when layout is not
// nil fills it in: where each page's entry lies. Page i's entry is
// entry(i), made for pages entries in parallel, a batch at a time, and
// written in order, so the JSON of every page is never held all at once
// (at 10k pages the file is 33 MB, at 100k 330 MB). entry is called from
// several goroutines; the release it returns, when not nil, is called
// once the entry is written. s.Generated is written as it is: an ISOTime.
func WriteStatus(w io.Writer, s Status, pages int, layout *StatusLayout, entry func(i int) (js []byte, release func())) error {
	var sum hash.Hash // of all but the time, as unstampedSum reads it
	hashed := io.Discard
	if layout != nil {
		sum = sha256.New()
		hashed = sum
	}
	counted := &countingWriter{w: w}
	bw := bufio.NewWriter(io.MultiWriter(counted, hashed))
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
	bw.WriteString(`"generated":"`)
	bw.Flush()
	io.WriteString(counted, s.Generated) // ISOTime: nothing to escape
	bw.WriteString(`",`)
	field("counts", s.Counts, false)
	if s.Health != nil {
		field("health", s.Health, false)
	}
	bw.WriteString(`"pages":[`)
	var spans [][2]int64
	if layout != nil {
		spans = make([][2]int64, pages)
	}
	// Encoding the entries is most of the file's cost.
	const batch = 256
	entries := make([][]byte, batch)
	releases := make([]func(), batch)
	for start := 0; start < pages; start += batch {
		n := min(batch, pages-start)
		parallel.Do(n, runtime.GOMAXPROCS(0), func(i int) bool {
			entries[i], releases[i] = entry(start + i)
			return true
		})
		for i, js := range entries[:n] {
			if start+i > 0 {
				bw.WriteByte(',')
			}
			if spans != nil {
				at := counted.n + int64(bw.Buffered())
				spans[start+i] = [2]int64{at, at + int64(len(js))}
			}
			bw.Write(js)
		}
		for i, release := range releases[:n] {
			if release != nil {
				release()
			}
			entries[i], releases[i] = nil, nil
		}
	}
	bw.WriteString(`],`)
	folders := s.Folders
	if folders == nil {
		folders = []FolderJSON{}
	}
	field("folders", folders, true)
	bw.WriteString("}\n")
	if err := bw.Flush(); err != nil {
		return err
	}
	if counted.err != nil {
		return counted.err
	}
	if layout != nil {
		layout.Size, layout.Entries = counted.n, spans
		sum.Sum(layout.Sum[:0])
	}
	return nil
}

// countingWriter counts the bytes written to w.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
