package devserver

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// incrementalBuilder re-reads only the files it is told changed (all of them
// on nil), so any change the watcher fails to report makes its site differ
// from a full build.
type incrementalBuilder struct {
	root string

	mu      sync.Mutex
	sources map[string]string // content/… and static/… path → text
}

func (b *incrementalBuilder) Build(ctx context.Context, changed []string) (*Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if changed == nil {
		b.sources = map[string]string{}
		for _, dir := range []string{"content", "static"} {
			filepath.WalkDir(filepath.Join(b.root, dir), func(name string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					changed = append(changed, filepath.ToSlash(name[len(b.root)+1:]))
				}
				return nil
			})
		}
	}
	for _, rel := range changed {
		isPage := strings.HasPrefix(rel, "content/") && strings.HasSuffix(rel, ".md")
		if !isPage && !strings.HasPrefix(rel, "static/") || isLitter(rel) {
			continue
		}
		text, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(rel)))
		if err != nil {
			delete(b.sources, rel)
			continue
		}
		b.sources[rel] = string(text)
	}
	files := map[string][]byte{"404.html": []byte("<!doctype html><html><body><h1>not here</h1></body></html>")}
	for rel, text := range b.sources {
		if asset, ok := strings.CutPrefix(rel, "static/"); ok {
			files[asset] = []byte(text)
			continue
		}
		out := strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md")
		if out == "index" {
			out = "index.html"
		} else {
			out += "/index.html"
		}
		files[out] = page(out, strings.TrimSpace(text))
	}
	return &Result{Files: files, Pages: len(files)}, nil
}

var (
	randomSeed   = flag.Uint64("random.seed", 1, "seed of TestRandomEditsMatchAFullBuild")
	randomRounds = flag.Int("random.rounds", 12, "rounds of TestRandomEditsMatchAFullBuild")
)

// TestRandomEditsMatchAFullBuild applies random sequences of edits, saves,
// creations, renames and deletions of files and folders, and checks after
// each round that the site built from the reported changes equals a fresh
// full build.
func TestRandomEditsMatchAFullBuild(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"fsnotify", 0}, {"poll", 25 * time.Millisecond}} {
		t.Run(mode.name, func(t *testing.T) {
			var b *incrementalBuilder
			h := startServer(t, nil, func(o *Options, s *Server) {
				o.Poll = mode.poll
				b = &incrementalBuilder{root: o.Root}
				s.builder = b
			})
			rng := rand.New(rand.NewPCG(*randomSeed, 2))
			for round := 1; round <= *randomRounds; round++ {
				var did []string
				for range 1 + rng.IntN(4) {
					did = append(did, randomOp(t, rng, h.root))
				}
				// A sentinel edit that always changes the output: once it
				// is served, every earlier change has been seen (fsnotify),
				// or will be by the next scan (a scan may have passed a
				// folder before the round changed it).
				sentinel := fmt.Sprintf("round %d", round)
				h.write("content/zz-sentinel.md", sentinel)
				waitServed(t, h, "zz-sentinel/index.html", sentinel)
				if diff := waitSameAsFullBuild(h); len(diff) > 0 {
					t.Fatalf("seed %d, round %d (%s): served site differs from a full build in %q", *randomSeed, round, strings.Join(did, "; "), diff)
				}
			}
		})
	}
}

