// Package buildcache is what one `milepost build` keeps for the next: a
// Session opened on the site's cache folder (Folder: under the user's
// cache directory, never in the site) reads what the last build left,
// tells whether the build is up to date, makes the files of a build that
// only edited prose (Splice, CommitSplice), offers a whole build what it
// may take (Offer) and saves this build's state around the destination's
// commit (Commit).
//
// In: the site's input (site.Input), the build's settings (destination,
// minification, whether git history is read), the input files on disk,
// the cache folder and, to splice, the destination's files as its
// manifest lists them. Out: the up-to-date answer, the spliced files,
// site.Input's Cached, Summaries, Loaded and HistoryCache, and the files
// of the cache folder: a fingerprint of every input with an index that
// lets the next fingerprint skip unchanged files, the destination it
// wrote (its manifest's hash and its files' names and sizes), the key,
// output names and body span of every page and listing it rendered, what
// the build said (Report), what LOAD read from every page, what PARSE
// found in every page (in internal/site's own format) and what reading
// the git history found (githistory.Cache). Must not: write anywhere but
// the cache folder (the caller puts files into the destination), or
// decide what a page looks like.
//
// With it a build of unchanged input does nothing at all (the state holds
// all the up-to-date check needs), a build after edits of prose alone
// puts the new bodies into the last build's pages, and a build after
// another edit parses only
// the pages that changed and renders again only the outputs whose key
// changed: the others are kept in the destination as they are
// (publish.Tx.KeepOwned). Keys are content hashes of everything an output is
// made from (see internal/site), so the cache is safe when the theme, the
// configuration, the flags or the build date change; a different milepost
// binary, or a cache of another format, is ignored as a whole.
//
// The cache is an optimisation only: a missing, stale or unreadable cache
// gives the same site, built from scratch.
package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// The state is two files in the cache folder, whose names carry the format: what
// the up-to-date check reads, and the outputs, read only to build.
const (
	fileName    = "build-v3.bin"
	outputsName = "outputs-v2.bin"
	// pagesName holds what PARSE found in each page, in internal/site's
	// own format (summary.Summaries), which names its version inside.
	pagesName = "pages.bin"
	// loadedName holds what LOAD read from each page, without the bodies.
	loadedName = "loaded-v2.gob"
	// historyName holds what the last build's history read left for the
	// next (the items of page versions, each page's history, the git log)
	// in package githistory's own format (githistory.Cache), which names
	// its version inside.
	historyName = "history.bin"
)

// State is what a build leaves for the next.
type State struct {
	// Binary names the milepost executable that wrote the state (see
	// BinaryID); a state from another is not used.
	Binary string
	// Settings is every setting that shapes the output and is not in the
	// inputs: flags and destination (see the build command); Date is the
	// build date (pages' staleness depends on it).
	Settings string
	Date     string
	// History says the build read git history, Head the commit the
	// content folder's work tree had checked out ("" without git, or
	// with history off): a new commit changes the dates history gives,
	// with no input file changed.
	History bool
	Head    string
	// Inputs is the fingerprint of every input file (Fingerprint), and
	// InputIndex what the next Fingerprint may take from it.
	Inputs     [32]byte
	InputIndex *Index
	// Manifest is the hash of the destination's manifest as the build
	// left it, ManifestFile the manifest's identity on disk then;
	// FileNames the files it lists (sorted, one per line) and FileSizes
	// their sizes. One string and one slice decode far faster than a map
	// of a hundred thousand entries.
	Manifest     [32]byte
	ManifestFile publish.FileID
	FileNames    string
	FileSizes    []int64
	// Outputs are the keys and output names of pages and listings, and
	// Report what the build said, saved in their own file and read by
	// LoadOutputs.
	Outputs map[string]site.Output
	Report  Report
}

// Report is what a build said on success: how many pages it built, its
// warnings and its word on git history. A build that splices (Session.
// Splice) builds the same site and says it again.
type Report struct {
	Pages    int
	Warnings diag.List
	History  string
}

// SetFiles records the destination's files, sorted, and their sizes.
func (s *State) SetFiles(names []string, sizes []int64) {
	s.FileNames = strings.Join(names, "\n")
	s.FileSizes = sizes
}

// Files lists the destination's files, sorted, and their sizes; nil
// when there is no state or the record is damaged.
func (s *State) Files() (names []string, sizes []int64) {
	if s == nil || s.FileNames == "" {
		return nil, nil
	}
	names = strings.Split(s.FileNames, "\n")
	if len(names) != len(s.FileSizes) {
		return nil, nil
	}
	return names, s.FileSizes
}

// Load reads the state in the cache folder dir, without its outputs. A
// missing cache is (nil, nil); an unreadable one is an error the caller
// reports and builds without.
func Load(dir string) (*State, error) {
	return readState(dir)
}

// LoadOutputs reads the outputs of the state Load read. Outputs saved by
// another build than the state's (an interrupted save) are not used: each
// file carries the state's input fingerprint and manifest hash.
func (s *State) LoadOutputs(dir string) error {
	o, ok, err := readOutputs(dir)
	if !ok {
		return err
	}
	if o.Inputs == s.Inputs && o.Manifest == s.Manifest {
		s.Outputs, s.Report = o.Outputs, o.Report
	}
	return nil
}

