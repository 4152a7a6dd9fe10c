package minify

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzMinifyXML: minifying never panics, never grows the document, and is
// idempotent.
func FuzzMinifyXML(f *testing.F) {
	for _, name := range []string{"feed.xml", "sitemap.xml", "badge.svg"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<a xml:space='preserve'> <b/> </a>\n<c>  </c>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		input := append([]byte(nil), data...)
		once, err := minifyXML(input)
		if err != nil {
			return
		}
		if len(once) > len(data) {
			t.Fatalf("output grew: %d > %d\n%q\n%q", len(once), len(data), data, once)
		}
		twice, err := minifyXML(append([]byte(nil), once...))
		if err != nil {
			t.Fatalf("minifying the output failed: %v", err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("not idempotent:\n%q\n%q\n%q", data, once, twice)
		}
	})
}
