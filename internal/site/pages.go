package site

import (
	"fmt"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/machine"
)

// writePage writes one page's HTML, its status.json and its badges, or,
// when nothing the page is rendered from changed since the Builder's last
// build, the files that build rendered.
func (r *renderer) writePage(p *parsed) error {
	if p.Content.URL == "" {
		return nil // the root index.md is shown on the home page
	}
	m := r.memoized(p)
	hit := m != nil
	if m == nil {
		if kept, err := r.keptFromCache(p.Content.Path, r.keys[p.Content.Path]); kept || err != nil {
			return err
		}
		files, notes, err := r.renderPage(p)
		if err != nil {
			return err
		}
		m = r.remember(p, files, notes)
	}
	if hit {
		r.report(m.notes)
	}
	return r.putFiles(p.Content.Path, m.key, m.files, m.notes, hit)
}

// putFiles hands the sink the files of owner (a page's path, or "list:"
// and a listing's name), made from key, and notes them for the next
// build's cache. unchanged says they are the files the last build made:
// the sink then keeps them with one call when it can.
func (r *renderer) putFiles(owner string, key [32]byte, files []outFile, notes diag.List, unchanged bool) error {
	r.files.Add(int64(len(files)))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	r.recordOutput(owner, key, names, notes)
	if unchanged {
		if kept, err := r.sink.KeepOwned(owner, names); kept || err != nil {
			return err
		}
	}
	if err := r.sink.PutOwned(owner, files); err != nil {
		return fmt.Errorf("writing %s: %w", owner, err)
	}
	return nil
}

// renderPage renders the files of one page: its HTML, status.json and
// badge, then what it asks for beyond them (its feed, section badges)
// within the config's limits, with an output-capped warning for what is
// left out.
func (r *renderer) renderPage(p *parsed) ([]outFile, diag.List, error) {
	body, err := r.body(p)
	if err != nil {
		return nil, nil, err
	}
	in := r.views.PageIn(&p.Page)
	v := r.views.PageView(in, body)
	html, err := r.theme.Execute("page.html", v)
	if err != nil {
		return nil, nil, fmt.Errorf("template page.html for %s: %w", p.Content.URL, err)
	}
	out := newPageOutput(r.cfg.Limits, r.compact)
	out.always(p.Content.URL+"index.html", html)
	out.always(p.Content.URL+"status.json", machine.EncodePage(r.views.PageJSON(in, true)))
	if err := r.views.PageBadge(&p.Page, out.always); err != nil {
		return nil, nil, err
	}
	if feed := r.views.PageFeed(&p.Page); feed != nil {
		out.extra(1, func(emit func(string, []byte) error) error {
			return emit(p.Content.URL+"feed.xml", feed)
		})
	}
	badges := r.views.SectionBadges(&p.Page)
	for i, b := range badges {
		if i == r.cfg.Limits.SectionBadges {
			out.overBadges(len(badges)-i, b.Line)
			break
		}
		out.extra(b.Line, b.Put)
	}
	notes := out.notes(r.prefix + p.Content.Path)
	r.report(notes)
	return out.files, notes, nil
}

// report adds diagnostics to the build's.
func (r *renderer) report(ds diag.List) {
	if len(ds) == 0 {
		return
	}
	r.mu.Lock()
	r.diags = append(r.diags, ds...)
	r.mu.Unlock()
}

// body returns p's rendered body, from memory or the spool.
func (r *renderer) body(p *parsed) ([]byte, error) {
	switch {
	case p.bodyLater: // parsed without its body: parse again, in full
		env := *r.parseEnv
		env.laterBody, env.spool = nil, nil
		return parsePage(&env, p.Content).body, nil
	case p.body != nil || r.spool == nil:
		return p.body, nil
	}
	return r.spool.Get(p.spooled)
}
