package site

import (
	"context"
	"maps"

	"github.com/milepost/milepost/internal/publish"
)

// BuildFiles builds the site into memory, unminified, and returns every
// output file by path: what check inspects and tests compare. Pages whose
// sources did not change come from the Builder's cache; changed is as for
// Build.
func (b *Builder) BuildFiles(ctx context.Context, changed []string) (map[string][]byte, *Result, error) {
	files, deferred, _, res, err := b.BuildServed(ctx, changed)
	if err != nil {
		return nil, res, err
	}
	all := maps.Clone(files) // files is the base of the next build: not changed
	for name, make := range deferred {
		all[name] = make()
	}
	return all, res, nil
}

// BuildServed is BuildFiles for the dev server: the site-wide files no
// page needs in order to be shown (status.json, feed.xml, sitemap.xml,
// search-index.js) are not made yet but returned as makers, which the
// server calls when a browser asks for them. Each runs at most once.
// outputs lists the files whose bytes changed since the last build
// (removed ones included), nil when unknown.
func (b *Builder) BuildServed(ctx context.Context, changed []string) (files map[string][]byte, deferred map[string]func() []byte, outputs []string, res *Result, err error) {
	mem := publish.NewMemory(false)
	if b.lastMemory != nil {
		mem = b.lastMemory.Rebuild() // starts from the last build's files
	}
	if res, err = b.build(ctx, mem, changed); err != nil {
		return nil, nil, nil, res, err
	}
	files, deferred = mem.Take()
	b.lastMemory = mem
	return files, deferred, mem.Changes(), res, nil
}
