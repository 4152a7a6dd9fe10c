package publish

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/milepost/milepost/internal/destcheck"
	"github.com/milepost/milepost/internal/manifest"
	"github.com/milepost/milepost/internal/minify"
	"github.com/milepost/milepost/internal/rawfile"
)

// Options tune Begin.
type Options struct {
	// Force accepts a non-empty destination that has no manifest. Files found
	// there are overwritten when the build produces the same name and are
	// otherwise left alone (never pruned, now or later).
	Force bool
	// Minify minifies files by extension (see minify.Minifier) before writing them.
	Minify bool
	// Protected lists directories the destination may neither be nor
	// contain: the site root. Symlinks and ".." are resolved before
	// comparing.
	Protected []string
	// Inputs lists the directories the build reads (content, templates,
	// static): the destination may neither be nor contain them, nor lie
	// inside one, where the next build would read its output back as input.
	Inputs []string
	// Checked, when not zero, is the SHA-256 of a manifest the caller has
	// just checked with Intact. When Begin finds that manifest, Put and
	// KeepOwned trust that every file it lists is as it says and do not look
	// at each one again.
	Checked [32]byte
	// Verify reads every file the destination holds under a name put
	// and compares its bytes with the ones put, instead of trusting the
	// manifest where the file's size and time agree with it: a file
	// changed behind the manifest's back and given its old time again (a
	// restore with tar or cp -p) is written anew. Checked is then ignored.
	Verify bool
}

// Stats says what a Commit did.
type Stats struct {
	Written   int // files created or replaced
	Unchanged int // files produced with the bytes already there, not touched
	Removed   int // files of an earlier build no longer produced, deleted
	// Unminified lists, sorted, the files whose minification failed; they
	// were written as rendered. A build may report them as warnings.
	Unminified []string
	// Manifest is the SHA-256 of the manifest the commit left, Names the
	// files it lists (sorted) and Sizes their sizes: what Intact checks
	// later.
	Manifest [32]byte
	Names    []string
	Sizes    []int64
	// ManifestFile is the manifest's identity on disk after the commit:
	// while it is the same, Intact need not read and hash the manifest.
	ManifestFile FileID
}

type txState int

const (
	txOpen      txState = iota
	txFinishing         // Commit is waiting for Puts in flight, or publishing
	txAborting          // Abort is waiting for Puts in flight, or removing the staging directory
	txDone
)

// Tx is one build's write into a destination: Begin, many Puts, then Commit
// or Abort. Put is safe for concurrent use; Commit and Abort wait for Puts in
// flight and must not race with new ones.
type Tx struct {
	dest     string   // absolute, symlinks resolved
	staging  string   // where Put writes new and changed files
	fresh    bool     // dest did not exist: Commit renames staging into place
	created  []string // parents of a missing destination Begin created
	unlock   func()   // releases the lock on the destination (or its parent)
	minifier *minify.Minifier

	old          manifest.Files // nil when the destination has none
	oldSum       [32]byte       // the manifest file's hash as found, to skip rewriting it
	staleJournal bool           // a cut-short commit's journal was found (and merged into old)
	manifestTime time.Time
	checked      bool // every file of old was checked by the caller (Options.Checked)
	verify       bool // compare the destination's bytes, never trust the manifest (Options.Verify)

	force     bool
	ops       fileOps // every change a commit makes goes through it
	recovered string  // what Begin did about a commit cut short, if anything

	inflight sync.WaitGroup
	mu       sync.Mutex
	state    txState
	failed   error
	files    map[string]fileState
	dirs     map[string]bool // directories implied by the names put so far
	made     map[string]bool // directories created below staging
	unminify []string
}

type fileState struct {
	size    int64
	sum     manifest.Digest
	changed bool // staged; false means the destination already holds it
}

// Begin checks that dest may be written (see Options and the package doc),
// ends a commit a killed build left unfinished (see journal.go and
// Recovered), removes a staging directory left by a killed build, and
// prepares a new one. Nothing visible in dest changes until Commit.
func Begin(dest string, o Options) (*Tx, error) {
	return begin(dest, o, osOps{})
}

