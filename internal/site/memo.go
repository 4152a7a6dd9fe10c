package site

import (
	"fmt"
	"sync"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
)

// A page's files are a function of a few inputs: its own source, how its
// links resolved (and the sources of the pages they embed), who links to
// it, the pages its folder listing shows, the titles in its breadcrumbs,
// and the site-wide settings (config, theme, build date, and the site's
// counts when the theme shows them on every page). The Builder keeps each
// page's files with a hash of those inputs, so a rebuild renders again only
// the pages whose inputs changed.

// outFile is one output file.
type outFile = publish.File

// pageMemo is what rendering one page produced, and the key it was
// rendered from.
type pageMemo struct {
	key   [32]byte
	files []outFile
	notes diag.List // what making the files reported (output-capped)
}

// memoTable holds the memos of one build, filled concurrently.
type memoTable struct {
	mu      sync.Mutex
	siteKey [32]byte             // the site key the page keys were made with
	pages   map[string]*pageMemo // by content path
	// bytes holds other memoised outputs: "json:"+page path is the page's
	// entry in status.json, "list:"+output name a folder or tag page.
	bytes map[string]bytesMemo
	// warnings are the pages' warnings, by content path, but the plan's
	// (which another page's edit can change).
	warnings map[string][]status.Warning
	// planSigs are what each page showed of the site's plan
	// (view.Maker.PlanSig), by content path.
	planSigs map[string][32]byte
}

// keptWarnings returns the warnings path had in the build t is the memo
// of, when path is not dirty (dirty nil means every page is).
func (t *memoTable) keptWarnings(path string, dirty map[string]bool) ([]status.Warning, bool) {
	if t == nil || dirty == nil || dirty[path] {
		return nil, false
	}
	ws, ok := t.warnings[path]
	return ws, ok
}

// bytesMemo is one memoised output and the key it was made from.
type bytesMemo struct {
	key  [32]byte
	data []byte
}

func newMemoTable() *memoTable {
	return &memoTable{pages: map[string]*pageMemo{}, bytes: map[string]bytesMemo{}}
}

// pageJSONEntry returns p's entry in status.json, reusing the previous
// build's when p's key did not change.
func (r *renderer) pageJSONEntry(p *parsed) []byte {
	key, name := r.keys[p.Content.Path], "json:"+p.Content.Path
	if js, ok := r.recall(name, key); ok {
		return js
	}
	js := machine.EncodePage(r.views.PageJSON(r.views.PageIn(&p.Page), false))
	r.keepBytes(name, key, js)
	return js
}

// recall returns the bytes the previous build made under name from the
// same key, and keeps them for the next build.
func (r *renderer) recall(name string, key [32]byte) ([]byte, bool) {
	if r.prevMemo == nil {
		return nil, false
	}
	r.prevMemo.mu.Lock()
	old, ok := r.prevMemo.bytes[name]
	r.prevMemo.mu.Unlock()
	if !ok || old.key != key {
		return nil, false
	}
	r.keepBytes(name, key, old.data)
	return old.data, true
}

// keepBytes keeps the bytes made under name from key for the next build.
func (r *renderer) keepBytes(name string, key [32]byte, data []byte) {
	if r.nextMemo == nil {
		return
	}
	r.nextMemo.mu.Lock()
	r.nextMemo.bytes[name] = bytesMemo{key, data}
	r.nextMemo.mu.Unlock()
}

func (t *memoTable) get(path string) *pageMemo {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pages[path]
}

func (t *memoTable) set(path string, m *pageMemo) {
	t.mu.Lock()
	t.pages[path] = m
	t.mu.Unlock()
}

// memoized returns the previous build's files for p when its key matches.
func (r *renderer) memoized(p *parsed) *pageMemo {
	if r.prevMemo == nil {
		return nil
	}
	m := r.prevMemo.get(p.Content.Path)
	if m == nil || m.key != r.keys[p.Content.Path] {
		return nil
	}
	r.nextMemo.set(p.Content.Path, m)
	return m
}

// remember keeps p's freshly rendered files for the next build.
func (r *renderer) remember(p *parsed, files []outFile, notes diag.List) *pageMemo {
	m := &pageMemo{key: r.keys[p.Content.Path], files: files, notes: notes}
	if r.nextMemo != nil {
		r.nextMemo.set(p.Content.Path, m)
	}
	return m
}

// keptFromCache keeps the output id (a page path, or "list:"+name) in the
// destination when the earlier build made it from the same key
// (Input.Cached), and reports whether it did.
func (r *renderer) keptFromCache(id string, key [32]byte) (bool, error) {
	old, ok := r.in.Cached[id]
	if !ok || old.Key != key {
		return false, nil
	}
	kept, err := r.sink.KeepOwned(id, old.Names)
	if kept {
		r.files.Add(int64(len(old.Names)))
		r.recordOutput(id, key, old.Names, old.Notes)
		r.report(old.Notes)
	}
	return kept, err
}

// recordOutput notes the files made from key, for the next build's cache
// (one-off builds only), with the source of the page id when it is one.
func (r *renderer) recordOutput(id string, key [32]byte, names []string, notes diag.List) {
	if r.nextMemo != nil {
		return // the Builder's own memo is its cache
	}
	out := Output{Key: key, Names: names, Notes: notes}
	if p, ok := r.views.Page(id); ok {
		out.Source = p.Content.Hash
	}
	r.outputsMu.Lock()
	if r.outputs == nil {
		r.outputs = map[string]Output{}
	}
	r.outputs[id] = out
	r.outputsMu.Unlock()
}

// executeKeyed runs a template for a page made of several pages (home, a
// folder's or a tag's listing), reusing the previous build's bytes when
// key, the hash of everything the page shows, is the same. The view is
// built only when the page must be rendered again.
func (r *renderer) executeKeyed(tmpl, name string, key [32]byte, view func() (*render.View, error)) error {
	id := "list:" + name
	if html, ok := r.recall(id, key); ok {
		return r.putFiles(id, key, []outFile{{Name: name, Data: html, Compact: r.compact(name)}}, nil, true)
	}
	if kept, err := r.keptFromCache(id, key); kept || err != nil {
		return err
	}
	v, err := view()
	if err != nil {
		return err
	}
	html, err := r.theme.Execute(tmpl, v)
	if err != nil {
		return fmt.Errorf("template %s for %s: %w", tmpl, name, err)
	}
	r.keepBytes(id, key, html)
	return r.putFiles(id, key, []outFile{{Name: name, Data: html, Compact: r.compact(name)}}, nil, false)
}
