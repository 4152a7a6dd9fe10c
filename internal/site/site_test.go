package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"io/fs"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// buildTime is the fixed build time of every test build: 2026-11-18.
var buildTime = time.Unix(1795000000, 0).UTC()

func input(fsys fs.FS) site.Input {
	return site.Input{Site: fsys, ThemeTemplates: milepost.Templates(), ThemeStatic: milepost.Static(), Now: buildTime, Version: "test"}
}

// again is input for a Builder that builds fsys again and again.
func again(fsys fs.FS) site.Input {
	in := input(fsys)
	in.Mode = site.Again
	return in
}

// build builds fsys in memory, unminified.
func build(t *testing.T, fsys fs.FS) (*site.Result, map[string][]byte, error) {
	t.Helper()
	mem := publish.NewMemory(false)
	res, err := site.Build(context.Background(), input(fsys), mem)
	return res, mem.Files(), err
}

// TestSites builds every archive under testdata/sites and compares the list
// of output files, the diagnostics and status.json with golden files. A
// line "golden: PATH" in an archive's comment pins that output file too.
func TestSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			a := sitetest.Load(t, path)
			res, files, err := build(t, a.FS())
			golden := filepath.Join("testdata", "golden", name)
			var diags diag.List
			if res != nil {
				diags = res.Diagnostics
			}
			var report bytes.Buffer
			for _, d := range diags {
				report.WriteString(d.String() + "\n")
			}
			if err != nil {
				report.WriteString("build failed\n")
			}
			sitetest.Golden(t, filepath.Join(golden, "diagnostics.txt"), report.Bytes())
			if err != nil {
				return
			}
			names := make([]string, 0, len(files))
			for n := range files {
				names = append(names, n)
			}
			sort.Strings(names)
			sitetest.Golden(t, filepath.Join(golden, "files.txt"), []byte(strings.Join(names, "\n")+"\n"))
			sitetest.Golden(t, filepath.Join(golden, "status.json"), indentJSON(t, files["status.json"]))
			for _, line := range strings.Split(a.Comment, "\n") {
				if p, ok := strings.CutPrefix(strings.TrimSpace(line), "golden:"); ok {
					p = strings.TrimSpace(p)
					data, ok := files[p]
					if !ok {
						t.Errorf("no output %s", p)
						continue
					}
					if strings.HasSuffix(p, ".json") {
						data = indentJSON(t, data)
					}
					sitetest.Golden(t, filepath.Join(golden, "out", filepath.FromSlash(p)), data)
				}
			}
		})
	}
}

// TestDeterministic builds the same site twice and expects identical bytes.
func TestDeterministic(t *testing.T) {
	a := sitetest.Load(t, "testdata/sites/links.txtar")
	_, first, err := build(t, a.FS())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		_, again, err := build(t, a.FS())
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(first) {
			t.Fatalf("build %d wrote %d files, first wrote %d", i+2, len(again), len(first))
		}
		for name, data := range first {
			if !bytes.Equal(again[name], data) {
				t.Errorf("build %d: %s differs", i+2, name)
			}
		}
	}
}

