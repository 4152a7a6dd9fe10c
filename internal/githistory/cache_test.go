package githistory

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/sitetest"
)

// byKind is an items key as the build makes one: fixed settings, and the
// kind a path declares.
func byKind(path string) string {
	if strings.Contains(path, "runbook") {
		return "settings|runbook"
	}
	return "settings|"
}

// throughFile writes c and reads it back, as the build cache does.
func throughFile(t *testing.T, c *Cache) *Cache {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCache(&buf, c); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCache(buf.Bytes())
	if err != nil {
		t.Fatalf("reading a cache just written: %v", err)
	}
	if !reflect.DeepEqual(back.log, c.log) || back.logKey != c.logKey {
		t.Fatal("the log read back differs from the one written")
	}
	if len(back.pages) != len(c.pages) {
		t.Fatalf("%d pages read back, %d written", len(back.pages), len(c.pages))
	}
	for p, r := range c.pages {
		b := back.pages[p]
		if b == nil || b.raw != r.raw || b.key != r.key || b.sig != r.sig {
			t.Fatalf("%s: the record read back differs from the one written", p)
		}
		if !reflect.DeepEqual(b.decodedFile(), r.decodedFile()) {
			t.Fatalf("%s: the history read back differs from the one written:\n%+v\n%+v", p, b.decodedFile(), r.decodedFile())
		}
		if !reflect.DeepEqual(b.decodedItems(), r.decodedItems()) {
			t.Fatalf("%s: the items read back differ from those written", p)
		}
	}
	var again bytes.Buffer
	WriteCache(&again, back)
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Fatal("the same cache written twice makes different bytes")
	}
	return back
}

// TestCachedReadIsTheSame reads every case of testdata twice, the second
// time with the cache the first left (through its file): the history is
// the same, and no version is fetched from git again.
func TestCachedReadIsTheSame(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a := sitetest.Load(t, file)
			dir, now, weeks := sitetest.GitRepo(t, a)
			paths := pages(t, dir)
			opts := Options{Now: now, ItemsKey: byKind}
			cold := Read(context.Background(), dir, paths, statusItems(), opts)
			if cold.Cache == nil {
				t.Fatal("no cache left")
			}
			opts.Cache = throughFile(t, cold.Cache)
			warm := Read(context.Background(), dir, paths, statusItems(), opts)
			if got, want := describe(warm, paths, now, weeks), describe(cold, paths, now, weeks); got != want {
				t.Errorf("with the cache:\n%s\nwithout:\n%s", got, want)
			}
			if warm.Fetched != 0 {
				t.Errorf("%d versions fetched again (%d the first time)", warm.Fetched, cold.Fetched)
			}
			if warm.Worked != dirty(t, dir, paths) {
				t.Errorf("%d histories worked out again, want only the %d with uncommitted edits", warm.Worked, dirty(t, dir, paths))
			}
		})
	}
}

// dirty counts the pages with uncommitted edits.
func dirty(t *testing.T, dir string, paths []string) int {
	out, err := exec.Command("git", "-C", dir, "status", "--porcelain").Output()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		for _, p := range paths {
			if strings.HasSuffix(line, " "+p) {
				n++
			}
		}
	}
	return n
}

