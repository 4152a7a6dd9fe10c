package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"strconv"
	"strings"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/view"
	"github.com/milepost/milepost/internal/wikilink"
)

// Keys name what an output is made from. Each is the SHA-256 of its
// inputs, written into a keyBuf with their lengths, so that no two
// different lists of inputs give the same bytes. The inputs of pages that
// others show (cards, embeds, backlinks, recent items, burn-up charts)
// enter other keys through the page's summary signature, so an edit that
// changes only a page's prose re-renders that page alone.

// keyBuf accumulates the inputs of one key.
type keyBuf []byte

func (k *keyBuf) str(ss ...string) {
	for _, s := range ss {
		*k = binary.AppendUvarint(*k, uint64(len(s)))
		*k = append(*k, s...)
	}
}

func (k *keyBuf) raw(b []byte) { *k = append(*k, b...) }

func (k *keyBuf) num(n int) { *k = binary.AppendVarint(*k, int64(n)) }

func (k *keyBuf) flag(b bool) {
	if b {
		k.num(1)
	} else {
		k.num(0)
	}
}

func (k *keyBuf) counts(c status.Counts) {
	for _, v := range []int{c.Done, c.Active, c.Blocked, c.Open, c.Dropped} {
		k.num(v)
	}
}

func (k keyBuf) sum() [32]byte { return sha256.Sum256(k) }

// targetSignature hashes what a page or file offers wiki-links: everything
// the index answers from.
func targetSignature(t wikilink.Target) [32]byte {
	var k keyBuf
	k.str(t.Path, t.URL, t.Title)
	k.flag(t.IsPage)
	k.num(len(t.Aliases))
	k.str(t.Aliases...)
	k.num(len(t.Headings))
	for _, hd := range t.Headings {
		k.str(hd.ID, hd.Text, hd.GitHubAnchor, strconv.Itoa(hd.Level))
	}
	k.num(len(t.BlockIDs))
	k.str(t.BlockIDs...)
	return k.sum()
}

// summarySignature hashes what other outputs show of a page: its title,
// kind, date, tags and counts (cards, backlinks), its sections' counts
// (embedded status cards) and its dated done items (recent items, feeds,
// burn-up charts). Not its URL, which others add themselves.
func summarySignature(p *parsed) [32]byte {
	var k keyBuf
	k.str(p.Title, p.Kind, view.Date(p.Content.Updated))
	k.flag(p.Tracked)
	k.num(len(p.Content.Tags))
	k.str(p.Content.Tags...)
	k.counts(p.Status.Counts)
	var sections func([]*status.Section)
	sections = func(ss []*status.Section) {
		k.num(len(ss))
		for _, s := range ss {
			k.str(s.ID, s.Title)
			k.num(s.Level)
			k.counts(s.Counts)
			sections(s.Sections)
		}
	}
	sections(p.Status.Sections)
	for _, d := range view.DoneItems(&p.Page) {
		k.str(d.Text, d.Date, d.URL)
	}
	return k.sum()
}

// siteKeyOf hashes the inputs every output shares: the theme, the
// settings, the build date, the version, and the site's counts when every
// page shows them.
func (r *renderer) siteKeyOf() [32]byte {
	var k keyBuf
	k.raw(r.themeKey[:])
	k.str(r.cfgKey, r.views.Site().Generated, r.in.Version)
	if r.sitewideProgress {
		k.counts(r.views.Site().Progress.Counts)
	}
	return k.sum()
}

// pageKeys hashes the inputs of every page's files. In a rebuild, a page
// whose inputs cannot have changed (not in dirty; see dirtyPages) keeps its
// last key.
func (r *renderer) pageKeys(dirty map[string]bool) map[string][32]byte {
	sums := make([][32]byte, len(r.pages))
	_ = forEach(context.Background(), len(r.pages), func(i int) error {
		p := r.pages[i]
		if dirty != nil && !dirty[p.Content.Path] {
			if m := r.prevMemo.get(p.Content.Path); m != nil {
				sums[i] = m.key
				return nil
			}
		}
		sums[i] = r.pageKey(p)
		return nil
	}, nil)
	keys := make(map[string][32]byte, len(r.pages))
	for i, p := range r.pages {
		keys[p.Content.Path] = sums[i]
	}
	return keys
}