// TestBadFrontMatter fails the build with the file and line of the error.
func TestBadFrontMatter(t *testing.T) {
	fsys := sitetest.Parse([]byte("-- content/a.md --\n---\ntitle: [unclosed\n---\n# A\n-- content/b.md --\n---\ntags: 3\n---\n")).FS()
	res, files, err := build(t, fsys)
	var list *diag.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want a diagnostics error, got %v", err)
	}
	if len(files) != 0 {
		t.Errorf("a failed build handed %d files to the sink", len(files))
	}
	got := []string{}
	for _, d := range res.Diagnostics.Errors() {
		got = append(got, d.String())
	}
	want := []string{
		"content/a.md:3: error: front matter: did not find expected ',' or ']'",
		`content/b.md:2:7: error: front matter: tags must be a list of text, not "3"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// seeds is the folder of the documents milepost was created from; tests
// that use it skip when the clone has no ../shared.
const seeds = "../../../shared/seeds"

// TestSeeds builds the seed documents and checks the numbers the status
// model gives for them, the URL of a file name with a space, and the
// broken links of the pre-launch milestone.
func TestSeeds(t *testing.T) {
	if _, err := os.Stat(filepath.Join(seeds, "content")); err != nil {
		t.Skip("seed documents not present (../shared/seeds/content); skipping")
	}
	res, files, err := build(t, os.DirFS(seeds))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["tasks/phase-4/index.html"]; !ok {
		t.Error("tasks/phase 4.md did not become tasks/phase-4/index.html")
	}
	var st struct {
		Counts struct{ Done, Active, Open, Total int }
		Pages  []struct {
			Path   string
			Kind   string
			Counts struct {
				Done, Total int
				Percent     *int
			}
			Links []struct {
				Target string
				Line   int
				Broken bool
			}
			Warnings []struct {
				Kind string
				Line int
			}
		}
	}
	if err := json.Unmarshal(files["status.json"], &st); err != nil {
		t.Fatal(err)
	}
	if st.Counts.Done != 153 || st.Counts.Active != 1 || st.Counts.Open != 229 || st.Counts.Total != 383 {
		t.Errorf("site counts = %+v, want 153 done, 1 active, 229 open of 383", st.Counts)
	}
	want := map[string]struct {
		kind        string
		done, total int
	}{
		"milestones/pre-launch.md": {"milestone", 34, 40},
		"prd/alpha-go-live.md":     {"milestone", 80, 262},
		"runbooks/rfc-app.md":      {"runbook", 0, 0},
		"tasks/phase 4.md":         {"milestone", 0, 32},
		"trackers/status.md":       {"tracker", 39, 49},
	}
	for _, p := range st.Pages {
		w, ok := want[p.Path]
		if !ok {
			t.Errorf("unexpected page %s", p.Path)
			continue
		}
		if p.Kind != w.kind || p.Counts.Done != w.done || p.Counts.Total != w.total {
			t.Errorf("%s: %s %d/%d, want %s %d/%d", p.Path, p.Kind, p.Counts.Done, p.Counts.Total, w.kind, w.done, w.total)
		}
		switch p.Path {
		case "milestones/pre-launch.md":
			broken := 0
			for _, l := range p.Links {
				if l.Broken {
					broken++
				}
			}
			if len(p.Links) != 15 || broken != 15 || p.Links[0].Line != 15 || p.Links[0].Target != "Tasks/MCP_Wiki_Routing" {
				t.Errorf("pre-launch links: %d, %d broken, first %+v; want 15 broken, the first Tasks/MCP_Wiki_Routing at line 15", len(p.Links), broken, p.Links[0])
			}
		case "prd/alpha-go-live.md":
			var drift []int
			for _, w := range p.Warnings {
				if w.Kind == "drift" {
					drift = append(drift, w.Line)
				}
			}
			if len(drift) != 2 || drift[0] != 113 || drift[1] != 458 {
				t.Errorf("PRD drift warnings at lines %v, want [113 458]", drift)
			}
		}
	}
	brokenDiags := 0
	for _, d := range res.Diagnostics {
		if d.Kind == diag.KindBrokenLink && d.File == "content/milestones/pre-launch.md" {
			brokenDiags++
		}
	}
	if brokenDiags != 15 {
		t.Errorf("%d broken-link warnings for pre-launch.md, want 15", brokenDiags)
	}
	if !bytes.Contains(files["milestones/pre-launch/badge.svg"], []byte(">85%<")) {
		t.Error("milestones/pre-launch/badge.svg does not read 85%")
	}
}

// indentJSON pretty-prints JSON so golden files read well and diff by line.
func indentJSON(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, data, "", "  "); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// TestInternalLinksReachFiles checks, with directory links and with
// file_links, that every internal href and src of every page names a file
// the build wrote (with file_links, without a server's index.html lookup,
// so the site works opened from disk).
func TestInternalLinksReachFiles(t *testing.T) {
	for _, fileLinks := range []bool{false, true} {
		a := sitetest.Load(t, "testdata/sites/links.txtar")
		fsys := a.FS()
		fsys["milepost.yaml"].Data = []byte(fmt.Sprintf("title: Links fixture\nfile_links: %v\n", fileLinks))
		_, files, err := build(t, fsys)
		if err != nil {
			t.Fatal(err)
		}
		hrefRE := regexp.MustCompile(`(?:href|src)="([^"#]+)`)
		for name, data := range files {
			if !strings.HasSuffix(name, ".html") || name == "404.html" {
				continue
			}
			for _, m := range hrefRE.FindAllSubmatch(data, -1) {
				ref := string(m[1])
				if strings.Contains(ref, "://") || strings.HasPrefix(ref, "mailto:") {
					continue
				}
				target := path.Join(path.Dir(name), ref)
				if unescaped, err := url.PathUnescape(target); err == nil {
					target = unescaped
				}
				if strings.HasSuffix(ref, "/") || ref == "." || ref == "./" {
					if fileLinks {
						t.Errorf("file_links: %s links to the folder %s, not a file", name, ref)
						continue
					}
					target = path.Join(target, "index.html")
				}
				if _, ok := files[target]; !ok {
					t.Errorf("file_links=%v: %s links to %s, which the build did not write", fileLinks, name, ref)
				}
			}
		}
	}
}
