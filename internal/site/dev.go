package site

import (
	"context"

	"github.com/milepost/milepost/internal/publish"
)

// BuildFiles builds the site into memory, unminified, and returns every
// output file by path: what check inspects and tests compare. Pages whose
// sources did not change come from the Builder's cache; changed is as for
// Build.
func (b *Builder) BuildFiles(ctx context.Context, changed []string) (map[string][]byte, *Result, error) {
	mem := publish.NewMemory(false)
	res, err := b.Build(ctx, mem, changed)
	if err != nil {
		return nil, res, err
	}
	return mem.Files(), res, nil
}

// BuildServed is BuildFiles for the dev server: the site-wide files no
// page needs in order to be shown (status.json, feed.xml, sitemap.xml,
// search-index.js) are not made yet but returned as makers, which the
// server calls when a browser asks for them. Each runs at most once.
func (b *Builder) BuildServed(ctx context.Context, changed []string) (files map[string][]byte, deferred map[string]func() []byte, res *Result, err error) {
	mem := publish.NewMemorySized(false, b.lastFiles)
	if res, err = b.Build(ctx, mem, changed); err != nil {
		return nil, nil, res, err
	}
	b.lastFiles = res.Files
	files, deferred = mem.Take()
	return files, deferred, res, nil
}
