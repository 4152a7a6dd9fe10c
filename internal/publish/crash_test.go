package publish

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestKilledBuildLeavesDestinationWhole runs a build in a child process that
// dies half-way through its Puts, then checks that the destination is as it
// was and that the next build clears the staging left behind.
func TestKilledBuildLeavesDestinationWhole(t *testing.T) {
	if dest := os.Getenv("PUBLISH_CRASH_DEST"); dest != "" {
		tx, err := Begin(dest, Options{})
		if err != nil {
			os.Exit(2)
		}
		tx.Put("index.html", []byte("v2, never published"))
		tx.Put("new/index.html", []byte("new"))
		os.Exit(3) // killed: no Commit, no Abort
	}
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, Options{}, map[string]string{"index.html": "v1", "old/index.html": "old"})
	ageAll(t, dest)
	before := snapshot(t, dest)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildLeavesDestinationWhole$")
	cmd.Env = append(os.Environ(), "PUBLISH_CRASH_DEST="+dest)
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 3 {
		t.Fatalf("child: %v, want exit status 3", err)
	}

	after := snapshot(t, dest)
	staged := 0
	for name := range after {
		if name == stagingName || strings.HasPrefix(name, stagingName+"/") {
			staged++
			delete(after, name) // the one thing a kill may leave behind
		}
	}
	if staged == 0 {
		t.Fatal("the child left no staging directory; the test no longer tests a kill")
	}
	if diff := diffSnapshots(before, after); diff != "" {
		t.Errorf("a killed build changed the destination:\n%s", diff)
	}

	stats := build(t, dest, Options{}, map[string]string{"index.html": "v3"})
	if want := (Stats{Written: 1, Removed: 1}); !statsEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	assertNoStaging(t, dest)
	if want := map[string]string{"index.html": "v3"}; !equalMaps(files(t, dest), want) {
		t.Errorf("destination holds %v, want %v", files(t, dest), want)
	}
}
