package minify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkMinifyHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		b.Fatal(err)
	}
	page = []byte(strings.Repeat(string(page), 4))
	m := New()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := m.Minify("index.html", page); err != nil {
			b.Fatal(err)
		}
	}
}
