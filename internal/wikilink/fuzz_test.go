package wikilink_test

import (
	"bytes"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/wikilink"
)

// FuzzParse checks, for any page: parsing and rendering do not panic; the
// rendered page holds exactly one placeholder per collected link, in
// order; filling the placeholders with themselves gives the page back;
// resolving never panics nor yields a URL with a scheme; and every label
// and title is escaped.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"See [[Tasks/MCP_Wiki_Routing]].",
		"[[a|b]] ![[c.png|300x200]] [[#h]] [[p#H1#H2]] [[p#^id]]",
		"| a | b |\n|---|---|\n| [[x\\|y]] | `[[z]]` |",
		"- [ ] item [[x]] ^blk\n\n^after",
		"[[a [[b]] [[]] [[|x]] [[x\n]] \\[[y]]",
		"[t [[x]]](u) <span>[[y]]</span> ![alt [[z]]](i.png)",
		`[[x"><script>|<b onclick=1>]]`,
		"![[only]]\n\n> ![[quoted]] ^q",
		"[[../../etc/passwd]] [[javascript:alert(1)]] [[/a/b.md]]",
		"<!--wikilink:0--> &lt;!--wikilink:0--&gt; `<!--wikilink:0-->`",
		"[[a\x00b|c\x00d]]",
	} {
		f.Add(s)
	}
	if src, err := os.ReadFile(filepath.Join(seeds, "milestones/pre-launch.md")); err == nil {
		f.Add(string(src))
	}
	p := markdown.New(markdown.Options{Vocabulary: marker.Default()})
	md := p.Goldmark()
	ix := wikilink.NewIndex(vault())
	f.Fuzz(func(t *testing.T, src string) {
		doc := p.Parse([]byte(src))
		links := wikilink.Collect(doc, markdown.NewLineIndex([]byte(src), 1))
		var out bytes.Buffer
		if err := md.Renderer().Render(&out, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		page := out.Bytes()
		last := -1
		for i := range links {
			ph := wikilink.Placeholder(i)
			if n := bytes.Count(page, []byte(ph)); n != 1 {
				t.Fatalf("placeholder %d appears %d times in\n%s", i, n, page)
			}
			at := bytes.Index(page, []byte(ph))
			if at < last {
				t.Fatalf("placeholder %d out of order", i)
			}
			last = at
		}
		if bytes.Contains(page, []byte(wikilink.Placeholder(len(links)))) {
			t.Fatalf("a placeholder beyond the %d links", len(links))
		}
		same, _ := wikilink.Fill(page, len(links), func(i int, w *bytes.Buffer) {
			w.WriteString(wikilink.Placeholder(i))
		})
		if !bytes.Equal(same, page) {
			t.Fatalf("Fill with the placeholders changed the page")
		}
		filled, _ := wikilink.Fill(page, len(links), func(i int, w *bytes.Buffer) {
			res := ix.Resolve("milestones/pre-launch.md", links[i])
			href := wikilink.Href("milestones/pre-launch/", false, res)
			if href != "" {
				if u, err := url.Parse(href); err != nil || u.Scheme != "" {
					t.Fatalf("href %q for %+v", href, links[i])
				}
			}
			var b bytes.Buffer
			if !wikilink.WriteHTML(&b, links[i], href, res) {
				return
			}
			checkEscaped(t, b.String(), links[i])
			w.Write(b.Bytes())
		})
		if bytes.Contains(filled, []byte("<!--wikilink:")) {
			t.Fatalf("placeholder left after Fill:\n%s", filled)
		}
	})
}

// checkEscaped verifies that the markup written for l shows its label and
// target as text: the only tags are the one element written, and its text
// unescapes to the label.
func checkEscaped(t *testing.T, markup string, l wikilink.Link) {
	t.Helper()
	if strings.IndexByte(markup, 0) >= 0 {
		t.Fatalf("NUL in the markup for %+v", l)
	}
	if strings.Count(markup, "<") > 2 || strings.Count(markup, ">") > 2 {
		t.Fatalf("unescaped markup for %+v: %s", l, markup)
	}
	if strings.HasPrefix(markup, "<img") {
		return
	}
	label := l.Text
	if i := strings.IndexByte(markup, '>'); i >= 0 && !l.InLink {
		markup = markup[i+1:]
		markup = markup[:strings.LastIndexByte(markup, '<')]
	}
	if html.UnescapeString(markup) != label {
		t.Fatalf("label %q written as %q", label, markup)
	}
}

// FuzzResolve checks that any target, fragment and linking page resolve
// without panicking, only ever to a target of the index and with its URL,
// and that the href is relative: no scheme, no host.
func FuzzResolve(f *testing.F) {
	for _, s := range [][3]string{
		{"milestones/pre-launch.md", "todo", ""},
		{"index.md", "../../etc/passwd", ""},
		{"a/b/c.md", "/../x", "h"},
		{"index.md", "javascript:alert(1).png", ""},
		{"index.md", "pre-launch", "Phase 1#Risks"},
		{"index.md", "pre-launch", "^decision-1"},
		{"index.md", "//evil.example/x", ""},
		{"", "", "Open"},
		{"x/y.md", "./../.././a", ""},
	} {
		f.Add(s[0], s[1], s[2])
	}
	ix := wikilink.NewIndex(vault())
	f.Fuzz(func(t *testing.T, from, target, fragment string) {
		res := ix.Resolve(from, wikilink.Link{Target: target, Fragment: fragment})
		if res.Broken {
			if res.Path != "" || res.URL != "" || len(res.Warnings) == 0 {
				t.Fatalf("broken but %+v", res)
			}
			return
		}
		tg, ok := ix.Target(res.Path)
		if !ok || tg.URL != res.URL {
			t.Fatalf("resolved to %q (%q), not a target of the index", res.Path, res.URL)
		}
		for _, fromURL := range []string{"", "a/", from} {
			href := wikilink.Href(fromURL, fromURL == "a/", res)
			u, err := url.Parse(href)
			if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(href, "//") {
				t.Fatalf("href %q from %q for %+v", href, fromURL, res)
			}
		}
	})
}