// dirtyPages lists the pages whose key may differ from the last build's,
// or returns nil when every key must be made again: on a first build, a
// new site key (theme, settings, day) or a new link index (a page came,
// went, or changed its title, aliases or headings). Otherwise only pages
// parsed again changed, and a page's key can change only if it is one of
// them, it is linked from one (its backlinks; old links and new), it embeds
// one whose summary changed, or it is the page of a folder holding one
// (its listing).
func (r *renderer) dirtyPages() map[string]bool {
	if r.prevMemo == nil || r.prevMemo.siteKey != r.siteKey || !r.links.kept {
		return nil
	}
	dirty := map[string]bool{}
	changed := map[string]bool{} // pages whose summary changed
	for _, p := range r.pages {
		if !p.fresh {
			continue
		}
		dirty[p.Content.Path] = true
		for _, rs := range r.links.byPage[p.Content.Path] {
			dirty[rs.Path] = true
		}
		if r.prevLinks != nil {
			for _, rs := range r.prevLinks.byPage[p.Content.Path] {
				dirty[rs.Path] = true
			}
		}
		if !p.hadPrev || p.prevSummary != p.SummarySig {
			changed[p.Content.Path] = true
		}
	}
	if len(changed) == 0 {
		return dirty
	}
	for _, p := range r.pages {
		for i, rs := range r.links.byPage[p.Content.Path] {
			if p.Links[i].Embed && changed[rs.Path] {
				dirty[p.Content.Path] = true
			}
		}
	}
	for path := range changed {
		p, _ := r.views.Page(path)
		for d := p.Content.Folder; ; d = parentFolder(d) {
			if ip, ok := r.views.PageAt(content.FolderURL(d)); ok && ip.Content.IsIndex {
				dirty[ip.Content.Path] = true
			}
			if d == "" {
				break
			}
		}
	}
	return dirty
}

// parentFolder is the folder holding content folder d ("" at the top).
func parentFolder(d string) string {
	if i := strings.LastIndexByte(d, '/'); i >= 0 {
		return d[:i]
	}
	return ""
}

// pageKey hashes the inputs of p's files: its source, how its links
// resolved (and the summaries of the pages it embeds), who links to it, its
// breadcrumbs and, for a folder's own page, the folder's listing.
func (r *renderer) pageKey(p *parsed) [32]byte {
	k := make(keyBuf, 0, 512)
	k.raw(r.siteKey[:])
	k.raw(p.Content.Hash[:])
	k.str(p.Content.Path, p.Content.URL)
	k.num(len(p.Lookups))
	for _, l := range p.Lookups { // markdown links: their targets are in the body
		k.str(l.Key, l.URL)
	}
	res := r.links.byPage[p.Content.Path]
	k.num(len(res))
	for i, rs := range res {
		k.str(rs.Path, rs.URL, rs.Anchor)
		k.flag(rs.Broken)
		k.num(len(rs.Warnings))
		for _, w := range rs.Warnings {
			k.str(w.Kind, w.Message)
		}
		if t, ok := r.views.Page(rs.Path); ok && p.Links[i].Embed {
			k.raw(t.SummarySig[:])
		}
	}
	bls := r.links.backlinks[p.Content.Path]
	k.num(len(bls))
	for _, bl := range bls { // a backlink shows the page's title and its section's
		k.raw(bl.From.SummarySig[:])
		k.str(bl.From.Content.Path, bl.From.Content.URL, bl.Section)
	}
	k.crumbs(r.views.Crumbs(p.Content.URL))
	if p.Content.IsIndex {
		sig := r.folderSig(r.views.FolderAt(p.Content.URL))
		k.raw(sig[:])
	}
	return k.sum()
}

func (k *keyBuf) crumbs(cs []render.Link) {
	k.num(len(cs))
	for _, c := range cs {
		k.str(c.Title, c.URL)
	}
}

// folderSig hashes what a listing of folder d shows: its pages' summaries
// and URLs, and its sub-folders' (recursively, for counts and charts).
// Computed once per build for every folder.
func (r *renderer) folderSig(d string) [32]byte {
	r.folderSigOnce.Do(func() {
		r.folderSigs = map[string][32]byte{}
		var walk func(d string) [32]byte
		walk = func(d string) [32]byte {
			var k keyBuf
			k.str(d, r.views.FolderTitle(d))
			for _, p := range r.views.PagesIn(d) {
				k.raw(p.SummarySig[:])
				k.str(p.Content.URL)
			}
			for _, sub := range r.views.Subfolders(d) {
				sig := walk(sub)
				k.raw(sig[:])
			}
			sig := k.sum()
			r.folderSigs[d] = sig
			return sig
		}
		walk("")
	})
	return r.folderSigs[d]
}

// pagesKey hashes a list of pages as a listing shows them.
func (r *renderer) pagesKey(parts []string, pages []*view.Page) [32]byte {
	var k keyBuf
	k.raw(r.siteKey[:])
	k.str(parts...)
	for _, p := range pages {
		k.raw(p.SummarySig[:])
		k.str(p.Content.URL)
	}
	return k.sum()
}

// themeKey hashes every template and static file a build uses, and says
// whether a template in effect (a site's own, else the embedded one), other
// than the home page's, shows the site's progress: then every page changes
// when any count does.
func themeKey(templates, overrides fs.FS, statics ...fs.FS) (key [32]byte, sitewideProgress bool) {
	var k keyBuf
	hashAll := func(fsys fs.FS, visit func(name string, data []byte)) {
		if fsys == nil {
			return
		}
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if data, err := fs.ReadFile(fsys, p); err == nil {
				k.str(p, string(data))
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
	return k.sum(), sitewideProgress
}
