package publish

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// commitPlan is what Commit is about to do, decided before it changes
// anything.
type commitPlan struct {
	write     []string // staged names, sorted
	remove    []string // names of the old manifest no longer produced, sorted
	unchanged int
	names     []string        // every name the build produced, sorted
	next      []manifestEntry // the manifest once the commit is complete, in names' order
	encoded   []byte          // next as written
}

func (t *Tx) plan() commitPlan {
	p := commitPlan{names: t.sortedNames()}
	p.next = make([]manifestEntry, len(p.names))
	for i, name := range p.names {
		st := t.files[name]
		p.next[i] = manifestEntry{Path: name, Size: st.size, Sum: st.sum}
		if st.changed {
			p.write = append(p.write, name)
		} else {
			p.unchanged++
		}
	}
	for name := range t.old {
		// Dot-files are never pruned: they drop out of the manifest and stay.
		if _, produced := t.files[name]; !produced && !isDotPath(name) {
			p.remove = append(p.remove, name)
		}
	}
	sort.Strings(p.remove)
	p.encoded = encodeEntries(p.next)
	return p
}

// Commit makes the staged build the destination: it prunes files of the
// previous build that are no longer produced, moves new and changed files
// into place, removes directories left empty, and writes the manifest.
// Unchanged files are not touched. If an earlier Put failed, Commit changes
// nothing and returns that error.
func (t *Tx) Commit() (Stats, error) {
	if !t.finish() {
		return Stats{}, ErrClosed
	}
	defer t.setDone()
	t.mu.Lock()
	failed := t.failed
	t.mu.Unlock()
	if failed != nil {
		t.removeStaging()
		return Stats{}, fmt.Errorf("nothing published, a file failed: %w", failed)
	}
	p := t.plan()
	sort.Strings(t.unminify)
	stats := Stats{Written: len(p.write), Unchanged: p.unchanged, Unminified: t.unminify,
		Manifest: sha256.Sum256(p.encoded), Names: p.names, Sizes: make([]int64, len(p.names))}
	for i, e := range p.next {
		stats.Sizes[i] = e.Size
	}
	if t.fresh {
		return stats, t.commitFresh(p)
	}
	removed, err := t.commitInPlace(p, stats.Manifest)
	stats.Removed = removed
	if rmErr := os.RemoveAll(t.staging); err == nil && rmErr != nil {
		err = fmt.Errorf("removing staging directory: %w", rmErr)
	}
	return stats, err
}

// commitFresh publishes into a destination that did not exist: the staging
// directory, manifest included, becomes the destination in one rename.
func (t *Tx) commitFresh(p commitPlan) error {
	err := os.WriteFile(filepath.Join(t.staging, manifestName), p.encoded, 0o644)
	if err == nil {
		err = os.Rename(t.staging, t.dest)
	}
	if err != nil {
		t.removeStaging()
		return fmt.Errorf("publishing %s: %w", t.dest, err)
	}
	return nil
}

// commitInPlace updates an existing destination file by file: journal,
// prune, move into place, manifest, and the journal deleted. Until the
// journal is written nothing has changed; after it, an error leaves a
// destination the next build completes. A commit that only prunes needs
// no journal: the old manifest still lists what it had not pruned yet.
func (t *Tx) commitInPlace(p commitPlan, sum [32]byte) (removed int, err error) {
	next := p.encoded
	if len(p.write) == 0 && len(p.remove) == 0 && sum == t.oldSum && !t.staleJournal {
		return 0, nil
	}
	prune, replaceDirs, err := t.preflight(p)
	if err != nil {
		return 0, err
	}
	journal := filepath.Join(t.dest, journalName)
	if len(p.write) > 0 {
		data, err := json.Marshal(journalFile{Writing: p.write})
		if err == nil {
			err = writeFileAtomic(journal, t.staging, data)
		}
		if err != nil {
			return 0, fmt.Errorf("writing %s: %w", journalName, err)
		}
	}
	removed, err = t.prune(prune, replaceDirs)
	if err == nil {
		err = t.moveIntoPlace(p.write)
	}
	if err == nil {
		err = t.step("manifest")
	}
	if err == nil {
		err = writeFileAtomic(filepath.Join(t.dest, manifestName), t.staging, next)
	}
	if err == nil {
		err = t.step("journal")
	}
	if err == nil {
		if rmErr := os.Remove(journal); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			err = rmErr
		}
	}
	if err != nil {
		return removed, fmt.Errorf("destination %s partly updated (the next build completes it): %w", t.dest, err)
	}
	return removed, nil
}

