package githistory

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/sitetest"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

// statusItems is the status model, as the build runs it on a page body.
func statusItems() func(path string) history.ItemsFunc {
	vocab := marker.Default()
	return summary.HistoryItems(markdown.New(markdown.Options{Vocabulary: vocab}), status.Options{Vocabulary: vocab})
}

// pages lists the markdown files under dir, slash-separated.
func pages(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// describe writes what history made of a site, for the golden "want".
func describe(site *Site, paths []string, now time.Time, weeks int) string {
	var b strings.Builder
	if site.Off != "" {
		fmt.Fprintf(&b, "off: %s\n", site.Off)
	}
	fmt.Fprintf(&b, "commits: %d\nshallow: %v\n", site.Commits, site.Shallow)
	var all []history.Progress
	var series [][]history.Point
	var events []history.PageEvents
	for _, p := range paths {
		f := site.Files[p]
		if f == nil {
			continue
		}
		fmt.Fprintf(&b, "\n== %s\nitems:\n", p)
		for _, it := range f.Items {
			switch {
			case it.FirstSeen == "":
				fmt.Fprintf(&b, "  %-7s %q first before history", it.State, it.Text)
			case it.FirstSeenCommit == "":
				fmt.Fprintf(&b, "  %-7s %q first %s (uncommitted)", it.State, it.Text, it.FirstSeen)
			default:
				fmt.Fprintf(&b, "  %-7s %q first %s", it.State, it.Text, it.FirstSeen)
			}
			if it.Done != "" {
				fmt.Fprintf(&b, ", done %s (%s", it.Done, it.DoneSource)
				if it.DoneSource == history.FromGit && it.DoneCommit == "" {
					b.WriteString(", uncommitted")
				}
				b.WriteString(")")
			}
			b.WriteString("\n")
		}
		b.WriteString("series:" + points(f.Series) + "\n")
		b.WriteString("events:\n")
		for _, e := range f.Events {
			fmt.Fprintf(&b, "  %s %-8s %q\n", history.Day(e.Time), e.Kind, e.Text)
		}
		b.WriteString(outlook(history.Look(f.Progress(), now, weeks)))
		all = append(all, f.Progress())
		series = append(series, f.Series)
		events = append(events, history.PageEvents{Page: p, Events: f.Events})
	}
	var site1 history.Progress
	for _, p := range all {
		site1 = site1.Add(p)
	}
	b.WriteString("\n== site\nseries:" + points(history.Sum(series...)) + "\n")
	b.WriteString(outlook(history.Look(site1, now, weeks)))
	b.WriteString("\n== weeks\n")
	for _, w := range history.Weekly(events) {
		fmt.Fprintf(&b, "%s: %d done, %d added, %d reopened, %d dropped\n", w.Start, w.Done, w.Added, w.Reopened, w.Dropped)
		for _, pc := range w.Pages {
			fmt.Fprintf(&b, "  %s:", pc.Page)
			for _, k := range []struct {
				name  string
				texts []string
			}{{"done", pc.Done}, {"added", pc.Added}, {"reopened", pc.Reopened}, {"dropped", pc.Dropped}} {
				if len(k.texts) > 0 {
					fmt.Fprintf(&b, " %s %q;", k.name, k.texts)
				}
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func points(ps []history.Point) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, " %s %d/%d", p.Date, p.Done, p.Total)
	}
	return b.String()
}

func outlook(o history.Outlook) string {
	s := fmt.Sprintf("outlook: %d done in %s..%s (%d days), %.2f a week", o.DoneInWindow, o.From, o.To, o.Days, o.Velocity)
	if o.Forecast != nil {
		return s + fmt.Sprintf("; forecast %s (%s to %s)\n", o.Forecast.Date, o.Forecast.Earliest, o.Forecast.Latest)
	}
	return s + "; " + o.Reason + "\n"
}

// TestCases builds the repository each testdata/*.txtar describes, reads
// its history and compares what it gives with the archive's "want"
// (go test -update rewrites it).
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a := sitetest.Load(t, file)
			dir, now, weeks := sitetest.GitRepo(t, a)
			paths := pages(t, dir)
			site := Read(context.Background(), dir, paths, statusItems(), Options{Now: now})
			got := describe(site, paths, now, weeks)
			if *sitetest.Update {
				a.Set("want", []byte(got))
				if err := os.WriteFile(file, a.Format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := a.Get("want")
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestOutsideGit: a folder outside any work tree, or no git to run, turns
// history off with a reason; nothing fails.
func TestOutsideGit(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("- [x] one\n- [ ] two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	site := Read(context.Background(), dir, []string{"a.md"}, statusItems(), Options{Now: now})
	if !strings.Contains(site.Off, "not in a git work tree") || len(site.Files) != 0 {
		t.Errorf("outside a work tree: off %q, %d files", site.Off, len(site.Files))
	}

	// A work tree, but no git on PATH.
	sitetest.Git(t, dir, "init", "-q")
	t.Setenv("PATH", "")
	site = Read(context.Background(), dir, []string{"a.md"}, statusItems(), Options{Now: now})
	if site.Off == "" || len(site.Files) != 0 {
		t.Errorf("without git: off %q, %d files", site.Off, len(site.Files))
	}
}
