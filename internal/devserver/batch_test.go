package devserver

import (
	"os"
	"reflect"
	"testing"
	"time"
)

func TestBatchTake(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "content/kept.md", "x")
	writeFile(t, root, "content/new.md", "x")
	at := time.Unix(100, 0)
	known := fileSet{"content/kept.md": true, "content/replaced.md": true}
	tests := []struct {
		name   string
		events func(b *batch)
		want   []string
		ok     bool
	}{
		{"sorted and deduplicated", func(b *batch) {
			b.add("content/kept.md", false, at)
			b.add("content/a.md", false, at)
			b.add("content/kept.md", false, at)
		}, []string{"content/a.md", "content/kept.md"}, true},
		{"a deleted file stays", func(b *batch) {
			b.add("content/gone.md", false, at)
		}, []string{"content/gone.md"}, true},
		{"a created file that is still there stays", func(b *batch) {
			b.add("content/new.md", true, at)
		}, []string{"content/new.md"}, true},
		{"a temporary file is dropped", func(b *batch) {
			b.add("content/kept.md.tmp", true, at)
			b.add("content/kept.md.tmp", false, at) // renamed away
			b.add("content/kept.md", true, at)
		}, []string{"content/kept.md"}, true},
		{"a file replaced then deleted is a deletion", func(b *batch) {
			b.add("content/replaced.md", true, at) // renamed over: reported as created
			b.add("content/replaced.md", false, at)
		}, []string{"content/replaced.md"}, true},
		{"only a temporary file: nothing to build", func(b *batch) {
			b.add("content/x.tmp", true, at)
		}, []string{}, false},
		{"all wins", func(b *batch) {
			b.add("content/kept.md", false, at)
			b.addAll(at)
		}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b batch
			tt.events(&b)
			cs, ok := b.take(root, known)
			if ok != tt.ok || !reflect.DeepEqual(cs.changed, tt.want) {
				t.Errorf("take = %q, %v; want %q, %v", cs.changed, ok, tt.want, tt.ok)
			}
			if !b.empty() {
				t.Error("batch not emptied")
			}
		})
	}
}

func TestGathererFoldsBackUntakenBatch(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "content/a.md.tmp", "x") // the temporary, still there
	out := make(chan changeSet)
	g := newGatherer(root, time.Millisecond, out)
	defer g.stop()

	g.pending.add("content/a.md.tmp", true, time.Unix(1, 0))
	g.noted()
	g.fired()
	if g.outC() == nil || !reflect.DeepEqual(g.value().changed, []string{"content/a.md.tmp"}) {
		t.Fatalf("ready = %+v", g.value())
	}
	// Before the build loop takes it, the temporary is renamed over a.md.
	if err := os.Rename(root+"/content/a.md.tmp", root+"/content/a.md"); err != nil {
		t.Fatal(err)
	}
	g.pending.add("content/a.md.tmp", false, time.Unix(2, 0))
	g.pending.add("content/a.md", true, time.Unix(2, 0))
	g.noted()
	if g.outC() != nil {
		t.Fatal("still ready after new events")
	}
	g.fired()
	cs := g.value()
	if !reflect.DeepEqual(cs.changed, []string{"content/a.md"}) || !cs.first.Equal(time.Unix(1, 0)) {
		t.Errorf("ready = %q from %v, want the real file from the first event", cs.changed, cs.first)
	}
}

func TestBatchDue(t *testing.T) {
	var b batch
	t0 := time.Unix(0, 0)
	b.add("a", false, t0)
	b.add("a", false, t0.Add(5*time.Millisecond))
	if got := b.due(20*time.Millisecond, time.Second); !got.Equal(t0.Add(25 * time.Millisecond)) {
		t.Errorf("due = %v after the first event, want 25ms", got.Sub(t0))
	}
	b.add("a", false, t0.Add(990*time.Millisecond))
	if got := b.due(20*time.Millisecond, time.Second); !got.Equal(t0.Add(time.Second)) {
		t.Errorf("due = %v, want capped at 1s", got.Sub(t0))
	}
}