// begin is Begin with the file operations a commit goes through.
func begin(dest string, o Options, ops fileOps) (*Tx, error) {
	resolved, err := destcheck.Resolve(dest)
	if err != nil {
		return nil, fmt.Errorf("destination %s: %w", dest, err)
	}
	if err := destcheck.Protected(dest, resolved, o.Protected, o.Inputs); err != nil {
		return nil, err
	}
	visible, exists, err := destcheck.Visible(resolved)
	if err != nil {
		return nil, err
	}
	t := &Tx{
		dest:  resolved,
		fresh: !exists,
		force: o.Force,
		ops:   ops,
		files: map[string]fileState{},
		dirs:  map[string]bool{},
		made:  map[string]bool{},
	}
	if o.Minify {
		t.minifier = minify.New()
	}
	if t.fresh {
		if err := t.makeParents(filepath.Dir(resolved)); err != nil {
			t.removeCreatedParents()
			return nil, err
		}
		t.unlock, err = lock(besideDest(resolved, lockName), dest, true)
	} else {
		t.unlock, err = lock(resolved, dest, false)
	}
	if err != nil {
		t.removeCreatedParents()
		return nil, err
	}
	if exists {
		err = t.readDestination(dest, visible, o)
	}
	if err == nil {
		err = t.prepareStaging()
	}
	if err != nil {
		t.unlock()
		t.removeCreatedParents()
		return nil, err
	}
	return t, nil
}

// readDestination ends a commit cut short, if the last build left one
// (the destination is then the build before it or the one cut short,
// complete), and reads the manifest. The lock is held.
func (t *Tx) readDestination(dest string, visible []string, o Options) error {
	recovered, err := recoverCommit(t.ops, t.dest)
	if err != nil {
		return err
	}
	t.recovered = recovered
	old, err := readManifest(t.dest)
	raw := old.raw
	switch {
	case err != nil && !o.Force:
		return fmt.Errorf("%w (remove it, or use --force to rewrite every file)", err)
	case err == nil && raw != nil:
		t.old, t.oldSum = old.files, sha256.Sum256(raw)
		t.staleJournal = old.journal
		t.checked = o.Checked != [32]byte{} && t.oldSum == o.Checked && !o.Verify
		t.verify = o.Verify
		if info, err := os.Lstat(filepath.Join(t.dest, manifestName)); err == nil {
			t.manifestTime = info.ModTime()
		}
	case raw == nil && len(visible) > 0 && !o.Force:
		return destcheck.Foreign(dest, visible, manifestName)
	}
	return nil
}

// Recovered says, in a sentence, what Begin did about a commit the last
// build did not end (killed during it): "" when there was none.
func (t *Tx) Recovered() string { return t.recovered }

// prepareStaging removes stale staging directories of both kinds and
// creates this build's: inside an existing destination, so final renames
// stay on one file system, or beside a missing one, so a failed first build
// leaves no empty destination behind.
func (t *Tx) prepareStaging() error {
	inside := filepath.Join(t.dest, stagingName)
	beside := besideDest(t.dest, stagingName)
	for _, stale := range []string{inside, beside} {
		if err := os.RemoveAll(stale); err != nil {
			return fmt.Errorf("removing staging left by an earlier build: %w", err)
		}
	}
	t.staging = inside
	if t.fresh {
		t.staging = beside
	}
	if err := os.Mkdir(t.staging, 0o755); err != nil {
		return fmt.Errorf("creating staging directory: %w", err)
	}
	return nil
}

// besideDest names a reserved file or directory next to dest, for use while
// dest does not exist: public → .milepost-staging-public.
func besideDest(dest, reserved string) string {
	return filepath.Join(filepath.Dir(dest), reserved+"-"+filepath.Base(dest))
}

// makeParents creates dir and its missing ancestors, remembering which it
// created so Abort can take them away again.
func (t *Tx) makeParents(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("creating %s: %w", missing[i], err)
		}
		t.created = append(t.created, missing[i])
	}
	return nil
}

// Put takes one output file. It minifies data when Options.Minify is set,
// hashes it, and stages it unless the destination already holds exactly
// these bytes. A Put error poisons the transaction: Commit will refuse.
func (t *Tx) Put(name string, data []byte) error {
	return t.put(name, data, t.minifier != nil)
}

// PutCompact is Put for a file already as small as minifying would make
// it (JSON and SVG that milepost writes compactly, pages of a theme
// minified with MinifyTemplate): it is not minified again.
func (t *Tx) PutCompact(name string, data []byte) error {
	return t.put(name, data, false)
}

// KeepsData is false: a Tx has written (or hashed) what it is handed
// when the Put returns.
func (t *Tx) KeepsData() bool { return false }

// MinifyTemplate minifies a template's source when the transaction
// minifies (see minify.Minifier.MinifyTemplate); else it returns src and false.
func (t *Tx) MinifyTemplate(src string) (string, bool) {
	if t.minifier == nil {
		return src, false
	}
	return t.minifier.MinifyTemplate(src)
}

