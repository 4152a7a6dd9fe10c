package site

import (
	"context"
	"io/fs"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/benchcorpus"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/parse"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/render"
)

// The stage benchmarks run on a generated seed-shaped corpus of
// benchPages pages (MILEPOST_BENCH_CORPUS names another site instead) and
// report pages per second. `make bench` runs them; the whole-build numbers
// with Hugo and the floor beside them are in BENCHMARKS.md.

const benchPages = 300

var (
	benchOnce sync.Once
	benchRoot string
	benchErr  error
)

// benchSite returns the benchmark site's root.
func benchSite(b *testing.B) fs.FS {
	b.Helper()
	benchOnce.Do(func() {
		if benchRoot = os.Getenv("MILEPOST_BENCH_CORPUS"); benchRoot != "" {
			return
		}
		benchRoot, benchErr = os.MkdirTemp("", "milepost-bench-")
		if benchErr == nil {
			_, benchErr = benchcorpus.Generate(benchRoot, benchcorpus.Options{Pages: benchPages, Seed: 1})
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return os.DirFS(benchRoot)
}

func benchLoad(b *testing.B, site fs.FS) *content.Set {
	b.Helper()
	contentFS, _ := fs.Sub(site, "content")
	set, diags := content.Load(contentFS, content.Options{Prefix: "content/"})
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	return set
}

func reportPages(b *testing.B, pages int) {
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkLoad: LOAD, reading and splitting every file.
func BenchmarkLoad(b *testing.B) {
	site := benchSite(b)
	var set *content.Set
	for b.Loop() {
		set = benchLoad(b, site)
	}
	reportPages(b, len(set.Pages))
}

// BenchmarkParse: PARSE of every page (AST, status, links, body HTML).
func BenchmarkParse(b *testing.B) {
	set := benchLoad(b, benchSite(b))
	statics, _ := render.StaticFiles(milepost.Static(), nil)
	env := parse.NewEnv(config.Default(), parse.Targets(set, render.SortedKeys(statics)), "content/")
	for b.Loop() {
		for _, p := range set.Pages {
			if out := env.Parse(p); out.Diags.Err() != nil {
				b.Fatal(out.Diags.Err())
			}
		}
	}
	reportPages(b, len(set.Pages))
}

// BenchmarkBuild: a whole one-off build into memory, minified as `milepost
// build` writes it (LOAD, PARSE, RESOLVE, RENDER; no disk).
func BenchmarkBuild(b *testing.B) {
	in := Input{Site: benchSite(b), ThemeTemplates: milepost.Templates(), ThemeStatic: milepost.Static(), Now: time.Unix(1_700_000_000, 0).UTC()}
	var res *Result
	for b.Loop() {
		var err error
		if res, err = Build(context.Background(), in, publish.NewMemory(true)); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, res.Pages)
}
