package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// measureHugo builds the corpus with Hugo and the minimal site of
// bench/hugo, copied to OUT/hugo-site so Hugo's own files (resources/, the
// build lock) never land in the repository. --contentDir points Hugo at the
// corpus's content/ folder, so both tools read the very same files.
func (h *harness) measureHugo(ctx context.Context, n int, corpus string, m medium) (map[string]*sample, error) {
	site := filepath.Join(h.out, "hugo-site")
	if err := os.RemoveAll(site); err != nil {
		return nil, err
	}
	if err := copyTree(h.hugoSite, site); err != nil {
		return nil, fmt.Errorf("copying the Hugo site: %w", err)
	}
	dest := filepath.Join(m.dir, fmt.Sprintf("hugo-%d", n))
	reset := func() error {
		if err := m.discard(dest); err != nil {
			return err
		}
		for _, p := range []string{filepath.Join(site, "resources"), filepath.Join(site, ".hugo_build.lock")} {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
		return nil
	}
	argv := []string{h.hugo, "--quiet", "--source", site, "--contentDir", filepath.Join(corpus, "content"), "--destination", dest}
	build := func(ctx context.Context, name string) runResult { return h.r.run(ctx, name, site, nil, argv...) }
	res, err := h.measureBuilds(ctx, "hugo-"+m.name, n, corpus, dest, build, build, reset, false, false)
	if err != nil {
		return nil, err
	}
	// Hugo prints nothing and exits 0 when it finds no layouts or no pages:
	// make sure it really rendered every page.
	if s := res[modeCold]; s.err == nil {
		if _, pages, err := countFiles(dest); err != nil {
			return nil, err
		} else if pages < n {
			s.err = fmt.Errorf("hugo wrote only %d index.html files for %d pages", pages, n)
		}
	}
	_ = m.discard(dest)
	return res, nil
}

// copyTree copies the regular files below from to to.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