// PutWriter is PutCompact for a file too large to hold in memory as a
// whole (status.json of a big site): write writes it, straight into the
// staging directory, hashed on the way. Like a Put of unchanged bytes, a
// file the destination already holds is not staged.
func (t *Tx) PutWriter(name string, write func(io.Writer) error) error {
	if err := t.reserve(name); err != nil {
		return err
	}
	defer t.inflight.Done()
	target, err := t.stagingPath(name)
	if err != nil {
		return t.fail(fmt.Errorf("staging %s: %w", name, err))
	}
	f, err := os.Create(target)
	if err != nil {
		return t.fail(fmt.Errorf("staging %s: %w", name, err))
	}
	h := sha256.New()
	counter := &countingWriter{w: io.MultiWriter(f, h)}
	buf := bufio.NewWriterSize(counter, 256<<10)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(target)
		return t.fail(fmt.Errorf("staging %s: %w", name, err))
	}
	st := fileState{size: counter.n, sum: manifest.Digest(h.Sum(nil))}
	st.changed = !t.holds(name, st)
	if !st.changed {
		os.Remove(target) // the destination has these bytes already
	}
	t.mu.Lock()
	t.files[name] = st
	t.mu.Unlock()
	return nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (t *Tx) put(name string, data []byte, minify bool) error {
	if err := t.reserve(name); err != nil {
		return err
	}
	defer t.inflight.Done()
	if minify {
		minified, err := t.minifier.Minify(name, data)
		if err == nil {
			data = minified
		} else {
			t.mu.Lock()
			t.unminify = append(t.unminify, name)
			t.mu.Unlock()
		}
	}
	st := fileState{size: int64(len(data)), sum: sha256.Sum256(data)}
	st.changed = !t.holds(name, st)
	if st.changed {
		if err := t.stage(name, data); err != nil {
			return t.fail(fmt.Errorf("staging %s: %w", name, err))
		}
	}
	t.mu.Lock()
	t.files[name] = st
	t.mu.Unlock()
	return nil
}

// PutDeferred puts the file make makes now: a directory build waits for
// every file.
func (t *Tx) PutDeferred(name string, make func() []byte) error {
	return t.PutCompact(name, make())
}

// PutOwned puts the files of owner, minifying those not Compact when the
// transaction minifies. A Tx keeps no owners: KeepOwned is told the names.
func (t *Tx) PutOwned(owner string, files []File) error {
	for _, f := range files {
		if err := t.put(f.Name, f.Data, t.minifier != nil && !f.Compact); err != nil {
			return err
		}
	}
	return nil
}

// KeepOwned tells the transaction that this build produces names (the
// files of owner) with exactly the bytes the destination already holds: a
// cache says the inputs they were made from did not change. Each must be
// listed in the manifest with its hash, and the file on disk must be the
// one the manifest describes (as for a Put of unchanged bytes); if any is
// not, KeepOwned keeps none and reports false, and the caller puts them
// all. An error (a name kept or put twice) poisons the transaction as a
// Put error does.
func (t *Tx) KeepOwned(owner string, names []string) (bool, error) {
	states := make([]fileState, len(names))
	for i, name := range names {
		prev, ok := t.old[name]
		if !ok || !prev.Sum.Known() {
			return false, nil
		}
		states[i] = fileState{size: prev.Size, sum: prev.Sum}
		if !t.holds(name, states[i]) {
			return false, nil
		}
	}
	for i, name := range names {
		if err := t.reserve(name); err != nil {
			return false, err
		}
		t.mu.Lock()
		t.files[name] = states[i]
		t.mu.Unlock()
		t.inflight.Done()
	}
	return true, nil
}

// reserve validates name against the names already put (no duplicates, no
// name that is both a file and a directory) and registers the Put in flight.
func (t *Tx) reserve(name string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != txOpen {
		return ErrClosed
	}
	if err := manifest.CheckName(name); err != nil {
		return t.failLocked(err)
	}
	if _, dup := t.files[name]; dup {
		return t.failLocked(fmt.Errorf("%s is written twice in one build", name))
	}
	if t.dirs[name] {
		return t.failLocked(fmt.Errorf("%s is both a file and a directory of other files", name))
	}
	// A directory already implied was checked, with its parents, when it
	// was first implied, and no file may take its name since: only the
	// directories new with this name are checked (most names add none).
	for dir := path.Dir(name); dir != "." && !t.dirs[dir]; dir = path.Dir(dir) {
		if _, isFile := t.files[dir]; isFile {
			return t.failLocked(fmt.Errorf("%s needs directory %s, which is also a file", name, dir))
		}
	}
	for dir := path.Dir(name); dir != "." && !t.dirs[dir]; dir = path.Dir(dir) {
		t.dirs[dir] = true
	}
	t.files[name] = fileState{changed: true} // placeholder until Put finishes
	t.inflight.Add(1)
	return nil
}

