package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", stderr)
	var sf siteFlags
	sf.register(fs)
	dest := fs.String("d", "", "destination `DIR` (default <source>/public)")
	fs.StringVar(dest, "destination", "", "destination `DIR`")
	noMinify := fs.Bool("no-minify", false, "write HTML, CSS, JS, SVG and JSON as rendered")
	force := fs.Bool("force", false, "write into a non-empty destination milepost did not create")
	noCache := fs.Bool("no-cache", false, "build everything, neither reading nor writing "+buildcache.Dir+"/")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for performance work)")
	memProfile := fs.String("memprofile", "", "write a heap profile to `file` at the end of the build")
	quiet := fs.Bool("q", false, "print errors only")
	fs.BoolVar(quiet, "quiet", false, "print errors only")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "milepost build: unexpected argument %q\n", fs.Arg(0))
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
	contentDir := filepath.FromSlash(cfg.ContentDir)
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
		in.Cached = cache.usable(stderr)
	}
	tuneGC() // after the up-to-date check, which holds little memory
	tx, err := publish.Begin(*dest, publish.Options{
		Force:     *force,
		Minify:    !*noMinify,
		Protected: []string{sf.source},
		// Output inside an input would be read back by the next build.
		Inputs: []string{filepath.Join(sf.source, contentDir), filepath.Join(sf.source, "templates"), filepath.Join(sf.source, "static")},
	})
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	if !*quiet && stderr == io.Writer(os.Stderr) {
		var clear func()
		in.Progress, clear = progressLine(os.Stderr)
		defer clear()
	}
	res, err := site.Build(ctx, in, tx)
	if err != nil {
		_ = tx.Abort()
		return reportFailure(stderr, sf.source, res, err)
	}
	stats, err := tx.Commit()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	cache.save(res, stats, stderr)
	warnings := res.Diagnostics.Warnings()
	if !*quiet {
		printDiagnostics(stderr, sf.source, warnings)
		for _, name := range stats.Unminified {
			fmt.Fprintf(stderr, "%s: warning: written unminified (the minifier could not take it safely)\n", filepath.Join(*dest, name))
		}
		fmt.Fprintf(stdout, "built %s, %s (%d written, %d unchanged, %d removed), %s in %s → %s\n",
			plural(res.Pages, "page"), plural(res.Files, "file"), stats.Written, stats.Unchanged, stats.Removed,
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

// tuneGC trades some CPU for memory: a build keeps a summary of every page
// for its whole run, and Go's default (GOGC=100) lets the heap grow to twice
// that before collecting; at 35 a 10k-page site peaks near 390 MB instead
// of 500 MB, for about a tenth more CPU. GOGC or GOMEMLIMIT in the
// environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(35)
	}
}
