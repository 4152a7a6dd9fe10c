package site_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/milepost/milepost/internal/sitetest"
)

// TestAttachmentsByReference builds the archives under
// testdata/attachments and checks the lines of their comments:
// "published: SOURCE [→ OUTPUT]" and "not published: …" (SOURCE is
// content-relative; OUTPUT defaults to it), "title: SOURCE → TITLE".
func TestAttachmentsByReference(t *testing.T) {
	archives, _ := filepath.Glob("testdata/attachments/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range archives {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a := sitetest.Load(t, path)
			res, files, err := build(t, a.FS())
			if err != nil {
				t.Fatalf("build: %v\n%v", err, res.Diagnostics)
			}
			var site struct {
				Pages []struct{ Path, Title string }
			}
			if err := json.Unmarshal(files["status.json"], &site); err != nil {
				t.Fatal(err)
			}
			titles := map[string]string{}
			for _, p := range site.Pages {
				titles[p.Path] = p.Title
			}
			checked := 0
			for _, line := range strings.Split(a.Comment, "\n") {
				kind, rest, ok := strings.Cut(line, ": ")
				if !ok {
					continue
				}
				source, out, arrow := strings.Cut(rest, " → ")
				if !arrow {
					out = source
				}
				checked++
				switch kind {
				case "published", "not published":
					_, got := files[out]
					if want := kind == "published"; got != want {
						t.Errorf("%s: published %v, want %v", source, got, want)
					}
				case "title":
					if got := titles[source]; got != out {
						t.Errorf("title of %s = %q, want %q", source, got, out)
					}
				default:
					checked--
				}
			}
			if checked == 0 {
				t.Fatal("the archive's comment checks nothing")
			}
		})
	}
}

// TestAttachmentAtAStaticName: a linked attachment named like a static
// file of the theme (style.css) is an error at the attachment, not two
// writes of one file; an unlinked one is not published and no error.
func TestAttachmentAtAStaticName(t *testing.T) {
	fsys := fstest.MapFS{
		"milepost.yaml":       {Data: []byte("title: T\n")},
		"content/index.md":    {Data: []byte("# Home\n\n- [ ] x\n\n[our style](style.css)\n")},
		"content/style.css":   {Data: []byte("body{}\n")},
		"content/favicon.svg": {Data: []byte("<svg/>")},
		"content/notes/a.md":  {Data: []byte("# A\n")},
	}
	res, _, err := build(t, fsys)
	if err == nil {
		t.Fatal("the build succeeded")
	}
	if got := diagText(res); !strings.Contains(got, "content/style.css: error: a page links to it, and style.css is a static file's name") || strings.Contains(got, "favicon") {
		t.Errorf("diagnostics:\n%s", got)
	}
}
