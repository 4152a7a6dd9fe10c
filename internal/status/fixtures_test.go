package status

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/sitetest"
)

// caseOptions reads the options file of a case: "key: value" lines.
func caseOptions(s string) map[string]string {
	opts := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			opts[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return opts
}

// dump writes a page's status as the text the fixtures hold.
func dump(p *Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "page %s\n", countsText(p.Counts))
	var secs func(ss []*Section)
	secs = func(ss []*Section) {
		for _, s := range ss {
			fmt.Fprintf(&b, "%s %s %q line %d: %s\n", strings.Repeat("#", s.Level), s.ID, s.Title, s.Line, countsText(s.Counts))
			if a := sectionAttrsText(s); a != "" {
				fmt.Fprintf(&b, "  %s\n", a)
			}
			secs(s.Sections)
		}
	}
	secs(p.Sections)
	for _, it := range p.Items {
		sec := it.Section
		if sec == "" {
			sec = "-"
		}
		fmt.Fprintf(&b, "item line %d %s %s @%s %q", it.Line, it.Source, it.State, sec, it.Text)
		if it.Date != "" {
			fmt.Fprintf(&b, " date %s", it.Date)
		}
		b.WriteString(itemAttrsText(it))
		b.WriteByte('\n')
	}
	for _, e := range p.Legend {
		state := e.State
		if state == "" {
			state = "no state"
		}
		fmt.Fprintf(&b, "legend line %d %q = %q: %s\n", e.Line, e.Marker, e.Label, state)
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "warning line %d %s @%s: %s\n", w.Line, w.Kind, w.Section, w.Message)
	}
	return b.String()
}

func countsText(c Counts) string {
	if c == (Counts{}) {
		return "no items"
	}
	return fmt.Sprintf("%d/%d done, %d active, %d blocked, %d open, %d dropped", c.Done, c.Total(), c.Active, c.Blocked, c.Open, c.Dropped)
}

// runCase computes the page of one fixture.
func runCase(t testing.TB, a *sitetest.Archive) *Page {
	t.Helper()
	data, ok := a.Get("page.md")
	if !ok {
		t.Fatal("no page.md in case")
	}
	options, _ := a.Get("options")
	opts := caseOptions(string(options))
	page := string(data)
	if opts["crlf"] == "true" {
		page = strings.ReplaceAll(page, "\n", "\r\n")
	}
	src := []byte(page)
	v := marker.Default()
	doc := markdown.New(markdown.Options{Vocabulary: v}).Parse(src)
	first := 1
	if f := opts["first_line"]; f != "" {
		fmt.Sscan(f, &first)
	}
	var ignore []string
	for _, n := range strings.Split(opts["heading_items_ignore"], ",") {
		if n = strings.TrimSpace(n); n != "" {
			ignore = append(ignore, n)
		}
	}
	return Compute(doc, src, Options{Vocabulary: v, HeadingItems: opts["heading_items"], HeadingItemsIgnore: ignore, Matrices: opts["matrices"], PageDate: opts["page_date"], PageDay: opts["page_date"] != "", Lines: markdown.NewLineIndex(src, first)})
}

// TestCases runs every fixture in testdata/cases: each holds a page.md,
// optional options, and the want dump. go test -update rewrites the wants
// (review the diff before committing it).
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a := sitetest.Load(t, file)
			p := runCase(t, a)
			checkInvariants(t, p)
			got := dump(p)
			if *sitetest.Update {
				a.Set("want", []byte(got))
				if err := os.WriteFile(file, a.Format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := a.Get("want"); got != string(want) {
				t.Errorf("status of %s:\n--- got\n%s--- want\n%s", file, got, want)
			}
		})
	}
}

// fixturePages returns the page.md of every fixture, for fuzz seeds and
// benchmarks.
func fixturePages(t testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/cases/*.txtar")
	var out [][]byte
	for _, f := range files {
		page, _ := sitetest.Load(t, f).Get("page.md")
		out = append(out, page)
	}
	return out
}

// itemAttrsText writes an item's attributes, those it has, as
// " key value" pairs.
func itemAttrsText(item Item) string {
	var b strings.Builder
	it := item.Attributes()
	for _, kv := range [][2]string{{"due", it.Due}, {"start", it.Start}, {"scheduled", it.Scheduled}, {"created", it.Created},
		{"cancelled", it.Cancelled}, {"owner", it.Owner}, {"priority", it.Priority.String()}, {"id", it.ID}, {"depends", strings.Join(it.Depends, ",")}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " %s %s", kv[0], kv[1])
		}
	}
	if it.EstimateHours != 0 {
		fmt.Fprintf(&b, " estimate %gh", it.EstimateHours)
	}
	for _, f := range it.Fields {
		fmt.Fprintf(&b, " field %q=%q", f.Key, f.Value)
	}
	return b.String()
}

// sectionAttrsText writes a section's task id, declared state and field
// lines, those it has.
func sectionAttrsText(s *Section) string {
	var parts []string
	a := s.Attributes()
	for _, kv := range [][2]string{{"task", s.TaskID}, {"status", a.Status}, {"owner", a.Owner}, {"due", a.Due},
		{"start", a.Start}, {"risk", a.Risk}, {"priority", a.Priority.String()}, {"estimate", a.Estimate}, {"actual", a.Actual},
		{"depends", strings.Join(a.Depends, ",")}, {"depends-all", a.DependsAll}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	if a.NoDepends {
		parts = append(parts, "depends none")
	}
	for _, f := range a.Fields {
		parts = append(parts, fmt.Sprintf("field %q=%q", f.Key, f.Value))
	}
	return strings.Join(parts, "; ")
}
