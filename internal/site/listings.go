package site

import (
	"context"
	"fmt"

	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/render"
)

// writeListings writes the pages that list other pages: home, folders,
// tags, broken links, and 404, and the folders' feeds, each keyed on what
// it shows.
func (r *renderer) writeListings() error {
	if err := r.writeHome(); err != nil {
		return err
	}
	ls := r.views.Listings()
	err := parallel.ForEach(context.Background(), len(ls), func(i int) error {
		l := ls[i]
		return r.executeKeyed(l.Template, l.Name, r.withSiteKey(l.Key), func() (*render.View, error) { return l.View(), nil })
	}, nil)
	if err != nil {
		return err
	}
	for _, f := range r.views.FolderFeeds() {
		if err := r.out.Listing(f.Name, r.withSiteKey(f.Key), func() ([]byte, error) { return f.Make(), nil }); err != nil {
			return err
		}
	}
	return nil
}

// withSiteKey adds the site-wide inputs to a key.
func (r *renderer) withSiteKey(key [32]byte, more ...[32]byte) [32]byte {
	var k keyhash.Buf
	k.Raw(r.siteKey[:])
	k.Raw(key[:])
	for _, m := range more {
		k.Raw(m[:])
	}
	return k.Sum()
}

// writeHome writes the front page: the root index page's body when there
// is one, every folder's first pages, recent and stale items, the chart.
func (r *renderer) writeHome() error {
	var root *parsed // the root index page, shown on the home page
	var rootKey [32]byte
	for _, p := range r.pages {
		if p.Content.URL == "" {
			root, rootKey = p, r.keys[p.Content.Path]
			break
		}
	}
	return r.executeKeyed("home.html", "index.html", r.withSiteKey(r.views.HomeKey(), rootKey), func() (*render.View, error) {
		var body []byte
		if root != nil {
			var err error
			if body, err = r.parseEnv.Body(&root.Page); err != nil {
				return nil, err
			}
		}
		return r.views.Home(body), nil
	})
}

// executeKeyed runs a template for a page made of several pages (home, a
// folder's or a tag's listing), unless the last build made it from the
// same key, the hash of everything the page shows. The view is built
// only when the page must be rendered again.
func (r *renderer) executeKeyed(tmpl, name string, key [32]byte, view func() (*render.View, error)) error {
	return r.out.ListingShared(name, key, func() ([]byte, func(), error) {
		v, err := view()
		if err != nil {
			return nil, nil, err
		}
		// drawn in the theme's buffer: ListingShared gives it back, or
		// copies the page out when it must outlive the put
		html, release, err := r.theme.ExecuteShared(tmpl, v)
		if err != nil {
			return nil, nil, fmt.Errorf("template %s for %s: %w", tmpl, name, err)
		}
		return html, release, nil
	})
}