// TestCacheAfterACommit: after one more commit, a read with the last
// read's cache fetches only the version that commit made, and gives what
// a read without a cache gives; a cache of other settings is not used.
func TestCacheAfterACommit(t *testing.T) {
	a := sitetest.Load(t, "testdata/basic.txtar")
	dir, now, weeks := sitetest.GitRepo(t, a)
	paths := pages(t, dir)
	ctx := context.Background()
	first := Read(ctx, dir, paths, statusItems(), Options{Now: now, ItemsKey: byKind})
	if first.Fetched == 0 || first.Cache.Len() == 0 {
		t.Fatalf("first read: %d fetched, %d cached", first.Fetched, first.Cache.Len())
	}

	page := filepath.Join(dir, "roadmap.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, bytes.Replace(data, []byte("- [ ]"), []byte("- [x]"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	sitetest.Git(t, dir, "commit", "-q", "-a", "-m", "tick", "--date", "2026-02-25T12:00:00Z")
	now = now.Add(24 * time.Hour)

	fresh := Read(ctx, dir, paths, statusItems(), Options{Now: now})
	warm := Read(ctx, dir, paths, statusItems(), Options{Now: now, ItemsKey: byKind, Cache: throughFile(t, first.Cache)})
	if got, want := describe(warm, paths, now, weeks), describe(fresh, paths, now, weeks); got != want {
		t.Errorf("after a commit, with the cache:\n%s\nwithout:\n%s", got, want)
	}
	if warm.Fetched != 1 {
		t.Errorf("after one commit changing one page, %d versions fetched, want 1", warm.Fetched)
	}
	if warm.Worked != 1 || first.Worked != len(paths) {
		t.Errorf("histories worked out: %d after the commit, %d the first time; want 1 and %d", warm.Worked, first.Worked, len(paths))
	}

	other := Read(ctx, dir, paths, statusItems(), Options{Now: now, ItemsKey: func(string) string { return "other settings" }, Cache: warm.Cache})
	if other.Fetched != fresh.Fetched || other.Fetched == 0 {
		t.Errorf("with other settings, %d versions fetched, want all %d", other.Fetched, fresh.Fetched)
	}
	if got, want := describe(other, paths, now, weeks), describe(fresh, paths, now, weeks); got != want {
		t.Errorf("with other settings:\n%s\nwant:\n%s", got, want)
	}
}

// TestReadCacheDamaged: a file that is not a cache, cut short, or with a
// byte changed is an error, never a panic or a wrong cache.
func TestReadCacheDamaged(t *testing.T) {
	a := sitetest.Load(t, "testdata/rename.txtar")
	dir, now, _ := sitetest.GitRepo(t, a)
	site := Read(context.Background(), dir, pages(t, dir), statusItems(), Options{Now: now, ItemsKey: byKind})
	var buf bytes.Buffer
	if err := WriteCache(&buf, site.Cache); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	bad := map[string][]byte{
		"empty":       nil,
		"not a cache": []byte("milepost page summaries v3\n...."),
		"cut short":   good[:len(good)/2],
	}
	for i := range good {
		flipped := bytes.Clone(good)
		flipped[i] ^= 0x10
		bad["byte changed"] = flipped
		for name, data := range bad {
			if c, err := ReadCache(data); err == nil {
				t.Fatalf("%s (byte %d): read as a cache of %d versions", name, i, c.Len())
			}
		}
	}
}

// FuzzReadCache: whatever the bytes (with a checksum that matches, so the
// decoder itself is tried), ReadCache returns a cache or an error.
func FuzzReadCache(f *testing.F) {
	var buf bytes.Buffer
	WriteCache(&buf, &Cache{})
	f.Add(buf.Bytes()[:buf.Len()-4])
	f.Add([]byte(cacheMagic + "\x02\x01a\x01b\x01\x01\x00\x14" + strings.Repeat("x", 20) + "\x01\x01\x01\x03\x02\x00"))
	f.Fuzz(func(t *testing.T, body []byte) {
		data := binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.Checksum(body, castagnoli))
		c, err := ReadCache(data)
		if err == nil {
			var out bytes.Buffer
			if err := WriteCache(&out, c); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// readThenEdit reads the history of testdata/basic.txtar's repository
// (items by kind) and then appends line to roadmap.md, uncommitted.
func readThenEdit(t *testing.T, line string) (dir string, now time.Time, weeks int, paths []string, read *Site) {
	t.Helper()
	dir, now, weeks = sitetest.GitRepo(t, sitetest.Load(t, "testdata/basic.txtar"))
	paths = pages(t, dir)
	read = Read(context.Background(), dir, paths, statusItems(), Options{Now: now, ItemsKey: byKind})
	page := filepath.Join(dir, "roadmap.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(data, line...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, now, weeks, paths, read
}

// TestDamagedRecords: a record whose history or items cannot be decoded
// (a file with a good checksum but of a broken writer) is as good as
// missing: what it was to give is read from git, and the history is the
// same. One page is edited after the cache was made: its cached history
// cannot be taken, and the items of its versions are then needed.
func TestDamagedRecords(t *testing.T) {
	dir, now, weeks, paths, cold := readThenEdit(t, "- [x] One more, not committed\n")
	ctx := context.Background()
	fresh := Read(ctx, dir, paths, statusItems(), Options{Now: now})
	want := describe(fresh, paths, now, weeks)
	for _, part := range []string{"history", "items", "both"} {
		damaged := &Cache{pages: map[string]*record{}}
		for p, r := range cold.Cache.pages {
			d, err := readRecord(r.raw)
			if err != nil {
				t.Fatal(err)
			}
			if part != "items" {
				d.filePart = "\xff"
			}
			if part != "history" {
				d.itemsPart = "\xff"
			}
			damaged.pages[p] = d
		}
		warm := Read(ctx, dir, paths, statusItems(), Options{Now: now, ItemsKey: byKind, Cache: damaged})
		if got := describe(warm, paths, now, weeks); got != want {
			t.Errorf("%s damaged:\n%s\nwant:\n%s", part, got, want)
		}
		if warm.Off != "" {
			t.Errorf("%s damaged: %s", part, warm.Off)
		}
	}
}

// TestHashSparesReads: told the hash of each page's bytes (Options.Hash),
// a read with the cache reads from the work tree only the pages whose
// bytes are not those their cached history was read with.
func TestHashSparesReads(t *testing.T) {
	dir, now, weeks, paths, first := readThenEdit(t, "- [ ] Not committed yet\n")
	ctx := context.Background()
	var mu sync.Mutex
	var read []string
	opts := Options{Now: now, ItemsKey: byKind, Cache: first.Cache,
		Current: func(p string) ([]byte, error) {
			mu.Lock()
			read = append(read, p)
			mu.Unlock()
			return os.ReadFile(filepath.Join(dir, p))
		},
		Hash: func(p string) ([32]byte, bool) {
			data, err := os.ReadFile(filepath.Join(dir, p))
			return sha256.Sum256(data), err == nil
		},
	}
	warm := Read(ctx, dir, paths, statusItems(), opts)
	fresh := Read(ctx, dir, paths, statusItems(), Options{Now: now})
	if got, want := describe(warm, paths, now, weeks), describe(fresh, paths, now, weeks); got != want {
		t.Errorf("with hashes:\n%s\nwithout a cache:\n%s", got, want)
	}
	if !reflect.DeepEqual(read, []string{"roadmap.md"}) {
		t.Errorf("read from the work tree: %q, want only the edited page", read)
	}
}
