package devserver

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// TestFolderMoveSeenInEitherOrder hands the watcher a folder's move with
// the new name's Create before the old name's Rename. inotify watches the
// folder, not its name: were the new name watched while the old name's
// watch stood, fsnotify would keep the one watch under the old name, and
// dropping the old name would leave the moved folder unwatched.
func TestFolderMoveSeenInEitherOrder(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "content/sub/b.md", "beta")
	sc, err := newScope(root, []string{"content"})
	if err != nil {
		t.Fatal(err)
	}
	nw, err := startNotify(sc, fsnotify.NewWatcher, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer nw.w.Close()
	nw.g = newGatherer(root, time.Hour, make(chan changeSet))
	nw.g.known = nw.known

	sub, moved := filepath.Join(root, "content", "sub"), filepath.Join(root, "content", "moved")
	if err := os.Rename(sub, moved); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, ev := range []fsnotify.Event{{Name: moved, Op: fsnotify.Create}, {Name: sub, Op: fsnotify.Rename}} {
		if err := nw.handle(ev, now); err != nil {
			t.Fatal(err)
		}
	}
	for rel, created := range map[string]bool{"content/moved/b.md": true, "content/sub/b.md": false} {
		if got, ok := nw.g.pending.paths[rel]; !ok || got != created {
			t.Errorf("pending %s = %v, %v; want %v", rel, got, ok, created)
		}
	}

	// The moved folder is watched: an edit in it is seen.
	drain(nw.w.Events)
	writeFile(t, root, "content/moved/b.md", "beta, edited")
	want := filepath.Join(moved, "b.md")
	deadline := time.After(eventWait)
	for {
		select {
		case ev := <-nw.w.Events:
			if ev.Name == want {
				return
			}
		case <-deadline:
			t.Fatalf("no event for %s; watching %q", want, nw.w.WatchList())
		}
	}
}

// drain takes the events already queued.
func drain(events <-chan fsnotify.Event) {
	for {
		select {
		case <-events:
		case <-time.After(50 * time.Millisecond):
			return
		}
	}
}
