package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// profileMilepost runs one more cold milepost build of the corpus, not
// timed, with --cpuprofile and --memprofile, and returns a report section
// with the top of each profile (go tool pprof -top). The profiles stay in
// OUT/profiles/ for a closer look:
//
//	go tool pprof -http :8080 bench/out/milepost bench/out/profiles/cpu-10000.pprof
func (h *harness) profileMilepost(ctx context.Context, n int, corpus string) string {
	dir := filepath.Join(h.out, "profiles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	cpu := filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", n))
	mem := filepath.Join(dir, fmt.Sprintf("mem-%d.pprof", n))
	dest := filepath.Join(h.media[0].dir, fmt.Sprintf("milepost-profile-%d", n))
	cacheArgs, cacheDir := h.buildCache(corpus, fmt.Sprintf("profile-%d", n))
	for _, p := range []string{dest, cacheDir} {
		if err := os.RemoveAll(p); err != nil {
			return ""
		}
	}
	argv := append(append([]string{h.milepost, "build", "-s", corpus, "-d", dest, "--cpuprofile", cpu, "--memprofile", mem}, cacheArgs...), h.historyArgs()...)
	if h.noCache {
		argv = append(argv, "--no-cache")
	}
	fmt.Printf("  profiling a cold milepost build of %d pages\n", n)
	r := h.r.run(ctx, fmt.Sprintf("milepost-%d-profile", n), h.repo, nil, argv...)
	if r.err != nil {
		return fmt.Sprintf("### Profile, %s pages\n\nThe profiled build failed: %s\n", pagesLabel(n), firstErrLine(r.err))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### Profile of a cold milepost build, %s pages\n\nProfiles: `%s`, `%s`.\n", pagesLabel(n), rel(h.repo, cpu), rel(h.repo, mem))
	for i, p := range []struct {
		what  string
		flags []string
		file  string
	}{
		{"CPU, by cumulative time", []string{"-cum"}, cpu},
		{"CPU, by own time", nil, cpu},
		{"heap in use at the end", []string{"-sample_index=inuse_space"}, mem},
		{"bytes allocated over the build", []string{"-sample_index=alloc_space"}, mem},
	} {
		args := append([]string{"go", "tool", "pprof", "-top", "-nodecount=25"}, p.flags...)
		args = append(args, h.milepost, p.file)
		out := h.r.run(ctx, fmt.Sprintf("milepost-%d-pprof-%d", n, i), h.repo, nil, args...)
		fmt.Fprintf(&b, "\n%s:\n\n```\n%s\n```\n", p.what, strings.TrimSpace(out.output))
	}
	return b.String()
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil {
		return r
	}
	return p
}
