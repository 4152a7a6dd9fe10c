package benchcorpus

import (
	"testing/fstest"
	"time"
)

// MapFS returns the whole corpus in memory, laid out as Generate writes it
// (content/… and the manifest), for testing.B benchmarks of stages that
// take an fs.FS. Every file has the same fixed modification time, so the
// file system is as deterministic as the bytes.
func (c *Corpus) MapFS() fstest.MapFS {
	mtime := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	fsys := make(fstest.MapFS, c.Len()+c.images)
	for i := 0; i < c.Len(); i++ {
		path, md, _ := c.Page(i)
		fsys["content/"+path] = &fstest.MapFile{Data: md, Mode: 0o644, ModTime: mtime}
	}
	for i := 0; i < c.images; i++ {
		fsys["content/"+c.ImagePath(i)] = &fstest.MapFile{Data: c.ImageBytes(), Mode: 0o644, ModTime: mtime}
	}
	return fsys
}
