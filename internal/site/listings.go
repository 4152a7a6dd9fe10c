package site

import (
	"context"
	"strconv"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/render"
)

// writeListings writes the pages that list other pages: home, folders,
// tags, broken links, and 404, each keyed on what it shows.
func (r *renderer) writeListings() error {
	if err := r.writeHome(); err != nil {
		return err
	}
	folders := r.set.Folders
	err := parallel.ForEach(context.Background(), len(folders), func(i int) error {
		d := folders[i]
		u := content.FolderURL(d)
		if _, hasPage := r.views.PageAt(u); hasPage {
			return nil // the folder's own page lists it
		}
		var k keyhash.Buf
		k.Raw(r.siteKey[:])
		k.Str("folder.html", u, content.FolderTitle(d))
		crumbsKey(&k, r.views.Crumbs(u))
		sig := r.views.FolderSig(d)
		k.Raw(sig[:])
		return r.executeKeyed("folder.html", u+"index.html", k.Sum(), func() (*render.View, error) {
			return r.views.FolderView(d), nil
		})
	}, nil)
	if err != nil {
		return err
	}
	tags := r.views.TagPages()
	err = parallel.ForEach(context.Background(), len(tags), func(i int) error {
		t := tags[i]
		return r.executeKeyed("tag.html", t.URL+"index.html", r.pagesKey([]string{"tag.html", t.URL, t.Name}, t.Pages), func() (*render.View, error) {
			return r.views.TagView(t), nil
		})
	}, nil)
	if err != nil {
		return err
	}
	var k keyhash.Buf
	k.Raw(r.siteKey[:])
	for _, t := range tags {
		k.Str(t.Name, t.URL)
		k.Num(len(t.Pages))
	}
	err = r.executeKeyed("tags.html", "tags/index.html", k.Sum(), func() (*render.View, error) {
		return r.views.TagsView(tags), nil
	})
	if err != nil {
		return err
	}
	k = nil
	k.Raw(r.siteKey[:])
	for _, b := range r.views.Broken() {
		k.Str(b.File, strconv.Itoa(b.Line), b.Target, b.Page.Title, b.Page.URL, b.Reason)
	}
	err = r.executeKeyed("broken-links.html", "broken-links/index.html", k.Sum(), func() (*render.View, error) {
		return r.views.BrokenView(), nil
	})
	if err != nil {
		return err
	}
	return r.executeKeyed("404.html", "404.html", r.siteKey, func() (*render.View, error) {
		return r.views.NotFoundView(), nil
	})
}

// writeHome writes the front page: the root index page's body when there
// is one, every folder's first pages, recent and stale items, the chart.
func (r *renderer) writeHome() error {
	var k keyhash.Buf
	k.Raw(r.siteKey[:])
	k.Str("home.html")
	var root *parsed // the root index page, shown on the home page
	for _, p := range r.pages {
		if p.Content.URL == "" {
			root = p
			key := r.keys[p.Content.Path]
			k.Raw(key[:])
			break
		}
	}
	sig := r.views.FolderSig("")
	k.Raw(sig[:])
	return r.executeKeyed("home.html", "index.html", k.Sum(), func() (*render.View, error) {
		var body []byte
		if root != nil {
			var err error
			if body, err = r.body(root); err != nil {
				return nil, err
			}
		}
		return r.views.Home(body), nil
	})
}
