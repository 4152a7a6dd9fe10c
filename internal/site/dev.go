package site

import (
	"context"

	"github.com/milepost/milepost/internal/publish"
)

// BuildFiles builds the site into memory, unminified, and returns every
// output file by path: what the dev server serves and check inspects.
// Pages whose sources did not change come from the Builder's cache;
// changed is as for Build.
func (b *Builder) BuildFiles(ctx context.Context, changed []string) (map[string][]byte, *Result, error) {
	mem := publish.NewMemory(false)
	res, err := b.Build(ctx, mem, changed)
	if err != nil {
		return nil, res, err
	}
	return mem.Files(), res, nil
}
