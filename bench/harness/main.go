// Command harness runs milepost's build benchmarks; bench/run.sh builds it
// and the tools it measures, then starts it. For each corpus size it
//
//   - generates (or reuses) a deterministic corpus with package benchcorpus,
//   - times milepost's cold build, warm rebuild and one-edit rebuild,
//   - times the floor (goldmark alone, bench/floor) writing as many files
//     as milepost wrote,
//   - times Hugo with the minimal site in bench/hugo when it is installed,
//   - does all three writing the sites to disk (-dest) and, when -ram-dest
//     names a folder in RAM, once more writing them there,
//   - runs the dev server's reload benchmark when there is one,
//
// then runs the project's testing.B benchmarks and prints a Markdown report
// (also written to OUT/results-latest.md). Each command runs -runs times
// under a timeout; the report gives the median wall time and the highest
// peak RSS. The harness writes only below -out, apart from appending a line
// to one corpus page during the one-edit runs (and restoring it).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type harness struct {
	runs     int
	seed     uint64
	out      string
	media    []medium // where the builds write their sites: disk first, then RAM
	repo     string
	r        *runner
	milepost string
	noCache  bool
	// cacheDir: the binary takes --cache-dir (older ones keep the build
	// cache in the corpus, in .milepost-cache/).
	cacheDir bool
	// noHistory: the binary takes --no-history.
	noHistory bool
	profile   bool // profile one cold build per corpus
	floor     string
	hugo      string
	hugoMax   int
	// reloadMax is the largest corpus the dev server's reload benchmark
	// runs on (it holds the whole site in memory, several GB at 100k).
	reloadMax int
	hugoSite  string
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("harness", flag.ContinueOnError)
	flags.SetOutput(stderr)
	sizes := flags.String("sizes", "1000 10000", "corpus sizes in pages, space-separated")
	out := flags.String("out", "bench/out", "work folder (corpora, logs, report)")
	dest := flags.String("dest", "", "folder on disk the measured builds write their sites into (default: -out)")
	ramDest := flags.String("ram-dest", "", "folder in RAM the builds write into as well, for a second column (empty: disk only)")
	repo := flags.String("repo", ".", "repository root")
	milepost := flags.String("milepost", "", "milepost binary (empty: skip milepost)")
	floor := flags.String("floor", "", "floor binary (required)")
	hugo := flags.String("hugo", "", "hugo binary (empty: skip Hugo)")
	hugoMax := flags.Int("hugo-max", 10000, "largest corpus Hugo builds")
	reloadMax := flags.Int("reload-max", 10000, "largest corpus the dev server reload benchmark runs on")
	runs := flags.Int("runs", 3, "runs per measurement (the median is reported)")
	timeout := flags.Duration("timeout", 10*time.Minute, "timeout of each command")
	seed := flags.Uint64("seed", 1, "corpus seed")
	goBench := flags.Bool("go-bench", true, "run the project's testing.B benchmarks at the end")
	profile := flags.Bool("profile", false, "profile one more cold milepost build of each corpus (needs --cpuprofile)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	ns, err := parseSizes(*sizes)
	if err != nil || *floor == "" || *runs < 1 {
		fmt.Fprintln(stderr, "harness: need -floor, -runs ≥ 1 and -sizes like \"1000 10000\"", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	abs := func(p string) string {
		if p == "" {
			return ""
		}
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	if *dest == "" {
		*dest = *out
	}
	h := &harness{runs: *runs, seed: *seed, out: abs(*out), repo: abs(*repo), milepost: abs(*milepost),
		floor: abs(*floor), hugo: *hugo, profile: *profile, hugoMax: *hugoMax, reloadMax: *reloadMax, hugoSite: filepath.Join(abs(*repo), "bench", "hugo")}
	h.media = []medium{{name: mediumDisk, dir: abs(*dest)}}
	if *ramDest != "" {
		h.media = append(h.media, medium{name: mediumRAM, dir: abs(*ramDest)})
	}
	logDir := filepath.Join(h.out, "logs")
	if err := os.MkdirAll(logDir, 0o755); err != nil {
		fmt.Fprintln(stderr, "harness:", err)
		return 1
	}
	h.r = &runner{timeout: *timeout, logDir: logDir}
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		h.r.timeBin = "/usr/bin/time"
	}
	rep := &report{started: time.Now().UTC(), machine: h.machine(ctx), runs: h.runs, loadStart: loadAverage(), reload: map[int]map[string]float64{}}
	for _, m := range h.media {
		rep.notes = append(rep.notes, fmt.Sprintf("%s: every tool writes its site under `%s` (%s).", m.name, m.dir, fsType(m.dir)))
	}
	if h.milepost != "" {
		if err := h.checkMilepost(ctx); err != nil {
			fmt.Fprintln(stderr, "harness:", err)
			return 1
		}
		rep.notes = append(rep.notes, fmt.Sprintf("milepost cold builds use a fresh destination and %s.", map[bool]string{true: "`--no-cache`", false: "no build cache (the binary has no `--no-cache` flag)"}[h.noCache]))
	} else {
		rep.notes = append(rep.notes, "milepost was not measured (no binary).")
	}
	if h.hugo == "" {
		rep.notes = append(rep.notes, "Hugo was not measured (not installed).")
	}

	// A trash left by an interrupted run is deleted now, not while a build is measured.
	emptyTrash := func() {
		for _, m := range h.media {
			if err := m.emptyTrash(); err != nil {
				fmt.Fprintln(stderr, "harness: emptying the trash:", err)
			}
		}
	}
	emptyTrash()
	defer emptyTrash()
	rep.notes = append(rep.notes, fmt.Sprintf("Sites are moved aside before a cold build and deleted after the last corpus (after each corpus above %d pages), so that no measured build pays for deleting the last one's files.", trashKeepMax))

	failed := false
	for _, n := range ns {
		if ctx.Err() != nil {
			break
		}
		rows, notes, err := h.measureCorpus(ctx, n)
		if n > trashKeepMax {
			emptyTrash()
		}
		rep.rows = append(rep.rows, rows...)
		rep.notes = append(rep.notes, notes...)
		if err != nil {
			fmt.Fprintf(stderr, "harness: %d pages: %v\n", n, err)
			failed = true
		}
		if h.profile && h.milepost != "" && err == nil {
			rep.extra = append(rep.extra, h.profileMilepost(ctx, n, filepath.Join(h.out, fmt.Sprintf("corpus-%d", n))))
		}
		if section, metrics := h.devserverBench(ctx, n); section != "" {
			rep.extra = append(rep.extra, section)
			if metrics != nil {
				rep.reload[n] = metrics
			}
		}
	}
	if *goBench && ctx.Err() == nil {
		rep.extra = append(rep.extra, h.goBenchmarks(ctx))
	}
	rep.loadEnd = loadAverage()
	text := rep.markdown()
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, text)
	latest := filepath.Join(h.out, "results-latest.md")
	stamped := filepath.Join(h.out, "results-"+rep.started.Format("20060102-150405")+".md")
	for _, p := range []string{latest, stamped} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			fmt.Fprintln(stderr, "harness:", err)
			failed = true
		}
	}
	fmt.Fprintf(stdout, "\nreport written to %s\n", stamped)
	for _, r := range rep.rows {
		if r.s.err != nil {
			failed = true
		}
	}
	if failed || ctx.Err() != nil {
		return 1
	}
	return 0
}

