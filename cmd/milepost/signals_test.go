package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/cli"
)

// commandProcess starts milepost with args in a child process.
func commandProcess(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "MILEPOST_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// pathologicalPage is one page that keeps a worker busy for seconds: 10,000
// headings of the same text, each over twenty task items with a link.
func pathologicalPage() string {
	var b strings.Builder
	b.WriteString("# Huge\n\n")
	for i := 0; i < 10000; i++ {
		b.WriteString("## h\n\n")
		for j := 0; j < 20; j++ {
			b.WriteString("- [x] item *a* [[p0000]]\n")
		}
	}
	return b.String()
}

// TestSignalEndsBuildWithinASecond sends SIGTERM (and, on its own, SIGINT)
// to a build busy parsing a huge page: the process must end within a
// second, exit 1, and leave the destination exactly as the last build did.
func TestSignalEndsBuildWithinASecond(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			site := t.TempDir()
			dest := filepath.Join(t.TempDir(), "public")
			writeManyPages(t, site, "[ ]", 20)
			buildOnce(t, site, dest)
			before := snapshotDest(t, dest)
			if err := os.WriteFile(filepath.Join(site, "content", "huge.md"), []byte(pathologicalPage()), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd, stderr := commandProcess(t, "build", "-s", site, "-d", dest, "-q")
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			// Wait until the build is under way: its staging folder exists.
			deadline := time.Now().Add(20 * time.Second)
			for {
				if _, err := os.Stat(filepath.Join(dest, ".milepost-staging")); err == nil {
					break
				}
				if time.Now().After(deadline) {
					_ = cmd.Process.Kill()
					t.Fatal("the build never started staging")
				}
				time.Sleep(5 * time.Millisecond)
			}
			time.Sleep(300 * time.Millisecond) // deep in the huge page
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-exited:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
				t.Fatalf("still running 10 s after %v", sig)
			}
			took := time.Since(sent)
			t.Logf("ended %v after %v: %v", took, sig, err)
			if took > time.Second {
				t.Errorf("the build took %v to end after %v, want under a second", took, sig)
			}
			if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != cli.ExitFail {
				t.Errorf("exit: %v, want status 1; stderr:\n%s", err, stderr)
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr does not say the build was interrupted:\n%s", stderr)
			}
			after := snapshotDest(t, dest)
			for name := range after {
				if strings.HasPrefix(name, ".milepost-staging") {
					delete(after, name) // a Put in flight may leave a file; the next Begin removes it
				}
			}
			compareDest(t, before, after)
		})
	}
}
