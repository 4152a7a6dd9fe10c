package site

import "github.com/milepost/milepost/internal/render"

// decoratePage adds theme extras to a page's view (burn-up chart data and
// the like) after the page view is assembled.
func (r *renderer) decoratePage(p *parsed, pg *render.Page) {}

// writeThemeExtras writes the theme's site-wide extra files (search index
// and the like) once per build.
func (r *renderer) writeThemeExtras() error { return nil }
