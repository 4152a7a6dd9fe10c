package wikilink_test

import (
	"fmt"
	"testing"

	"github.com/milepost/milepost/internal/wikilink"
)

// benchSite returns nPages pages spread over folders, with titles,
// aliases and headings, and nLinks links written in every supported form
// (root paths, relative paths, bare names, titles, headings, block refs,
// and broken ones), each with the page it is written in.
func benchSite(nPages, nLinks int) ([]wikilink.Target, []string, []wikilink.Link) {
	targets := make([]wikilink.Target, nPages)
	for i := range targets {
		dir := fmt.Sprintf("area-%d/team_%d", i%17, i%101)
		name := fmt.Sprintf("Page_%d", i)
		hs := make([]wikilink.Heading, 20)
		for j := range hs {
			hs[j] = wikilink.Heading{ID: fmt.Sprintf("section-%d", j), Text: fmt.Sprintf("Section %d", j), Level: 2 + j%2}
		}
		targets[i] = wikilink.Target{
			Path:     dir + "/" + name + ".md",
			URL:      fmt.Sprintf("area-%d/team-%d/page-%d/", i%17, i%101, i),
			Title:    fmt.Sprintf("Page number %d", i),
			Aliases:  []string{fmt.Sprintf("P%d", i)},
			Headings: hs,
			BlockIDs: []string{"decision"},
			IsPage:   true,
		}
	}
	from := make([]string, nLinks)
	links := make([]wikilink.Link, nLinks)
	for k := range links {
		i := (k * 7919) % nPages
		t := targets[i]
		from[k] = targets[(k*31)%nPages].Path
		switch k % 8 {
		case 0:
			links[k] = wikilink.Link{Target: t.Path}
		case 1:
			links[k] = wikilink.Link{Target: fmt.Sprintf("page %d", i)}
		case 2:
			links[k] = wikilink.Link{Target: fmt.Sprintf("/AREA-%d/team-%d/page_%d", i%17, i%101, i)}
		case 3:
			links[k] = wikilink.Link{Target: t.Title}
		case 4:
			links[k] = wikilink.Link{Target: fmt.Sprintf("P%d", i), Fragment: "Section 17"}
		case 5:
			links[k] = wikilink.Link{Target: fmt.Sprintf("Page_%d", i), Fragment: "Section 2#Section 3"}
		case 6:
			links[k] = wikilink.Link{Target: fmt.Sprintf("Page_%d", i), Fragment: "^decision"}
		case 7:
			links[k] = wikilink.Link{Target: fmt.Sprintf("Missing/Page_%d", i)}
		}
	}
	return targets, from, links
}

// BenchmarkResolve resolves 100k links over 10k pages per iteration.
func BenchmarkResolve(b *testing.B) {
	targets, from, links := benchSite(10_000, 100_000)
	ix := wikilink.NewIndex(targets)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		broken := 0
		for k, l := range links {
			if ix.Resolve(from[k], l).Broken {
				broken++
			}
		}
		if broken != len(links)/8 {
			b.Fatalf("%d broken links, want %d", broken, len(links)/8)
		}
	}
}

// BenchmarkNewIndex indexes 10k pages per iteration.
func BenchmarkNewIndex(b *testing.B) {
	targets, _, _ := benchSite(10_000, 0)
	b.ReportAllocs()
	for b.Loop() {
		wikilink.NewIndex(targets)
	}
}

// TestResolveAtScale checks that the benchmark's links resolve where they
// should, so the benchmark measures real work.
func TestResolveAtScale(t *testing.T) {
	targets, from, links := benchSite(1000, 4000)
	ix := wikilink.NewIndex(targets)
	for k, l := range links {
		res := ix.Resolve(from[k], l)
		want := targets[(k*7919)%1000]
		if k%8 == 7 {
			if !res.Broken {
				t.Fatalf("link %d %+v resolved to %s", k, l, res.Path)
			}
			continue
		}
		if res.Path != want.Path || len(res.Warnings) != 0 {
			t.Fatalf("link %d %+v: got %+v, want %s", k, l, res, want.Path)
		}
		if l.Fragment != "" && res.Anchor == "" {
			t.Fatalf("link %d %+v: no anchor", k, l)
		}
	}
}

// An Index serves many goroutines at once (run with -race).
func TestResolveConcurrent(t *testing.T) {
	targets, from, links := benchSite(500, 2000)
	ix := wikilink.NewIndex(targets)
	want := make([]wikilink.Resolution, len(links))
	for k, l := range links {
		want[k] = ix.Resolve(from[k], l)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for k, l := range links {
				got := ix.Resolve(from[k], l)
				ok = ok && got.Path == want[k].Path && got.Anchor == want[k].Anchor
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent resolution differs")
		}
	}
}
