package history

import (
	"bytes"
	"time"

	"github.com/milepost/milepost/internal/marker"
)

// Item is what history needs of one item of a version, as the status
// model reads it.
type Item struct {
	Text  string // the item's text (markers, dates and attributes are taken out here)
	State marker.State
	Date  string // a date written in a done item's text (YYYY-MM-DD), or ""
}

// ItemsFunc reads the items of one version's bytes, in document order.
type ItemsFunc func(data []byte) []Item

// Version is one version of a file.
type Version struct {
	Commit string    // the commit's id; "" for uncommitted edits
	Time   time.Time // the commit's author date
	// Blob identifies the bytes: versions with the same Blob are read
	// once. "" when unknown.
	Blob string
	Data []byte
	// Items, when not nil, are the version's items, read before (a build
	// cache keeps them by blob id): Data is then not needed, and the
	// ItemsFunc is not called for it. A version known to have no items
	// has an empty Items, not a nil one.
	Items []Item
}

// Options are the rest of what Read needs.
type Options struct {
	// Now is the build's time; uncommitted edits are dated now.
	Now time.Time
	// Uncommitted is the file as the work tree holds it, when it may
	// differ from the last version (nil: it does not). When its bytes
	// differ, it is one more version, dated Now, with no commit. A last
	// version given by its Items has no bytes to compare: the caller has
	// compared, and Uncommitted is taken to differ.
	Uncommitted []byte
	// Truncated says the first version is not the file's creation: the
	// history read starts later (a shallow clone, a limit on commits).
	// The first version's items then have no first-seen date, those done
	// in it no date from git, and they are not "added" then.
	Truncated bool
	// Vocabulary reads markers out of texts when they are matched
	// (nil: marker.Default()).
	Vocabulary *marker.Vocabulary
}

// DateSource says where a done date comes from.
type DateSource string

// The done date sources.
const (
	FromText DateSource = "text" // a date written in the item's text
	FromGit  DateSource = "git"  // the commit in which the item became done and stayed done
)

// ItemHistory is one item of the last version and its dates.
type ItemHistory struct {
	Text  string
	State marker.State
	// Done is the done date (YYYY-MM-DD) of a done item: a date in its
	// text, else the day of the commit in which it became done and
	// stayed done (DoneCommit; "" for uncommitted edits). "" for an
	// item that is not done.
	Done       string
	DoneSource DateSource
	DoneCommit string
	// FirstSeen is the day of the version the item first appeared in
	// (FirstSeenCommit), followed through matches; "" when it was there
	// before the history read began (Options.Truncated).
	FirstSeen       string
	FirstSeenCommit string
}

// Kind is what happened to an item between two versions.
type Kind string

// The kinds of events.
const (
	Added    Kind = "added"    // first seen (done or not), or back after being dropped or removed
	Done     Kind = "done"     // became done
	Reopened Kind = "reopened" // was done, is not any more
	Dropped  Kind = "dropped"  // removed from the page, or marked dropped
)

// Event is one thing that happened to an item.
type Event struct {
	Time   time.Time
	Commit string // "" for uncommitted edits
	Kind   Kind
	Text   string // the item's text in the version the event happened in
	// Item numbers the item within its file: events of one item share it.
	Item int
	// Counted and IsDone are the item's condition after the event:
	// counted (present and not dropped) and done; WasCounted and WasDone
	// before it.
	Counted, IsDone     bool
	WasCounted, WasDone bool
}

