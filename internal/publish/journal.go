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

	"github.com/milepost/milepost/internal/manifest"
)

// The rollback journal makes a commit into an existing destination all or
// nothing. Before it changes anything, Commit writes .milepost-journal.json:
//
//	{"version":2,"manifest":"<sha256 of the manifest being committed>",
//	 "create":["new.html"],"replace":["index.html"],"prune":["old.html"],
//	 "mkdir":["new"]}
//
// It then moves each file it prunes or replaces into .milepost-backup
// (a rename: the file keeps its bytes and mtime), moves the new files into
// place, and renames the new manifest over the old one: that rename is the
// moment the new build becomes the destination. Last, it deletes the journal
// and the backup.
//
// A journal found means a commit did not end (the process was killed, the
// machine lost power). Before anything else, the next Begin compares the
// manifest in the destination with the journal's: the same, and the commit
// had already happened, so only the journal and backup go; otherwise it
// rolls back: created files and folders are removed and every file in the
// backup moved back where it was, which leaves the previous build exactly
// as it was, mtimes included. A commit that fails with an error (a disk
// full, a folder that refuses a rename) rolls back the same way at once.
//
// What a reader of the destination sees while a commit runs is a mix; what
// it sees once the commit (or the next milepost run after a kill) is done
// is exactly the old build or exactly the new one. The journal's lists hold
// only the files that change, so a commit costs two renames per changed
// file, nothing per unchanged one.
const journalVersion = 2

// backupName is where a commit keeps the files it replaces or prunes until
// it is complete.
const backupName = ".milepost-backup"

// journalFile is the journal's content. Writing is the form an older
// milepost wrote (names whose content is unknown; see mergeJournal).
type journalFile struct {
	Version  int      `json:"version,omitempty"`
	Manifest string   `json:"manifest,omitempty"`
	Create   []string `json:"create,omitempty"`
	Replace  []string `json:"replace,omitempty"`
	Prune    []string `json:"prune,omitempty"`
	Mkdir    []string `json:"mkdir,omitempty"`
	Writing  []string `json:"writing,omitempty"`
}

// names checks every name of the journal as CheckName checks output names:
// a journal edited to name "../elsewhere" must never make a rollback move
// or delete anything outside the destination.
func (j *journalFile) check() error {
	for _, list := range [][]string{j.Create, j.Replace, j.Prune, j.Mkdir, j.Writing} {
		for _, name := range list {
			if err := manifest.CheckName(name); err != nil {
				return err
			}
		}
	}
	return nil
}

// readJournal returns dest's journal, nil when there is none.
func readJournal(ops fileOps, dest string) (*journalFile, error) {
	p := filepath.Join(dest, journalName)
	data, err := ops.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var j journalFile
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("%s: unreadable journal: %w", p, err)
	}
	if err := j.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return &j, nil
}

// recoverCommit ends what a commit cut short left in dest, if anything (see
// above), and says what it did in a sentence for the user ("" when there was
// nothing to do). A journal of the older form is left for readManifest.
func recoverCommit(ops fileOps, dest string) (string, error) {
	j, err := readJournal(ops, dest)
	if err != nil {
		return "", err
	}
	if j == nil || j.Manifest == "" {
		if j == nil {
			// A commit that ended after deleting its journal may leave its backup.
			if err := ops.RemoveAll(filepath.Join(dest, backupName)); err != nil {
				return "", fmt.Errorf("removing %s left by an earlier build: %w", backupName, err)
			}
		}
		return "", nil
	}
	current, err := ops.ReadFile(filepath.Join(dest, manifestName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	sum := sha256.Sum256(current)
	committed := err == nil && hex.EncodeToString(sum[:]) == j.Manifest
	if !committed {
		if err := rollBack(ops, dest, j); err != nil {
			return "", fmt.Errorf("restoring the build before the one cut short in %s: %w", dest, err)
		}
	}
	if err := endJournal(ops, dest); err != nil {
		return "", err
	}
	if committed {
		return fmt.Sprintf("the last build into %s was cut short just after publishing; its output is complete", dest), nil
	}
	return fmt.Sprintf("the last build into %s was cut short while publishing; restored the build before it", dest), nil
}

// endJournal deletes the journal, then the backup: once the journal is
// gone the backup means nothing.
func endJournal(ops fileOps, dest string) error {
	if err := ops.Remove(filepath.Join(dest, journalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := ops.RemoveAll(filepath.Join(dest, backupName)); err != nil {
		return fmt.Errorf("removing %s: %w", backupName, err)
	}
	return nil
}

// rollBack undoes, in dest, whatever part of the journal's commit took
// place: created files go, replaced and pruned files come back from the
// backup, folders the commit created go when empty. Each step checks what
// is there, so a rollback cut short is finished by the next one.
func rollBack(ops fileOps, dest string, j *journalFile) error {
	at := func(root, name string) string { return filepath.Join(root, filepath.FromSlash(name)) }
	backup := filepath.Join(dest, backupName)
	for _, name := range j.Create {
		p := at(dest, name)
		info, err := os.Lstat(p)
		if err != nil || info.IsDir() { // not placed yet; a folder is the old one still in the way
			continue
		}
		if err := ops.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	restore := func(names []string) error {
		for _, name := range names {
			if _, err := os.Lstat(at(backup, name)); err != nil {
				continue // never moved: the old file is still in place
			}
			if err := ops.MkdirAll(filepath.Dir(at(dest, name))); err != nil {
				return err
			}
			if err := ops.Rename(at(backup, name), at(dest, name)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := restore(j.Replace); err != nil {
		return err
	}
	dirs := append([]string(nil), j.Mkdir...)
	sort.Slice(dirs, func(a, b int) bool { return strings.Count(dirs[a], "/") > strings.Count(dirs[b], "/") })
	for _, dir := range dirs {
		// Where a file being pruned stands, the folder may not be made yet.
		if info, err := os.Lstat(at(dest, dir)); err == nil && info.IsDir() {
			_ = ops.Remove(at(dest, dir)) // fails, as wanted, unless empty
		}
	}
	return restore(j.Prune)
}

// plannedDirs lists, sorted, the folders a commit creates for names: those
// missing on their way now, and those where a file being pruned stands.
func plannedDirs(lookup *destLookup, names []string, pruning map[string]bool) []string {
	seen := map[string]bool{}
	for _, name := range names {
		for dir := path.Dir(name); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
		}
	}
	var dirs []string
	for dir := range seen {
		if k := lookup.kind(dir); k == kindMissing || (k == kindOther && pruning[dir]) {
			dirs = append(dirs, dir)
		}
	}
	sort.Strings(dirs)
	return dirs
}
