package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("build", "[DIR]", 1,
		"Builds the site in DIR (default: the current folder, or -s) into DIR/public, or -d.\n"+
			"Writes only files whose bytes changed and leaves the destination untouched when the build fails.",
		"milepost build",
		"milepost build mysite -d /var/www/status",
		"milepost build -c ../docs --base-url https://example.com/status/")
	fs := cmd.flags
	var sf siteFlags
	sf.register(fs)
	dest := fs.String("d", "", "destination `DIR` (default <source>/public)")
	fs.StringVar(dest, "destination", "", "destination `DIR`")
	noMinify := fs.Bool("no-minify", false, "write HTML, CSS, JS, SVG and JSON as rendered")
	force := fs.Bool("force", false, "write into a non-empty destination milepost did not create")
	fs.BoolVar(&sf.fileLinks, "file-links", false, "links name index.html, so the site opens from disk (file_links: true)")
	noCache := fs.Bool("no-cache", false, "build everything, neither reading nor writing "+buildcache.Dir+"/")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for performance work)")
	memProfile := fs.String("memprofile", "", "write a heap profile to `file` at the end of the build")
	cmd.hide("cpuprofile", "memprofile")
	quiet := fs.Bool("q", false, "print errors only")
	fs.BoolVar(quiet, "quiet", false, "print errors only")
	pos, code, ok := cmd.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if !sf.takeDir(pos, cmd, stderr) {
		return exitUsage
	}
	start := time.Now()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "milepost:", err)
			return exitFail
		}
		defer stop()
	}
	if *memProfile != "" {
		defer writeHeapProfile(*memProfile, stderr)
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(sf.source, "public")
	}
	cfg, _ := site.ReadConfig(in) // its errors are reported by the build
	contentDir := contentRel(sf.source, cfg.ContentDir)
	var cache *buildState
	if !*noCache {
		cache = loadBuildState(sf, in, *dest, contentDir, !*noMinify, stderr)
		if cache.upToDate() {
			if !*quiet {
				fmt.Fprintf(stdout, "up to date: nothing changed since the last build (%s) in %s → %s\n",
					plural(len(cache.prev.FileSizes), "file"), elapsed(start), *dest)
			}
			return exitOK
		}
	}
	// The rest of the cache is read while Begin reads the destination's
	// manifest: neither needs the other.
	parts := make(chan cachedParts, 1)
	go func() { parts <- cache.readParts() }()
	onParse := tuneGC() // after the up-to-date check, which holds little memory
	tx, err := publish.Begin(*dest, publish.Options{
		Force:     *force,
		Minify:    !*noMinify,
		Protected: []string{sf.source},
		// Output inside an input would be read back by the next build.
		Inputs:  []string{filepath.Join(sf.source, contentDir), filepath.Join(sf.source, "templates"), filepath.Join(sf.source, "static")},
		Checked: cache.checkedManifest(),
	})
	if err != nil {
		<-parts
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	cache.offer(&in, <-parts, stderr)
	if !*quiet && stderr == io.Writer(os.Stderr) {
		var clear func()
		in.Progress, clear = progressLine(os.Stderr)
		defer clear()
	}
	in.Progress = withParseHook(in.Progress, onParse)
	res, err := site.Build(ctx, in, tx)
	in = site.Input{} // what it held of the last build is not needed again
	if err != nil {
		_ = tx.Abort()
		return reportFailure(stderr, sf.source, res, err)
	}
	saved := cache.saveAside(res) // what does not depend on the commit, while it runs
	stats, err := tx.Commit()
	if err != nil {
		_ = saved()
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	cache.save(res, stats, saved, stderr)
	warnings := res.Diagnostics.Warnings()
	if !*quiet {
		printDiagnostics(stderr, sf.source, warnings)
		for _, name := range stats.Unminified {
			fmt.Fprintf(stderr, "%s: warning: written unminified (the minifier could not take it safely)\n", filepath.Join(*dest, name))
		}
		fmt.Fprintf(stdout, "built %s (%d parsed), %s (%d written, %d unchanged, %d removed), %s in %s → %s\n",
			plural(res.Pages, "page"), res.Parsed, plural(res.Files, "file"), stats.Written, stats.Unchanged, stats.Removed,
			plural(len(warnings), "warning"), elapsed(start), *dest)
	}
	return exitOK
}

// reportFailure prints why a build failed and returns its exit code.
func reportFailure(stderr io.Writer, source string, res *site.Result, err error) int {
	var list *diag.ErrorList
	if res != nil && len(res.Diagnostics) > 0 {
		printDiagnostics(stderr, source, res.Diagnostics)
	} else if errors.As(err, &list) {
		printDiagnostics(stderr, source, list.Diagnostics)
	} else {
		fmt.Fprintln(stderr, "milepost:", err)
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "milepost: build interrupted; the destination is unchanged")
		return exitFail
	}
	n := 0
	if res != nil {
		n = len(res.Diagnostics.Errors())
	}
	if n > 0 {
		fmt.Fprintf(stderr, "milepost: build failed with %s; the destination is unchanged\n", plural(n, "error"))
	}
	return exitFail
}