func parseSizes(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		ns = append(ns, n)
	}
	if len(ns) == 0 {
		return nil, fmt.Errorf("no sizes")
	}
	return ns, nil
}

// checkMilepost runs `milepost build --help` and notes whether the build
// has a --no-cache flag.
func (h *harness) checkMilepost(ctx context.Context) error {
	r := h.r.run(ctx, "milepost-build-help", h.repo, nil, h.milepost, "build", "--help")
	if !strings.Contains(r.output, "-d") && !strings.Contains(r.output, "destination") {
		return fmt.Errorf("`milepost build --help` does not describe a build command:\n%s", lastLines(r.output, 10))
	}
	h.noCache = strings.Contains(r.output, "no-cache")
	h.cacheDir = strings.Contains(r.output, "cache-dir")
	// The corpora sit in an ignored folder of this repository's work
	// tree: their history is not what is measured (bench/historyread is).
	h.noHistory = strings.Contains(r.output, "no-history")
	// The profiling flags are hidden from help: ask for help after one.
	probe := h.r.run(ctx, "milepost-build-cpuprofile", h.repo, nil, h.milepost, "build", "--cpuprofile", os.DevNull, "--help")
	if h.profile && (strings.Contains(probe.output, "not defined") || strings.Contains(probe.output, "unknown flag")) {
		fmt.Println("harness: milepost build has no --cpuprofile: not profiling")
		h.profile = false
	}
	return nil
}

// historyArgs are the flags that keep milepost from reading git history,
// when it can.
func (h *harness) historyArgs() []string {
	if h.noHistory {
		return []string{"--no-history"}
	}
	return nil
}

