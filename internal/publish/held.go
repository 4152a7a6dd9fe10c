package publish

import (
	"crypto/sha256"
	"path/filepath"

	"github.com/milepost/milepost/internal/manifest"
	"github.com/milepost/milepost/internal/rawfile"
)

// Held returns the bytes the destination holds as name, when they are
// the bytes its manifest lists (read and hashed now, whatever the caller
// checked: a file edited by hand with its size and time kept must not
// become the base of a new one): what a build may take as the last
// build's file. ok is false when the manifest has no hash for name or
// the file is not what it says.
func (t *Tx) Held(name string) (data []byte, ok bool) {
	prev, listed := t.old[name]
	if !listed || !prev.Sum.Known() {
		return nil, false
	}
	file := filepath.Join(t.dest, filepath.FromSlash(name))
	if info, err := rawfile.Lstat(file); err != nil || !info.Regular || info.Size != prev.Size {
		return nil, false // not read: a file of another size is not the one listed
	}
	data, err := rawfile.ReadFile(file)
	if err != nil || int64(len(data)) != prev.Size || manifest.Digest(sha256.Sum256(data)) != prev.Sum {
		return nil, false
	}
	return data, true
}

// KeepAllBut keeps every file the manifest lists but the names given, as
// KeepOwned keeps them, and reports whether it could: for a build that
// knows the rest of the site is the last build's and puts the names
// itself. When it returns false nothing was kept. The names come from
// one manifest, which lists none twice, so their order does not matter.
func (t *Tx) KeepAllBut(names []string) (bool, error) {
	except := make(map[string]bool, len(names))
	for _, name := range names {
		except[name] = true
	}
	rest := make([]string, 0, len(t.old))
	for name := range t.old {
		if !except[name] {
			rest = append(rest, name)
		}
	}
	return t.KeepOwned("", rest)
}
