package site_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/content"
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
