package wikilink_test

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/mdtext"
	"github.com/milepost/milepost/internal/sitetest"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/wikilink"
)

// summary is what pass 1 keeps of a page once its AST is gone.
type summary struct {
	target wikilink.Target
	html   []byte
	links  []wikilink.Link
}

// pageURL is the directory-style URL of a content path.
func pageURL(p string) string {
	segs := strings.Split(strings.TrimSuffix(p, ".md"), "/")
	if last := segs[len(segs)-1]; last == "index" {
		segs = segs[:len(segs)-1]
	}
	if len(segs) == 0 {
		return ""
	}
	for i, s := range segs {
		segs[i] = slug.Make(s)
	}
	return strings.Join(segs, "/") + "/"
}

// pass1 parses and renders one page, keeping only its summary.
func pass1(t *testing.T, p *markdown.Parser, file string, src []byte) summary {
	body, first := splitFrontMatter(src)
	var aliases []string
	if first > 1 {
		for _, line := range strings.Split(string(src), "\n")[1 : first-2] {
			if v, ok := strings.CutPrefix(line, "aliases:"); ok {
				for _, a := range strings.Split(v, ",") {
					aliases = append(aliases, strings.TrimSpace(a))
				}
			}
		}
	}
	doc := p.Parse(body)
	tg := wikilink.Target{Path: file, URL: pageURL(file), Aliases: aliases, IsPage: true, BlockIDs: wikilink.BlockIDs(doc)}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			text := mdtext.Inline(h, body)
			gh, _ := h.AttributeString(markdown.AttrGitHubAnchor)
			ghs, _ := gh.([]byte)
			tg.Headings = append(tg.Headings, wikilink.Heading{ID: markdown.HeadingID(h), Text: text, Level: h.Level, GitHubAnchor: string(ghs)})
			if h.Level == 1 && tg.Title == "" {
				tg.Title = text
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	links := wikilink.Collect(doc, markdown.NewLineIndex(body, first))
	var html bytes.Buffer
	if err := p.Goldmark().Renderer().Render(&html, body, doc); err != nil {
		t.Fatal(err)
	}
	return summary{target: tg, html: html.Bytes(), links: links}
}

func TestVault(t *testing.T) {
	a := sitetest.Load(t, "testdata/vault.txtar")
	p := markdown.New(markdown.Options{Vocabulary: marker.Default()})
	var pages []summary
	var targets []wikilink.Target
	for _, f := range a.Files {
		if path.Ext(f.Name) != ".md" {
			targets = append(targets, wikilink.Target{Path: f.Name, URL: f.Name})
			continue
		}
		s := pass1(t, p, f.Name, f.Data)
		pages = append(pages, s)
		targets = append(targets, s.target)
	}

	ix := wikilink.NewIndex(targets)
	var out bytes.Buffer
	var diags diag.List
	backlinks := map[string][]string{}
	for _, pg := range pages {
		from := pg.target
		filled, _ := wikilink.Fill(pg.html, len(pg.links), func(i int, w *bytes.Buffer) {
			l := pg.links[i]
			res := ix.Resolve(from.Path, l)
			for _, pr := range res.Warnings {
				diags = append(diags, diag.Warnf(pr.Kind, "content/"+from.Path, l.Line, l.Col, "%s", pr.Message))
			}
			if !res.Broken && res.Path != from.Path {
				backlinks[res.Path] = append(backlinks[res.Path], from.Path+"#"+l.Section)
			}
			if !wikilink.WriteHTML(w, l, wikilink.Href(from.URL, false, res), res) {
				fmt.Fprintf(w, "<div class=\"card\">%s</div>", res.Path)
			}
		})
		fmt.Fprintf(&out, "== %s → /%s (%q)\n%s", from.Path, from.URL, from.Title, filled)
	}
	diags.Sort()
	out.WriteString("== warnings\n")
	for _, d := range diags {
		fmt.Fprintf(&out, "%s [%s]\n", d, d.Kind)
	}
	out.WriteString("== backlinks\n")
	var linked []string
	for p := range backlinks {
		linked = append(linked, p)
	}
	sort.Strings(linked)
	for _, p := range linked {
		fmt.Fprintf(&out, "%s ← %s\n", p, strings.Join(backlinks[p], ", "))
	}

	sitetest.Golden(t, "testdata/vault.golden", out.Bytes())
}
