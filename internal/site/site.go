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
// and again, redoing only what changed (see builder.go and keys.go; package
// outputs keeps the last build's files by key).
//
// site reads only the fs.FS it is given and writes only to the sink, with
// one exception: a one-off Build spools rendered bodies to an unlinked
// temporary file between PARSE and RENDER (package spool), to keep memory
// flat. Each stage is a package of its own (content, parse, wikilink,
// view, outputs); site says in what order they run and what a Builder
// keeps between builds.
package site

import (
	"context"
	"io/fs"
	"time"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

// Mode is how the caller runs builds, which it states in Input.Mode.
type Mode int

const (
	// Once is a single build (milepost build, check): bodies are spooled
	// to disk between PARSE and RENDER, each page's source is dropped once
	// parsed, and nothing is kept for a next build but what Result
	// writes out (Outputs, WriteSummaries, LoadedPages).
	Once Mode = iota
	// Again is a Builder's that builds the same site again and again
	// (milepost serve): it keeps the last build's load, parses, rendered
	// pages, link index and theme in memory, and redoes only what changed.
	Again
)

// Input is everything a build reads.
type Input struct {
	// Mode says whether the build is one of many (Again) or not (Once).
	Mode Mode
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
	// NoHistory turns off reading the content folder's git history
	// (--no-history), whatever config history.enabled says.
	NoHistory bool
	// KeepGoing (check's) goes on past errors at pages that still loaded
	// (their front matter: the page is read without what failed), so the
	// other pages are checked too; the build still fails with every
	// error. Only for a sink that is thrown away: it renders such pages.
	KeepGoing bool
	// Now is the build time (SOURCE_DATE_EPOCH honoured by the caller).
	Now time.Time
	// Version is milepost's version, shown in the generator tag.
	Version string
	// Cached are the outputs of an earlier build into the same
	// destination, by page path or listing, with the keys they were made
	// from (Result.Outputs of that build), for a build Once: an output whose key is
	// unchanged is kept by the sink (publish.Tx.KeepOwned) instead of
	// rendered, and a page whose source is unchanged has its body
	// rendered only if it is not.
	Cached map[string]Output
	// Held, with Cached, returns a file of the destination when it holds
	// the bytes its manifest lists (publish.Tx.Held): the site's
	// status.json, whose unchanged pages' entries are taken from it.
	Held func(name string) ([]byte, bool)
	// Summaries are the page summaries of an earlier one-off build
	// (summary.Read of what Result.WriteSummaries wrote): a page whose
	// source and settings are the ones its summary was made from is not
	// parsed again, and its body is rendered only if the page must be.
	// Meant with Cached; pages whose files cannot be kept are parsed again
	// when they are rendered.
	Summaries *summary.Summaries
	// Loaded, when set, offers LOAD the pages an earlier one-off build
	// read (content.Options.Reuse), without their bodies: the caller
	// answers only for files whose bytes it knows to be the same.
	// Result.LoadedPages are what to offer next time.
	Loaded func(path string) (*content.Page, bool)
	// HistoryCache is what an earlier build's history read left
	// (Result.HistoryCache of that build): the items of page versions,
	// which are then neither fetched from git nor read again, each page's
	// history, taken while its versions are the same, and the git log,
	// read on from there.
	HistoryCache *githistory.Cache
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
	Pages  int
	Parsed int // pages parsed afresh (the others came from the Builder's cache)
	// Spliced says the edited pages' new bodies were put into the last
	// build's files, and nothing else was made (Splice).
	Spliced bool
	// KeptEntries is how many pages' entries in the site's status.json
	// were taken from the file the last one-off build wrote (Input.Held).
	KeptEntries int
	Files       int
	Diagnostics diag.List // sorted; warnings only when Build returns nil
	Counts      status.Counts
	Config      config.Config
	// Outputs are this build's pages and listings with their keys, for
	// the next build's Input.Cached.
	Outputs map[string]Output
	// History is what the build must say of git history: why it is off,
	// or that the clone is shallow ("" when there is nothing to say).
	History string

	// pages and summaryKey are what WriteSummaries writes.
	pages      []*parsed
	summaryKey string
	// historyCache is what HistoryCache returns.
	historyCache *githistory.Cache
}

// Output is one page's or listing's key and the files made from it
// (package outputs keeps the books).
type Output = outputs.Output

// Build runs every stage over in and writes the site to sink.
func Build(ctx context.Context, in Input, sink publish.Sink) (*Result, error) {
	return NewBuilder(in).build(ctx, sink, nil)
}
