package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/rawfile"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// onDisk is the input of a site on disk at dir, its content folder opened
// where it is, as the command line opens it: history can be read.
func onDisk(dir string) site.Input {
	in := input(rawfile.DirFS(dir))
	in.OpenContent = func(d string) (content.Folder, error) {
		osDir := filepath.Join(dir, filepath.FromSlash(d))
		return content.Folder{FS: rawfile.DirFS(osDir), Rel: d, Dir: osDir}, nil
	}
	return in
}

// TestHistoryBuilds builds the sites of testdata/history from git
// repositories and pins what they say of history (see its README).
func TestHistoryBuilds(t *testing.T) {
	archives, _ := filepath.Glob("testdata/history/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			a := sitetest.Load(t, path)
			dir, now, _ := sitetest.GitRepo(t, a)
			flags := ""
			for _, line := range strings.Split(a.Comment, "\n") {
				if v, ok := strings.CutPrefix(line, "flags:"); ok {
					flags = strings.TrimSpace(v)
				}
			}
			if flags == "outside" {
				out := t.TempDir()
				if err := os.CopyFS(out, os.DirFS(filepath.Join(dir, "content"))); err != nil {
					t.Fatal(err)
				}
				dir = out
			}
			in := onDisk(dir)
			if flags == "outside" {
				in.ContentDir = "."
			}
			in.Now, in.NoHistory = now, flags == "no-history"
			mem := publish.NewMemory(false)
			res, err := site.Build(context.Background(), in, mem)
			if err != nil {
				t.Fatalf("build: %v\n%v", err, res.Diagnostics)
			}
			sitetest.Golden(t, filepath.Join("testdata", "history", "golden", name+".txt"), []byte(historyReport(t, res, mem.Files())))
		})
	}
}

var captionRE = regexp.MustCompile(`<figcaption>([^<]*)</figcaption>`)

// historyReport is what a build says of history: what it reported, and
// per page the history fields of its status.json, its health and its
// burn-up's caption.
func historyReport(t *testing.T, res *site.Result, files map[string][]byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "build says: %q\n", res.History)
	var names []string
	for name := range files {
		if strings.HasSuffix(name, "/status.json") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		var page struct {
			Updated *string `json:"updated"`
			Items   []struct {
				Text       string  `json:"text"`
				Date       *string `json:"date"`
				DateSource string  `json:"date_source"`
				DateCommit string  `json:"date_commit"`
				FirstSeen  string  `json:"first_seen"`
			} `json:"items"`
			Series       json.RawMessage `json:"series"`
			Velocity     *float64        `json:"velocity"`
			Forecast     json.RawMessage `json:"forecast"`
			ForecastNote string          `json:"forecast_note"`
			Health       json.RawMessage `json:"health"`
		}
		if err := json.Unmarshal(files[name], &page); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fmt.Fprintf(&b, "\n%s\n", name)
		if page.Updated != nil {
			fmt.Fprintf(&b, "  updated %s\n", *page.Updated)
		}
		for _, it := range page.Items {
			date := "-"
			if it.Date != nil {
				date = *it.Date
			}
			commit := ""
			if it.DateCommit != "" {
				commit = " (a commit)"
			}
			fmt.Fprintf(&b, "  %-20s done %s %s%s, first seen %s\n", it.Text, date, it.DateSource, commit, it.FirstSeen)
		}
		fmt.Fprintf(&b, "  series %s\n", page.Series)
		if page.Velocity != nil {
			fmt.Fprintf(&b, "  velocity %v\n", *page.Velocity)
		}
		fmt.Fprintf(&b, "  forecast %s %s\n", page.Forecast, page.ForecastNote)
		fmt.Fprintf(&b, "  health %s\n", page.Health)
		html := files[strings.TrimSuffix(name, "status.json")+"index.html"]
		if m := captionRE.FindSubmatch(html); m != nil {
			fmt.Fprintf(&b, "  burn-up: %s\n", m[1])
		}
	}
	return b.String()
}

// TestHistoryCacheGivesTheSameSite builds each site of testdata/history
// (their flags aside: each is read with history), commits one more change
// to it, and builds it again with what the first
// build's history read left (through its file, as the build cache keeps
// it), one-off and with a Builder: the site is byte for byte the one a
// build without that cache makes.
func TestHistoryCacheGivesTheSameSite(t *testing.T) {
	archives, _ := filepath.Glob("testdata/history/*.txtar")
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			a := sitetest.Load(t, path)
			dir, now, _ := sitetest.GitRepo(t, a)
			ctx := context.Background()
			in := onDisk(dir)
			in.Now = now
			first := publish.NewMemory(false)
			res, err := site.Build(ctx, in, first)
			if err != nil {
				t.Fatal(err)
			}
			b := site.NewBuilder(withMode(in, site.Again))
			if _, _, err := b.BuildFiles(ctx, nil); err != nil {
				t.Fatal(err)
			}
			if res.HistoryCache() == nil {
				t.Fatal("no history cache after a build with history")
			}
			var file bytes.Buffer
			if err := githistory.WriteCache(&file, res.HistoryCache()); err != nil {
				t.Fatal(err)
			}

			commitOneMore(t, dir, now.Add(-time.Hour))

			cached := in
			if cached.HistoryCache, err = githistory.ReadCache(file.Bytes()); err != nil {
				t.Fatal(err)
			}
			got, want := publish.NewMemory(false), publish.NewMemory(false)
			if _, err := site.Build(ctx, cached, got); err != nil {
				t.Fatal(err)
			}
			if _, err := site.Build(ctx, in, want); err != nil {
				t.Fatal(err)
			}
			if diff := diffFiles(want.Files(), got.Files()); diff != "" {
				t.Errorf("one-off build with the cache differs from a build without it:\n%s", diff)
			}
			if bytes.Equal(got.Files()["status.json"], first.Files()["status.json"]) {
				t.Error("the commit changed nothing the site shows: the test proves nothing")
			}

			again, _, err := b.BuildFiles(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			fresh, _, err := site.NewBuilder(withMode(in, site.Again)).BuildFiles(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := diffFiles(fresh, again); diff != "" {
				t.Errorf("the Builder's build after the commit differs from a build without the cache:\n%s", diff)
			}
		})
	}
}

func withMode(in site.Input, m site.Mode) site.Input {
	in.Mode = m
	return in
}

// commitOneMore ticks the first open box of the first page under content/
// (or adds a done item to it) and commits that page alone, authored at.
func commitOneMore(t *testing.T, dir string, at time.Time) {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	if len(pages) == 0 {
		t.Fatal("no page to change")
	}
	data, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("- [ ] ")) {
		data = bytes.Replace(data, []byte("- [ ] "), []byte("- [x] "), 1)
	} else {
		data = append(data, "\n- [x] One more thing\n"...)
	}
	if err := os.WriteFile(pages[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, pages[0])
	sitetest.Git(t, dir, "commit", "-q", "--date", at.UTC().Format(time.RFC3339), "-m", "one more", "--", filepath.ToSlash(rel))
}
