package devserver

import "context"

// Builder builds the site in memory.
//
// changed lists the source files that changed since the previous call, as
// slash-separated paths relative to the site root ("content/milestones/x.md",
// "templates/page.html", "milepost.yaml"), sorted and without duplicates; a
// listed file may no longer exist (it was deleted or renamed away). A folder
// renamed or removed is reported as its files, each under the old and the
// new name. nil means "rebuild everything": the first build, or the watcher
// lost track (an event queue overflow, a parent folder of a watched entry
// removed, the switch from fsnotify to polling).
//
// Build is only ever called from one goroutine at a time. A failed build
// returns an error; a *diag.ErrorList (or an error wrapping one) is shown
// diagnostic by diagnostic with the source lines around each.
type Builder interface {
	Build(ctx context.Context, changed []string) (*Result, error)
}

// Result is one successful build.
//
// The server keeps Files until the next successful build and reads it from
// many goroutines: the builder must not modify the map or the byte slices
// after returning them (it may hand the same unchanged slices to the next
// Result, which also makes the server's own change detection cheap).
type Result struct {
	// Files is the site by output path ("index.html",
	// "milestones/x/index.html", "style.css").
	Files map[string][]byte
	// Deferred are outputs made only when a browser asks for them, by
	// path: site-wide files no page needs in order to be shown (status.json,
	// the search index). The server may call a maker from many goroutines
	// and more than once: the builder makes each file once. Deferred files
	// take no part in change detection (they are not HTML or CSS, so a
	// change to one reloads nothing).
	Deferred map[string]func() []byte
	// Changed lists the output paths whose bytes differ from the previous
	// result, removed paths included. nil means unknown: the server then
	// compares Files with the previous result itself.
	Changed []string
	// Pages is the number of pages re-rendered, for the terminal line.
	Pages int
}
