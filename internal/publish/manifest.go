package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/milepost/milepost/internal/manifest"
)

// oldManifest is a destination's manifest as Begin finds it.
type oldManifest struct {
	files   manifest.Files
	raw     []byte // the file's bytes; nil when there is none
	journal bool   // a journal was found, and its names merged in
}

// readManifest loads dir's manifest (package manifest is its format); a
// missing manifest is a zero oldManifest. Every path in it must pass
// CheckName: a manifest edited to name "../elsewhere" must never make
// Commit delete outside the destination.
func readManifest(dir string) (oldManifest, error) {
	path := filepath.Join(dir, manifestName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return oldManifest{}, nil
	}
	if err != nil {
		return oldManifest{}, err
	}
	m, err := manifest.Parse(data)
	if err != nil {
		return oldManifest{}, fmt.Errorf("%s: %w", path, err)
	}
	old := oldManifest{files: m, raw: data}
	if err := old.mergeJournal(dir); err != nil {
		return oldManifest{}, err
	}
	return old, nil
}

// mergeJournal marks the names of a journal left in dir, if any, as
// written with unknown content.
func (old *oldManifest) mergeJournal(dir string) error {
	path := filepath.Join(dir, journalName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var j journalFile
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%s: unreadable journal: %w", path, err)
	}
	for _, name := range j.Writing {
		if err := manifest.CheckName(name); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		e := old.files[name]
		e.Path, e.Sum = name, manifest.Digest{}
		old.files[name] = e
	}
	old.journal = true
	return nil
}
