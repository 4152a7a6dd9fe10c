// Package publish is the WRITE stage: it receives a build's output files one
// by one and makes them the destination directory, safely.
//
// What comes in: a destination path, Options, and a stream of (name, bytes)
// pairs through Sink.Put, called from many goroutines as pages are rendered.
// Names are slash-separated paths relative to the site root; CheckName says
// which names are accepted.
//
// What goes out: on Commit, the destination holds exactly the files of this
// build (plus files milepost never wrote, and dot-files, which it leaves
// alone), and a manifest, .milepost-manifest.json, listing what milepost
// wrote (package manifest is its format and the rule on output names).
//
// What it must guarantee:
//
//   - Nothing visible changes before Commit. Put writes new and changed files
//     into a staging directory (.milepost-staging inside the destination, or
//     beside it when the destination does not exist yet); Abort removes it.
//     A staging directory left by a killed build is removed by the next Begin.
//   - Commit writes only files whose bytes changed: an unchanged file is
//     neither rewritten nor read back, so it keeps its mtime and rsync-style
//     deploys upload only what changed. "Unchanged" means the manifest lists
//     the same size and SHA-256, and a stat finds a regular file of that size
//     not modified after the manifest was written (a file edited by hand is
//     rewritten).
//   - Commit deletes only files listed in the previous manifest that this
//     build no longer produces, then removes directories that became empty.
//     It overwrites a file only if the manifest lists it, or with Force: a
//     file added by hand where the build now puts one is refused, as a
//     foreign destination is (ErrForeign).
//     It never deletes a dot-file or anything inside a dot-directory (.git of
//     a gh-pages worktree, .nojekyll, .well-known), nor a file it did not
//     write.
//   - Begin refuses a destination that is, or contains, a protected directory
//     (the site root) or an input directory (content, templates, static), or
//     that lies inside an input directory; and a non-empty destination
//     without a manifest unless Options.Force. With Force, files already
//     there are overwritten when the build produces the same name and
//     otherwise left alone for good: they are not in the manifest, so no
//     later build prunes them.
//   - Names cannot escape the destination, nor reach into .git or milepost's
//     own reserved .milepost-* files.
//
// Nothing is fsynced: a commit costs renames, not disk flushes. A killed
// process loses nothing the kernel has accepted; after a power cut, files
// whose size the disk lost are rewritten by the next build, and removing the
// destination is the sure way back.
// The staging directory's creation and removal do change the destination
// directory's own mtime. A Begin on a destination another build is still
// writing to fails: each transaction holds a flock on the destination (on a
// .milepost-lock-<name> file beside it while it does not exist yet) until
// Commit or Abort; the kernel drops it if the process dies.
//
// A Commit into an existing destination is all or nothing: it runs under a
// rollback journal (journal.go). An error part-way rolls it back at once; a
// commit cut short (kill -9, power cut) is rolled back, or completed when
// the new manifest was already in place, by the next Begin before anything
// else, and Tx.Recovered says so. Either way the destination ends up
// exactly the old build or exactly the new one. A commit into a missing
// destination is a single rename of the staging directory.
//
// Memory is the in-memory Sink used by the dev server, `milepost check` and
// tests; package minify minifies by file extension for both sinks.
//
// publish is the only stage, with the dev server and the build cache, that touches the disk. It
// keeps no package-level state.
package publish

import (
	"errors"
	"io"

	"github.com/milepost/milepost/internal/destcheck"
	"github.com/milepost/milepost/internal/manifest"
)

// Sink is the one contract between a build and its destination: every
// way site hands over a file. Tx (a directory) and Memory (the dev server,
// `milepost check`, tests) implement all of it, each in its own way, so the
// build never asks which one it has.
//
// Names are slash-separated and relative to the site root ("index.html",
// "tags/launch/index.html", "img/a b.png"). Implementations are safe for
// concurrent use. Unless a method says otherwise, no reference to the
// bytes is kept after it returns.
type Sink interface {
	// Put takes a file copied as it is (a static file, an asset): the
	// sink minifies it by type when it minifies.
	Put(name string, data []byte) error
	// PutCompact takes a file already as small as minifying would make
	// it (JSON, SVG, XML and JavaScript milepost writes compactly; HTML of
	// a theme whose templates MinifyTemplate minified).
	PutCompact(name string, data []byte) error
	// PutWriter takes a compact file that may be too large to hold in
	// memory (status.json): a Tx streams what write writes into the
	// destination now, a Memory keeps write and makes the file when it is
	// first asked for. write may run after the build returns.
	PutWriter(name string, write func(io.Writer) error) error
	// PutDeferred takes a compact file no page needs in order to be shown
	// (the feed, the sitemap, the search index): a Memory makes it when it
	// is first asked for, a Tx now. make runs at most once.
	PutDeferred(name string, make func() []byte) error
	// PutOwned takes the files of one page or listing, owner (its
	// content path, or "list:" and its file name). A Memory keeps the
	// slices (the caller never changes them) and remembers the owner for
	// KeepOwned in its next build; a Tx puts each file, minifying those
	// not Compact when it minifies.
	PutOwned(owner string, files []File) error
	// KeepOwned keeps owner's files as an earlier build made them, and
	// reports whether it could (else the caller puts them): a Memory made
	// by Rebuild keeps what owner had in the build before; a Tx keeps
	// names when the destination holds them exactly as its manifest says
	// (a build cache says they were made from the same inputs). An error
	// poisons the sink as a Put error does.
	KeepOwned(owner string, names []string) (bool, error)
	// MinifyTemplate minifies a template's source when the sink minifies
	// (Minifier.MinifyTemplate), so that the pages it renders are compact;
	// else it returns src and false.
	MinifyTemplate(src string) (string, bool)
	// KeepsData says whether the sink holds on to the slices it is handed
	// (a Memory) or is done with them when the Put returns (a Tx, which
	// writes them): only then may the caller use their bytes again.
	KeepsData() bool
}

// File is one output file of an owner, for Sink.PutOwned.
type File struct {
	Name string
	Data []byte
	// Compact says the bytes are as small as minifying would make them.
	Compact bool
}

var (
	_ Sink = (*Tx)(nil)
	_ Sink = (*Memory)(nil)
)

// Errors that callers may want to tell apart (wrap-checked with errors.Is).
var (
	// ErrProtected: the destination is, or contains, a protected directory.
	ErrProtected = destcheck.ErrProtected
	// ErrForeign: the destination is not empty and has no manifest; Force
	// accepts it.
	ErrForeign = destcheck.ErrForeign
	// ErrBadName: an output name is not a safe relative path
	// (manifest.CheckName).
	ErrBadName = manifest.ErrBadName
	// ErrClosed: Put or Commit after the transaction was committed or aborted.
	ErrClosed = errors.New("publish transaction already finished")
)