// Point is one day of a series: done and total (items that count: all
// but dropped) at the end of that day, in UTC.
type Point struct {
	Date  string `json:"date"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// File is the history of one file.
type File struct {
	Items  []ItemHistory // the last version's items, in its order
	Events []Event       // oldest first
	Series []Point       // one point per day with a version, oldest first
	// Start is the time of the first version (zero when there is none).
	Start time.Time
}

// DoneDates lists the done dates of the file's done items.
func (f *File) DoneDates() []string {
	var out []string
	for _, it := range f.Items {
		if it.Done != "" {
			out = append(out, it.Done)
		}
	}
	return out
}

// Open counts the file's items that are neither done nor dropped.
func (f *File) Open() int {
	n := 0
	for _, it := range f.Items {
		if it.State != marker.Done && it.State != marker.Dropped {
			n++
		}
	}
	return n
}

// Day is the UTC date of t, YYYY-MM-DD.
func Day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// chain is one item followed across versions.
type chain struct {
	firstSeen       time.Time
	firstSeenCommit string
	doneAt          time.Time // when it became done and stayed done so far; zero when not done
	doneCommit      string
	counted, done   bool
}

// Read follows the items of a file through its versions (oldest first).
//
// Versions are taken in the order given, which is the order of the
// commits; their dates may run backwards (a rebased commit keeps its
// author date), so each version is dated no earlier than the one before
// it, and the series never goes back in time.
func Read(versions []Version, items ItemsFunc, opts Options) *File {
	vocab := opts.Vocabulary
	if vocab == nil {
		vocab = marker.Default()
	}
	if opts.Uncommitted != nil && (len(versions) == 0 || versions[len(versions)-1].Items != nil || !bytes.Equal(versions[len(versions)-1].Data, opts.Uncommitted)) {
		versions = append(versions[:len(versions):len(versions)], Version{Time: opts.Now, Data: opts.Uncommitted})
	}
	f := &File{}
	if len(versions) == 0 {
		return f
	}
	type read struct {
		items []Item
		norm  []string
	}
	byBlob := map[string]read{}
	normal := map[string]string{} // text → Normalize(text): most texts repeat from version to version
	var chains []*chain
	var prev read
	var prevChains []int
	var when time.Time
	for vi, v := range versions {
		if vi == 0 || v.Time.After(when) {
			when = v.Time.UTC()
		}
		if vi == 0 {
			f.Start = when
		}
		cur, ok := byBlob[v.Blob]
		if !ok || v.Blob == "" {
			if cur.items = v.Items; cur.items == nil {
				cur.items = items(v.Data)
			}
			cur.norm = make([]string, len(cur.items))
			for i, it := range cur.items {
				n, ok := normal[it.Text]
				if !ok {
					n = Normalize(it.Text, vocab)
					normal[it.Text] = n
				}
				cur.norm[i] = n
			}
			if v.Blob != "" {
				byBlob[v.Blob] = cur
			}
		}
		at := match(prev.norm, cur.norm)
		curChains := make([]int, len(cur.items))
		continued := make([]bool, len(prev.items))
		emit := func(k Kind, c int, text string, wasCounted, wasDone bool) {
			ch := chains[c]
			f.Events = append(f.Events, Event{Time: when, Commit: v.Commit, Kind: k, Text: text, Item: c,
				Counted: ch.counted, IsDone: ch.done, WasCounted: wasCounted, WasDone: wasDone})
		}
		unknown := vi == 0 && opts.Truncated // the items of a cut history's first version
		for j, it := range cur.items {
			var c int
			if at[j] >= 0 {
				c = prevChains[at[j]]
				continued[at[j]] = true
			} else {
				c = len(chains)
				chains = append(chains, &chain{firstSeen: when, firstSeenCommit: v.Commit})
			}
			curChains[j] = c
			ch := chains[c]
			wasCounted, wasDone := ch.counted, ch.done
			ch.counted = it.State != marker.Dropped
			ch.done = it.State == marker.Done
			if unknown {
				ch.firstSeen = time.Time{}
				continue
			}
			switch {
			case ch.done && !wasDone:
				ch.doneAt, ch.doneCommit = when, v.Commit
			case !ch.done:
				ch.doneAt, ch.doneCommit = time.Time{}, ""
			}
			switch {
			case ch.counted && !wasCounted:
				emit(Added, c, it.Text, wasCounted, wasDone)
			case !ch.counted && wasCounted:
				emit(Dropped, c, it.Text, wasCounted, wasDone)
			case ch.done && !wasDone:
				emit(Done, c, it.Text, wasCounted, wasDone)
			case !ch.done && wasDone:
				emit(Reopened, c, it.Text, wasCounted, wasDone)
			}
		}
		for i, ok := range continued {
			if ch := chains[prevChains[i]]; !ok && ch.counted {
				wasDone := ch.done
				ch.counted, ch.done = false, false
				emit(Dropped, prevChains[i], prev.items[i].Text, true, wasDone)
			}
		}
		point := Point{Date: Day(when)}
		for _, it := range cur.items {
			if it.State != marker.Dropped {
				point.Total++
			}
			if it.State == marker.Done {
				point.Done++
			}
		}
		if n := len(f.Series); n > 0 && f.Series[n-1].Date == point.Date {
			f.Series[n-1] = point
		} else {
			f.Series = append(f.Series, point)
		}
		prev, prevChains = cur, curChains
	}
	for j, it := range prev.items {
		ch := chains[prevChains[j]]
		h := ItemHistory{Text: it.Text, State: it.State}
		if !ch.firstSeen.IsZero() {
			h.FirstSeen, h.FirstSeenCommit = Day(ch.firstSeen), ch.firstSeenCommit
		}
		if it.State == marker.Done {
			switch {
			case it.Date != "":
				h.Done, h.DoneSource = it.Date, FromText
			case !ch.doneAt.IsZero():
				h.Done, h.DoneSource, h.DoneCommit = Day(ch.doneAt), FromGit, ch.doneCommit
			}
		}
		f.Items = append(f.Items, h)
	}
	return f
}
