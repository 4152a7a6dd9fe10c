package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/benchcorpus"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"no output folder", []string{"-n", "5"}, 2, ""},
		{"bad flag", []string{"-bogus"}, 2, ""},
		{"zero pages", []string{"-n", "0", "-o", dir}, 2, ""},
		{"generate", []string{"-n", "20", "-o", dir}, 0, "20 pages"},
		{"refuse to overwrite", []string{"-n", "20", "-o", dir}, 1, ""},
		{"force", []string{"-n", "30", "-o", dir, "-force"}, 0, "30 pages"},
		{"version", []string{"-version"}, 0, strconv.Itoa(benchcorpus.Version)},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tc.name, code, tc.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tc.out) {
			t.Errorf("%s: stdout %q lacks %q", tc.name, stdout.String(), tc.out)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content", "assets"))
	if err != nil || len(entries) != 1 {
		t.Errorf("after -force with 30 pages: assets = %d entries, err %v; want the 1 image", len(entries), err)
	}
}
