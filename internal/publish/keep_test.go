package publish

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Keep takes files the destination holds as they are, all or none, and
// Intact tells whether a destination is still what a commit left.
func TestKeepAndIntact(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"index.html": "home", "a/index.html": "a", "a/badge.svg": "<svg/>"}
	first := build(t, dest, Options{}, site)
	names, sizes := first.Names, first.Sizes
	if !Intact(dest, first.Manifest, first.ManifestFile, names, sizes) {
		t.Fatal("a destination just committed is not intact")
	}
	if !Intact(dest, first.Manifest, FileID{}, names, sizes) {
		t.Fatal("a destination just committed is not intact, its manifest read")
	}
	// The manifest is read only when it is no longer the file the commit
	// left: a wrong hash goes unseen while the identity holds.
	if first.ManifestFile == (FileID{}) {
		t.Fatal("the commit did not tell its manifest's identity")
	}
	if !Intact(dest, [32]byte{1}, first.ManifestFile, names, sizes) {
		t.Error("the manifest was read although its identity was the commit's")
	}
	if Intact(dest, [32]byte{1}, FileID{}, names, sizes) {
		t.Error("intact against another manifest's hash")
	}

	tx, err := Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if kept, err := tx.KeepOwned("a.md", []string{"a/index.html", "missing.html"}); kept || err != nil {
		t.Errorf("Keep of a file never written = %v, %v; want false", kept, err)
	}
	if kept, err := tx.KeepOwned("a.md", []string{"a/index.html", "a/badge.svg"}); !kept || err != nil {
		t.Fatalf("Keep of unchanged files = %v, %v", kept, err)
	}
	if err := tx.Put("b/index.html", []byte("b")); err != nil {
		t.Fatal(err)
	}
	stats, err := tx.Commit() // index.html is neither put nor kept: pruned
	if err != nil {
		t.Fatal(err)
	}
	if stats.Written != 1 || stats.Unchanged != 2 || stats.Removed != 1 {
		t.Errorf("stats = %+v, want 1 written, 2 unchanged, 1 removed", stats)
	}
	if got := files(t, dest); !equalMaps(got, map[string]string{"a/index.html": "a", "a/badge.svg": "<svg/>", "b/index.html": "b"}) {
		t.Errorf("destination holds %v", got)
	}

	names, sizes = stats.Names, stats.Sizes
	if !Intact(dest, stats.Manifest, stats.ManifestFile, names, sizes) {
		t.Error("not intact after the second commit")
	}
	if Intact(dest, first.Manifest, first.ManifestFile, names, sizes) {
		t.Error("intact against an older manifest")
	}
	edited := filepath.Join(dest, "a", "badge.svg")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(edited, later, later); err != nil {
		t.Fatal(err)
	}
	if Intact(dest, stats.Manifest, stats.ManifestFile, names, sizes) {
		t.Error("intact with a file modified after the commit")
	}
	tx, err = Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	if kept, _ := tx.KeepOwned("a.md", []string{"a/badge.svg"}); kept {
		t.Error("kept a file modified after the commit")
	}
	if kept, _ := tx.KeepOwned("a.md", []string{"a/index.html"}); !kept {
		t.Fatal("did not keep an unchanged file")
	}
	if err := tx.Put("a/index.html", []byte("a")); err == nil {
		t.Error("a kept file was put again")
	}
}

// PutWriter streams a file into the transaction; bytes the destination
// already holds are not written again.
func TestPutWriter(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write := func(text string) Stats {
		t.Helper()
		tx, err := Begin(dest, Options{Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Abort()
		err = tx.PutWriter("status.json", func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		stats, err := tx.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}
	if s := write(`{ "a": 1 }`); s.Written != 1 {
		t.Errorf("first write: %+v", s)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "status.json")); string(got) != `{ "a": 1 }` {
		t.Errorf("status.json = %q: a streamed file is written as given", got)
	}
	if s := write(`{ "a": 1 }`); s.Written != 0 || s.Unchanged != 1 {
		t.Errorf("the same bytes again: %+v, want unchanged", s)
	}
	if s := write(`{ "a": 2 }`); s.Written != 1 {
		t.Errorf("new bytes: %+v", s)
	}
}

func TestTxMinifiesTemplatesOnlyWhenMinifying(t *testing.T) {
	if _, ok := (&Tx{}).MinifyTemplate("<div>\n  <p>{{.Title}}</p>\n</div>\n"); ok {
		t.Error("a transaction that does not minify minified a template")
	}
}
