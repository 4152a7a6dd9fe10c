package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLine pins what the command line says: help on stdout with
// exit 0 and each command's own flags and examples, suggestions for
// typos, the site folder as an argument, and hidden profiling flags.
func TestCommandLine(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		stdout     []string // each must appear
		stderr     []string
		notStdout  []string // none may appear
		maxErrLine int      // stderr has at most this many lines (0: no limit)
	}{
		{args: []string{"-h"}, code: 0, stdout: []string{"milepost build [flags] [DIR]"}},
		{args: []string{"--help"}, code: 0, stdout: []string{"milepost check [flags] [DIR]"}},
		{args: []string{"build", "-h"}, code: 0, stdout: []string{"Usage: milepost build [flags] [DIR]", "-s, --source DIR", "-d, --destination DIR", "Examples:", "milepost build mysite"}, notStdout: []string{"cpuprofile", "memprofile"}},
		{args: []string{"build", "--help"}, code: 0, stdout: []string{"--no-cache"}},
		{args: []string{"init", "-h"}, code: 0, stdout: []string{"Usage: milepost init [flags] DIR", "milepost init mysite"}},
		{args: []string{"serve", "-h"}, code: 0, stdout: []string{"-p, --port N", "(default 1313)", "--poll DURATION"}},
		{args: []string{"check", "-h"}, code: 0, stdout: []string{"-q, --quiet", "--fail-on kinds", "--format github"}},
		{args: []string{"help", "check"}, code: 0, stdout: []string{"Usage: milepost check"}},
		{args: []string{"build", "--sorce", "x"}, code: 2, stderr: []string{"unknown flag --sorce; did you mean --source?", `"milepost build -h"`}, maxErrLine: 2},
		{args: []string{"serve", "--prot", "8080"}, code: 2, stderr: []string{"did you mean --port?"}, maxErrLine: 2},
		{args: []string{"check", "--stirct"}, code: 2, stderr: []string{"did you mean --strict?"}},
		{args: []string{"biuld"}, code: 2, stderr: []string{`unknown command "biuld"; did you mean "build"?`}},
		{args: []string{"chekc"}, code: 2, stderr: []string{`did you mean "check"?`}},
		{args: []string{"build", "a", "b"}, code: 2, stderr: []string{`unexpected argument "b"`}},
		{args: []string{"build", "-s", "a", "b"}, code: 2, stderr: []string{"the site root is given twice"}},
		{args: []string{"init"}, code: 2, stderr: []string{"milepost init DIR"}},
		{args: []string{"serve", "--port", "70000"}, code: 2, stderr: []string{"--port 70000: a port is a number from 1 to 65535, or 0 for any free one"}, maxErrLine: 1},
		{args: []string{"serve", "--poll", "-1s"}, code: 2, stderr: []string{"--poll -1s: give a duration above zero"}, maxErrLine: 1},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		name := strings.Join(tc.args, " ")
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\n%s%s", name, code, tc.code, out, errOut)
		}
		for _, s := range tc.stdout {
			if !strings.Contains(out, s) {
				t.Errorf("%s: stdout lacks %q:\n%s", name, s, out)
			}
		}
		for _, s := range tc.notStdout {
			if strings.Contains(out, s) {
				t.Errorf("%s: stdout shows %q:\n%s", name, s, out)
			}
		}
		for _, s := range tc.stderr {
			if !strings.Contains(errOut, s) {
				t.Errorf("%s: stderr lacks %q:\n%s", name, s, errOut)
			}
		}
		if n := strings.Count(errOut, "\n"); tc.maxErrLine > 0 && n > tc.maxErrLine {
			t.Errorf("%s: %d lines on stderr, want at most %d:\n%s", name, n, tc.maxErrLine, errOut)
		}
	}
}

// TestSiteFolderAsArgument: build, check and serve take the site root as
// their argument, before or after flags; check -q prints only what fails.
func TestSiteFolderAsArgument(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", root, "-d", dest, "--no-cache"); code != 0 {
		t.Fatalf("build DIR -d: exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dest, "plan", "index.html")); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "check", root)
	if code != 0 || !strings.Contains(errOut, "checked ") {
		t.Fatalf("check DIR: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "check", "-q", root)
	if code != 0 || out != "" || errOut != "" {
		t.Errorf("check -q DIR on a site with warnings only: exit %d, output %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "check", "-q", "--strict", root)
	if warnings := strings.Count(out, ": warning:"); code != 1 || warnings == 0 {
		t.Errorf("check -q --strict: exit %d, %d warnings shown:\n%s", code, warnings, out)
	}
}
