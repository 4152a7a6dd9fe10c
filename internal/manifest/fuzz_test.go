package manifest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheckName: every accepted name is a local path that stays below the
// destination on this system, and touches neither .git nor reserved names.
func FuzzCheckName(f *testing.F) {
	for _, seed := range []string{"index.html", "a/b c/ü.png", "../x", "a/./b", `a\b`, ".git/x", ".milepost-x", "a//b", "/abs", "q?#%&"} {
		f.Add(seed)
	}
	root := filepath.FromSlash("/dest")
	f.Fuzz(func(t *testing.T, name string) {
		if CheckName(name) != nil {
			return
		}
		local := filepath.FromSlash(name)
		if !filepath.IsLocal(local) {
			t.Fatalf("accepted %q, which is not local", name)
		}
		joined := filepath.Join(root, local)
		if !strings.HasPrefix(joined, root+string(filepath.Separator)) {
			t.Fatalf("accepted %q, which leaves the destination: %s", name, joined)
		}
		for _, segment := range strings.Split(name, "/") {
			if strings.EqualFold(segment, ".git") || strings.HasPrefix(segment, ReservedPrefix) {
				t.Fatalf("accepted %q", name)
			}
		}
	})
}

// FuzzParseManifest: a manifest that parses holds only safe names and
// survives encode → parse unchanged.
func FuzzParseManifest(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "publish", "testdata", "manifest.golden")); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"version":1,"files":[{"path":"../x","size":1,"sha256":""}]}`))
	f.Add([]byte(`{"version":1,"files":[{"path":"a","size":-1,"sha256":""}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			return
		}
		for name, e := range m {
			if CheckName(name) != nil || e.Path != name || e.Size < 0 {
				t.Fatalf("accepted entry %+v", e)
			}
		}
		encoded := encodeFiles(m)
		again, err := Parse(encoded)
		if err != nil {
			t.Fatalf("re-parsing the encoded manifest: %v\n%s", err, encoded)
		}
		if !bytes.Equal(encodeFiles(again), encoded) {
			t.Fatalf("encode is not stable:\n%s\n%s", encoded, encodeFiles(again))
		}
	})
}
