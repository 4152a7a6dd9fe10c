// Command historyread measures reading the history of every page of a
// content folder (one made by bench/historyrepo, or any other):
// historyread [-runs 3] DIR.
//
// It times the three parts apart (the git log pass; the git log pass and
// every version's bytes through git cat-file; all of githistory.Read,
// which adds the status model on every version and the matching), then a
// read with the cache the full read left, written and read back as the
// build cache keeps it (nothing changed since: what a build after a
// commit does for every page the commit did not touch), and prints, for
// each, the median wall time of the runs, and at the end the process's
// peak resident memory, the bytes allocated by one full read and the size
// of the cache. The status model runs as the build runs it on a page
// body, with default options. Exit 0 on success, 1 on failure, 2 on a
// usage error.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("historyread", flag.ContinueOnError)
	fl.SetOutput(stderr)
	runs := fl.Int("runs", 3, "runs of each measurement; the median is printed")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the full reads to this file")
	warmprofile := fl.String("warmprofile", "", "write a CPU profile of the reads with the cache to this file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 || *runs < 1 {
		fmt.Fprintln(stderr, "usage: historyread [-runs 3] DIR")
		return 2
	}
	dir := fl.Arg(0)
	ctx := context.Background()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(stderr, "historyread:", err)
		return 1
	}
	sort.Strings(paths)
	repo, err := gitrepo.Open(ctx, dir)
	if err != nil {
		fmt.Fprintln(stderr, "historyread:", err)
		return 1
	}

	var versions, commits int
	var bytesRead int64
	logOnly := measure(*runs, func() error {
		l, err := repo.Log(ctx, gitrepo.LogOptions{})
		if err == nil {
			commits, versions = l.Commits, 0
			for _, vs := range l.Files {
				versions += len(vs)
			}
		}
		return err
	})
	logAndBlobs := measure(*runs, func() error {
		l, err := repo.Log(ctx, gitrepo.LogOptions{})
		if err != nil {
			return err
		}
		var ids []string
		for _, p := range paths {
			for _, v := range l.Files[p] {
				ids = append(ids, v.Blob)
			}
		}
		bytesRead = 0
		return repo.Blobs(ctx, ids, func(_ string, data []byte) error { bytesRead += int64(len(data)); return nil })
	})
	now := time.Now()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "historyread:", err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
	}
	var site *githistory.Site
	opts := githistory.Options{Now: now, ItemsKey: func(string) string { return "default settings" }}
	full := measure(*runs, func() error {
		site = githistory.Read(ctx, dir, paths, statusItems(), opts)
		if site.Off != "" {
			return fmt.Errorf("%s", site.Off)
		}
		return nil
	})
	pprof.StopCPUProfile()
	var cacheFile bytes.Buffer
	if site != nil && site.Cache != nil {
		if err := githistory.WriteCache(&cacheFile, site.Cache); err != nil {
			fmt.Fprintln(stderr, "historyread:", err)
			return 1
		}
	}
	if *warmprofile != "" {
		f, err := os.Create(*warmprofile)
		if err != nil {
			fmt.Fprintln(stderr, "historyread:", err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
	}
	warm := measure(*runs, func() error {
		c, err := githistory.ReadCache(bytes.Clone(cacheFile.Bytes()))
		if err != nil {
			return err
		}
		o := opts
		o.Cache = c
		if s := githistory.Read(ctx, dir, paths, statusItems(), o); s.Off != "" || s.Fetched != 0 {
			return fmt.Errorf("a read with the cache: %q, %d versions fetched", s.Off, s.Fetched)
		}
		return nil
	})
	pprof.StopCPUProfile()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	githistory.Read(ctx, dir, paths, statusItems(), opts)
	runtime.ReadMemStats(&after)
	for _, e := range []error{logOnly.err, logAndBlobs.err, full.err, warm.err} {
		if e != nil {
			fmt.Fprintln(stderr, "historyread:", e)
			return 1
		}
	}
	items, done := 0, 0
	for _, f := range site.Files {
		items += len(f.Items)
		for _, it := range f.Items {
			if it.DoneSource == history.FromGit {
				done++
			}
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(stdout, "%s: %d pages, %d commits, %d versions (%.1f MB)\n", dir, len(paths), commits, versions, float64(bytesRead)/1e6)
	fmt.Fprintf(stdout, "| part | wall (median of %d) | CPU, git's included |\n|---|---|---|\n", *runs)
	fmt.Fprintf(stdout, "| git log (one pass, renames) | %s | %s |\n", ms(logOnly.median), ms(logOnly.cpu))
	fmt.Fprintf(stdout, "| git log + cat-file --batch of every version | %s | %s |\n", ms(logAndBlobs.median), ms(logAndBlobs.cpu))
	fmt.Fprintf(stdout, "| all: + status model on every version, matching, dates, series | %s | %s |\n", ms(full.median), ms(full.cpu))
	fmt.Fprintf(stdout, "| all again, with the cache the last read left (file read back included) | %s | %s |\n", ms(warm.median), ms(warm.cpu))
	fmt.Fprintf(stdout, "%d items now, %d with a done date from git; one full read allocates %.0f MB; peak RSS %.0f MB; the cache is %.1f MB\n",
		items, done, float64(after.TotalAlloc-before.TotalAlloc)/1e6, float64(ru.Maxrss)/1024, float64(cacheFile.Len())/1e6)
	return 0
}

type result struct {
	median time.Duration // wall time
	cpu    time.Duration // CPU time of this process and of the git it ran, median
	err    error
}

// measure runs fn runs times; a shared machine makes wall time noisy, so
// CPU time (milepost's and git's) is measured too.
func measure(runs int, fn func() error) result {
	var wall, cpu []time.Duration
	for i := 0; i < runs; i++ {
		c0 := cpuTime()
		start := time.Now()
		if err := fn(); err != nil {
			return result{err: err}
		}
		wall = append(wall, time.Since(start))
		cpu = append(cpu, cpuTime()-c0)
	}
	sort.Slice(wall, func(a, b int) bool { return wall[a] < wall[b] })
	sort.Slice(cpu, func(a, b int) bool { return cpu[a] < cpu[b] })
	return result{median: wall[len(wall)/2], cpu: cpu[len(cpu)/2]}
}

// cpuTime is the user and system time of this process and its finished
// children.
func cpuTime() time.Duration {
	var t time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		syscall.Getrusage(who, &ru)
		t += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return t
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/1e6) }

// statusItems stands in for the build's reading of a page: the status
// model on the whole file, with default options.
func statusItems() func(path string) history.ItemsFunc {
	vocab := marker.Default()
	return summary.HistoryItems(markdown.New(markdown.Options{Vocabulary: vocab}), status.Options{Vocabulary: vocab})
}
