package site

import (
	"context"
	"strings"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/parallel"
)

// Keys name what an output is made from. Each is the SHA-256 of its
// inputs, written into a keyhash.Buf with their lengths, so that no two
// different lists of inputs give the same bytes. The inputs of pages that
// others show (cards, embeds, backlinks, recent items, burn-up charts)
// enter other keys through the page's summary signature, so an edit that
// changes only a page's prose re-renders that page alone.

// siteKeyOf hashes the inputs every output shares: the theme, the
// settings, the build date and the version.
func (r *renderer) siteKeyOf() [32]byte {
	var k keyhash.Buf
	k.Raw(r.themeKey[:])
	k.Str(r.cfgKey, r.views.Site().Generated, r.in.Version)
	k.Flag(r.views.HasChanges()) // the Changes link in every page's header
	return k.Sum()
}

// pageKeys hashes the inputs of every page's files. In a rebuild, a page
// whose inputs cannot have changed (not in dirty; see dirtyPages) keeps its
// last key.
func (r *renderer) pageKeys(dirty map[string]bool) map[string][32]byte {
	sums := make([][32]byte, len(r.pages))
	_ = parallel.ForEach(context.Background(), len(r.pages), func(i int) error {
		p := r.pages[i]
		if dirty != nil && !dirty[p.Content.Path] {
			if key, ok := r.prevMemo.Key(p.Content.Path); ok {
				sums[i] = key
				return nil
			}
		}
		sums[i] = r.views.PageIn(&p.Page.Page).Key(r.siteKey)
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
	if r.prevMemo == nil || r.prevMemo.SiteKey != r.siteKey || !r.links.kept {
		return nil
	}
	dirty := map[string]bool{}
	changed := map[string]bool{} // pages whose summary changed
	for _, p := range r.pages {
		if !p.fresh {
			continue
		}
		dirty[p.Content.Path] = true
		for _, rs := range r.links.graph.Resolutions[p.Content.Path] {
			dirty[rs.Path] = true
		}
		if r.prevLinks != nil {
			for _, rs := range r.prevLinks.graph.Resolutions[p.Content.Path] {
				dirty[rs.Path] = true
			}
		}
		if !p.hadPrev || p.prevSummary != p.SummarySig {
			changed[p.Content.Path] = true
		}
	}
	// The site's plan reaches across pages: a task done on one page makes
	// another's ready. A page that shows a different plan is dirty, and
	// so are the listings that show its health and next item.
	for _, p := range r.pages {
		if prev, ok := r.prevMemo.PlanSigs[p.Content.Path]; !ok || prev != r.views.PlanSig(p.Content.Path) {
			dirty[p.Content.Path] = true
			changed[p.Content.Path] = true
		}
	}
	if len(changed) == 0 {
		return dirty
	}
	for _, p := range r.pages {
		for i, rs := range r.links.graph.Resolutions[p.Content.Path] {
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
