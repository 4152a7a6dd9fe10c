package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errSome stands for "any error that is neither ErrProtected nor ErrForeign".
var errSome = errors.New("some error")

func TestBeginDestinationSafety(t *testing.T) {
	// Every case starts from:
	//   tmp/site/content/a.md       (site root protected, content an input)
	//   tmp/site/content/sub/
	//   tmp/to-site -> site, tmp/to-content -> site/content
	//   tmp/x/to-sub -> ../site/content/sub
	tests := []struct {
		name    string
		setup   func(t *testing.T, tmp string) // extra files
		dest    string                         // relative to tmp
		force   bool
		wantErr error // nil, ErrProtected, ErrForeign or errSome
	}{
		{name: "missing dest inside site root", dest: "site/public"},
		{name: "dest is the site root", dest: "site", wantErr: ErrProtected},
		{name: "dest is the content dir", dest: "site/content", wantErr: ErrProtected},
		{name: "dest is a parent of the site", dest: ".", wantErr: ErrProtected},
		{name: "dest is content via ..", dest: "site/content/sub/..", wantErr: ErrProtected},
		{name: "dest is content via a missing dir and ..", dest: "site/public/../content", wantErr: ErrProtected},
		{name: "dest is a symlink to content", dest: "to-content", wantErr: ErrProtected},
		{name: "dest is a symlink to the site root", dest: "to-site", wantErr: ErrProtected},
		{name: "dest below a symlinked site root", dest: "to-site/public"},
		{name: "dest .. after a symlink is content, not tmp/x", dest: "x/to-sub/..", wantErr: ErrProtected},
		{name: "dest inside the content dir", dest: "site/content/public", wantErr: ErrProtected},
		{name: "dest inside content through a symlink", dest: "to-content/sub/out", wantErr: ErrProtected},
		{name: "force does not override protection", dest: "site/content", force: true, wantErr: ErrProtected},
		{
			name:    "non-empty dest without manifest",
			setup:   func(t *testing.T, tmp string) { writeTree(t, tmp, map[string]string{"out/index.html": "mine"}) },
			dest:    "out",
			wantErr: ErrForeign,
		},
		{
			name:  "non-empty dest without manifest, forced",
			setup: func(t *testing.T, tmp string) { writeTree(t, tmp, map[string]string{"out/index.html": "mine"}) },
			dest:  "out",
			force: true,
		},
		{
			name: "dest with only dot-files (a gh-pages worktree)",
			setup: func(t *testing.T, tmp string) {
				writeTree(t, tmp, map[string]string{"out/.git/HEAD": "ref: refs/heads/gh-pages\n", "out/.nojekyll": ""})
			},
			dest: "out",
		},
		{name: "empty existing dest", setup: func(t *testing.T, tmp string) { os.Mkdir(filepath.Join(tmp, "out"), 0o755) }, dest: "out"},
		{
			name: "dest written by milepost",
			setup: func(t *testing.T, tmp string) {
				writeTree(t, tmp, map[string]string{
					"out/index.html":      "x",
					"out/" + manifestName: `{"version":1,"files":[{"path":"index.html","size":1,"sha256":"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"}]}`,
				})
			},
			dest: "out",
		},
		{
			name:    "dest is a file",
			setup:   func(t *testing.T, tmp string) { writeTree(t, tmp, map[string]string{"out": "file"}) },
			dest:    "out",
			wantErr: errSome,
		},
		{
			name: "corrupt manifest",
			setup: func(t *testing.T, tmp string) {
				writeTree(t, tmp, map[string]string{"out/" + manifestName: "{not json"})
			},
			dest:    "out",
			wantErr: errSome,
		},
		{
			name: "corrupt manifest, forced",
			setup: func(t *testing.T, tmp string) {
				writeTree(t, tmp, map[string]string{"out/" + manifestName: "{not json"})
			},
			dest:  "out",
			force: true,
		},
		{
			name: "manifest naming a path outside the destination",
			setup: func(t *testing.T, tmp string) {
				writeTree(t, tmp, map[string]string{"out/" + manifestName: `{"version":1,"files":[{"path":"../site/content/a.md","size":1,"sha256":""}]}`})
			},
			dest:    "out",
			wantErr: errSome,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			writeTree(t, tmp, map[string]string{"site/content/a.md": "# A\n", "site/content/sub/b.md": "# B\n"})
			for link, target := range map[string]string{"to-site": "site", "to-content": "site/content", "x/to-sub": "../site/content/sub"} {
				os.MkdirAll(filepath.Dir(filepath.Join(tmp, link)), 0o755)
				if err := os.Symlink(target, filepath.Join(tmp, link)); err != nil {
					t.Skipf("symlinks unavailable: %v", err)
				}
			}
			if tt.setup != nil {
				tt.setup(t, tmp)
			}
			before := snapshot(t, tmp)
			opts := Options{
				Force:     tt.force,
				Protected: []string{filepath.Join(tmp, "site")},
				Inputs:    []string{filepath.Join(tmp, "site", "content")},
			}
			tx, err := Begin(tmp+string(filepath.Separator)+filepath.FromSlash(tt.dest), opts) // no Join: it would clean ".." away
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("Begin: %v", err)
			case tt.wantErr == errSome && (err == nil || errors.Is(err, ErrProtected) || errors.Is(err, ErrForeign)):
				t.Fatalf("Begin: got %v, want another error", err)
			case tt.wantErr != nil && tt.wantErr != errSome && !errors.Is(err, tt.wantErr):
				t.Fatalf("Begin: got %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				if err := tx.Abort(); err != nil {
					t.Fatalf("Abort: %v", err)
				}
			}
			if diff := diffSnapshots(before, snapshot(t, tmp)); diff != "" {
				t.Errorf("the tree changed:\n%s", diff)
			}
		})
	}
}

func TestProtectedErrorNamesBothPaths(t *testing.T) {
	tmp := t.TempDir()
	content := filepath.Join(tmp, "site", "content")
	writeTree(t, content, map[string]string{"a.md": "x"})
	dest := filepath.Join(tmp, "site")
	_, err := Begin(dest, Options{Inputs: []string{content}})
	if err == nil {
		t.Fatal("Begin accepted a parent of the content folder")
	}
	for _, want := range []string{dest, content, "contains"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestForeignErrorNamesFiles(t *testing.T) {
	dest := t.TempDir()
	writeTree(t, dest, map[string]string{"a.txt": "", "b.txt": "", "c.txt": "", "d.txt": "", ".git/HEAD": ""})
	_, err := Begin(dest, Options{})
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("Begin: got %v, want ErrForeign", err)
	}
	for _, want := range []string{dest, "a.txt, b.txt, c.txt and 1 more", "--force", manifestName} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestInputErrorSaysInside(t *testing.T) {
	static := filepath.Join(t.TempDir(), "static")
	writeTree(t, static, map[string]string{"style.css": ""})
	dest := filepath.Join(static, "public")
	_, err := Begin(dest, Options{Inputs: []string{static}})
	if !errors.Is(err, ErrProtected) || !strings.Contains(err.Error(), "is inside the source folder "+static) {
		t.Errorf("Begin: got %v, want ErrProtected saying the destination is inside %s", err, static)
	}
	tx, err := Begin(dest, Options{Protected: []string{static}})
	if err != nil {
		t.Fatalf("Begin inside a Protected (not input) directory: %v", err)
	}
	tx.Abort()
}
