package devserver

import (
	"os"
	"path/filepath"
	"strings"
)

// scope is the set of watched entries (files and folders, absolute and
// clean) and the site root that changed paths are reported against.
type scope struct {
	root    string
	entries []string
}

func newScope(root string, watch []string) (scope, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return scope{}, err
	}
	sc := scope{root: absRoot}
	for _, w := range watch {
		if !filepath.IsAbs(w) {
			w = filepath.Join(absRoot, w)
		}
		sc.entries = append(sc.entries, filepath.Clean(w))
	}
	return sc, nil
}

// within reports whether name is dir or inside it.
func within(name, dir string) bool {
	if name == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(name, dir)
}

// contains reports whether name is an entry or inside one.
func (sc scope) contains(name string) bool {
	for _, e := range sc.entries {
		if within(name, e) {
			return true
		}
	}
	return false
}

// leadsTo reports whether name is a proper ancestor of an entry: its
// creation or removal can make entries appear or vanish.
func (sc scope) leadsTo(name string) bool {
	for _, e := range sc.entries {
		if e != name && within(e, name) {
			return true
		}
	}
	return false
}

// rel turns an absolute path into the slash path relative to the root that
// the builder sees.
func (sc scope) rel(name string) string {
	r, err := filepath.Rel(sc.root, name)
	if err != nil {
		return filepath.ToSlash(name)
	}
	return filepath.ToSlash(r)
}

// ignored reports whether name is editor litter or a dot-file, judged on
// its path below the root.
func (sc scope) ignored(name string) bool {
	return isLitter(sc.rel(name))
}

// walkFiles calls visit with every file of every entry that exists, litter
// left out. Symbolic links to folders are not followed.
func (sc scope) walkFiles(visit func(name string)) {
	for _, e := range sc.entries {
		if sc.ignored(e) {
			continue
		}
		info, err := os.Stat(e)
		switch {
		case err != nil:
		case info.IsDir():
			sc.walkDir(e, visit)
		default:
			visit(e)
		}
	}
}

func (sc scope) walkDir(dir string, visit func(name string)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, de := range entries {
		name := filepath.Join(dir, de.Name())
		switch {
		case sc.ignored(name):
		case de.IsDir():
			sc.walkDir(name, visit)
		default:
			visit(name)
		}
	}
}

// files lists what walkFiles visits, by slash path relative to the root.
func (sc scope) files() fileSet {
	set := make(fileSet)
	sc.walkFiles(func(name string) { set[sc.rel(name)] = true })
	return set
}
