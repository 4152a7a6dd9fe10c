package publish

import (
	"fmt"
	"path"
	"sort"
	"sync"
)

// Memory is a Sink that keeps a build's output in memory, for the dev
// server, `milepost check` and tests. It applies the same name rules and
// minification as a Tx, so what it holds is byte for byte what a Tx would
// publish. It is safe for concurrent use.
type Memory struct {
	minifier *Minifier

	mu         sync.RWMutex
	files      map[string][]byte
	dirs       map[string]bool
	unminified []string
}

// NewMemory returns an empty Memory; minify says whether Put minifies.
func NewMemory(minify bool) *Memory {
	m := &Memory{files: map[string][]byte{}, dirs: map[string]bool{}}
	if minify {
		m.minifier = NewMinifier()
	}
	return m
}

// PutShared stores data under name without copying it: the caller
// promises never to modify it. A builder that hands the same bytes to
// several builds (unchanged pages) uses it, so the dev server can tell
// unchanged files by their identity.
//
// A name put shared must have been put (and so checked) in an earlier
// build: its syntax is not checked again, only that it is new in this one.
func (m *Memory) PutShared(name string, data []byte) error {
	if m.minifier != nil {
		return m.Put(name, data)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("%s is written twice in one build", name)
	}
	for dir := path.Dir(name); dir != "." && !m.dirs[dir]; dir = path.Dir(dir) {
		m.dirs[dir] = true
	}
	m.files[name] = data
	return nil
}

// Put stores a copy of data (minified when asked) under name. A bad name, a
// name put twice, or a name that is both a file and a directory is an error.
func (m *Memory) Put(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	stored := data
	minifyFailed := false
	if m.minifier != nil {
		minified, err := m.minifier.Minify(name, data)
		stored, minifyFailed = minified, err != nil
	}
	if len(data) > 0 && len(stored) > 0 && &stored[0] == &data[0] {
		stored = append([]byte(nil), data...)
	}
	return m.store(name, stored, minifyFailed)
}

// store files stored under name.
func (m *Memory) store(name string, stored []byte, minifyFailed bool) error {
	if err := CheckName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("%s is written twice in one build", name)
	}
	if m.dirs[name] {
		return fmt.Errorf("%s is both a file and a directory of other files", name)
	}
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if _, isFile := m.files[dir]; isFile {
			return fmt.Errorf("%s needs directory %s, which is also a file", name, dir)
		}
	}
	for dir := path.Dir(name); dir != "." && !m.dirs[dir]; dir = path.Dir(dir) {
		m.dirs[dir] = true
	}
	m.files[name] = stored
	if minifyFailed {
		m.unminified = append(m.unminified, name)
	}
	return nil
}

// Get returns the bytes stored under name. The slice must not be modified.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
}

// Files returns a snapshot of every file, name to bytes. The map is the
// caller's; the byte slices are shared and must not be modified.
func (m *Memory) Files() map[string][]byte {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make(map[string][]byte, len(m.files))
	for name, data := range m.files {
		out[name] = data
	}
	return out
}

// Names returns the stored names, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files))
	for name := range m.files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Unminified lists, sorted, the names whose minification failed and which
// were stored as given.
func (m *Memory) Unminified() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := append([]string(nil), m.unminified...)
	sort.Strings(out)
	return out
}
