package site

import (
	"context"
	"fmt"

	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"github.com/milepost/milepost/internal/render"
	"hash"
	"io/fs"
	"sync"

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
type outFile struct {
	name string
	data []byte
}

// pageMemo is what rendering one page produced, and the key it was
// rendered from.
type pageMemo struct {
	key   [32]byte
	files []outFile
}

// memoTable holds the memos of one build, filled concurrently.
type memoTable struct {
	mu    sync.Mutex
	pages map[string]*pageMemo // by content path
	// bytes holds other memoised outputs: "json:"+page path is the page's
	// entry in status.json, "list:"+output name a folder or tag page.
	bytes map[string]bytesMemo
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
	key, name := r.keys[p.page.Path], "json:"+p.page.Path
	if js, ok := r.recall(name, key); ok {
		return js
	}
	js, _ := json.Marshal(r.pageJSON(p, false))
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
	m := r.prevMemo.get(p.page.Path)
	if m == nil || m.key != r.keys[p.page.Path] {
		return nil
	}
	r.nextMemo.set(p.page.Path, m)
	return m
}

// remember keeps p's freshly rendered files for the next build.
func (r *renderer) remember(p *parsed, files []outFile) *pageMemo {
	m := &pageMemo{key: r.keys[p.page.Path], files: files}
	if r.nextMemo != nil {
		r.nextMemo.set(p.page.Path, m)
	}
	return m
}

// executeListing runs a listing template (a folder's or a tag's page),
// reusing the previous build's bytes when the listed pages, the
// sub-folders' counts and the site-wide settings are the same.
// The view is built only when the page must be rendered again.
func (r *renderer) executeListing(tmpl, name, title string, crumbs []render.Link, pages []*parsed, folders []string, view func() *render.View) error {
	h := sha256.New()
	h.Write(r.siteKey[:])
	writeStrings(h, tmpl, name, title)
	for _, c := range crumbs {
		writeStrings(h, c.Title, c.URL)
	}
	for _, p := range pages {
		h.Write(p.page.Hash[:])
		writeStrings(h, p.page.URL)
	}
	for _, d := range folders {
		writeStrings(h, d, r.folderTitle(d))
		writeCounts(h, r.rollup(d, true))
	}
	var key [32]byte
	h.Sum(key[:0])
	if html, ok := r.recall("list:"+name, key); ok {
		return r.putShared(name, html)
	}
	html, err := r.theme.Execute(tmpl, view())
	if err != nil {
		return fmt.Errorf("template %s for %s: %w", tmpl, name, err)
	}
	r.keepBytes("list:"+name, key, html)
	return r.putShared(name, html)
}

// pageKeys hashes the inputs of every page's files.
func (r *renderer) pageKeys(themeKey [32]byte) map[string][32]byte {
	site := sha256.New()
	site.Write(themeKey[:])
	writeStrings(site, r.cfgKey, r.site.Generated, r.in.Version)
	if r.sitewideProgress {
		writeCounts(site, r.site.Progress.Counts)
	}
	siteSum := site.Sum(nil)
	copy(r.siteKey[:], siteSum)

	sums := make([][32]byte, len(r.pages))
	_ = forEach(context.Background(), len(r.pages), func(i int) error {
		p := r.pages[i]
		h := sha256.New()
		h.Write(siteSum)
		h.Write(p.page.Hash[:])
		writeStrings(h, p.page.Path, p.page.URL)
		for _, l := range p.lookups { // markdown links: their targets are in the body
			writeStrings(h, l.key, l.url)
		}
		for i, rs := range r.links.byPage[p.page.Path] {
			writeStrings(h, rs.Path, rs.URL, rs.Anchor)
			writeBool(h, rs.Broken)
			for _, w := range rs.Warnings {
				writeStrings(h, w.Kind, w.Message)
			}
			if t, ok := r.byPath[rs.Path]; ok && p.links[i].Embed {
				h.Write(t.page.Hash[:])
			}
		}
		for _, bl := range r.links.backlinks[p.page.Path] {
			h.Write(bl.from.page.Hash[:])
			writeStrings(h, bl.from.page.Path, bl.from.page.URL, bl.section)
		}
		for _, c := range r.crumbs(p.page.URL) {
			writeStrings(h, c.Title, c.URL)
		}
		if p.page.IsIndex {
			d := r.folderByURL()[p.page.URL]
			writeCounts(h, r.rollup(d, true))
			for _, q := range r.pagesIn[d] {
				h.Write(q.page.Hash[:])
				writeStrings(h, q.page.URL)
			}
			for _, sub := range r.subfolders[d] {
				writeStrings(h, sub, r.folderTitle(sub))
				writeCounts(h, r.rollup(sub, true))
			}
		}
		h.Sum(sums[i][:0])
		return nil
	}, nil)
	keys := make(map[string][32]byte, len(r.pages))
	for i, p := range r.pages {
		keys[p.page.Path] = sums[i]
	}
	return keys
}

// themeKey hashes every template and static file a build uses, and says
// whether a template in effect (a site's own, else the embedded one), other
// than the home page's, shows the site's progress: then every page changes
// when any count does.
func themeKey(templates, overrides fs.FS, statics ...fs.FS) (key [32]byte, sitewideProgress bool) {
	h := sha256.New()
	hashAll := func(fsys fs.FS, visit func(name string, data []byte)) {
		if fsys == nil {
			return
		}
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if data, err := fs.ReadFile(fsys, p); err == nil {
				writeStrings(h, p)
				h.Write(data)
				visit(p, data)
			}
			return nil
		})
	}
	effective := map[string][]byte{}
	hashAll(templates, func(name string, data []byte) { effective[name] = data })
	hashAll(overrides, func(name string, data []byte) { effective[name] = data })
	for _, fsys := range statics {
		hashAll(fsys, func(string, []byte) {})
	}
	for name, data := range effective {
		if name != "home.html" && bytes.Contains(data, []byte("Site.Progress")) {
			sitewideProgress = true
		}
	}
	h.Sum(key[:0])
	return key, sitewideProgress
}

func writeStrings(h hash.Hash, ss ...string) {
	var n [8]byte
	for _, s := range ss {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
}

func writeBool(h hash.Hash, b bool) {
	if b {
		h.Write([]byte{1})
	} else {
		h.Write([]byte{0})
	}
}

func writeCounts(h hash.Hash, c status.Counts) {
	var n [40]byte
	for i, v := range []int{c.Done, c.Active, c.Blocked, c.Open, c.Dropped} {
		binary.LittleEndian.PutUint64(n[i*8:], uint64(v))
	}
	h.Write(n[:])
}
