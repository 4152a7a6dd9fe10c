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
// wrote (see manifest.go for the format).
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
// tests; Minifier minifies by file extension and is shared by both sinks.
//
// publish is the only stage, with the dev server and the build cache, that touches the disk. It
// keeps no package-level state.
package publish

import "errors"

// Sink receives a build's output files. name is slash-separated and relative
// to the site root ("index.html", "tags/launch/index.html", "img/a b.png").
// Implementations are safe for concurrent use; Put keeps no reference to
// data after it returns.
type Sink interface {
	Put(name string, data []byte) error
}

// Errors that callers may want to tell apart (wrap-checked with errors.Is).
var (
	// ErrProtected: the destination is, or contains, a protected directory.
	ErrProtected = errors.New("destination is, holds or lies inside a source folder")
	// ErrForeign: the destination is not empty and has no manifest; Force
	// accepts it.
	ErrForeign = errors.New("destination is not empty and was not written by milepost")
	// ErrBadName: an output name is not a safe relative path.
	ErrBadName = errors.New("bad output name")
	// ErrClosed: Put or Commit after the transaction was committed or aborted.
	ErrClosed = errors.New("publish transaction already finished")
)
