// Package site is the orchestrator: the one place the order of the stages
// is written. Build reads a site (config, content, theme overrides) from an
// fs.FS and streams every output file into a publish.Sink:
//
//	LOAD     content.Load: pages with front matter, assets
//	PARSE    per page, in parallel: goldmark AST → status, links, body HTML
//	         with wiki-link placeholders; the AST is dropped right after
//	RESOLVE  once every page is known: wiki-link index, resolutions, backlinks
//	RENDER   site-wide files (status.json, badges, feeds, search index, home,
//	         folders, tags, broken links), then every page in parallel:
//	         placeholders filled, templates run, its JSON, badges and feed
//	WRITE    the sink (publish.Tx for a directory, publish.Memory in memory)
//
// Build returns every diagnostic, sorted; if any is an error, nothing is
// handed to the sink and the caller aborts. A Builder does the same again
// and again, redoing only what changed (see builder.go and memo.go).
//
// site reads only the fs.FS it is given and writes only to the sink, with
// one exception: a one-off Build spools rendered bodies to an unlinked
// temporary file between PARSE and RENDER (spool.go), to keep memory flat.
package site

import (
	"context"
	"io/fs"
	"time"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/status"
)

// Input is everything a build reads.
type Input struct {
	// Site is the site root: milepost.yaml, the content folder, and the
	// optional templates/ and static/ overrides.
	Site fs.FS
	// Theme is the default theme (milepost.Templates/Static).
	ThemeTemplates, ThemeStatic fs.FS

	// ContentDir overrides config content_dir when not empty.
	ContentDir string
	// OpenContent opens the content folder dir (content_dir or
	// ContentDir as written: relative to the site root, or absolute).
	// nil opens dir inside Site, which cannot leave it.
	OpenContent func(dir string) (content.Folder, error)
	// FileLinks overrides config file_links when true.
	FileLinks bool
	// BaseURL overrides config base_url when not empty.
	BaseURL string
	// Drafts includes draft pages.
	Drafts bool
	// Now is the build time (SOURCE_DATE_EPOCH honoured by the caller).
	Now time.Time
	// Version is milepost's version, shown in the generator tag.
	Version string
	// Cached are the outputs of an earlier build into the same
	// destination, by page path or listing, with the keys they were made
	// from (buildcache). When the sink can keep files (publish.Tx), an
	// output whose key is unchanged is kept there instead of rendered.
	Cached map[string]buildcache.Output
	// Summaries are the page summaries of an earlier one-off build
	// (ReadSummaries of what Result.WriteSummaries wrote): a page whose
	// source and settings are the ones its summary was made from is not
	// parsed again, and its body is rendered only if the page must be.
	// Meant with Cached and a sink that keeps files; with another sink
	// those pages are parsed when they are rendered.
	Summaries *Summaries
	// Loaded, when set, offers LOAD the pages an earlier one-off build
	// read (content.Options.Reuse), without their bodies: the caller
	// answers only for files whose bytes it knows to be the same.
	// Result.LoadedPages are what to offer next time.
	Loaded func(path string) (*content.Page, bool)
	// Progress, when set, is told how far the long stages are ("parsing",
	// "rendering"): done of total pages. It is called from one goroutine.
	Progress func(stage string, done, total int)
}

// report tells in.Progress how far a stage is.
func (in Input) report(stage string, done, total int) {
	if in.Progress != nil {
		in.Progress(stage, done, total)
	}
}

// Result tells what a build did.
type Result struct {
	Pages       int
	Parsed      int // pages parsed afresh (the others came from the Builder's cache)
	Files       int
	Diagnostics diag.List // sorted; warnings only when Build returns nil
	Counts      status.Counts
	Config      config.Config
	// Outputs are this build's pages and listings with their keys, for
	// the next build's Input.Cached.
	Outputs map[string]buildcache.Output

	// pages and summaryKey are what WriteSummaries writes.
	pages      []*parsed
	summaryKey string
}

// Build runs every stage over in and writes the site to sink.
func Build(ctx context.Context, in Input, sink publish.Sink) (*Result, error) {
	b := NewBuilder(in)
	b.oneOff = true
	return b.Build(ctx, sink, nil)
}
