package outputs

import (
	"fmt"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
)

// PageFiles gathers one page's files within the config's limits
// (issue: a 169 KB page of 10,000 one-item sections once made 20,018
// files). The page's HTML, status.json and badge are always written:
// they are the page, and their size follows the page's own. What the page
// asks for beyond them (its feed, section badges) is added while the
// page's output stays within limits.page_output_mb and while it has
// fewer section badges than limits.section_badges; the rest is left out
// and named in one output-capped warning.
type PageFiles struct {
	limits  config.Limits
	compact func(name string) bool
	files   []publish.File
	bytes   int64

	// What was left out, and the first source line it came from.
	badgesOver, filesOver int
	bytesOver             int64
	badgesLine, bytesLine int
}

// NewPageFiles gathers a page's files within limits; compact tells
// whether a file is as small as minifying would make it.
func NewPageFiles(limits config.Limits, compact func(string) bool) *PageFiles {
	return &PageFiles{limits: limits, compact: compact}
}

// Always adds a file the page always has. It never fails; its error
// result lets it serve as an emit function.
func (o *PageFiles) Always(name string, data []byte) error {
	o.files = append(o.files, publish.File{Name: name, Data: data, Compact: o.compact(name)})
	o.bytes += int64(len(data))
	return nil
}

// Extra adds the files put makes (made from the source line line) when
// they fit in the page's byte limit, and leaves them all out otherwise.
func (o *PageFiles) Extra(line int, put func(emit func(string, []byte) error) error) {
	var made []publish.File
	var size int64
	_ = put(func(name string, data []byte) error {
		made = append(made, publish.File{Name: name, Data: data, Compact: o.compact(name)})
		size += int64(len(data))
		return nil
	})
	if o.bytes+size > o.limits.PageOutputBytes() {
		if o.filesOver == 0 {
			o.bytesLine = line
		}
		o.filesOver += len(made)
		o.bytesOver += size
		return
	}
	o.files = append(o.files, made...)
	o.bytes += size
}

// OverBadges notes that n section badges, the first from line, were left
// out by limits.section_badges.
func (o *PageFiles) OverBadges(n, line int) {
	o.badgesOver, o.badgesLine = n, line
}

// Notes is the output-capped warning for file, if anything was left out.
func (o *PageFiles) Notes(file string) diag.List {
	var out diag.List
	if o.badgesOver > 0 {
		out = append(out, diag.Warnf(diag.KindOutputCapped, file, o.badgesLine, 0,
			"%d section badges left out from here on: at most %d per page (limits.section_badges)", o.badgesOver, o.limits.SectionBadges))
	}
	if o.filesOver > 0 {
		out = append(out, diag.Warnf(diag.KindOutputCapped, file, o.bytesLine, 0,
			"%d files (%s) left out from here on: at most %d MB of output per page (limits.page_output_mb)", o.filesOver, megabytes(o.bytesOver), o.limits.PageOutputMB))
	}
	return out
}

// megabytes shows n bytes in MB with one decimal.
func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Files are the files gathered.
func (o *PageFiles) Files() []publish.File { return o.files }
