package devserver

import (
	"context"

	"github.com/milepost/milepost/internal/site"
)

// SiteBuilder serves the build pipeline's incremental Builder to the
// server: `milepost serve` and the reload benchmark both use it.
func SiteBuilder(b *site.Builder) Builder { return siteBuilder{b} }

type siteBuilder struct{ b *site.Builder }

func (s siteBuilder) Build(ctx context.Context, changed []string) (*Result, error) {
	files, deferred, outputs, res, err := s.b.BuildServed(ctx, changed)
	if err != nil {
		return nil, err
	}
	return &Result{Files: files, Deferred: deferred, Changed: outputs, Pages: res.Parsed}, nil
}
