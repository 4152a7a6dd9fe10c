package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/bench/reload"
	"github.com/milepost/milepost/internal/benchcorpus"
	"github.com/milepost/milepost/internal/site"
)

// BenchmarkReload times a content edit to the reload event with the real
// builder, as `milepost serve` runs it. The site is MILEPOST_BENCH_CORPUS (a
// folder with content/ inside, as make bench generates it) or, when unset,
// a generated 1,000-page corpus. MILEPOST_BENCH_EDITS sets the number of
// edits (default 20). Run it once: go test -run '^$' -bench BenchmarkReload
// -benchtime 1x ./cmd/milepost/
func BenchmarkReload(b *testing.B) {
	root := os.Getenv("MILEPOST_BENCH_CORPUS")
	if root == "" {
		root = b.TempDir()
		if _, err := benchcorpus.Generate(root, benchcorpus.Options{Pages: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	edits := 20
	if v, err := strconv.Atoi(os.Getenv("MILEPOST_BENCH_EDITS")); err == nil && v > 0 {
		edits = v
	}
	file, pages, err := pickPage(root)
	if err != nil {
		b.Fatal(err)
	}
	builder := siteBuilder{site.NewBuilder(site.Input{
		Mode:           site.Again,
		Site:           os.DirFS(root),
		ThemeTemplates: milepost.Templates(),
		ThemeStatic:    milepost.Static(),
		Now:            time.Unix(1_700_000_000, 0).UTC(),
	})}
	b.ResetTimer()
	for range b.N {
		median, p95, err := reload.Measure(context.Background(), root, builder, file, edits)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(median)/float64(time.Millisecond), "median-ms")
		b.ReportMetric(float64(p95)/float64(time.Millisecond), "p95-ms")
		fmt.Printf("write → reload, %d pages, %d edits of %s: median %.1f ms, p95 %.1f ms\n",
			pages, edits, file, float64(median)/1e6, float64(p95)/1e6)
	}
}

// pickPage returns the middle Markdown file of content/ (in path order) and
// the number of Markdown files.
func pickPage(root string) (string, int, error) {
	var pages []string
	err := filepath.WalkDir(filepath.Join(root, "content"), func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(name, ".md") {
			rel, _ := filepath.Rel(root, name)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		return "", 0, err
	}
	if len(pages) == 0 {
		return "", 0, fmt.Errorf("no Markdown under %s/content", root)
	}
	sort.Strings(pages)
	return pages[len(pages)/2], len(pages), nil
}
