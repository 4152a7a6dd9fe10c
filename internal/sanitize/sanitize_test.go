package sanitize_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sanitize"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func render(t *testing.T, src string) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, sanitize.Extension(sanitize.New())))
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestRender pins the whole rendering of raw HTML through the policy.
func TestRender(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"details block with markdown inside",
			"<details>\n<summary>More</summary>\n\nSome **bold**.\n\n</details>\n",
			"<details>\n<summary>More</summary>\n<p>Some <strong>bold</strong>.</p>\n</details>\n"},
		{"details open attribute kept", "<details open>\n<summary>x</summary>\n</details>\n",
			"<details open=\"\">\n<summary>x</summary>\n</details>\n"},
		{"script block dropped", "<script>\nalert(1)\n</script>\n\nafter\n", "<p>after</p>\n"},
		{"style block dropped", "<style>body { display: none }</style>\n", ""},
		{"iframe block dropped", "<iframe src=\"https://evil.example/\"></iframe>\n", ""},
		{"comment block vanishes", "<!-- a note\nover lines -->\n\ntext\n", "<p>text</p>\n"},
		{"inline comment vanishes", "a <!-- note --> b\n", "<p>a  b</p>\n"},
		{"kbd split over nodes", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n", "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.</p>\n"},
		{"sup sub br", "x<sup>2</sup> H<sub>2</sub>O<br>next\n", "<p>x<sup>2</sup> H<sub>2</sub>O<br>next</p>\n"},
		{"markdown inside an allowed inline element", "<kbd>**b**</kbd>\n", "<p><kbd><strong>b</strong></kbd></p>\n"},
		{"inline script content dropped", "a <script>alert(1)</script> b\n", "<p>a  b</p>\n"},
		{"inline script in capitals", "a <SCRIPT>alert(1)</SCRIPT> b\n", "<p>a  b</p>\n"},
		{"inline script with markdown inside dropped", "a <script>*x* [[Page]]</script> b\n", "<p>a  b</p>\n"},
		{"unclosed inline script keeps the text", "the <script> tag\n", "<p>the  tag</p>\n"},
		{"inline style content dropped", "a <style>p{}</style> b\n", "<p>a  b</p>\n"},
		{"event handler removed", "<img src=\"a.png\" alt=\"A\" onerror=\"alert(1)\">\n", "<img src=\"a.png\" alt=\"A\">\n"},
		{"inline event handler removed", "a <span onmouseover=\"alert(1)\">b</span>\n", "<p>a <span>b</span></p>\n"},
		{"javascript link removed", "<a href=\"javascript:alert(1)\">x</a>\n", "<p>x</p>\n"},
		{"javascript link with entities removed", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>\n", "<p>x</p>\n"},
		{"data image removed", "<img src=\"data:image/png;base64,AAAA\">\n", ""},
		{"http link gets nofollow", "<a href=\"https://example.com/\">x</a>\n", "<p><a href=\"https://example.com/\" rel=\"nofollow\">x</a></p>\n"},
		{"style attribute removed", "<div style=\"position:fixed\" onclick=\"x()\">hi</div>\n", "<div>hi</div>\n"},
		{"align kept", "<p align=\"center\">logo</p>\n", "<p align=\"center\">logo</p>\n"},
		{"svg with onload dropped", "a <svg onload=alert(1)>b</svg> c\n", "<p>a  c</p>\n"},
		{"tag over several lines", "<img\n src=\"a.png\"\n onload=\"x\">\n", "<p><img src=\"a.png\"></p>\n"},
		{"form elements dropped", "<form action=\"/x\"><input name=\"q\"><button>go</button></form>\n", "go\n"},
		{"table survives", "<table><tr><td align=\"right\">1</td></tr></table>\n", "<table><tr><td align=\"right\">1</td></tr></table>\n"},
		{"object dropped with content", "<object data=\"x.swf\">fallback</object>\n", "<p></p>\n"},
		{"stray closing tags dropped", "</div></main>\n\ntext</section>\n", "<p>text</p>\n"},
		{"unclosed element closed at the end", "<details>\n<summary>s</summary>\n\nbody\n", "<details>\n<summary>s</summary>\n<p>body</p>\n</details>\n"},
		{"element closed in a later block", "<div>\n\n*x*\n\n</div>\n", "<div>\n<p><em>x</em></p>\n</div>\n"},
		{"closing tag of a dropped opening tag dropped", "<a href=\"javascript:x\">x</a> <b>y</b>\n", "<p>x <b>y</b></p>\n"},
		{"plain markdown untouched", "# T\n\n*a* & <b\n", "<h1>T</h1>\n<p><em>a</em> &amp; &lt;b</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src); got != tt.want {
				t.Errorf("render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestNothingDangerousSurvives renders a list of known XSS vectors and
// checks that no script-capable construct is left in the output.
func TestNothingDangerousSurvives(t *testing.T) {
	vectors := []string{
		"<script>alert(1)</script>",
		"x <script>alert(1)</script>",
		"<scr<script>ipt>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"x <img src=x onerror=alert(1)>",
		"<IMG SRC=\"javascript:alert(1)\">",
		"<a href=\"JaVaScRiPt:alert(1)\">x</a>",
		"x <a href=\"  javascript:alert(1)\">x</a>",
		"<a href=\"vbscript:msgbox(1)\">x</a>",
		"<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
		"<svg><script>alert(1)</script></svg>",
		"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
		"<body onload=alert(1)>",
		"<details open ontoggle=alert(1)>",
		"x <details open ontoggle=alert(1)>",
		"<iframe srcdoc=\"<script>alert(1)</script>\">",
		"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
		"<base href=\"javascript:/\">",
		"<link rel=stylesheet href=\"x.css\">",
		"<div style=\"background:url(javascript:alert(1))\">x</div>",
		"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
		"<textarea><script>alert(1)</script></textarea>",
		"<form><button formaction=javascript:alert(1)>x</button></form>",
		"<object data=\"javascript:alert(1)\">",
		"<embed src=\"javascript:alert(1)\">",
		"<a href=\"&#106;avascript:alert(1)\">x</a>",
		"<!--><script>alert(1)</script>-->",
		"<![CDATA[<script>alert(1)</script>]]>",
	}
	for _, v := range vectors {
		for _, src := range []string{v + "\n", "text " + v + " more\n", "> " + v + "\n", "| a |\n|---|\n| " + v + " |\n"} {
			out := strings.ToLower(render(t, src))
			for _, bad := range []string{"<script", "javascript:", "vbscript:", "onerror", "onload", "ontoggle", "<iframe", "<object", "<embed", "<meta", "<base", "<link", "style=", "<svg", "<math", "formaction", "data:text"} {
				if strings.Contains(out, bad) {
					t.Errorf("%q renders %q: contains %q", src, out, bad)
				}
			}
		}
	}
}
