package wikilink_test

import (
	"bytes"
	"fmt"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/wikilink"
)

// The two passes of a build, for one page.
func Example() {
	p := markdown.New(markdown.Options{Vocabulary: marker.Default()})
	src := []byte("# Plan\n\nSee [[Tasks/Phase_4#Risks|the risks]] and [[Nowhere]].\n")

	// Pass 1: parse, collect the links, render with placeholders, drop the AST.
	doc := p.Parse(src)
	links := wikilink.Collect(doc, markdown.NewLineIndex(src, 1))
	var body bytes.Buffer
	_ = p.Goldmark().Renderer().Render(&body, src, doc)

	// Pass 2: every page is known; resolve and fill.
	ix := wikilink.NewIndex([]wikilink.Target{
		{Path: "plan.md", URL: "plan/", Title: "Plan", IsPage: true},
		{Path: "tasks/phase 4.md", URL: "tasks/phase-4/", Title: "Phase 4", IsPage: true,
			Headings: []wikilink.Heading{{ID: "risks", Text: "Risks", Level: 2}}},
	})
	page, _ := wikilink.Fill(body.Bytes(), len(links), func(i int, w *bytes.Buffer) {
		res := ix.Resolve("plan.md", links[i])
		for _, pr := range res.Warnings {
			fmt.Printf("plan.md:%d:%d: %s\n", links[i].Line, links[i].Col, pr.Message)
		}
		if !wikilink.WriteHTML(w, links[i], wikilink.Href("plan/", false, res), res) {
			w.WriteString("(a status card)")
		}
	})
	fmt.Print(string(page))
	// Output:
	// plan.md:3:43: broken link 'Nowhere': no page or file of that name
	// <h1 id="plan">Plan</h1>
	// <p>See <a class="wikilink" href="../tasks/phase-4/#risks">the risks</a> and <span class="wikilink broken" title="broken link: Nowhere">Nowhere</span>.</p>
}