// buildCache returns the flags that keep milepost's build cache of corpus
// in OUT/cache-NAME, and that folder; a binary without --cache-dir keeps
// it in the corpus, in .milepost-cache/.
func (h *harness) buildCache(corpus, name string) (args []string, dir string) {
	if !h.cacheDir {
		return nil, filepath.Join(corpus, ".milepost-cache")
	}
	dir = filepath.Join(h.out, "cache-"+name)
	return []string{"--cache-dir", dir}, dir
}

// measureCorpus measures every tool on the n-page corpus, on each medium.
func (h *harness) measureCorpus(ctx context.Context, n int) ([]row, []string, error) {
	corpus, sum, err := ensureCorpus(h.out, n, h.seed)
	if err != nil {
		return nil, nil, err
	}
	fmt.Printf("corpus %d: %d pages, %.1f MB of markdown, %d images, %d wiki-links (%d broken)\n",
		n, sum.Pages, float64(sum.MarkdownBytes)/1e6, sum.Images, sum.WikiLinks, sum.BrokenLinks)
	var rows []row
	var notes []string
	for _, m := range h.media {
		fmt.Printf("writing to %s (%s)\n", m.name, m.dir)
		r, ns, err := h.measureOn(ctx, n, corpus, sum.MarkdownBytes, m)
		rows, notes = append(rows, r...), append(notes, ns...)
		if err != nil || ctx.Err() != nil {
			return rows, notes, err
		}
	}
	return rows, notes, nil
}

// measureOn measures every tool on the n-page corpus, writing to m.
func (h *harness) measureOn(ctx context.Context, n int, corpus string, mdBytes int64, m medium) ([]row, []string, error) {
	content := filepath.Join(corpus, "content")
	base := row{pages: n, mdBytes: mdBytes, where: m.name}
	var rows []row
	var notes []string
	add := func(tool string, res map[string]*sample, modes ...string) {
		for _, m := range modes {
			if s := res[m]; s != nil {
				r := base
				r.tool, r.mode, r.s = tool, m, s
				rows = append(rows, r)
			}
		}
	}

	outputFiles := 0
	if h.milepost != "" {
		dest := filepath.Join(m.dir, fmt.Sprintf("milepost-%d", n))
		cacheArgs, cacheDir := h.buildCache(corpus, fmt.Sprint(n))
		reset := func() error {
			if err := m.discard(dest); err != nil {
				return err
			}
			return os.RemoveAll(cacheDir)
		}
		argv := append(append([]string{h.milepost, "build", "-s", corpus, "-d", dest}, cacheArgs...), h.historyArgs()...)
		coldArgv := argv
		if h.noCache {
			coldArgv = append(append([]string(nil), argv...), "--no-cache")
		}
		cold := func(ctx context.Context, name string) runResult { return h.r.run(ctx, name, h.repo, nil, coldArgv...) }
		build := func(ctx context.Context, name string) runResult { return h.r.run(ctx, name, h.repo, nil, argv...) }
		res, err := h.measureBuilds(ctx, "milepost-"+m.name, n, corpus, dest, cold, build, reset, h.noCache, true)
		if err != nil {
			return rows, notes, err
		}
		add("milepost", res, modeCold, modeWarm, modeOneEdit, modeOneTask)
		outputFiles = res[modeCold].files
		_ = m.discard(dest) // the next tool writes to a medium as empty as this one found it
	}

	floorDest := filepath.Join(m.dir, fmt.Sprintf("floor-%d", n))
	fs := &sample{}
	for k := 1; k <= h.runs; k++ {
		if err := m.discard(floorDest); err != nil {
			return rows, notes, err
		}
		r := h.r.run(ctx, fmt.Sprintf("floor-%s-%d-full-%d", m.name, n, k), h.repo, nil, h.floor, "-src", content, "-o", floorDest, "-files", strconv.Itoa(outputFiles))
		fs.add(r)
		progress("floor", modeFull, k, r)
	}
	fs.files, _, _ = countFiles(floorDest)
	if outputFiles > 0 && fs.files != outputFiles && fs.err == nil {
		fs.note = fmt.Sprintf("wrote %d files, milepost %d", fs.files, outputFiles)
	}
	_ = m.discard(floorDest)
	add("floor", map[string]*sample{modeFull: fs}, modeFull)

	switch {
	case h.hugo == "":
	case n > h.hugoMax:
		notes = append(notes, fmt.Sprintf("Hugo skipped at %d pages (-hugo-max %d).", n, h.hugoMax))
	default:
		res, err := h.measureHugo(ctx, n, corpus, m)
		if err != nil {
			return rows, notes, err
		}
		add("hugo", res, modeCold, modeWarm, modeOneEdit)
	}
	return rows, notes, nil
}
