package site

import (
	"context"

	"github.com/milepost/milepost/internal/publish"
)

// BuildFiles builds the site into memory, unminified, and returns every
// output file by path: what the dev server serves and check inspects.
// Pages whose sources did not change come from the Builder's cache.
func (b *Builder) BuildFiles(ctx context.Context) (map[string][]byte, *Result, error) {
	mem := publish.NewMemory(false)
	res, err := b.Build(ctx, mem, nil)
	if err != nil {
		return nil, res, err
	}
	return mem.Files(), res, nil
}
