package publish

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	"github.com/milepost/milepost/internal/manifest"
)

// Owned files let a rebuild start from the last build's files instead of
// putting every file again. The dev server rebuilds a site of 10k pages
// (93k files) after every edit; most pages did not change, and putting
// their files into a new map was most of what such a rebuild cost.
//
// A builder puts each page's (or listing's) files under an owner, its
// path (PutOwned). A Memory made by Rebuild starts with the files of the
// build before; there a builder keeps an owner whose files did not change
// with one call (KeepOwned) and puts the others again. Take then drops the
// files of owners neither kept nor put again. Files put without an owner
// (static files, site-wide files) are dropped by Rebuild and put again.
//
// A rebuilt Memory checks new names only against the names put in the
// same build, not against kept owners' files, nor whether a name is both
// a file and a folder: a fresh Memory or a Tx (the CLI's builds) still
// checks everything.
type owned struct {
	rebuilt    bool                // made by Rebuild
	claimed    map[string]bool     // names put in this build (rebuilt only)
	owners     map[string][]string // owner → the names of its files, this build
	prevOwners map[string][]string // the same, of the build before (rebuilt only)
	unowned    []string            // names put without an owner, this build
	taken      map[string][]byte   // the files Take handed out
	base       map[string][]byte   // the files of the build before (rebuilt only)
	removed    []string            // names of base dropped in this build
}

// claim registers name as put in this build: the full checks of checkNew
// for a fresh Memory, a duplicate check for a rebuilt one. m.mu is held.
func (m *Memory) claim(name string) error {
	if !m.rebuilt {
		return m.checkNew(name)
	}
	if m.claimed[name] {
		return fmt.Errorf("%s is written twice in one build", name)
	}
	m.claimed[name] = true
	return nil
}

// PutOwned stores files as the files of owner, replacing what owner had
// in the build before: uncopied (the caller promises never to modify the
// bytes), and minified only when the Memory minifies and a file is not
// Compact.
func (m *Memory) PutOwned(owner string, files []File) error {
	if m.minifier != nil {
		files = m.minifyOwned(files)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.owners == nil {
		m.owners = map[string][]string{}
	}
	if _, dup := m.owners[owner]; dup {
		return fmt.Errorf("%s is written twice in one build", owner)
	}
	names := make([]string, len(files))
	for i, f := range files {
		if err := manifest.CheckName(f.Name); err != nil {
			return err
		}
		if m.rebuilt {
			if err := m.claim(f.Name); err != nil {
				return err
			}
		} else {
			if err := m.checkNew(f.Name); err != nil {
				return err
			}
			for dir := parentDir(f.Name); dir != "" && !m.dirs[dir]; dir = parentDir(dir) {
				m.dirs[dir] = true
			}
		}
		m.files[f.Name] = f.Data
		names[i] = f.Name
	}
	m.owners[owner] = names
	for _, old := range m.prevOwners[owner] {
		if !m.claimed[old] {
			delete(m.files, old)
			m.removed = append(m.removed, old)
		}
	}
	return nil
}

// minifyOwned returns files with those not Compact minified (left as
// they are when they cannot be).
func (m *Memory) minifyOwned(files []File) []File {
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = f
		if !f.Compact {
			if min, err := m.minifier.Minify(f.Name, f.Data); err == nil {
				out[i].Data = min
			}
		}
	}
	return out
}

// KeepOwned keeps owner's files of the build before as they are, and
// reports whether there were any (else the caller puts them). names is
// not needed: the Memory knows owner's files.
func (m *Memory) KeepOwned(owner string, names []string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	prev, ok := m.prevOwners[owner]
	if !ok {
		return false, nil
	}
	if m.owners == nil {
		m.owners = map[string][]string{}
	}
	if _, dup := m.owners[owner]; dup {
		return false, nil
	}
	m.owners[owner] = prev
	return true, nil
}

// dropUnclaimed removes the files of the owners of the build before that
// this build neither kept nor put again, unless another put them. m.mu is
// held.
func (m *Memory) dropUnclaimed() {
	for owner, names := range m.prevOwners {
		if _, live := m.owners[owner]; live {
			continue
		}
		for _, name := range names {
			if !m.claimed[name] {
				delete(m.files, name)
				m.removed = append(m.removed, name)
			}
		}
	}
}

// Rebuild returns a Memory for the next build that starts from the files
// m's build made (Take must have been called): owners' files stay until
// the next build's Take, files without an owner are dropped. m is not
// changed.
func (m *Memory) Rebuild() *Memory {
	m.mu.RLock()
	defer m.mu.RUnlock()
	files := maps.Clone(m.taken)
	if files == nil {
		files = map[string][]byte{}
	}
	for _, name := range m.unowned {
		delete(files, name)
	}
	removed := append([]string(nil), m.unowned...)
	return &Memory{
		minifier: m.minifier,
		files:    files,
		deferred: map[string]func() []byte{},
		dirs:     map[string]bool{},
		owned: owned{
			rebuilt:    true,
			claimed:    map[string]bool{},
			owners:     make(map[string][]string, len(m.owners)),
			prevOwners: m.owners,
			base:       m.taken,
			removed:    removed,
		},
	}
}

// Changes lists, sorted, the files of a rebuilt Memory whose bytes differ
// from the build before, and the files it no longer has, once Take was
// called: what the dev server must tell the browsers about, found without
// comparing every file. Files made on request are not listed. nil means
// unknown (a Memory not made by Rebuild).
func (m *Memory) Changes() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if !m.rebuilt {
		return nil
	}
	changed := map[string]bool{}
	for name := range m.claimed {
		data, ok := m.taken[name]
		if old, was := m.base[name]; ok && (!was || !bytes.Equal(old, data)) {
			changed[name] = true
		}
	}
	for _, name := range m.removed {
		if _, ok := m.taken[name]; !ok {
			changed[name] = true
		}
	}
	return slices.Sorted(maps.Keys(changed))
}
