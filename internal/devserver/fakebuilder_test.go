package devserver

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/milepost/milepost/internal/diag"
)

// diskBuilder builds a toy site from the files under root, the way the real
// builder would from its own inputs:
//
//	content/<p>.md   → <p>/index.html (content/index.md → index.html)
//	static/<p>       → <p>, bytes as they are
//	always           → 404.html
//
// A Markdown file containing BROKEN fails the build with a diagnostic at its
// position; one containing PANIC panics. It records every changed list it was given.
type diskBuilder struct {
	root string

	mu    sync.Mutex
	calls [][]string
}

func (b *diskBuilder) Build(ctx context.Context, changed []string) (*Result, error) {
	b.mu.Lock()
	b.calls = append(b.calls, changed)
	b.mu.Unlock()

	files := map[string][]byte{
		"404.html": []byte("<!doctype html><html><body><h1>not here</h1></body></html>"),
	}
	var problems diag.List
	pages := 0
	contentDir := filepath.Join(b.root, "content")
	filepath.WalkDir(contentDir, func(name string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".md") || isLitter(filepath.ToSlash(name[len(b.root)+1:])) {
			return nil
		}
		text, err := os.ReadFile(name)
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(contentDir, name)
		src := "content/" + filepath.ToSlash(rel)
		if strings.Contains(string(text), "PANIC") {
			panic("toy builder: " + src)
		}
		if line, col, ok := position(string(text), "BROKEN"); ok {
			problems = append(problems, diag.Errorf(src, line, col, "front matter: <BROKEN> is not a key"))
			return nil
		}
		out := strings.TrimSuffix(filepath.ToSlash(rel), ".md")
		if out == "index" {
			out = "index.html"
		} else {
			out += "/index.html"
		}
		files[out] = page(out, strings.TrimSpace(string(text)))
		pages++
		return nil
	})
	staticDir := filepath.Join(b.root, "static")
	filepath.WalkDir(staticDir, func(name string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || isLitter(filepath.ToSlash(name[len(b.root)+1:])) {
			return nil
		}
		body, err := os.ReadFile(name)
		if err == nil {
			rel, _ := filepath.Rel(staticDir, name)
			files[filepath.ToSlash(rel)] = body
		}
		return nil
	})
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return &Result{Files: files, Pages: pages}, nil
}

// page is the HTML of one toy page, its stylesheet linked relatively.
func page(out, text string) []byte {
	up := strings.Repeat("../", strings.Count(out, "/"))
	return []byte("<!doctype html><html><head><link rel=stylesheet href=\"" + up + "style.css\"></head><body><h1>" +
		html.EscapeString(text) + "</h1></body></html>")
}

// position finds the 1-based line and byte column of needle.
func position(text, needle string) (line, col int, ok bool) {
	at := strings.Index(text, needle)
	if at < 0 {
		return 0, 0, false
	}
	before := text[:at]
	line = strings.Count(before, "\n") + 1
	col = at - strings.LastIndex(before, "\n")
	return line, col, true
}

func (b *diskBuilder) buildCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.calls)
}

func (b *diskBuilder) allCalls() [][]string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([][]string(nil), b.calls...)
}

func (b *diskBuilder) lastChanged() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.calls[len(b.calls)-1]
}
