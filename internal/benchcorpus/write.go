package benchcorpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// ManifestName is the file, beside content/, that records what was
// generated. It is written last, so a folder without it holds no finished
// corpus.
const ManifestName = "benchcorpus.json"

// Summary counts what a corpus holds. It is also the manifest's content.
type Summary struct {
	Generator     string `json:"generator"`
	Version       int    `json:"version"`
	Pages         int    `json:"pages"`
	Seed          uint64 `json:"seed"`
	Images        int    `json:"images"`
	Folders       int    `json:"folders"`
	MarkdownBytes int64  `json:"markdown_bytes"`
	WikiLinks     int    `json:"wiki_links"`
	BrokenLinks   int    `json:"broken_links"`
	Embeds        int    `json:"embeds"`
}

// ErrExists is returned by Generate when dir already holds content/.
var ErrExists = errors.New("benchcorpus: content folder already exists")

// Generate writes the corpus into dir (created if missing): dir/content/…
// and dir/benchcorpus.json. It refuses a dir that already has content/, so
// two corpora are never mixed. Pages are written by parallel workers; the
// bytes do not depend on their order.
func Generate(dir string, opts Options) (Summary, error) {
	c, err := New(opts)
	if err != nil {
		return Summary{}, err
	}
	root := filepath.Join(dir, "content")
	if _, err := os.Stat(root); err == nil {
		return Summary{}, fmt.Errorf("%w: %s", ErrExists, root)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Summary{}, err
	}
	folders := c.Folders()
	for _, d := range folders {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return Summary{}, err
		}
	}
	for i := 0; i < c.images; i++ {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(c.ImagePath(i))), tinyPNG, 0o644); err != nil {
			return Summary{}, err
		}
	}
	sum, err := c.writePages(root)
	if err != nil {
		return Summary{}, err
	}
	sum.Generator, sum.Version, sum.Pages, sum.Seed = "benchcorpus", Version, c.Len(), opts.Seed
	sum.Images, sum.Folders = c.images, len(folders)
	manifest, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return Summary{}, err
	}
	manifest = append(manifest, '\n')
	return sum, os.WriteFile(filepath.Join(dir, ManifestName), manifest, 0o644)
}

// writePages renders and writes every page with one worker per CPU and
// returns the page totals.
func (c *Corpus) writePages(root string) (Summary, error) {
	workers := runtime.GOMAXPROCS(0)
	next := make(chan int)
	results := make([]Summary, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if errs[w] != nil {
					continue
				}
				path, md, links := c.Page(i)
				if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(path)), md, 0o644); err != nil {
					errs[w] = err
					continue
				}
				s := &results[w]
				s.MarkdownBytes += int64(len(md))
				for _, l := range links {
					s.WikiLinks++
					if l.Form == "broken" {
						s.BrokenLinks++
					}
					if l.Embed {
						s.Embeds++
					}
				}
			}
		}()
	}
	for i := 0; i < c.Len(); i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	var total Summary
	for w := range results {
		if errs[w] != nil {
			return Summary{}, errs[w]
		}
		total.MarkdownBytes += results[w].MarkdownBytes
		total.WikiLinks += results[w].WikiLinks
		total.BrokenLinks += results[w].BrokenLinks
		total.Embeds += results[w].Embeds
	}
	return total, nil
}

// ReadManifest reads dir/benchcorpus.json. It returns an error satisfying
// errors.Is(err, fs.ErrNotExist) when there is none.
func ReadManifest(dir string) (Summary, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return Summary{}, err
	}
	var s Summary
	if err := json.Unmarshal(data, &s); err != nil {
		return Summary{}, fmt.Errorf("%s: %w", ManifestName, err)
	}
	return s, nil
}
