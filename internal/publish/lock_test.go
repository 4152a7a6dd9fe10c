//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package publish

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSecondBuildIntoSameDestinationIsRefused(t *testing.T) {
	for _, existing := range []bool{true, false} {
		dest := filepath.Join(t.TempDir(), "public")
		if existing {
			build(t, dest, Options{}, map[string]string{"index.html": "v1"})
		}
		first, err := Begin(dest, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := first.Put("index.html", []byte("v2")); err != nil {
			t.Fatal(err)
		}
		if _, err := Begin(dest, Options{}); err == nil || !strings.Contains(err.Error(), "another milepost build") {
			t.Errorf("existing=%v: second Begin: got %v, want a refusal", existing, err)
		}
		if _, err := first.Commit(); err != nil {
			t.Fatalf("existing=%v: the first build's Commit: %v", existing, err)
		}
		// Once the first build is done, the lock is free again.
		build(t, dest, Options{}, map[string]string{"index.html": "v3"})
		if got := files(t, dest)["index.html"]; got != "v3" {
			t.Errorf("existing=%v: index.html = %q, want v3", existing, got)
		}
	}
}

func TestBuildsIntoSiblingDestinationsDoNotConflict(t *testing.T) {
	parent := t.TempDir()
	var txs []*Tx
	for _, name := range []string{"a", "b"} {
		tx, err := Begin(filepath.Join(parent, name), Options{})
		if err != nil {
			t.Fatalf("Begin(%s): %v", name, err)
		}
		txs = append(txs, tx)
	}
	for _, tx := range txs {
		if _, err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	assertNoStaging(t, filepath.Join(parent, "a"))
	assertNoStaging(t, filepath.Join(parent, "b"))
}