// Save writes s into the cache folder dir. Each file is replaced atomically,
// the outputs first: a save interrupted half-way leaves outputs that do
// not match the state, which LoadOutputs then ignores.
func (s *State) Save(dir string) error {
	for _, old := range []string{"build-v1.gob", "outputs-v1.gob", "build-v2.bin"} { // the state's files of older formats
		_ = os.Remove(filepath.Join(dir, old))
	}
	o := outputsFile{s.Inputs, s.Manifest, s.Outputs, s.Report}
	if err := writeFile(dir, outputsName, func(w io.Writer) error { _, err := w.Write(o.encode()); return err }); err != nil {
		return err
	}
	return s.saveState(dir)
}

// saveState replaces the state's own file in dir, leaving its outputs'.
func (s *State) saveState(dir string) error {
	return writeFile(dir, fileName, func(w io.Writer) error { _, err := w.Write(encodeState(s)); return err })
}

// ReadPages returns the page summaries the last build saved (see
// WritePages); nil when there are none.
func ReadPages(dir string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, pagesName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// WritePages replaces the page summaries in the cache folder dir with what
// write writes, atomically. They are not tied to the state: every
// summary names the source and settings it was made from.
func WritePages(dir string, write func(io.Writer) error) error {
	return writeFile(dir, pagesName, write)
}

// ReadHistory returns what the last build's history read left (see
// WriteHistory); nil when there is none.
func ReadHistory(dir string) (*githistory.Cache, error) {
	data, err := os.ReadFile(filepath.Join(dir, historyName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return githistory.ReadCache(data)
}

// WriteHistory replaces the history cache in the cache folder dir with c,
// atomically. Like the summaries it is not tied to the state: each
// version's items carry their blob id and the key of the settings they
// were read with, each page's history what it was worked out from, and
// the log its HEAD.
func WriteHistory(dir string, c *githistory.Cache) error {
	return writeFile(dir, historyName, func(w io.Writer) error { return githistory.WriteCache(w, c) })
}

// loadedFile is what LOAD read from each page of the content folder
// Prefix names (as in "content/": it is in the pages' diagnostics).
type loadedFile struct {
	Prefix string
	Pages  []content.Page
}

// ReadLoaded returns the pages the last build saved with WriteLoaded, by
// content-relative path, when they were read from the content folder
// prefix names; nil when there are none.
func ReadLoaded(dir, prefix string) (map[string]*content.Page, error) {
	var f loadedFile
	if ok, err := readGob(dir, loadedName, &f); !ok || f.Prefix != prefix {
		return nil, err
	}
	pages := make(map[string]*content.Page, len(f.Pages))
	for i := range f.Pages {
		pages[f.Pages[i].Path] = &f.Pages[i]
	}
	return pages, nil
}

// WriteLoaded replaces the loaded pages in the cache folder dir with pages,
// without their bodies. Like the summaries they are not tied to the
// state: each page carries the hash of the bytes it was read from.
func WriteLoaded(dir, prefix string, pages []*content.Page) error {
	f := loadedFile{Prefix: prefix, Pages: make([]content.Page, len(pages))}
	for i, p := range pages {
		f.Pages[i] = *p
		f.Pages[i].Body, f.Pages[i].Unread = nil, false
	}
	return writeGob(dir, loadedName, &f)
}

// readGob decodes the cache file name into v; false when it is missing or
// unreadable (with the error).
func readGob(dir, name string, v any) (bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(v); err != nil {
		return false, fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
	}
	return true, nil
}

// writeGob encodes v into the cache file name, atomically.
func writeGob(dir, name string, v any) error {
	return writeFile(dir, name, func(w io.Writer) error { return gob.NewEncoder(w).Encode(v) })
}

// writeFile replaces the cache file name with what write writes, through
// a temporary file renamed into place.
func writeFile(dir, name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, name+".*")
	if err != nil {
		return err
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Remove deletes the cache folder dir, if any.
func Remove(dir string) error {
	return os.RemoveAll(dir)
}

// BinaryID names the running executable: a rebuilt or upgraded milepost
// gets a new one. A binary built from a released module version, or from
// a clean VCS checkout, is named by its build information (Go version,
// module versions, revision and build settings), so the same milepost
// installed again in a fresh CI run keeps its cache; any other is named
// by its path, size and modification time, with the version.
func BinaryID(version string) string {
	if info, ok := debug.ReadBuildInfo(); ok && reproducible(info) {
		return "build " + Key(info.String())
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s|%s|%d|%d", version, exe, info.Size(), info.ModTime().UnixNano())
}

// reproducible reports whether info names the code a binary was built
// from: a module version without "+dirty", or a VCS revision without
// local modifications.
func reproducible(info *debug.BuildInfo) bool {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return !strings.HasSuffix(v, "+dirty")
	}
	revision, clean := false, false
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && s.Value != "":
			revision = true
		case s.Key == "vcs.modified" && s.Value == "false":
			clean = true
		}
	}
	return revision && clean
}

// Key hashes strings into a settings key, lengths included.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