// waitSameAsFullBuild waits until the served site equals a full build of
// the files on disk, and returns the differing paths when it never does.
func waitSameAsFullBuild(h *harness) []string {
	h.t.Helper()
	deadline := time.Now().Add(eventWait)
	for {
		full, err := (&diskBuilder{root: h.root}).Build(context.Background(), nil)
		if err != nil {
			h.t.Fatal(err)
		}
		diff := diffFiles(full.Files, h.s.state.Load().files)
		if len(diff) == 0 || time.Now().After(deadline) {
			return diff
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitServed waits until the served file holds want, reading events as
// they come.
func waitServed(t *testing.T, h *harness, name, want string) {
	t.Helper()
	deadline := time.After(eventWait)
	for {
		if strings.Contains(string(h.s.state.Load().files[name]), want) {
			return
		}
		select {
		case <-h.events:
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			t.Fatalf("%s never showed %q", name, want)
		}
	}
}

// randomOp changes the content folder in one random way and says how.
func randomOp(t *testing.T, rng *rand.Rand, root string) string {
	t.Helper()
	content := filepath.Join(root, "content")
	files, dirs := listTree(content)
	pickFile := func() string { return files[rng.IntN(len(files))] }
	pickDir := func() string { return dirs[rng.IntN(len(dirs))] }
	fresh := func() string { return fmt.Sprintf("n%d", rng.IntN(1000)) }
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	switch op := rng.IntN(10); {
	case op == 0 && len(files) > 0:
		f := pickFile()
		must(os.WriteFile(f, []byte("edited "+fresh()), 0o644))
		return "edit " + f
	case op == 1 && len(files) > 0:
		f := pickFile()
		must(os.WriteFile(f+".tmp", []byte("saved "+fresh()), 0o644))
		must(os.Rename(f+".tmp", f))
		return "atomic save " + f
	case op == 2:
		f := filepath.Join(pickDir(), fresh()+".md")
		must(os.WriteFile(f, []byte("new "+fresh()), 0o644))
		return "create " + f
	case op == 3:
		d := filepath.Join(pickDir(), fresh())
		must(os.MkdirAll(filepath.Join(d, "inner"), 0o755))
		must(os.WriteFile(filepath.Join(d, "x.md"), []byte("x "+fresh()), 0o644))
		must(os.WriteFile(filepath.Join(d, "inner", "y.md"), []byte("y "+fresh()), 0o644))
		return "mkdir with files " + d
	case op == 4:
		outside := t.TempDir()
		must(os.MkdirAll(filepath.Join(outside, "tree", "deep"), 0o755))
		must(os.WriteFile(filepath.Join(outside, "tree", "deep", "z.md"), []byte("z "+fresh()), 0o644))
		d := filepath.Join(pickDir(), "moved-in-"+fresh())
		if exists(d) {
			return "skip"
		}
		must(os.Rename(filepath.Join(outside, "tree"), d))
		return "move tree in " + d
	case op == 5 && len(files) > 1:
		f := pickFile()
		must(os.Remove(f))
		return "delete " + f
	case op == 6 && len(files) > 0:
		f := pickFile()
		to := filepath.Join(pickDir(), fresh()+".md")
		must(os.Rename(f, to))
		return "rename " + f + " → " + to
	case op == 7 && len(dirs) > 1:
		d := dirs[1+rng.IntN(len(dirs)-1)] // never content/ itself
		to := filepath.Join(content, "renamed-"+fresh())
		if strings.HasPrefix(to, d) || exists(to) {
			return "skip"
		}
		must(os.Rename(d, to))
		return "rename folder " + d + " → " + to
	case op == 8 && len(dirs) > 1:
		d := dirs[1+rng.IntN(len(dirs)-1)]
		must(os.RemoveAll(d))
		return "delete folder " + d
	default:
		d := pickDir()
		must(os.WriteFile(filepath.Join(d, ".x.md.swp"), []byte("swap"), 0o644))
		must(os.WriteFile(filepath.Join(d, "x.md~"), []byte("backup"), 0o644))
		return "litter in " + d
	}
}

// listTree returns the Markdown files and the folders under dir (dir
// first), dot-folders left out.
func listTree(dir string) (files, dirs []string) {
	filepath.WalkDir(dir, func(name string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && strings.HasPrefix(d.Name(), ".") && name != dir:
			return filepath.SkipDir
		case d.IsDir():
			dirs = append(dirs, name)
		case strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "zz-sentinel.md"):
			files = append(files, name)
		}
		return nil
	})
	return files, dirs
}
