package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeRelease writes a release folder as scripts/release.sh lays it out,
// for this machine only, whose "binary" runs this test binary as milepost.
func fakeRelease(t *testing.T) (dir, asset string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	stage, dir := t.TempDir(), t.TempDir()
	wrapper := fmt.Sprintf("#!/bin/sh\nMILEPOST_TEST_MAIN=1 exec %q \"$@\"\n", self)
	if err := os.WriteFile(filepath.Join(stage, "milepost"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	asset = "milepost_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
	if out, err := exec.Command("tar", "-C", stage, "-czf", filepath.Join(dir, asset), "milepost").CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, asset))
	if err != nil {
		t.Fatal(err)
	}
	sums := fmt.Sprintf("%x  %s\n", sha256.Sum256(data), asset)
	if err := os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(sums), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, asset
}

// TestActionStepsAgainstAFakeRelease runs the Action's shell steps
// (scripts/action.sh, which action.yml calls) as GitHub would: install
// from a release folder, build, check with annotations. The seed site is
// built too when ../shared is there. scripts/check-release.sh does the
// same with a real snapshot release.
func TestActionStepsAgainstAFakeRelease(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the Action's steps run in bash")
	}
	for _, tool := range []string{"bash", "curl", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	script, _ := filepath.Abs("../../scripts/action.sh")
	release, asset := fakeRelease(t)
	sites := map[string]string{"small": writeSite(t, "testdata/small.txtar")}
	if seeds, err := filepath.Abs("../../../shared/seeds/content"); err == nil {
		if _, err := os.Stat(seeds); err == nil {
			// A copy: a build writes beside the content (its cache).
			copy := t.TempDir()
			if err := os.CopyFS(filepath.Join(copy, "content"), os.DirFS(seeds)); err != nil {
				t.Fatal(err)
			}
			sites["seeds"] = copy
		}
	}
	for name, site := range sites {
		t.Run(name, func(t *testing.T) {
			runner := t.TempDir()
			env := append(os.Environ(),
				"MILEPOST_RELEASE_DIR=file://"+release,
				"RUNNER_TEMP="+runner,
				"GITHUB_PATH="+filepath.Join(runner, "path"),
				"GITHUB_OUTPUT="+filepath.Join(runner, "output"),
				"MILEPOST_SITE="+site,
				"MILEPOST_DESTINATION="+filepath.Join(runner, "site"),
				"MILEPOST_BASE_URL=https://example.github.io/status",
				"MILEPOST_CHECK=errors",
			)
			step := func(name string, env []string) (string, error) {
				cmd := exec.Command("bash", script, name)
				cmd.Env = env
				out, err := cmd.CombinedOutput()
				return string(out), err
			}
			out, err := step("install", env)
			if err != nil || !strings.Contains(out, "milepost ") || !strings.Contains(out, asset) {
				t.Fatalf("install: %v\n%s", err, out)
			}
			path, _ := os.ReadFile(filepath.Join(runner, "path"))
			bin := strings.TrimSpace(string(path))
			env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			if out, err := step("build", env); err != nil || !strings.Contains(out, "built ") {
				t.Fatalf("build: %v\n%s", err, out)
			}
			output, _ := os.ReadFile(filepath.Join(runner, "output"))
			if want := "path=" + filepath.Join(runner, "site") + "\n"; string(output) != want {
				t.Errorf("GITHUB_OUTPUT = %q, want %q", output, want)
			}
			if _, err := os.Stat(filepath.Join(runner, "site", "index.html")); err != nil {
				t.Error(err)
			}
			out, err = step("check", env)
			if err != nil || !strings.Contains(out, "checked ") {
				t.Fatalf("check: %v\n%s", err, out)
			}
			if strings.Contains(out, ": warning:") {
				t.Errorf("check did not print workflow commands:\n%s", out)
			}
			if out, err := step("check", append(env, "MILEPOST_CHECK=strict")); err == nil && strings.Contains(out, "::warning") {
				t.Errorf("check strict passed with warnings:\n%s", out)
			}
		})
	}

	// A download whose checksum does not match is refused, and without Go
	// there is nothing to fall back on: the step fails, saying why.
	if err := os.WriteFile(filepath.Join(release, "checksums.txt"), []byte(strings.Repeat("0", 64)+"  "+asset+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runner := t.TempDir()
	cmd := exec.Command("bash", script, "install")
	cmd.Env = []string{"PATH=" + noGoPath(t), "HOME=" + runner, "MILEPOST_RELEASE_DIR=file://" + release, "RUNNER_TEMP=" + runner}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "does not match checksums.txt") || !strings.Contains(string(out), "actions/setup-go") {
		t.Errorf("install with a bad checksum: %v\n%s", err, out)
	}
}

// noGoPath is a PATH with the tools the install step needs and no go.
func noGoPath(t *testing.T) string {
	dir := t.TempDir()
	for _, tool := range []string{"bash", "curl", "tar", "mktemp", "awk", "cut", "sha256sum", "rm", "mkdir", "uname", "cat"} {
		if p, err := exec.LookPath(tool); err == nil {
			if err := os.Symlink(p, filepath.Join(dir, tool)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}
