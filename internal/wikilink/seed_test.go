package wikilink_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/wikilink"
)

const seeds = "../../../shared/seeds/content"

// splitFrontMatter returns the body of a page and the file line it starts
// on, skipping a leading "---" block.
func splitFrontMatter(src []byte) ([]byte, int) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src, 1
	}
	line, rest := 2, src[4:]
	for len(rest) > 0 {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			break
		}
		if string(bytes.TrimRight(rest[:nl], " \r")) == "---" {
			return rest[nl+1:], line + 1
		}
		rest, line = rest[nl+1:], line+1
	}
	return src, 1
}

// The 15 wiki-links of the pre-launch milestone point at 13 pages, none of
// them among the seeds, so all are broken, each reported at its line.
func TestSeedPreLaunch(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(seeds, "milestones/pre-launch.md"))
	if os.IsNotExist(err) {
		t.Skip("seeds not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	body, first := splitFrontMatter(src)
	doc := markdown.New(markdown.Options{Vocabulary: marker.Default()}).Parse(body)
	links := wikilink.Collect(doc, markdown.NewLineIndex(body, first))

	var lines []int
	distinct := map[string]bool{}
	for _, l := range links {
		lines = append(lines, l.Line)
		distinct[l.Target] = true
	}
	wantLines := []int{15, 18, 18, 78, 87, 93, 120, 123, 126, 132, 140, 140, 143, 149, 178}
	if fmt.Sprint(lines) != fmt.Sprint(wantLines) || len(distinct) != 13 {
		t.Fatalf("got %d links on lines %v with %d targets", len(links), lines, len(distinct))
	}
	if links[0].Target != "Tasks/MCP_Wiki_Routing" || links[0].Col != 25 || !strings.HasPrefix(links[0].Section, "mcp-wiki-routing-bug") {
		t.Errorf("first link: %+v", links[0])
	}

	var targets []wikilink.Target
	for _, p := range []string{"milestones/pre-launch.md", "prd/alpha-go-live.md", "runbooks/rfc-app.md", "tasks/phase 4.md", "trackers/status.md"} {
		targets = append(targets, wikilink.Target{Path: p, URL: p[:len(p)-3] + "/", IsPage: true})
	}
	ix := wikilink.NewIndex(targets)
	for _, l := range links {
		res := ix.Resolve("milestones/pre-launch.md", l)
		if !res.Broken || len(res.Warnings) != 1 || res.Warnings[0].Kind != diag.KindBrokenLink {
			t.Errorf("line %d %s: %+v", l.Line, l.Target, res)
		}
	}
}
