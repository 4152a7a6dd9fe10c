// Package outputs is a build's bookkeeping of the files it hands the
// destination: which inputs (a key) each page's or listing's files were
// made from, so that a rebuild hands over what an earlier build made
// instead of making it again, and how many files went out.
//
// In: a publish.Sink; the key of each page or listing; the last build's
// Memo (a Builder's, in memory) or the build cache's Cached outputs (a
// one-off build's); and, for what must be made afresh, a function that
// makes it.
// Out: files handed to the sink (PutOwned, or KeepOwned for what is
// unchanged), this build's Memo and Outputs for the next build, the
// number of files, and the notes (output-capped warnings) of what was
// made or kept, with where each page's body lies in its HTML file
// (BodySpan, from Made) for a later build to put a new body in
// (BodySpan.Replace, which copies the old file's bytes and links' HTML
// around it). PageFiles keeps one page's files within config limits.
// It must not render, decide keys, or say which pages a change reaches:
// site does; nor touch the disk but through the sink.
package outputs

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
)

// Output is one page's or listing's key and the files made from it, and
// for a page the hash of the source it was parsed from: a build that finds
// the same source need not render the page's body unless its key changed.
type Output struct {
	Key    [32]byte
	Names  []string
	Source [32]byte
	Notes  diag.List // what making them reported (output-capped), repeated when they are kept
	// Body is where a page's body lies in its HTML file; nil when that
	// is not known (a listing, or a theme that does not show the body
	// once as it is).
	Body *BodySpan
	// Entries, in the output EntriesID only, say where each page's
	// entry lies in the site's status.json.
	Entries *Entries
}

// Made is what rendering one page made: its files, what making them
// reported, and where its body lies in its HTML (nil when unknown).
type Made struct {
	Files []publish.File
	Notes diag.List
	Body  *BodySpan
	// Release, when set, is called once the files were handed to the
	// sink: their bytes may then be used again (see Writer.Reuses).
	Release func()
}

// Options are what a Writer hands files to and takes them from.
type Options struct {
	Sink publish.Sink
	// Minified says the sink minified the theme's templates at load, so
	// the HTML made from them is as compact as minifying would make it.
	Minified bool
	// Prev is the last build's Memo (nil: none), Next this build's (nil
	// for a one-off build, which records Outputs instead).
	Prev, Next *Memo
	// Cached are an earlier one-off build's Outputs into the same
	// destination: an output whose key is unchanged is kept there.
	Cached map[string]Output
	// Source tells the source hash of the page id, for Outputs.
	Source func(id string) ([32]byte, bool)
}

// A Writer hands one build's files to the sink. Its methods may be called
// concurrently.
type Writer struct {
	opt       Options
	files     atomic.Int64
	mu        sync.Mutex
	notes     diag.List
	outputsMu sync.Mutex
	outputs   map[string]Output
}

// NewWriter returns a Writer for one build.
func NewWriter(opt Options) *Writer { return &Writer{opt: opt} }

// Files is the number of files handed over or kept.
func (w *Writer) Files() int { return int(w.files.Load()) }

// Notes are what making or keeping the outputs reported.
func (w *Writer) Notes() diag.List { return w.notes }

// Outputs are the pages and listings made or kept, for the next one-off
// build's Cached (nil when Next is set: the Memo is the Builder's cache).
func (w *Writer) Outputs() map[string]Output { return w.outputs }

// Reuses reports whether the bytes of a page's files, a listing or a
// page's status.json entry may be used again once they were handed over
// (Made.Release, ListingShared, Bytes): the sink does not keep them, and
// there is no Memo that would.
func (w *Writer) Reuses() bool { return w.opt.Next == nil && !w.opt.Sink.KeepsData() }

// Compact reports whether a file milepost made is as small as minifying
// would make it: JSON, SVG, XML and JavaScript are written compactly, and
// HTML is when the sink minified the theme's templates at load.
func (w *Writer) Compact(name string) bool {
	return w.opt.Minified || !strings.EqualFold(path.Ext(name), ".html")
}

