package wikilink_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/wikilink"
)

// build renders src as the page at from, resolves its links against the
// vault and fills the placeholders the way the build does.
func build(t *testing.T, from, src string) string {
	t.Helper()
	md := newMarkdown()
	ix := wikilink.NewIndex(vault())
	doc := parse(t, md, src)
	links := wikilink.Collect(doc, nil)
	body := render(t, md, src, doc)
	self, _ := ix.Target(from)
	out, _ := wikilink.Fill([]byte(body), len(links), func(i int, w *bytes.Buffer) {
		res := ix.Resolve(from, links[i])
		if !wikilink.WriteHTML(w, links[i], wikilink.Href(self.URL, false, res), res) {
			w.WriteString(`<div class="card">` + res.Path + `</div>`)
		}
	})
	return string(out)
}

func TestRenderFilled(t *testing.T) {
	const pre = "milestones/pre-launch.md"
	tests := []struct{ from, src, want string }{
		{pre, "See [[tasks/phase 4]].",
			`<p>See <a class="wikilink" href="../../tasks/phase-4/">phase 4</a>.</p>`},
		{pre, "[[Tasks/MCP_Wiki_Routing|the routing fix]]",
			`<p><a class="wikilink" href="../../tasks/mcp-wiki-routing/">the routing fix</a></p>`},
		{pre, "[[#Open]]",
			`<p><a class="wikilink" href="../../milestones/pre-launch/#open">Open</a></p>`},
		{pre, "[[pre-launch]]",
			`<p><a class="wikilink" href="../../milestones/pre-launch/">pre-launch</a></p>`},
		{"index.md", "[[pre-launch#^decision-1|the decision]]",
			`<p><a class="wikilink" href="milestones/pre-launch/#%5Edecision-1">the decision</a></p>`},
		{"index.md", "[[pre-launch#Phase 1#Risks]]",
			`<p><a class="wikilink" href="milestones/pre-launch/#risks-1">pre-launch &gt; Phase 1 &gt; Risks</a></p>`},
		{"index.md", "[[Tasks/Nope]]",
			`<p><span class="wikilink broken" title="broken link: Tasks/Nope">Nope</span></p>`},
		{"index.md", `[[x"><script>alert(1)</script>|<img src=x onerror=alert(1)>]]`,
			`<p><span class="wikilink broken" title="broken link: x&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&lt;img src=x onerror=alert(1)&gt;</span></p>`},
		{"index.md", "[[javascript:alert(1)]]",
			`<p><span class="wikilink broken" title="broken link: javascript:alert(1)">javascript:alert(1)</span></p>`},
		{"index.md", "[[javascript:alert(1).png]]",
			`<p><a class="wikilink" href="img/javascript:alert%281%29.png">javascript:alert(1).png</a></p>`},
		{"index.md", "![[diagram.png]]",
			`<img class="wikilink-embed" src="img/diagram.png" alt="diagram.png">`},
		{pre, "![[diagram.png|300x200]]",
			`<img class="wikilink-embed" src="../../img/diagram.png" alt="diagram.png" width="300" height="200">`},
		{pre, "Inline ![[diagram.png|a diagram]] here.",
			`<p>Inline <img class="wikilink-embed" src="../../img/diagram.png" alt="a diagram"> here.</p>`},
		{"index.md", "![[spec.pdf#page=3]]",
			`<img class="wikilink-embed" src="files/spec.pdf#page=3" alt="spec.pdf &gt; page=3">`},
		{"index.md", "![[Tasks/Nope]]",
			`<span class="wikilink broken" title="broken link: Tasks/Nope">Nope</span>`},
		{"index.md", "![[pre-launch]]",
			`<div class="card">milestones/pre-launch.md</div>`},
		{"index.md", "[see [[pre-launch]] here](https://example.com)",
			`<p><a href="https://example.com">see pre-launch here</a></p>`},
		{"index.md", "[![[pre-launch]]](https://example.com)",
			`<p><a href="https://example.com">pre-launch</a></p>`},
		{"index.md", "![a [[pre-launch]] b](x.png)",
			`<p><img src="x.png" alt="a pre-launch b"></p>`},
		{"index.md", "[![[diagram.png]]](https://example.com)",
			`<p><a href="https://example.com"><img class="wikilink-embed" src="img/diagram.png" alt="diagram.png"></a></p>`},
		{"index.md", "| a | b |\n|---|---|\n| [[pre-launch\\|launch]] | x |",
			"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a class=\"wikilink\" href=\"milestones/pre-launch/\">launch</a></td>\n<td>x</td>\n</tr>\n</tbody>\n</table>"},
		{"index.md", "`[[pre-launch]]` and\n\n    [[pre-launch]]",
			"<p><code>[[pre-launch]]</code> and</p>\n<pre><code>[[pre-launch]]\n</code></pre>"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := strings.TrimSpace(build(t, tt.from, tt.src))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Whatever a link is written as, its href never carries a scheme.
func TestHrefNeverHasScheme(t *testing.T) {
	ix := wikilink.NewIndex(append(vault(),
		wikilink.Target{Path: "javascript:x.md", URL: "javascript:x/", IsPage: true},
		wikilink.Target{Path: "data:text.png", URL: "data:text.png"},
	))
	for _, from := range []string{"", "a/", "a/b/index.html"} {
		for _, target := range []string{"javascript:x", "data:text.png", "javascript:alert(1).png"} {
			res := ix.Resolve("index.md", wikilink.Link{Target: target})
			href := wikilink.Href(from, false, res)
			u, err := url.Parse(href)
			if res.Broken || err != nil || u.Scheme != "" {
				t.Errorf("from %q to %q: href %q (broken %v, err %v)", from, target, href, res.Broken, err)
			}
		}
	}
}

func TestRelHref(t *testing.T) {
	tests := []struct {
		root, target string
		fileLinks    bool
		want         string
	}{
		{"", "", false, "./"},
		{"", "", true, "index.html"},
		{"../../", "", false, "../../"},
		{"../", "tasks/phase-4/", false, "../tasks/phase-4/"},
		{"../", "tasks/phase-4/", true, "../tasks/phase-4/index.html"},
		{"", "a:b.png", false, "./a:b.png"},
		{"", "img/a:b.png", false, "img/a:b.png"},
		{"../", "a:b.png", false, "../a:b.png"},
		{"", "javascript:x/", false, "./javascript:x/"},
		{"", "x/a:b/", false, "x/a:b/"},
		// The 404 page links from the absolute base URL: its scheme's
		// colon is not a file name's.
		{"https://example.github.io/proj/", "style.css", false, "https://example.github.io/proj/style.css"},
		{"https://example.github.io/proj/", "", false, "https://example.github.io/proj/"},
		{"https://example.github.io/proj/", "tags/", true, "https://example.github.io/proj/tags/index.html"},
	}
	for _, tt := range tests {
		if got := wikilink.RelHref(tt.root, tt.target, tt.fileLinks); got != tt.want {
			t.Errorf("RelHref(%q, %q, %v) = %q, want %q", tt.root, tt.target, tt.fileLinks, got, tt.want)
		}
	}
}

func TestHrefEscapes(t *testing.T) {
	tests := []struct {
		from string
		res  wikilink.Resolution
		want string
	}{
		{"", wikilink.Resolution{URL: "wiki/café-résumé/"}, "wiki/caf%C3%A9-r%C3%A9sum%C3%A9/"},
		{"", wikilink.Resolution{URL: "img/my diagram.png"}, "img/my%20diagram.png"},
		{"", wikilink.Resolution{URL: "a/", Anchor: "^block-1"}, "a/#%5Eblock-1"},
		{"a/", wikilink.Resolution{URL: "a/", Anchor: "計画"}, "../a/#%E8%A8%88%E7%94%BB"},
		{"a/", wikilink.Resolution{URL: "b/", Anchor: `x"y`}, "../b/#x%22y"},
		{"a/b/", wikilink.Resolution{URL: "img/a:b c.png"}, "../../img/a:b%20c.png"},
		{"a/", wikilink.Resolution{Broken: true}, ""},
	}
	for _, tt := range tests {
		if got := wikilink.Href(tt.from, false, tt.res); got != tt.want {
			t.Errorf("Href(%q, %+v) = %q, want %q", tt.from, tt.res, got, tt.want)
		}
	}
}
