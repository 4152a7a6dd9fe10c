package outputs

import (
	"sync"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/status"
)

// A page's files are a function of a few inputs: its own source, how its
// links resolved (and the sources of the pages they embed), who links to
// it, the pages its folder listing shows, the titles in its breadcrumbs,
// and the site-wide settings (config, theme, build date). A Builder keeps
// each page's files with a hash of those inputs (its key) in a Memo, so a
// rebuild renders again only the pages whose inputs changed.

// Memo is what one build made, by key, for the next build of a Builder:
// every page's files, other outputs' bytes, and what site keeps to tell
// which pages an edit can reach. It is filled concurrently.
type Memo struct {
	mu    sync.Mutex
	pages map[string]*pageMemo // by content path
	// bytes holds other memoised outputs: "json:"+page path is the page's
	// entry in status.json, "list:"+output name a folder or tag page.
	bytes map[string]bytesMemo

	// SiteKey is the site key the page keys were made with.
	SiteKey [32]byte
	// Warnings are the pages' warnings, by content path, but the plan's
	// (which another page's edit can change).
	Warnings map[string][]status.Warning
	// PlanSigs are what each page showed of the site's plan
	// (view.Maker.PlanSig), by content path.
	PlanSigs map[string][32]byte
}

// pageMemo is what rendering one page produced, and the key it was
// rendered from.
type pageMemo struct {
	key   [32]byte
	files []publish.File
	notes diag.List // what making the files reported (output-capped)
}

// bytesMemo is one memoised output and the key it was made from.
type bytesMemo struct {
	key  [32]byte
	data []byte
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{pages: map[string]*pageMemo{}, bytes: map[string]bytesMemo{}}
}

// Key is the key the page at path was rendered from (false: none, or no
// Memo).
func (t *Memo) Key(path string) ([32]byte, bool) {
	if m := t.page(path); m != nil {
		return m.key, true
	}
	return [32]byte{}, false
}

// KeptWarnings returns the warnings path had in the build t is the memo
// of, when path is not dirty (dirty nil means every page is).
func (t *Memo) KeptWarnings(path string, dirty map[string]bool) ([]status.Warning, bool) {
	if t == nil || dirty == nil || dirty[path] {
		return nil, false
	}
	ws, ok := t.Warnings[path]
	return ws, ok
}

func (t *Memo) page(path string) *pageMemo {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pages[path]
}

func (t *Memo) setPage(path string, m *pageMemo) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.pages[path] = m
	t.mu.Unlock()
}

// memoized returns the previous build's files for page id when they were
// made from key, and keeps them for the next build.
func (w *Writer) memoized(id string, key [32]byte) *pageMemo {
	m := w.opt.Prev.page(id)
	if m == nil || m.key != key {
		return nil
	}
	w.opt.Next.setPage(id, m)
	return m
}

// recall returns the bytes the previous build made under name from the
// same key, and keeps them for the next build.
func (w *Writer) recall(name string, key [32]byte) ([]byte, bool) {
	if w.opt.Prev == nil {
		return nil, false
	}
	w.opt.Prev.mu.Lock()
	old, ok := w.opt.Prev.bytes[name]
	w.opt.Prev.mu.Unlock()
	if !ok || old.key != key {
		return nil, false
	}
	w.keepBytes(name, key, old.data)
	return old.data, true
}

// keepBytes keeps the bytes made under name from key for the next build.
func (w *Writer) keepBytes(name string, key [32]byte, data []byte) {
	if w.opt.Next == nil {
		return
	}
	w.opt.Next.mu.Lock()
	w.opt.Next.bytes[name] = bytesMemo{key, data}
	w.opt.Next.mu.Unlock()
}
