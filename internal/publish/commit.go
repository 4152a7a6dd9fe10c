package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/milepost/milepost/internal/destcheck"
	"github.com/milepost/milepost/internal/manifest"
)

// commitPlan is what Commit is about to do, decided before it changes
// anything.
type commitPlan struct {
	write     []string // staged names, sorted
	remove    []string // names of the old manifest no longer produced, sorted
	unchanged int
	names     []string         // every name the build produced, sorted
	next      []manifest.Entry // the manifest once the commit is complete, in names' order
	encoded   []byte           // next as written
}

func (t *Tx) plan() commitPlan {
	p := commitPlan{names: t.sortedNames()}
	p.next = make([]manifest.Entry, len(p.names))
	for i, name := range p.names {
		st := t.files[name]
		p.next[i] = manifest.Entry{Path: name, Size: st.size, Sum: st.sum}
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
	p.encoded = manifest.Encode(p.next)
	return p
}

// Commit makes the staged build the destination: it prunes files of the
// previous build that are no longer produced, moves new and changed files
// into place, removes directories left empty, and writes the manifest.
// Unchanged files are not touched. If an earlier Put failed, Commit changes
// nothing and returns that error.
func (t *Tx) Commit() (Stats, error) {
	if !t.finish(txFinishing) {
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
		err := t.commitFresh(p)
		stats.ManifestFile = manifestFile(t.dest)
		return stats, err
	}
	removed, err := t.commitInPlace(p, stats.Manifest)
	stats.Removed = removed
	if rmErr := os.RemoveAll(t.staging); err == nil && rmErr != nil {
		err = fmt.Errorf("removing staging directory: %w", rmErr)
	}
	stats.ManifestFile = manifestFile(t.dest)
	return stats, err
}

// commitFresh publishes into a destination that did not exist: the staging
// directory, manifest included, becomes the destination in one rename.
func (t *Tx) commitFresh(p commitPlan) error {
	err := t.ops.WriteFile(filepath.Join(t.staging, manifestName), p.encoded)
	if err == nil {
		err = t.ops.Rename(t.staging, t.dest)
	}
	if err != nil {
		t.removeStaging()
		return fmt.Errorf("publishing %s: %w", t.dest, err)
	}
	return nil
}

// commitInPlace updates an existing destination under the rollback journal
// (journal.go): journal, prune and replace into the backup, move into place,
// manifest (the commit point), journal and backup deleted. An error before
// the manifest is in place rolls everything back; after it, the commit has
// happened and only the cleaning is left to the next build.
func (t *Tx) commitInPlace(p commitPlan, sum [32]byte) (removed int, err error) {
	if len(p.write) == 0 && len(p.remove) == 0 && sum == t.oldSum && !t.staleJournal {
		return 0, nil
	}
	j, replaceDirs, err := t.preflight(p, sum)
	if err != nil {
		return 0, err
	}
	journaled := len(j.Create)+len(j.Replace)+len(j.Prune) > 0
	if journaled {
		data, err := json.Marshal(j)
		if err == nil {
			err = t.writeAtomic(journalName, data)
		}
		if err != nil {
			return 0, fmt.Errorf("nothing published: writing %s: %w", journalName, err)
		}
	}
	err = t.moveToBackup(j.Prune)
	if err == nil {
		err = t.removeEmptied(j.Prune, replaceDirs)
	}
	if err == nil {
		err = t.moveToBackup(j.Replace)
	}
	if err == nil {
		err = t.moveIntoPlace(p.write, j.Mkdir)
	}
	if err == nil {
		err = t.writeAtomic(manifestName, p.encoded)
	}
	if err != nil {
		if !journaled {
			return 0, fmt.Errorf("nothing published: %w", err)
		}
		if _, rerr := recoverCommit(t.ops, t.dest); rerr != nil {
			return 0, fmt.Errorf("destination %s partly updated (%v); the next build restores the previous one: %w", t.dest, rerr, err)
		}
		return 0, fmt.Errorf("nothing published, the destination %s is as the last build left it: %w", t.dest, err)
	}
	// Committed. What is left is cleaning, which the next Begin finishes
	// if it fails here.
	if err := endJournal(t.ops, t.dest); err != nil {
		return len(j.Prune), fmt.Errorf("published, but cleaning up: %w", err)
	}
	return len(j.Prune), nil
}

// writeAtomic writes data to the destination's name through a file in the
// staging directory and a rename, so a reader sees the old or the new
// content, never a torn one.
func (t *Tx) writeAtomic(name string, data []byte) error {
	tmp := filepath.Join(t.staging, reservedPrefix+"tmp-"+name)
	err := t.ops.WriteFile(tmp, data)
	if err == nil {
		err = t.ops.Rename(tmp, filepath.Join(t.dest, name))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// moveToBackup moves the given destination files into the backup.
func (t *Tx) moveToBackup(names []string) error {
	backup := filepath.Join(t.dest, backupName)
	made := map[string]bool{}
	for _, name := range names {
		if dir := path.Dir(name); !made[dir] {
			if err := t.ops.MkdirAll(filepath.Join(backup, filepath.FromSlash(dir))); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := t.ops.Rename(t.destPath(name), filepath.Join(backup, filepath.FromSlash(name))); err != nil {
			return err
		}
	}
	return nil
}

// removeEmptied removes the directories pruning left empty and the (now
// empty) directories standing where a new file goes. A directory that is
// not empty stays, and moveIntoPlace then fails on it.
func (t *Tx) removeEmptied(pruned, replaceDirs []string) error {
	emptied := map[string]bool{}
	for _, name := range pruned {
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			emptied[dir] = true
		}
	}
	for _, dir := range replaceDirs {
		emptied[dir] = true
		_ = filepath.WalkDir(t.destPath(dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if rel, err := filepath.Rel(t.dest, p); err == nil {
					emptied[filepath.ToSlash(rel)] = true
				}
			}
			return nil
		})
	}
	return removeEmptyDirs(t.ops, t.dest, emptied)
}

// moveIntoPlace renames staged files over their destination names, making
// their folders first: those missing when the commit was planned (dirs,
// which a rollback removes again) and those pruning just emptied and took
// away.
func (t *Tx) moveIntoPlace(names, dirs []string) error {
	made := map[string]bool{}
	for _, dir := range dirs {
		if err := t.ops.MkdirAll(t.destPath(dir)); err != nil {
			return err
		}
		made[dir] = true
	}
	for _, name := range names {
		if dir := path.Dir(name); dir != "." && !made[dir] {
			if err := t.ops.MkdirAll(t.destPath(dir)); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := t.ops.Rename(filepath.Join(t.staging, filepath.FromSlash(name)), t.destPath(name)); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) destPath(name string) string {
	return filepath.Join(t.dest, filepath.FromSlash(name))
}

// preflight checks, before anything changes, that every staged file can be
// moved into place, and makes the journal of what the commit will do. A
// file is pruned only when it is still a regular file or symlink and no
// directory on its way is a symlink (which could lead out of the
// destination). A staged file may replace an old file or an old directory
// only if everything in the way is being pruned (replaceDirs lists the
// directories to take away), and a file milepost did not write only with
// Force: like a non-empty destination without a manifest, a file written by
// hand is not overwritten unasked.
func (t *Tx) preflight(p commitPlan, sum [32]byte) (j journalFile, replaceDirs []string, err error) {
	lookup := newDestLookup(t.dest)
	pruning := map[string]bool{}
	j = journalFile{Version: journalVersion, Manifest: hex.EncodeToString(sum[:])}
	for _, name := range p.remove {
		if lookup.safeToDelete(name) {
			j.Prune = append(j.Prune, name)
			pruning[name] = true
		}
	}
	var foreign []string
	for _, name := range p.write {
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			switch kind := lookup.kind(dir); {
			case kind == kindSymlink:
				return j, nil, fmt.Errorf("cannot write %s: %s in the destination is a symbolic link", name, dir)
			case kind == kindOther && !pruning[dir]:
				return j, nil, fmt.Errorf("cannot write %s: %s in the destination is a file milepost did not write", name, dir)
			}
		}
		switch lookup.kind(name) {
		case kindDir:
			if err := lookup.allPruned(name, pruning); err != nil {
				return j, nil, fmt.Errorf("cannot write %s: the destination has a directory there: %w", name, err)
			}
			replaceDirs = append(replaceDirs, name)
			j.Create = append(j.Create, name)
		case kindOther, kindSymlink:
			if _, ours := t.old[name]; !ours && !t.force {
				foreign = append(foreign, name)
			}
			j.Replace = append(j.Replace, name)
		default:
			j.Create = append(j.Create, name)
		}
	}
	if len(foreign) > 0 {
		return j, nil, destcheck.ForeignFiles(t.dest, foreign)
	}
	j.Mkdir = plannedDirs(lookup, p.write, pruning)
	return j, replaceDirs, nil
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

// removeEmptyDirs removes the given directories (slash names below root)
// that are empty, deepest first, so a parent emptied by its children goes
// too. Dot-directories are never removed, nor is root itself. A directory
// that is not empty (it holds files milepost did not write) stays; any
// other failure is returned.
func removeEmptyDirs(ops fileOps, root string, dirs map[string]bool) error {
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
		err := ops.Remove(filepath.Join(root, filepath.FromSlash(dir)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTEMPTY) && !errors.Is(err, syscall.EEXIST) {
			return err
		}
	}
	return nil
}
