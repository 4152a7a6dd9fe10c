package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/milepost/milepost/internal/buildcache"
	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/contentdir"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/gctune"
	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/hugepage"
	"github.com/milepost/milepost/internal/lifecycle"
	"github.com/milepost/milepost/internal/profile"
	"github.com/milepost/milepost/internal/progress"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// buildFlags are the flags of milepost build.
type buildFlags struct {
	site       siteFlags
	dest       string
	noMinify   bool
	force      bool
	noCache    bool
	cacheDir   string
	cpuProfile string
	memProfile string
	quiet      bool
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	f.site.register(fs)
	fs.StringVar(&f.dest, "d", "", "destination `DIR` (default <source>/public)")
	fs.StringVar(&f.dest, "destination", "", "destination `DIR`")
	fs.BoolVar(&f.noMinify, "no-minify", false, "write HTML, CSS, JS, SVG and JSON as rendered")
	fs.BoolVar(&f.force, "force", false, "write into a non-empty destination milepost did not create")
	fs.BoolVar(&f.site.fileLinks, "file-links", false, "links name index.html, so the site opens from disk (file_links: true)")
	fs.BoolVar(&f.noCache, "no-cache", false, "build everything, neither reading nor writing the build cache, and compare the destination's files byte for byte")
	fs.StringVar(&f.cacheDir, "cache-dir", "", "build cache `DIR`, one folder per site inside (default $MILEPOST_CACHE_DIR, else the user cache directory's milepost/)")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to `file` (for performance work)")
	fs.StringVar(&f.memProfile, "memprofile", "", "write a heap profile to `file` at the end of the build")
	fs.BoolVar(&f.quiet, "q", false, "print errors only")
	fs.BoolVar(&f.quiet, "quiet", false, "print errors only")
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	cmd := cli.New("build", "[DIR]", 1,
		"Builds the site in DIR (default: the current folder, or -s) into DIR/public, or -d.\n"+
			"Writes only files whose bytes changed and leaves the destination as it was when the build fails.",
		"milepost build",
		"milepost build mysite -d /var/www/status",
		"milepost build -c ../docs --base-url https://example.com/status/")
	f.register(cmd.Flags)
	cmd.Hide("cpuprofile", "memprofile")
	if code, ok := parseSite(cmd, args, &f.site, stdout, stderr); !ok {
		return code
	}
	start := time.Now()
	defer hugepage.Start()() // a one-off process: see package hugepage
	defer profile.Start(f.cpuProfile, f.memProfile, stderr)()
	in, err := f.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitUsage
	}
	// The configuration's errors are the build's to report.
	cfg, _ := site.ReadConfig(in)
	contentDir := contentdir.Rel(f.site.source, cfg.ContentDir)
	cache := f.openCache(in, contentDir, !in.NoHistory && cfg.History.Enabled, stderr)
	if cache.UpToDate() {
		f.say(stdout, "up to date: nothing changed since the last build (%s) in %s → %s\n", plural(cache.Files(), "file"), elapsed(start), f.dest)
		return cli.ExitOK
	}
	tx, err := f.begin(contentDir, cache.Checked())
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitFail
	}
	if msg := tx.Recovered(); msg != "" {
		fmt.Fprintln(stderr, "milepost: warning:", msg)
	}
	defer lifecycle.OnAbandon(func() {
		if tx.Abandon() { // else a commit had begun, and the process waits for it
			fmt.Fprintln(stderr, "milepost: build interrupted; the destination is unchanged")
		}
	})()
	res, stats, spliced, err := splice(cache, in, tx)
	if !spliced {
		cache.Offer(&in)
		in.Held = tx.Held
		defer f.showProgress(&in, stderr)()
		res, err = site.Build(ctx, in, tx)
		in = site.Input{} // what it held of the last build is not needed again
		if err != nil {
			_ = tx.Abort()
			return reportFailure(stderr, f.site.source, res, err)
		}
		stats, err = cache.Commit(res, signalSafe{tx})
	}
	if errors.Is(err, lifecycle.ErrSignalled) {
		return cli.ExitFail // the signal handler has said why
	}
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitFail
	}
	f.summary(stdout, stderr, res, stats, start)
	return cli.ExitOK
}

// splice ends a build whose only changes are edits of pages' prose by
// putting their new bodies into the files the last build wrote (see
// buildcache.Session.Splice): it keeps every other file of tx, puts the
// spliced ones and commits. done is false, with nothing put, when the
// build must make the whole site; with done, an error means the build
// failed (and the destination is as it was).
func splice(cache *buildcache.Session, in site.Input, tx *publish.Tx) (res *site.Result, stats publish.Stats, done bool, err error) {
	sp, ok := cache.Splice(in, tx.Held)
	if !ok {
		return nil, stats, false, nil
	}
	kept, err := tx.KeepAllBut(sp.Names())
	if !kept && err == nil {
		return nil, stats, false, nil
	}
	for _, f := range sp.Files {
		if err != nil {
			break
		}
		err = tx.PutCompact(f.Name, f.Data)
	}
	if err != nil {
		_ = tx.Abort()
		return nil, stats, true, err
	}
	res, stats, err = cache.CommitSplice(sp, signalSafe{tx})
	return res, stats, true, err
}

