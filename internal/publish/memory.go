package publish

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/milepost/milepost/internal/manifest"
	"github.com/milepost/milepost/internal/minify"
)

// Memory is a Sink that keeps a build's output in memory, for the dev
// server, `milepost check` and tests. It applies the same name rules and
// minification as a Tx, so what it holds is byte for byte what a Tx would
// publish. It is safe for concurrent use.
type Memory struct {
	minifier *minify.Minifier

	mu         sync.RWMutex
	files      map[string][]byte
	deferred   map[string]func() []byte
	dirs       map[string]bool
	unminified []string

	owned // the files of pages and listings, for Rebuild (owned.go)
}

// NewMemory returns an empty Memory; minified says whether Put minifies.
// A rebuild's Memory comes from the last one's Rebuild instead.
func NewMemory(minified bool) *Memory {
	m := &Memory{files: map[string][]byte{}, deferred: map[string]func() []byte{}, dirs: map[string]bool{}}
	if minified {
		m.minifier = minify.New()
	}
	return m
}

// parentDir is the folder of a checked name, "" at the top; unlike
// path.Dir it never allocates.
func parentDir(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i]
	}
	return ""
}

// PutWriter stores under name a file that write makes when it is first
// asked for, as PutDeferred does.
func (m *Memory) PutWriter(name string, write func(io.Writer) error) error {
	return m.PutDeferred(name, func() []byte {
		var buf bytes.Buffer
		_ = write(&buf) // a bytes.Buffer takes every write
		return buf.Bytes()
	})
}

// PutDeferred stores under name a file that is made when first asked for
// (by Get, Files, or a caller of a maker that Take returned), at most once: a site-wide file
// that a page in the browser does not need, which the dev server need not
// wait for after every edit. The file is minified, when the Memory
// minifies, once made.
func (m *Memory) PutDeferred(name string, make func() []byte) error {
	if err := manifest.CheckName(name); err != nil {
		return err
	}
	once := sync.OnceValue(func() []byte {
		data := make()
		if m.minifier == nil {
			return data
		}
		if minified, err := m.minifier.Minify(name, data); err == nil {
			return minified
		}
		return data
	})
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.claim(name); err != nil {
		return err
	}
	m.deferred[name] = once
	for dir := parentDir(name); dir != "" && !m.dirs[dir]; dir = parentDir(dir) {
		m.dirs[dir] = true
	}
	return nil
}

// has reports whether name was put, made or deferred. m.mu is held.
func (m *Memory) has(name string) bool {
	if _, ok := m.files[name]; ok {
		return true
	}
	_, ok := m.deferred[name]
	return ok
}

// Put stores a copy of data (minified when asked) under name. A bad name, a
// name put twice, or a name that is both a file and a directory is an error.
func (m *Memory) Put(name string, data []byte) error {
	if err := manifest.CheckName(name); err != nil {
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

// checkNew checks that name, a good name, can be added: not put before,
// not a directory of other files, not below a file. m.mu is held.
func (m *Memory) checkNew(name string) error {
	if m.has(name) {
		return fmt.Errorf("%s is written twice in one build", name)
	}
	if m.dirs[name] {
		return fmt.Errorf("%s is both a file and a directory of other files", name)
	}
	for dir := parentDir(name); dir != ""; dir = parentDir(dir) {
		if m.has(dir) {
			return fmt.Errorf("%s needs directory %s, which is also a file", name, dir)
		}
	}
	return nil
}

// PutCompact stores a copy of data, which is already as small as
// minifying would make it, unminified.
func (m *Memory) PutCompact(name string, data []byte) error {
	return m.store(name, append([]byte(nil), data...), false)
}

// KeepsData is true: a Memory keeps the slices it is handed.
func (m *Memory) KeepsData() bool { return true }

// MinifyTemplate minifies a template's source when the Memory minifies
// (see minify.Minifier.MinifyTemplate); else it returns src and false.
func (m *Memory) MinifyTemplate(src string) (string, bool) {
	if m.minifier == nil {
		return src, false
	}
	return m.minifier.MinifyTemplate(src)
}

// store files stored under name.
func (m *Memory) store(name string, stored []byte, minifyFailed bool) error {
	if err := manifest.CheckName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.claim(name); err != nil {
		return err
	}
	for dir := parentDir(name); dir != "" && !m.dirs[dir]; dir = parentDir(dir) {
		m.dirs[dir] = true
	}
	m.files[name] = stored
	m.unowned = append(m.unowned, name)
	if minifyFailed {
		m.unminified = append(m.unminified, name)
	}
	return nil
}

// Get returns the bytes stored under name, making a deferred file now. The
// slice must not be modified.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	data, ok := m.files[name]
	make := m.deferred[name]
	m.mu.RUnlock()
	if make != nil {
		return make(), true
	}
	return data, ok
}

// Files returns a snapshot of every file, name to bytes, making the
// deferred ones now. The map is the caller's; the byte slices are shared
// and must not be modified.
func (m *Memory) Files() map[string][]byte {
	files, deferred := m.snapshot()
	for name, make := range deferred {
		files[name] = make()
	}
	return files
}

// snapshot returns the files made so far and the makers of the deferred
// ones (each runs at most once, whoever calls it). The maps are the
// caller's; the byte slices are shared and must not be modified.
func (m *Memory) snapshot() (files map[string][]byte, deferred map[string]func() []byte) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	files = make(map[string][]byte, len(m.files)+len(m.deferred))
	for name, data := range m.files {
		files[name] = data
	}
	deferred = make(map[string]func() []byte, len(m.deferred))
	for name, make := range m.deferred {
		deferred[name] = make
	}
	return files, deferred
}

// Take returns the files made so far and the makers of the deferred ones
// (each runs at most once), handing over the Memory's own maps instead of
// copying them: the Memory takes no more files, though Rebuild may start
// the next build from it.
func (m *Memory) Take() (files map[string][]byte, deferred map[string]func() []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.dropUnclaimed()
	files, deferred = m.files, m.deferred
	m.taken, m.files, m.deferred = files, nil, nil
	return files, deferred
}

// Names returns the stored names, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files)+len(m.deferred))
	for name := range m.files {
		names = append(names, name)
	}
	for name := range m.deferred {
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