// prune deletes the given old files, then the directories they leave empty
// and the (now empty) directories standing where a new file goes.
func (t *Tx) prune(names, replaceDirs []string) (removed int, err error) {
	emptied := map[string]bool{}
	for _, name := range names {
		if err := t.step("prune " + name); err != nil {
			return removed, err
		}
		if err := os.Remove(t.destPath(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, err
		}
		removed++
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			emptied[dir] = true
		}
	}
	removeEmptyDirs(t.dest, emptied)
	for _, name := range replaceDirs {
		// Emptied by the pruning above, or by an earlier commit cut short.
		if err := removeEmptyTree(t.destPath(name)); err != nil {
			return removed, err
		}
	}
	return removed, nil
}

// moveIntoPlace renames staged files over their destination names.
func (t *Tx) moveIntoPlace(names []string) error {
	made := map[string]bool{}
	for _, name := range names {
		if dir := path.Dir(name); dir != "." && !made[dir] {
			if err := os.MkdirAll(t.destPath(dir), 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := t.step("rename " + name); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(t.staging, filepath.FromSlash(name)), t.destPath(name)); err != nil {
			return err
		}
	}
	return nil
}

// step lets tests stop a commit at a given point, as a crash would.
func (t *Tx) step(name string) error {
	if t.interrupt == nil {
		return nil
	}
	return t.interrupt(name)
}

func (t *Tx) destPath(name string) string {
	return filepath.Join(t.dest, filepath.FromSlash(name))
}

// preflight checks, before anything changes, that every staged file can be
// moved into place and picks which old files can safely be pruned. A file
// is pruned only when it is still a regular file or symlink and no directory
// on its way is a symlink (which could lead out of the destination). A staged
// file may replace an old file or an old directory only if everything in the
// way is being pruned; replaceDirs lists the directories to take away.
func (t *Tx) preflight(p commitPlan) (prune, replaceDirs []string, err error) {
	lookup := newDestLookup(t.dest)
	pruning := map[string]bool{}
	for _, name := range p.remove {
		if lookup.safeToDelete(name) {
			prune = append(prune, name)
			pruning[name] = true
		}
	}
	for _, name := range p.write {
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			switch kind := lookup.kind(dir); {
			case kind == kindSymlink:
				return nil, nil, fmt.Errorf("cannot write %s: %s in the destination is a symbolic link", name, dir)
			case kind == kindOther && !pruning[dir]:
				return nil, nil, fmt.Errorf("cannot write %s: %s in the destination is a file milepost did not write", name, dir)
			}
		}
		if lookup.kind(name) == kindDir {
			if err := lookup.allPruned(name, pruning); err != nil {
				return nil, nil, fmt.Errorf("cannot write %s: the destination has a directory there: %w", name, err)
			}
			replaceDirs = append(replaceDirs, name)
		}
	}
	return prune, replaceDirs, nil
}

type entryKind int

const (
	kindMissing entryKind = iota
	kindDir
	kindSymlink
	kindOther // a regular file or anything else that is not a directory
)

// destLookup caches Lstat results for paths below the destination.
type destLookup struct {
	root  string
	kinds map[string]entryKind
}

func newDestLookup(root string) *destLookup {
	return &destLookup{root: root, kinds: map[string]entryKind{}}
}

func (l *destLookup) kind(name string) entryKind {
	if k, ok := l.kinds[name]; ok {
		return k
	}
	k := kindMissing
	if info, err := os.Lstat(filepath.Join(l.root, filepath.FromSlash(name))); err == nil {
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			k = kindSymlink
		case info.IsDir():
			k = kindDir
		default:
			k = kindOther
		}
	}
	l.kinds[name] = k
	return k
}

func (l *destLookup) safeToDelete(name string) bool {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if l.kind(dir) != kindDir {
			return false
		}
	}
	k := l.kind(name)
	return k == kindOther || k == kindSymlink
}

// allPruned checks that everything below directory name is being pruned, so
// the directory will be gone when a file takes its place.
func (l *destLookup) allPruned(name string, pruning map[string]bool) error {
	root := filepath.Join(l.root, filepath.FromSlash(name))
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(l.root, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); !pruning[rel] {
			return fmt.Errorf("%s is not a file milepost is removing", rel)
		}
		return nil
	})
}

// removeEmptyTree removes dir and the directories below it, all of which
// must be empty of files.
func removeEmptyTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() {
			return fmt.Errorf("%s still holds %s", dir, e.Name())
		}
		if err := removeEmptyTree(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return os.Remove(dir)
}

// removeEmptyDirs removes the given directories (slash names below root)
// that are empty, deepest first, so a parent emptied by its children goes
// too. Dot-directories are never removed, nor is root itself.
func removeEmptyDirs(root string, dirs map[string]bool) {
	list := make([]string, 0, len(dirs))
	for dir := range dirs {
		if !isDotPath(dir) {
			list = append(list, dir)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if di, dj := strings.Count(list[i], "/"), strings.Count(list[j], "/"); di != dj {
			return di > dj
		}
		return list[i] < list[j]
	})
	for _, dir := range list {
		os.Remove(filepath.Join(root, filepath.FromSlash(dir))) // fails, as wanted, unless empty
	}
}
