package devserver

import (
	"os"
	"path/filepath"
	"sort"
	"time"
)

// changeSet is what a watcher hands to the build loop: the source files that
// changed, sorted, or nil for "rebuild everything".
type changeSet struct {
	first   time.Time // when the first event of the batch arrived
	changed []string
	gone    fileSet // the changed files that did not exist when the set was made
}

// fileSet holds slash paths relative to the root.
type fileSet map[string]bool

// batch gathers events between two builds.
type batch struct {
	first time.Time
	last  time.Time
	all   bool
	// paths maps a slash path relative to the root to whether the batch saw
	// it created: a file the builder never saw, created and gone within one
	// batch, is an atomic-save temporary and is left out.
	paths map[string]bool
}

func (b *batch) empty() bool { return !b.all && len(b.paths) == 0 }

func (b *batch) touch(at time.Time) {
	if b.empty() {
		b.first = at
	}
	b.last = at
}

// add records a change of one file.
func (b *batch) add(rel string, created bool, at time.Time) {
	b.touch(at)
	if b.paths == nil {
		b.paths = make(map[string]bool)
	}
	if seen, ok := b.paths[rel]; ok {
		created = seen
	}
	b.paths[rel] = created
}

// addAll asks for a full rebuild.
func (b *batch) addAll(at time.Time) {
	b.touch(at)
	b.all = true
}

// absorb folds an earlier batch, not yet built, into b. A path keeps the
// "created" mark of its first sighting, so an atomic-save temporary stays
// recognisable across the two.
func (b *batch) absorb(earlier batch) {
	if earlier.empty() {
		return
	}
	if b.paths == nil {
		b.paths = make(map[string]bool)
	}
	for rel, created := range earlier.paths {
		b.paths[rel] = created
	}
	b.all = b.all || earlier.all
	if b.first.IsZero() || earlier.first.Before(b.first) {
		b.first = earlier.first
	}
}

// take returns the change set for the builder and empties the batch. ok is
// false when nothing but transient files changed. known holds the files the
// builder saw last time: a file replaced (reported as created) and then
// deleted within one batch is a real deletion.
func (b *batch) take(root string, known fileSet) (cs changeSet, ok bool) {
	cs.first = b.first
	if !b.all {
		cs.changed = make([]string, 0, len(b.paths))
		cs.gone = make(fileSet)
		for rel, created := range b.paths {
			if !exists(filepath.Join(root, filepath.FromSlash(rel))) {
				if created && !known[rel] {
					continue
				}
				cs.gone[rel] = true
			}
			cs.changed = append(cs.changed, rel)
		}
		sort.Strings(cs.changed)
		ok = len(cs.changed) > 0
	} else {
		ok = true
	}
	*b = batch{}
	return cs, ok
}

// due says when the batch should be handed over: after the quiet window
// since the last event, or at the latest maxDelay after the first one.
func (b *batch) due(quiet, maxDelay time.Duration) time.Time {
	at := b.last.Add(quiet)
	if limit := b.first.Add(maxDelay); limit.Before(at) {
		at = limit
	}
	return at
}

func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}

// gatherer turns a stream of events into change sets for the build loop: it
// owns the pending batch, the quiet-window timer and the hand-over. While
// the build loop is busy, new events keep merging into the batch.
type gatherer struct {
	root     string
	quiet    time.Duration
	maxDelay time.Duration
	out      chan<- changeSet

	pending batch
	timer   *time.Timer
	ready   *changeSet // finalized set waiting for the build loop
	readyOf batch      // the batch ready was made from

	// known is the set of files as the builder last saw them, kept only
	// when events can mark files created (fsnotify); listFiles lists them
	// afresh after a full rebuild.
	known     fileSet
	listFiles func() fileSet
}

func newGatherer(root string, quiet time.Duration, out chan<- changeSet) *gatherer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	maxDelay := 20 * quiet
	if maxDelay < maxBatchDelay {
		maxDelay = maxBatchDelay
	}
	return &gatherer{root: root, quiet: quiet, maxDelay: maxDelay, out: out, timer: t}
}

// noted must be called after events were added to g.pending.
func (g *gatherer) noted() {
	if g.pending.empty() {
		return
	}
	if g.ready != nil {
		// The build loop has not taken the ready set yet: fold it back in.
		g.pending.absorb(g.readyOf)
		g.ready, g.readyOf = nil, batch{}
	}
	g.timer.Reset(time.Until(g.pending.due(g.quiet, g.maxDelay)))
}

// fired must be called when g.timer.C delivers.
func (g *gatherer) fired() {
	if g.pending.empty() {
		return
	}
	of := g.pending
	if cs, ok := g.pending.take(g.root, g.known); ok {
		g.ready, g.readyOf = &cs, of
	}
}

// outC is the channel to send on, nil while nothing is ready.
func (g *gatherer) outC() chan<- changeSet {
	if g.ready == nil {
		return nil
	}
	return g.out
}

func (g *gatherer) value() changeSet {
	if g.ready == nil {
		return changeSet{}
	}
	return *g.ready
}

// sent must be called once the build loop took the ready set. The files'
// existence is the one seen when the set was made, not now: the build may
// already be done and the files changed again, which the next set reports.
// (A file created after the set was made, seen by a builder that walks the
// whole tree, and deleted within the next batch would be missed as a
// temporary; the next full build catches up.)
func (g *gatherer) sent() {
	switch {
	case g.known == nil:
	case g.ready.changed == nil:
		g.known = g.listFiles()
	default:
		for _, rel := range g.ready.changed {
			if g.ready.gone[rel] {
				delete(g.known, rel)
			} else {
				g.known[rel] = true
			}
		}
	}
	g.ready, g.readyOf = nil, batch{}
}

func (g *gatherer) stop() { g.timer.Stop() }
