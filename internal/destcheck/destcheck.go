// Package destcheck decides whether a folder may receive a build: it
// resolves paths (symlinks and "..", for folders that need not exist yet),
// refuses a destination that is, holds or lies inside a source folder, and
// explains a refused folder that milepost did not write.
//
// In: the destination as the user gave it, the source folders. Out: the
// resolved destination, its visible entries, and errors that match
// ErrProtected or ErrForeign. Must not: write anything.
package destcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Errors that callers may want to tell apart (wrap-checked with errors.Is).
var (
	// ErrProtected: the destination is, or contains, a protected directory.
	ErrProtected = errors.New("destination is, holds or lies inside a source folder")
	// ErrForeign: the destination is not empty and has no manifest; Force
	// accepts it.
	ErrForeign = errors.New("destination is not empty and was not written by milepost")
)

// Resolve returns the absolute, symlink-free form of p, which need not
// exist: the longest existing prefix is resolved by filepath.EvalSymlinks
// (which applies ".." after a link to the link's target, as the kernel
// does) and the missing rest is joined on lexically.
func Resolve(p string) (string, error) {
	if p == "" {
		return "", errors.New("empty path")
	}
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + string(filepath.Separator) + p // no Clean: ".." must meet links first
	}
	var missing []string // trailing path elements that do not exist, outermost last
	current := p
	for {
		resolved, err := filepath.EvalSymlinks(current)
		if err == nil {
			parts := []string{resolved}
			for i := len(missing) - 1; i >= 0; i-- {
				parts = append(parts, missing[i])
			}
			return filepath.Join(parts...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		trimmed := strings.TrimRight(current, string(filepath.Separator))
		cut := strings.LastIndexByte(trimmed, filepath.Separator)
		if cut <= 0 || trimmed == "" {
			return filepath.Clean(p), nil
		}
		missing = append(missing, trimmed[cut+1:])
		current = trimmed[:cut+1]
	}
}

// isWithin reports whether path is dir or below it; both are clean and
// absolute.
func isWithin(path, dir string) bool {
	if path == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(path, dir)
}

// Protected refuses a destination that is, or contains, a protected
// directory or an input directory, or that lies inside an input directory
// (its output would be read back as input by the next build). Paths are
// compared after resolving symlinks and ".."; where they exist, os.SameFile
// also catches one directory reached by two spellings (bind mounts,
// case-insensitive file systems).
func Protected(dest, resolvedDest string, protected, inputs []string) error {
	check := func(p string, refuseInside bool) error {
		if p == "" {
			return nil
		}
		resolved, err := Resolve(p)
		if err != nil {
			return fmt.Errorf("protected directory %s: %w", p, err)
		}
		var problem string
		switch {
		case sameDirectory(resolved, resolvedDest):
			problem = "it is the source folder " + describePath(p, resolved)
		case isBelow(resolved, resolvedDest):
			problem = "it contains the source folder " + describePath(p, resolved) + ", which publishing could overwrite or prune"
		case refuseInside && isBelow(resolvedDest, resolved):
			problem = "it is inside the source folder " + describePath(p, resolved) + ", so the next build would read its output back as input"
		default:
			return nil
		}
		return &refusal{
			msg:  fmt.Sprintf("refusing destination %s: %s", describePath(dest, resolvedDest), problem),
			kind: ErrProtected,
		}
	}
	for _, p := range protected {
		if err := check(p, false); err != nil {
			return err
		}
	}
	for _, p := range inputs {
		if err := check(p, true); err != nil {
			return err
		}
	}
	return nil
}

// sameDirectory reports whether a and b (absolute, resolved) name the same
// directory, by name or, when both exist, by identity.
func sameDirectory(a, b string) bool {
	if a == b {
		return true
	}
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	return aerr == nil && berr == nil && os.SameFile(ai, bi)
}

// isBelow reports whether path lies strictly below dir (both absolute and
// resolved), by name or through an existing ancestor of path that is dir.
func isBelow(path, dir string) bool {
	if path != dir && isWithin(path, dir) {
		return true
	}
	dirInfo, err := os.Stat(dir)
	if err != nil {
		return false
	}
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil && os.SameFile(info, dirInfo) {
			return true
		}
		if filepath.Dir(p) == p {
			return false
		}
	}
}

// describePath names a path as the user gave it, adding the absolute path
// it leads to when the given one is relative or goes through links or "..".
func describePath(given, resolved string) string {
	if given == resolved {
		return given
	}
	return fmt.Sprintf("%s (%s)", given, resolved)
}

// refusal is an error whose message stands on its own and which matches
// ErrProtected or ErrForeign under errors.Is.
type refusal struct {
	msg  string
	kind error
}

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Unwrap() error { return r.kind }

// Visible lists the names in dir that do not start with a dot,
// sorted; exists is false when dir does not exist.
func Visible(dir string) (names []string, exists bool, err error) {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !info.IsDir() {
		return nil, true, fmt.Errorf("destination %s exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, true, err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, true, nil
}

// Foreign explains a refused non-empty destination with a few of the
// files found there, and without manifest, the file milepost leaves in the
// folders it writes.
func Foreign(dest string, names []string, manifest string) error {
	return &refusal{
		msg: fmt.Sprintf("refusing destination %s: it holds %s and no %s, so milepost did not write it; "+
			"use --force to publish there anyway (files the build does not produce are left alone)",
			dest, someOf(names), manifest),
		kind: ErrForeign,
	}
}

// ForeignFiles refuses a commit that would overwrite files in dest that
// milepost did not write (no manifest lists them): added by hand after the
// last build.
func ForeignFiles(dest string, names []string) error {
	return &refusal{
		msg: fmt.Sprintf("refusing to overwrite %s in %s: milepost did not write it (its manifest does not list it); "+
			"move it away, or use --force to overwrite it", someOf(names), dest),
		kind: ErrForeign,
	}
}

// someOf names the first three of names and counts the rest.
func someOf(names []string) string {
	const shown = 3
	list := strings.Join(names[:min(shown, len(names))], ", ")
	if len(names) > shown {
		list += fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return list
}