// holds reports whether the destination already has name with these bytes,
// trusting the manifest's hash when the file's size matches and it was not
// modified after the manifest was written (or the caller checked that).
func (t *Tx) holds(name string, st fileState) bool {
	prev, ok := t.old[name]
	if !ok || !prev.Sum.Known() || prev.Sum != st.sum || prev.Size != st.size {
		return false
	}
	if t.checked {
		return true
	}
	if t.verify {
		_, ok := t.Held(name) // the bytes the manifest lists, which are st's
		return ok
	}
	info, err := os.Lstat(filepath.Join(t.dest, filepath.FromSlash(name)))
	return err == nil && info.Mode().IsRegular() && info.Size() == st.size &&
		!info.ModTime().After(t.manifestTime)
}

func (t *Tx) stage(name string, data []byte) error {
	target, err := t.stagingPath(name)
	if err != nil {
		return err
	}
	return rawfile.WriteFile(target, data, 0o644)
}

// stagingPath is where name is staged, its folder created.
func (t *Tx) stagingPath(name string) (string, error) {
	if err := t.makeStagingDir(path.Dir(name)); err != nil {
		return "", err
	}
	return filepath.Join(t.staging, filepath.FromSlash(name)), nil
}

func (t *Tx) makeStagingDir(dir string) error {
	if dir == "." {
		return nil
	}
	t.mu.Lock()
	done := t.made[dir]
	t.mu.Unlock()
	if done {
		return nil
	}
	// The folder's parent is made first, through the same record, so
	// each folder costs one mkdir and no stat (os.MkdirAll stats the
	// folder and its parent before making it: at 10k pages, 20k stats).
	if err := t.makeStagingDir(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(t.staging, filepath.FromSlash(dir))
	if err := os.Mkdir(full, 0o755); errors.Is(err, fs.ErrExist) {
		// another worker made it first, unless a file stands there
		if fi, serr := os.Lstat(full); serr != nil || !fi.IsDir() {
			return err
		}
	} else if err != nil {
		return err
	}
	t.mu.Lock()
	t.made[dir] = true
	t.mu.Unlock()
	return nil
}

func (t *Tx) fail(err error) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.failLocked(err)
}

func (t *Tx) failLocked(err error) error {
	if t.failed == nil {
		t.failed = err
	}
	return err
}

// finish moves the transaction out of the open state, to next, and waits
// for Puts in flight. It reports false when the transaction had already
// finished.
func (t *Tx) finish(next txState) bool {
	t.mu.Lock()
	if t.state != txOpen {
		t.mu.Unlock()
		return false
	}
	t.state = next
	t.mu.Unlock()
	t.inflight.Wait()
	return true
}

// Abort discards everything put so far and leaves the destination exactly as
// Begin found it. Abort after Commit or Abort does nothing, so
// `defer tx.Abort()` is safe.
func (t *Tx) Abort() error {
	if !t.finish(txAborting) {
		return nil
	}
	defer t.setDone()
	return t.removeStaging()
}

// Abandon is Abort for a process about to exit on a signal: it does not
// wait long for Puts in flight (a worker may be deep in one huge page), it
// makes new ones fail, and it removes the staging directory before it
// returns, also when an Abort had begun to (the process must not exit
// with half of it left). What a Put still in flight after abandonWait
// leaves there, the next Begin removes. It also removes the parents Begin
// made for a missing destination, when they are empty; the lock stays
// held until the process exits. It reports whether it abandoned the
// transaction: false when a Commit had begun, which the caller waits for.
func (t *Tx) Abandon() (abandoned bool) {
	t.mu.Lock()
	state := t.state
	if state == txOpen {
		t.state = txDone
	}
	t.mu.Unlock()
	if state != txOpen && state != txAborting {
		return false // committed, or being committed: the caller waits for it
	}
	_ = t.removeStaging()
	drained := make(chan struct{})
	go func() { t.inflight.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(abandonWait):
	}
	_ = t.removeStaging() // what the Puts in flight staged meanwhile
	t.removeCreatedParents()
	return true
}

// abandonWait is how long Abandon waits for Puts in flight, which stage
// one file each, before it removes what they staged.
const abandonWait = 200 * time.Millisecond

// setDone ends the transaction: it releases the lock and removes the parents
// Begin created for a missing destination if nothing was published in them.
func (t *Tx) setDone() {
	t.mu.Lock()
	t.state = txDone
	t.mu.Unlock()
	t.unlock()
	t.removeCreatedParents()
}

func (t *Tx) removeStaging() error {
	return os.RemoveAll(t.staging)
}

// removeCreatedParents removes, deepest first, the directories Begin created
// above a missing destination, as long as they are empty.
func (t *Tx) removeCreatedParents() {
	for i := len(t.created) - 1; i >= 0; i-- {
		os.Remove(t.created[i]) // fails, harmlessly, once something else lives there
	}
}

// sortedNames returns the names put, sorted, with their states.
func (t *Tx) sortedNames() []string {
	names := make([]string, 0, len(t.files))
	for name := range t.files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