// input is the build's input; the destination defaults to the site
// root's public/.
func (f *buildFlags) input() (site.Input, error) {
	if f.dest == "" {
		f.dest = filepath.Join(f.site.source, "public")
	}
	return f.site.input()
}

// say prints a line of the build's report unless -q.
func (f *buildFlags) say(w io.Writer, format string, args ...any) {
	if !f.quiet {
		fmt.Fprintf(w, format, args...)
	}
}

// begin opens the destination; checked is what the build cache vouches
// for (publish.Options.Checked).
func (f *buildFlags) begin(contentDir string, checked [32]byte) (*publish.Tx, error) {
	src := f.site.source
	return publish.Begin(f.dest, publish.Options{
		Force: f.force, Minify: !f.noMinify, Protected: []string{src}, Checked: checked,
		Verify: f.noCache, // building everything: trust no file the destination holds
		// Output inside an input would be read back by the next build.
		Inputs: []string{filepath.Join(src, contentDir), filepath.Join(src, "templates"), filepath.Join(src, "static")},
	})
}

// openCache opens the site's build cache for the content folder
// contentDir (relative to the site root, in the OS's form), noting
// whether the build reads git history; nil (no cache) with --no-cache, or
// when there is no cache directory to keep it in.
func (f *buildFlags) openCache(in site.Input, contentDir string, history bool, stderr io.Writer) *buildcache.Session {
	if f.noCache {
		return nil
	}
	dir, err := buildcache.Folder(f.cacheDir, f.site.source)
	if err != nil {
		if !f.quiet {
			fmt.Fprintln(stderr, "milepost: building without the cache:", err)
		}
		return nil
	}
	set := buildcache.Settings{
		Dir: dir, Root: f.site.source, ContentDir: contentDir, Dest: f.dest, Minify: !f.noMinify, Warn: stderr,
	}
	if history {
		dir := contentdir.Path(f.site.source, filepath.ToSlash(contentDir))
		set.Head, set.History = gitrepo.WorkTree(context.Background(), dir)
	}
	return buildcache.Open(in, set)
}

// showProgress sets in.Progress: the collector's settings for a build
// (package gctune) and, on a terminal, the line that tells how far the
// build is. It returns what clears that line.
func (f *buildFlags) showProgress(in *site.Input, stderr io.Writer) (clear func()) {
	var report func(stage string, done, total int)
	clear = func() {}
	if !f.quiet && stderr == io.Writer(os.Stderr) {
		report, clear = progress.Line(os.Stderr)
	}
	in.Progress = gctune.ForBuild(report)
	return clear
}

// summary prints a successful build's warnings and its one-line summary.
func (f *buildFlags) summary(stdout, stderr io.Writer, res *site.Result, stats publish.Stats, start time.Time) {
	if f.quiet {
		return
	}
	warnings := res.Diagnostics.Warnings()
	printDiagnostics(stderr, f.site.source, warnings)
	sayHistory(stderr, res)
	for _, name := range stats.Unminified {
		fmt.Fprintf(stderr, "%s: warning: written unminified (the minifier could not take it safely)\n", filepath.Join(f.dest, name))
	}
	parsed := fmt.Sprintf("%d parsed", res.Parsed)
	if res.Spliced {
		parsed += ", prose only"
	}
	fmt.Fprintf(stdout, "built %s (%s), %s (%d written, %d unchanged, %d removed), %s in %s → %s\n",
		plural(res.Pages, "page"), parsed, plural(res.Files, "file"), stats.Written, stats.Unchanged, stats.Removed,
		plural(len(warnings), "warning"), elapsed(start), f.dest)
}

// reportFailure prints why a build failed and returns its exit code.
func reportFailure(stderr io.Writer, source string, res *site.Result, err error) int {
	var list *diag.ErrorList
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "milepost: build interrupted; the destination is unchanged")
		return cli.ExitFail
	}
	if res != nil && len(res.Diagnostics) > 0 {
		printDiagnostics(stderr, source, res.Diagnostics)
	} else if errors.As(err, &list) {
		printDiagnostics(stderr, source, list.Diagnostics)
	} else {
		fmt.Fprintln(stderr, "milepost:", err)
	}
	n := 0
	if res != nil {
		n = len(res.Diagnostics.Errors())
	}
	if n > 0 {
		fmt.Fprintf(stderr, "milepost: build failed with %s; the destination is unchanged\n", plural(n, "error"))
	}
	return cli.ExitFail
}

// elapsed formats the time since start for summaries.
func elapsed(start time.Time) string {
	d := time.Since(start)
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// signalSafe commits tx as one step the signal handler waits for: once
// begun, the commit ends before the process does.
type signalSafe struct{ tx *publish.Tx }

func (c signalSafe) Commit() (publish.Stats, error) { return lifecycle.Commit(c.tx.Commit) }
