package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseSizes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1000 10000", []int{1000, 10000}, true},
		{"1000,100000", []int{1000, 100000}, true},
		{"", nil, false},
		{"10k", nil, false},
		{"0", nil, false},
	} {
		got, err := parseSizes(tc.in)
		if (err == nil) != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestMedian(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var d []time.Duration
		for _, n := range ns {
			d = append(d, time.Duration(n)*time.Millisecond)
		}
		return d
	}
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{ms(5), 5 * time.Millisecond},
		{ms(9, 1, 5), 5 * time.Millisecond},
		{ms(4, 1, 3, 2), 2500 * time.Microsecond},
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestMaxRSSFromTimeFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "time")
	report := "\tCommand being timed: \"x\"\n\tMaximum resident set size (kbytes): 204800\n\tExit status: 0\n"
	if err := os.WriteFile(name, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := maxRSSFromTimeFile(name); got != 204800 {
		t.Errorf("maxRSSFromTimeFile = %d, want 204800", got)
	}
	if got := maxRSSFromTimeFile(filepath.Join(t.TempDir(), "missing")); got != 0 {
		t.Errorf("missing file: %d, want 0", got)
	}
}

func TestRunnerTimesOutAndReportsFailure(t *testing.T) {
	r := &runner{timeout: 200 * time.Millisecond}
	start := time.Now()
	res := r.run(context.Background(), "sleep", t.TempDir(), nil, "sleep", "5")
	if res.err == nil || !strings.Contains(res.err.Error(), "timed out") {
		t.Errorf("sleep 5 under a 200ms timeout: err = %v", res.err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("timeout took %v", time.Since(start))
	}
	r = &runner{timeout: time.Minute} // a busy machine takes its time to start a shell
	res = r.run(context.Background(), "false", t.TempDir(), nil, "sh", "-c", "echo broken page; exit 3")
	if res.err == nil || !strings.Contains(res.err.Error(), "broken page") {
		t.Errorf("failing command: err = %v, want its output in the error", res.err)
	}
	res = r.run(context.Background(), "ok", t.TempDir(), nil, "sh", "-c", "echo fine")
	if res.err != nil || res.output != "fine\n" || res.rssKB == 0 {
		t.Errorf("ok command: %+v", res)
	}
}

// TestMeasureBuildsEditsAndRestores runs the three build modes with a
// stand-in tool (a shell script that copies content/ to the destination)
// and checks the corpus page is edited during the one-edit runs and
// restored after.
func TestMeasureBuildsEditsAndRestores(t *testing.T) {
	out := t.TempDir()
	corpus, sum, err := ensureCorpus(out, 30, 1)
	if err != nil {
		t.Fatal(err)
	}
	before := readAll(t, filepath.Join(corpus, "content"))
	dest := filepath.Join(out, "dest")
	h := &harness{runs: 2, seed: 1, out: out, r: &runner{timeout: time.Minute}}
	var sawEdit, sawTask bool
	build := func(ctx context.Context, name string) runResult {
		for _, data := range readAll(t, filepath.Join(corpus, "content")) {
			if strings.Contains(data, "Edited for the benchmark") {
				sawEdit = true
			}
			if strings.Contains(data, "- [ ] Benchmark task") {
				sawTask = true
			}
		}
		return h.r.run(ctx, name, out, nil, "sh", "-c", `mkdir -p "$1" && cp -r "$2"/. "$1"/`, "sh", dest, filepath.Join(corpus, "content"))
	}
	reset := func() error { return os.RemoveAll(dest) }
	res, err := h.measureBuilds(context.Background(), "fake", 30, corpus, dest, build, build, reset, true, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{modeCold, modeWarm, modeOneEdit, modeOneTask} {
		if s := res[m]; s == nil || len(s.walls) != 2 || s.err != nil {
			t.Errorf("%s: %+v", m, s)
		}
	}
	if want := sum.Pages + sum.Images; res[modeCold].files != want {
		t.Errorf("cold build counted %d output files, want %d", res[modeCold].files, want)
	}
	if !sawEdit || !sawTask {
		t.Errorf("a build saw the page edited: %v, with a task added: %v", sawEdit, sawTask)
	}
	after := readAll(t, filepath.Join(corpus, "content"))
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s not restored", p)
		}
	}
	if _, err := os.Stat(filepath.Join(corpus, dirtyMarker)); !os.IsNotExist(err) {
		t.Errorf("dirty marker left behind (err %v)", err)
	}
	// A corpus that is whole is reused, not regenerated.
	again, _, err := ensureCorpus(out, 30, 1)
	if err != nil || again != corpus {
		t.Errorf("ensureCorpus again: %q, %v", again, err)
	}
}

func readAll(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestReportLineAndTargets(t *testing.T) {
	sec := func(s float64) []time.Duration { return []time.Duration{time.Duration(s * float64(time.Second))} }
	rep := &report{runs: 1}
	add := func(tool, mode string, wall float64, rssMB int64) {
		rep.rows = append(rep.rows, row{pages: 10000, mdBytes: 34_000_000, tool: tool, mode: mode,
			s: &sample{walls: sec(wall), cpus: sec(wall), rssKB: rssMB * 1024, files: 1}})
	}
	add("milepost", modeCold, 4, 300)
	add("milepost", modeWarm, 0.4, 200)
	add("milepost", modeOneEdit, 0.8, 200)
	add("milepost", modeOneTask, 2, 200)
	add("floor", modeFull, 3.2, 20)
	add("hugo", modeCold, 16, 2200)
	rep.rows = append(rep.rows,
		row{pages: 10000, mdBytes: 34_000_000, where: mediumRAM, tool: "milepost", mode: modeCold, s: &sample{walls: sec(2), cpus: sec(3), files: 1}},
		row{pages: 10000, mdBytes: 34_000_000, where: mediumRAM, tool: "hugo", mode: modeCold, s: &sample{walls: sec(8), cpus: sec(8), files: 1}})
	rep.reload = map[int]map[string]float64{1000: benchMetrics("goos: linux\nBenchmarkReload-2   \t       1\t135252876716 ns/op\t      42 median-ms\t     97 p95-ms\nPASS\n", "BenchmarkReload")}
	md := rep.markdown()
	for _, want := range []string{
		"| 10k | 34.0 | milepost | cold | 1 | 0.0 | 4.000 | 4.00 | 2500 | 8.5 | 300 | 4.00 | 1.25 | 2.000 | 3.00 | 4.00 |",
		"| 10k | 34.0 | floor | full | 1 | 0.0 | 3.200 | 3.20 | 3125 | 10.6 | 20 | 5.00 | 1.00 | – | – | – |",
		"| 10k cold on disk ≥ 2× faster than Hugo (4.00×) | met |",
		"| 10k cold within 1.5× of the floor in CPU s (1.25×) | met |",
		"| 10k peak RSS ≤ 400 MB (300 MB) | met |",
		"| 10k warm rebuild ≤ 0.3 s CPU (0.40 s) | missed |",
		"| 10k one edit (prose) ≤ 1 s CPU (0.80 s) | met |",
		"| 10k one edit (a task added) ≤ 1 s CPU (2.00 s) | missed |",
		"| 1k dev server reload median ≤ 50 ms (42 ms, p95 97 ms) | met |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}
