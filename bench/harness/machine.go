package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// machine describes where the numbers were measured.
func (h *harness) machine(ctx context.Context) []string {
	short := func(argv ...string) string {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
		if err != nil {
			return "n/a"
		}
		return strings.TrimSpace(string(out))
	}
	lines := []string{
		"date: " + time.Now().UTC().Format("2006-01-02 15:04 MST"),
		fmt.Sprintf("cpu: %s, nproc %d (GOMAXPROCS %d)", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0)),
		"memory (free -h): " + strings.Join(strings.Fields(firstLine(short("free", "-h"), "Mem:")), " "),
		"kernel: " + short("uname", "-srm"),
		"load average at the start: " + loadAverage(),
		"go: " + short("go", "version"),
		"commit: " + short("git", "-C", h.repo, "rev-parse", "--short", "HEAD"),
	}
	if h.milepost != "" {
		lines = append(lines, "milepost: "+firstLine(short(h.milepost, "version"), ""))
	}
	if h.hugo != "" {
		lines = append(lines, "hugo: "+short(h.hugo, "version"))
	}
	if h.r.timeBin != "" {
		lines = append(lines, "peak RSS from /usr/bin/time -v")
	} else {
		lines = append(lines, "peak RSS from the kernel's rusage of each child (no /usr/bin/time)")
	}
	return lines
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// firstLine returns the first line of s that starts with prefix.
func firstLine(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return s
}

// devserverBench runs the dev server's reload benchmark on the n-page
// corpus, when the package has one. MILEPOST_BENCH_CORPUS names the corpus
// folder (with content/ inside); the benchmark decides what to edit and
// reports the write-to-reload latency as "median-ms" and "p95-ms" metrics.
// It returns the report section and the metrics (nil when not run).
//
// ---- DEV SERVER RELOAD LATENCY STEP ----
func (h *harness) devserverBench(ctx context.Context, n int) (string, map[string]float64) {
	pkg := filepath.Join(h.repo, "cmd", "milepost")
	if !hasBenchmark(pkg, "BenchmarkReload") || n > h.reloadMax {
		return "", nil
	}
	corpus := filepath.Join(h.out, fmt.Sprintf("corpus-%d", n))
	fmt.Printf("dev server reload benchmark, %d pages\n", n)
	r := h.r.run(ctx, fmt.Sprintf("devserver-reload-%d", n), h.repo, []string{"MILEPOST_BENCH_CORPUS=" + corpus},
		"go", "test", "-run", "^$", "-bench", "BenchmarkReload", "-benchtime", "1x", "./cmd/milepost/")
	status := "ok"
	var metrics map[string]float64
	if r.err != nil {
		status = "FAILED: " + firstErrLine(r.err)
	} else {
		metrics = benchMetrics(r.output, "BenchmarkReload")
	}
	return fmt.Sprintf("### Dev server reload, %s pages (%s)\n\n```\n%s\n```\n", pagesLabel(n), status, strings.TrimSpace(r.output)), metrics
}

// benchMetrics reads the "value unit" pairs of a benchmark's result line:
// "BenchmarkReload-2  1  135252876716 ns/op  4751 median-ms  12137 p95-ms".
func benchMetrics(output, name string) map[string]float64 {
	for _, line := range strings.Split(output, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || (f[0] != name && !strings.HasPrefix(f[0], name+"-")) {
			continue
		}
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				m[f[i+1]] = v
			}
		}
		return m
	}
	return nil
}

// hasBenchmark reports whether a _test.go file in dir declares func name.
func hasBenchmark(dir, name string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil && strings.Contains(string(data), "func "+name+"(") {
			return true
		}
	}
	return false
}

// goBenchmarks runs the project's testing.B benchmarks.
func (h *harness) goBenchmarks(ctx context.Context) string {
	fmt.Println("go test -bench . ./internal/...")
	long := *h.r
	long.timeout = 3 * h.r.timeout
	r := long.run(ctx, "go-bench", h.repo, nil, "go", "test", "-run", "^$", "-bench", ".", "-benchmem", "./internal/...")
	status := "ok"
	if r.err != nil {
		status = "FAILED: " + firstErrLine(r.err)
	}
	return fmt.Sprintf("### Go benchmarks (`go test -run '^$' -bench . -benchmem ./internal/...`, %s)\n\n```\n%s\n```\n", status, strings.TrimSpace(r.output))
}

// busy reports whether a load average line (as loadAverage returns it)
// shows more runnable work than 1.5 × the cores: other work then competed
// with the benchmark and wall times are inflated.
func busy(load string) bool {
	f := strings.Fields(load)
	if len(f) == 0 {
		return false
	}
	l, err := strconv.ParseFloat(f[0], 64)
	return err == nil && l > 1.5*float64(runtime.NumCPU())
}

// loadAverage returns the 1, 5 and 15 minute load averages. A load well
// above the core count means other work shared the machine.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "n/a"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "n/a"
	}
	return strings.Join(f[:3], " ")
}
