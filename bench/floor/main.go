// Command floor is the physical floor of a markdown site build: goldmark
// alone parsing and rendering every .md file under a content folder to an
// HTML file, on all cores, with no templates, no link resolution and no
// status. The benchmark harness compares milepost with it.
//
//	floor -src CORPUS/content -o OUT [-files N] [-workers N]
//
// Each page.md becomes OUT/page/index.html; other files are copied. To
// compare like with like, -files N makes the floor write exactly N files in
// all (when N exceeds pages + copied files), the rest as small per-page
// JSON and SVG files of the sizes a status site writes beside each page.
// OUT must not exist or be empty. The floor prints one summary line.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("floor", flag.ContinueOnError)
	flags.SetOutput(stderr)
	src := flags.String("src", "", "content folder to read (required)")
	out := flags.String("o", "", "output folder (required; must not exist or be empty)")
	files := flags.Int("files", 0, "total number of files to write (0: pages and copied files only)")
	workers := flags.Int("workers", runtime.NumCPU(), "parallel workers")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *src == "" || *out == "" || *workers < 1 {
		fmt.Fprintln(stderr, "usage: floor -src DIR -o DIR [-files N] [-workers N]")
		return 2
	}
	start := time.Now()
	st, err := build(*src, *out, *files, *workers)
	if err != nil {
		fmt.Fprintln(stderr, "floor:", err)
		return 1
	}
	fmt.Fprintf(stdout, "floor: %d pages (%.1f MB), %d copied, %d extra files, %d files written in %.3fs\n",
		st.pages, float64(st.markdownBytes)/1e6, st.copied, st.extra, st.pages+st.copied+st.extra, time.Since(start).Seconds())
	return 0
}

type stats struct {
	pages, copied, extra int
	markdownBytes        int64
}

// newMarkdown returns goldmark with the extensions milepost's parser uses
// where goldmark ships them: GFM (tables, strikethrough, linkify, task
// lists), emoji shortcodes and heading ids.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, emoji.Emoji),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

func build(src, out string, wantFiles, workers int) (stats, error) {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return stats{}, fmt.Errorf("%s is not empty", out)
	}
	var pages, others []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(rel, ".md") {
			pages = append(pages, rel)
		} else {
			others = append(others, rel)
		}
		return nil
	})
	if err != nil {
		return stats{}, err
	}
	st := stats{pages: len(pages), copied: len(others)}
	if extra := wantFiles - len(pages) - len(others); extra > 0 {
		st.extra = extra
	}

	jobs := make(chan int)
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		mdBytes  int64
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := newMarkdown()
			var buf bytes.Buffer
			var n int64
			for i := range jobs {
				extras := st.extra / len(pages)
				if i < st.extra%len(pages) {
					extras++
				}
				size, err := renderPage(md, &buf, src, out, pages[i], extras)
				if err != nil {
					fail(err)
					continue
				}
				n += size
			}
			mu.Lock()
			mdBytes += n
			mu.Unlock()
		}()
	}
	for i := range pages {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return stats{}, firstErr
	}
	for _, rel := range others {
		if err := copyFile(filepath.Join(src, rel), filepath.Join(out, rel)); err != nil {
			return stats{}, err
		}
	}
	st.markdownBytes = mdBytes
	return st, nil
}

// renderPage converts one page and writes its HTML plus extras small files.
func renderPage(md goldmark.Markdown, buf *bytes.Buffer, src, out, rel string, extras int) (int64, error) {
	data, err := os.ReadFile(filepath.Join(src, rel))
	if err != nil {
		return 0, err
	}
	buf.Reset()
	if err := md.Convert(stripFrontMatter(data), buf); err != nil {
		return 0, fmt.Errorf("%s: %w", rel, err)
	}
	dir := filepath.Join(out, strings.TrimSuffix(rel, ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	for k := 0; k < extras; k++ {
		name, body := extraFile(filepath.ToSlash(rel), k, len(data))
		if strings.Contains(name, "/") {
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
				return 0, err
			}
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), body, 0o644); err != nil {
			return 0, err
		}
	}
	return int64(len(data)), nil
}

// stripFrontMatter drops a leading YAML front matter block.
func stripFrontMatter(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return data
	}
	if end := bytes.Index(data[4:], []byte("\n---\n")); end >= 0 {
		return data[4+end+5:]
	}
	return data
}

// extraFile returns the k-th extra file of a page: a status JSON, a badge
// SVG and a shields endpoint JSON, then per-section badges, each about the
// size milepost writes.
func extraFile(rel string, k, size int) (string, []byte) {
	switch k {
	case 0:
		return "status.json", fmt.Appendf(nil, `{"path":%q,"bytes":%d,"counts":{"done":0,"active":0,"blocked":0,"open":0,"dropped":0,"total":0,"percent":null},"sections":[],"items":[],"links":[],"backlinks":[]}`+"\n", rel, size)
	case 1:
		return "badge.svg", badgeSVG(rel)
	case 2:
		return "badge.json", fmt.Appendf(nil, `{"schemaVersion":1,"label":%q,"message":"no items","color":"lightgrey"}`+"\n", rel)
	}
	if k%2 == 1 {
		return fmt.Sprintf("badges/section-%d.svg", k/2), badgeSVG(rel)
	}
	return fmt.Sprintf("badges/section-%d.json", k/2-1), fmt.Appendf(nil, `{"schemaVersion":1,"label":%q,"message":"0%%","color":"red"}`+"\n", rel)
}

func badgeSVG(label string) []byte {
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20" role="img" aria-label="%[1]s"><title>%[1]s</title>`+
		`<linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`+
		`<clipPath id="r"><rect width="120" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="80" height="20" fill="#555"/>`+
		`<rect x="80" width="40" height="20" fill="#9f9f9f"/><rect width="120" height="20" fill="url(#s)"/></g>`+
		`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110">`+
		`<text x="400" y="140" transform="scale(.1)">status</text><text x="1000" y="140" transform="scale(.1)">n/a</text></g></svg>`+"\n", label)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