// Put hands one file to the sink: a copied static file or asset.
func (w *Writer) Put(name string, data []byte) error {
	w.files.Add(1)
	if err := w.opt.Sink.Put(name, data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// PutMade hands the sink a file milepost made (a badge, JSON, robots.txt),
// compact unless it is HTML from a theme that was not minified.
func (w *Writer) PutMade(name string, data []byte) error {
	if !w.Compact(name) {
		return w.Put(name, data)
	}
	w.files.Add(1)
	if err := w.opt.Sink.PutCompact(name, data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// PutDeferred hands the sink a site-wide file that no page needs in order
// to be shown (the feed, the sitemap, the search index): the dev server
// makes it only when it is requested, so an edit does not wait for it.
// make runs at most once, maybe after the build returned.
func (w *Writer) PutDeferred(name string, make func() []byte) error {
	w.files.Add(1)
	if err := w.opt.Sink.PutDeferred(name, make); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// PutStreamed is PutDeferred for a file that may be too large to hold in
// memory (status.json): a directory build writes it as write writes it.
func (w *Writer) PutStreamed(name string, write func(io.Writer) error) error {
	w.files.Add(1)
	if err := w.opt.Sink.PutWriter(name, write); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// Page hands the sink the files of page id made from key: the last
// build's when it made them from the same key, else kept in the
// destination when the build cache says they are there, else what make
// makes.
func (w *Writer) Page(id string, key [32]byte, make func() (Made, error)) error {
	m := w.memoized(id, key)
	hit := m != nil
	var body *BodySpan
	if !hit {
		if kept, err := w.keptFromCache(id, key); kept || err != nil {
			return err
		}
		made, err := make()
		if err != nil {
			return err
		}
		if made.Release != nil {
			defer made.Release()
		}
		m, body = &pageMemo{key: key, files: made.Files, notes: made.Notes}, made.Body
		w.opt.Next.setPage(id, m)
	}
	w.report(m.notes)
	return w.putFiles(id, key, m.files, m.notes, body, hit)
}

// Listing hands the sink a page made of several pages (home, a folder's
// or a tag's listing) named name, made from key, the hash of everything
// it shows: the last build's bytes or the destination's file when the key
// is the same, else what make makes.
func (w *Writer) Listing(name string, key [32]byte, make func() ([]byte, error)) error {
	return w.ListingShared(name, key, func() ([]byte, func(), error) {
		data, err := make()
		return data, nil, err
	})
}

// ListingShared is Listing for a make that may draw the page in a buffer
// of its own and return, with the bytes, the release that gives the
// buffer back (nil when there is none): ListingShared calls it once the
// file is put, or at once, keeping a copy, when the bytes must outlive
// the put (Reuses is false).
func (w *Writer) ListingShared(name string, key [32]byte, make func() (data []byte, release func(), err error)) error {
	id := "list:" + name
	data, hit := w.recall(id, key)
	if !hit {
		if kept, err := w.keptFromCache(id, key); kept || err != nil {
			return err
		}
		made, release, err := make()
		if err != nil {
			return err
		}
		if release != nil && !w.Reuses() {
			made = bytes.Clone(made)
			release()
			release = nil
		}
		if release != nil {
			defer release()
		}
		data = made
		w.keepBytes(id, key, data)
	}
	return w.putFiles(id, key, []publish.File{{Name: name, Data: data, Compact: w.Compact(name)}}, nil, nil, hit)
}

// Bytes returns what the last build made under name from key, or else
// what make makes, and keeps it for the next build (a page's entry in
// status.json). make may hand back its bytes in a buffer of its own with
// the release that gives the buffer back (nil when there is none): Bytes
// returns them so, to be released once used, unless it keeps them, when
// it keeps a copy and returns that with a release that does nothing.
func (w *Writer) Bytes(name string, key [32]byte, make func() ([]byte, func())) ([]byte, func()) {
	if data, ok := w.recall(name, key); ok {
		return data, func() {}
	}
	data, release := make()
	if release == nil {
		release = func() {}
	}
	if w.opt.Next != nil {
		data = bytes.Clone(data)
		release()
		release = func() {}
		w.keepBytes(name, key, data)
	}
	return data, release
}

// putFiles hands the sink the files of owner, made from key, and notes
// them, and where a page's body lies in them, for the next build's
// cache. unchanged says they are the files the last build made: the sink
// then keeps them with one call when it can.
func (w *Writer) putFiles(owner string, key [32]byte, files []publish.File, notes diag.List, body *BodySpan, unchanged bool) error {
	w.files.Add(int64(len(files)))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	w.record(Output{Key: key, Names: names, Notes: notes, Body: body}, owner)
	if unchanged {
		if kept, err := w.opt.Sink.KeepOwned(owner, names); kept || err != nil {
			return err
		}
	}
	if err := w.opt.Sink.PutOwned(owner, files); err != nil {
		return fmt.Errorf("writing %s: %w", owner, err)
	}
	return nil
}

// keptFromCache keeps the output id in the destination when the earlier
// build made it from the same key (Options.Cached), and reports whether
// it did.
func (w *Writer) keptFromCache(id string, key [32]byte) (bool, error) {
	old, ok := w.opt.Cached[id]
	if !ok || old.Key != key {
		return false, nil
	}
	kept, err := w.opt.Sink.KeepOwned(id, old.Names)
	if kept {
		w.files.Add(int64(len(old.Names)))
		w.record(Output{Key: key, Names: old.Names, Notes: old.Notes, Body: old.Body}, id)
		w.report(old.Notes)
	}
	return kept, err
}

// record notes out, the output id, for the next build's cache (one-off
// builds only), with the source of the page id when it is one.
func (w *Writer) record(out Output, id string) {
	if w.opt.Next != nil {
		return // the Builder's own memo is its cache
	}
	if w.opt.Source != nil {
		out.Source, _ = w.opt.Source(id)
	}
	w.outputsMu.Lock()
	if w.outputs == nil {
		w.outputs = map[string]Output{}
	}
	w.outputs[id] = out
	w.outputsMu.Unlock()
}

// report adds to the notes.
func (w *Writer) report(ds diag.List) {
	if len(ds) == 0 {
		return
	}
	w.mu.Lock()
	w.notes = append(w.notes, ds...)
	w.mu.Unlock()
}
