package devserver

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// notifyWatcher watches the scope with fsnotify. fsnotify does not recurse,
// so it keeps one watch per folder inside a watched folder entry (added as
// they appear, dropped as they go) and an "anchor" watch on the nearest
// existing parent of every file entry and every entry that does not exist
// yet, so that atomic saves of milepost.yaml and folders created later are
// seen.
type notifyWatcher struct {
	sc   scope
	w    *fsnotify.Watcher
	log  func(format string, args ...any)
	dirs map[string]bool // folders holding a watch; true: inside a folder entry
	// infos identifies each watched folder on disk. inotify watches a
	// folder, not a name: a watch asked for under a new name while the old
	// name's watch still stands is that same watch, kept under the old
	// name by fsnotify, and removing the old name then removes it (see
	// movedFrom).
	infos map[string]os.FileInfo
	known fileSet   // the files when watching started
	g     *gatherer // where events go; set by run
}

// errWatchLimit means the system refused another watch: fall back to
// polling.
var errWatchLimit = errors.New("the system refused another watch")

// startNotify creates the watcher and adds every folder. It fails when
// fsnotify cannot start or hits a limit, and the caller polls instead.
func startNotify(sc scope, newWatcher func() (*fsnotify.Watcher, error), log func(string, ...any)) (*notifyWatcher, error) {
	w, err := newWatcher()
	if err != nil {
		return nil, err
	}
	nw := &notifyWatcher{sc: sc, w: w, log: log, dirs: make(map[string]bool), infos: make(map[string]os.FileInfo)}
	if err := nw.sync(false, time.Now()); err != nil {
		w.Close()
		return nil, err
	}
	nw.known = sc.files()
	return nw, nil
}

// run delivers change sets until ctx is done. It returns errWatchLimit
// (wrapped) when it had to give up watching; the caller then polls.
func (nw *notifyWatcher) run(ctx context.Context, g *gatherer) error {
	defer nw.w.Close()
	nw.g = g
	g.listFiles = nw.sc.files
	g.known = nw.known
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-nw.w.Events:
			if !ok {
				return nil
			}
			if err := nw.handle(ev, time.Now()); err != nil {
				return err
			}
			g.noted()
		case err, ok := <-nw.w.Errors:
			if !ok {
				return nil
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				nw.log("watch: %v", err)
			}
			// Events may have been lost, folder creations among them:
			// watch everything afresh and rebuild everything.
			now := time.Now()
			for d := range nw.dirs {
				nw.drop(d)
			}
			if err := nw.sync(false, now); err != nil {
				return err
			}
			g.pending.addAll(now)
			g.noted()
		case <-g.timer.C:
			g.fired()
		case g.outC() <- g.value():
			g.sent()
		}
	}
}

// handle maps one fsnotify event to the batch.
func (nw *notifyWatcher) handle(ev fsnotify.Event, now time.Time) error {
	name := filepath.Clean(ev.Name)
	if !nw.sc.contains(name) {
		if nw.sc.leadsTo(name) {
			// A parent of an entry came or went.
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				nw.drop(name)
				nw.g.pending.addAll(now)
			}
			return nw.sync(true, now)
		}
		return nil
	}
	if nw.sc.ignored(name) {
		return nil
	}
	rel := nw.sc.rel(name)
	switch {
	case ev.Has(fsnotify.Create):
		info, err := os.Lstat(name)
		if err == nil && info.IsDir() {
			if old, ok := nw.movedFrom(name, info); ok {
				// The folder's old name is still watched: its Rename
				// has not been handled yet. Handle the move now.
				nw.drop(old)
				nw.forget(nw.sc.rel(old), now)
			}
			return nw.addTree(name, true, now)
		}
		nw.g.pending.add(rel, true, now)
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		if _, wasDir := nw.dirs[name]; wasDir {
			// Every file below it is gone from there; a rename brings them
			// back as files created under the new name.
			nw.drop(name)
			nw.forget(rel, now)
			return nw.sync(true, now)
		}
		nw.g.pending.add(rel, false, now)
	case ev.Has(fsnotify.Write):
		nw.g.pending.add(rel, false, now)
	}
	// Chmod alone changes nothing a build reads.
	return nil
}

// sync adds every entry that exists and is not watched yet, and anchors the
// ones that do not exist. With report, the files found are added to the
// batch as created.
func (nw *notifyWatcher) sync(report bool, now time.Time) error {
	for _, e := range nw.sc.entries {
		if info, err := os.Stat(e); err == nil && info.IsDir() {
			if err := nw.addTree(e, report, now); err != nil {
				return err
			}
			continue
		}
		// A file is watched through its folder (an atomic save replaces
		// the file, and a watch on it would be lost); a missing entry
		// through the nearest folder that exists.
		if err := nw.anchor(filepath.Dir(e)); err != nil {
			return err
		}
	}
	return nil
}

// anchor watches the nearest existing folder at or above dir.
func (nw *notifyWatcher) anchor(dir string) error {
	for {
		if _, ok := nw.dirs[dir]; ok {
			return nil
		}
		info, err := os.Stat(dir)
		if err == nil && info.IsDir() {
			if err := nw.add(dir); err != nil {
				return err
			}
			nw.dirs[dir] = false
			return nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// addTree watches dir and every folder below it that is not litter. With
// report, every file found is added to the batch: files created in a new
// folder before its watch was in place have sent no event of their own.
func (nw *notifyWatcher) addTree(dir string, report bool, now time.Time) error {
	if nw.sc.ignored(dir) || nw.dirs[dir] {
		return nil // litter, or watched already with everything below it
	}
	if err := nw.add(dir); err != nil {
		return err
	}
	nw.dirs[dir] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // gone again, or unreadable: its parent's events say more
	}
	for _, de := range entries {
		name := filepath.Join(dir, de.Name())
		if nw.sc.ignored(name) {
			continue
		}
		if de.IsDir() {
			if err := nw.addTree(name, report, now); err != nil {
				return err
			}
		} else if report {
			nw.g.pending.add(nw.sc.rel(name), true, now)
		}
	}
	return nil
}

// movedFrom returns the watched folder that info, found at name, is under
// another name.
func (nw *notifyWatcher) movedFrom(name string, info os.FileInfo) (string, bool) {
	for dir, known := range nw.infos {
		if dir != name && os.SameFile(known, info) {
			return dir, true
		}
	}
	return "", false
}

func (nw *notifyWatcher) add(dir string) error {
	err := nw.w.Add(dir)
	if err == nil {
		if info, statErr := os.Lstat(dir); statErr == nil {
			nw.infos[dir] = info
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return fmt.Errorf("%w: %s: %v (on Linux, raise fs.inotify.max_user_watches)", errWatchLimit, dir, err)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	default:
		return fmt.Errorf("watch %s: %w", dir, err)
	}
}

// forget reports every file the builder saw below the folder rel as
// changed (deleted, unless it comes back within the batch).
func (nw *notifyWatcher) forget(rel string, now time.Time) {
	prefix := rel + "/"
	for file := range nw.g.known {
		if strings.HasPrefix(file, prefix) {
			nw.g.pending.add(file, false, now)
		}
	}
}

// drop forgets dir and every watched folder below it.
func (nw *notifyWatcher) drop(dir string) {
	for d := range nw.dirs {
		if within(d, dir) {
			_ = nw.w.Remove(d) // usually gone with the folder already
			delete(nw.dirs, d)
			delete(nw.infos, d)
		}
	}
}