// elapsed formats the time since start for summaries.
func elapsed(start time.Time) string {
	d := time.Since(start)
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// The garbage collector's settings for a build. A build keeps a summary
// of every page for its whole run and makes a lot of short-lived garbage
// around it. Go's default (collect when the heap doubles) lets a 10k-page
// site peak near 450 MB; collecting at 35% growth keeps it near 335 MB but
// costs a third more CPU. A soft limit does better than both: the heap may
// grow freely up to gcSoftLimit, and the collector works harder only near
// it. It is set when PARSE first reports, which says how many pages there
// are: LOAD runs under Go's default, as a big site's sources alone would
// fill the limit (100k pages are 342 MB of markdown).
//
// A site whose page summaries alone would fill most of the limit would
// keep the collector running all the time under it (a 100k-page site took
// twice the CPU). Such a site (more than gcBigSitePages pages) is parsed
// collecting at 35% growth instead, which scales with the site. Once PARSE
// has handed out its last page, a site that is big, or whose live heap
// fills 60% of the limit, gets a soft limit at gcBigSiteLimit times its
// live heap and Go's default growth again: the heap grows by about 1.8
// times after PARSE (links resolved, keys, the files' bookkeeping), so the
// limit leaves more room than 35% growth would, and the runtime hands
// freed memory back before the peak (without a limit a 100k-page site
// peaked anywhere from 2.2 to 2.9 GB from run to run). Were a site's heap
// to grow more than that, the collector would run more often (the runtime
// caps it at half the CPU), not fail. The limit never goes above
// gcBigSiteCeiling unless the live heap needs gcMinGrowth times itself:
// a build that keeps most pages from the cache holds the last build's
// summaries, manifest and outputs, a live heap twice a cold build's at
// the end of PARSE, and 2.4 times that took a 100k-page site to 3.3 GB.
// GOGC or GOMEMLIMIT in the environment win over all of this.
const (
	gcSoftLimit      = 340 << 20
	gcBigSiteLive    = gcSoftLimit * 6 / 10
	gcBigSitePages   = 15000 // about 8 KB of live summary per page of the benchmark corpus
	gcBigSiteGOGC    = 35
	gcBigSiteLimit   = 2.4 // × the live heap when PARSE ends
	gcBigSiteCeiling = 1800 << 20
	gcMinGrowth      = 1.2
	liveHeapMetric   = "/gc/heap/live:bytes"
)

// tuneGC returns the hook PARSE's progress reports go through, which sets
// the collector as above (a no-op when the environment sets it).
func tuneGC() (onParse func(done, total int)) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func(int, int) {}
	}
	big := false // set and read on PARSE's reporting goroutine only
	var first, last sync.Once
	return func(done, total int) {
		first.Do(func() {
			if total > gcBigSitePages {
				big = true
				debug.SetGCPercent(gcBigSiteGOGC)
			} else {
				debug.SetMemoryLimit(gcSoftLimit)
			}
		})
		if done == total {
			last.Do(func() {
				sample := []metrics.Sample{{Name: liveHeapMetric}}
				metrics.Read(sample)
				if sample[0].Value.Kind() != metrics.KindUint64 {
					return
				}
				if live := sample[0].Value.Uint64(); big || live > gcBigSiteLive {
					debug.SetGCPercent(100)
					limit := min(int64(float64(live)*gcBigSiteLimit), max(gcBigSiteCeiling, int64(float64(live)*gcMinGrowth)))
					debug.SetMemoryLimit(max(gcSoftLimit, limit))
				}
			})
		}
	}
}

// withParseHook passes PARSE's progress reports to onParse, and every
// report on to report (which may be nil).
func withParseHook(report func(stage string, done, total int), onParse func(done, total int)) func(string, int, int) {
	return func(stage string, done, total int) {
		if stage == "parsing" {
			onParse(done, total)
		}
		if report != nil {
			report(stage, done, total)
		}
	}
}
