package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// benchSite returns n pages of about 6 KB of HTML each.
func benchSite(n int) map[string][]byte {
	page, err := os.ReadFile(filepath.Join("..", "minify", "testdata", "page.html"))
	if err != nil {
		panic(err)
	}
	body := strings.Repeat(string(page), 4)
	site := make(map[string][]byte, n)
	for i := range n {
		site[fmt.Sprintf("section-%02d/page-%05d/index.html", i%50, i)] = []byte(fmt.Sprintf("%s<!-- %d -->", body, i))
	}
	return site
}

// publishAll puts the site from one goroutine per CPU, as the build does.
func publishAll(b *testing.B, dest string, site map[string][]byte) Stats {
	tx, err := Begin(dest, Options{})
	if err != nil {
		b.Fatal(err)
	}
	names := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range names {
				if err := tx.Put(name, site[name]); err != nil {
					b.Error(err)
				}
			}
		})
	}
	for name := range site {
		names <- name
	}
	close(names)
	wg.Wait()
	stats, err := tx.Commit()
	if err != nil {
		b.Fatal(err)
	}
	return stats
}

// BenchmarkCommit publishes 10k files that the destination already holds:
// the common rebuild, which must only hash and stat.
func BenchmarkCommit(b *testing.B) {
	site := benchSite(10_000)
	dest := filepath.Join(b.TempDir(), "public")
	publishAll(b, dest, site)
	b.ResetTimer()
	for b.Loop() {
		if stats := publishAll(b, dest, site); stats.Unchanged != len(site) {
			b.Fatalf("stats = %+v, want everything unchanged", stats)
		}
	}
}

// BenchmarkCommitFirstBuild publishes 1k files into a missing destination:
// the cost of creating files, which the file system dominates.
func BenchmarkCommitFirstBuild(b *testing.B) {
	site := benchSite(1_000)
	root := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		publishAll(b, filepath.Join(root, fmt.Sprint(i)), site)
	}
}
