package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runResult is one timed run of one command.
type runResult struct {
	wall   time.Duration
	cpu    time.Duration // user + system time of the command and its children
	rssKB  int64         // peak resident set size; 0 when unknown
	output string
	err    error
}

// runner runs commands with a timeout, timing them and reading their peak
// memory from /usr/bin/time -v when it is there, from the kernel's rusage
// of the child otherwise.
type runner struct {
	timeout time.Duration
	timeBin string // "/usr/bin/time" or ""
	logDir  string
}

// run runs argv in dir with extra environment, logging its output under
// name in the log folder.
func (r *runner) run(ctx context.Context, name, dir string, env []string, argv ...string) runResult {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	timeFile := ""
	full := argv
	if r.timeBin != "" {
		f, err := os.CreateTemp("", "bench-time-*")
		if err != nil {
			return runResult{err: err}
		}
		f.Close()
		timeFile = f.Name()
		defer os.Remove(timeFile)
		full = append([]string{r.timeBin, "-v", "-o", timeFile}, argv...)
	}
	cmd := exec.CommandContext(ctx, full[0], full[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second // never wait forever on a pipe a stray child holds
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	res := runResult{wall: time.Since(start), output: out.String(), err: err}
	if ctx.Err() == context.DeadlineExceeded {
		res.err = fmt.Errorf("timed out after %s", r.timeout)
	} else if err != nil {
		res.err = fmt.Errorf("%v: %s", err, lastLines(res.output, 8))
	}
	if timeFile != "" {
		res.rssKB = maxRSSFromTimeFile(timeFile)
	}
	if cmd.ProcessState != nil {
		res.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if res.rssKB == 0 && cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.rssKB = ru.Maxrss // kilobytes on Linux
		}
	}
	if r.logDir != "" {
		log := fmt.Sprintf("$ %s\n%s\nwall %.3fs, peak RSS %d KB, err %v\n", strings.Join(argv, " "), res.output, res.wall.Seconds(), res.rssKB, res.err)
		_ = os.WriteFile(filepath.Join(r.logDir, name+".log"), []byte(log), 0o644)
	}
	return res
}

// maxRSSFromTimeFile reads "Maximum resident set size (kbytes): N" from the
// report /usr/bin/time -v wrote.
func maxRSSFromTimeFile(name string) int64 {
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(line, "Maximum resident set size (kbytes):"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// sample is the outcome of one measured step, repeated.
type sample struct {
	walls []time.Duration
	cpus  []time.Duration
	rssKB int64 // the highest peak over the runs
	files int   // output files after the step (0 when not counted)
	note  string
	err   error
}

func (s *sample) add(r runResult) {
	s.walls = append(s.walls, r.wall)
	s.cpus = append(s.cpus, r.cpu)
	if r.rssKB > s.rssKB {
		s.rssKB = r.rssKB
	}
	if r.err != nil && s.err == nil {
		s.err = r.err
	}
}

// median returns the median wall time of the runs.
func (s *sample) median() time.Duration { return median(s.walls) }

// medianCPU returns the median CPU time of the runs.
func (s *sample) medianCPU() time.Duration { return median(s.cpus) }

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	w := append([]time.Duration(nil), d...)
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	if len(w)%2 == 1 {
		return w[len(w)/2]
	}
	return (w[len(w)/2-1] + w[len(w)/2]) / 2
}

// countFiles counts the regular files below root, and how many of them are
// named index.html.
func countFiles(root string) (files, pages int, err error) {
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files++
			if d.Name() == "index.html" {
				pages++
			}
		}
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return 0, 0, nil
	}
	return files, pages, err
}
