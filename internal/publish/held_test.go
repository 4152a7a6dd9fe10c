package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// Held gives back a file the destination holds as its manifest says, and
// nothing once it was changed behind the manifest's back; KeepAllBut
// keeps every other file, so a build can put a few and keep the rest.
func TestHeldAndKeepAllBut(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, Options{}, map[string]string{"index.html": "home", "a/index.html": "a", "a/badge.svg": "<svg/>"})
	if err := os.WriteFile(filepath.Join(dest, "a", "badge.svg"), []byte("<svg></svg>"), 0o644); err != nil {
		t.Fatal(err)
	}

	tx, err := Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if data, ok := tx.Held("a/index.html"); !ok || string(data) != "a" {
		t.Errorf("Held(a/index.html) = %q, %v; want a, true", data, ok)
	}
	for _, name := range []string{"a/badge.svg", "missing.html"} {
		if data, ok := tx.Held(name); ok {
			t.Errorf("Held(%s) = %q, true: want nothing (changed, or never written)", name, data)
		}
	}
	if kept, err := tx.KeepAllBut([]string{"index.html"}); kept || err != nil {
		t.Errorf("KeepAllBut with a changed file among the rest = %v, %v; want false", kept, err)
	}
	if kept, err := tx.KeepAllBut([]string{"index.html", "a/badge.svg"}); !kept || err != nil {
		t.Fatalf("KeepAllBut = %v, %v; want true", kept, err)
	}
	for name, data := range map[string]string{"index.html": "new home", "a/badge.svg": "<svg/>"} {
		if err := tx.Put(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	stats, err := tx.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Written != 2 || stats.Unchanged != 1 || stats.Removed != 0 {
		t.Errorf("stats = %+v, want 2 written, 1 unchanged, none removed", stats)
	}
	if got := files(t, dest); !equalMaps(got, map[string]string{"index.html": "new home", "a/index.html": "a", "a/badge.svg": "<svg/>"}) {
		t.Errorf("destination = %v", got)
	}
}
