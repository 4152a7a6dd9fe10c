package tasklist

import (
	"bytes"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/marker"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func parse(t *testing.T, src string) (goldmark.Markdown, ast.Node) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(Extension))
	return md, md.Parser().Parse(text.NewReader([]byte(src)))
}

// boxes lists the states of every checkbox in document order.
func boxes(doc ast.Node) []string {
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if cb, ok := n.(*CheckBox); ok && entering {
			out = append(out, cb.State.String())
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestParseBoxes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // states, space separated
	}{
		{"all states", "- [ ] a\n- [x] b\n- [X] c\n- [/] d\n- [-] e\n", "open done done active dropped"},
		{"ordered list", "1. [ ] a\n2. [x] b\n", "open done"},
		{"other bullets", "* [x] a\n\n+ [ ] b\n", "done open"},
		{"nested", "- [x] a\n  - [ ] b\n    - [/] c\n", "done open active"},
		{"loose list paragraphs", "- [x] a\n\n- [ ] b\n", "done open"},
		{"Obsidian's other boxes are open", "- [>] a\n- [?] b\n- [<] c\n- [!] d\n", "open open open open"},
		{"a tilde box is partly done", "- [~] a\n", "active"},
		{"unknown box is text", "- [*] a\n- [a] b\n- [1] c\n", ""},
		{"pandoc's escaped boxes", "- \\[x\\] a\n- \\[ \\] b\n", "done open"},
		{"a no-break space after the box", "- [x]\u00a0a\n", "done"},
		{"an escaped bracket elsewhere is text", "- \\[note\\] a\n- a \\[x\\] b\n", ""},
		{"box needs a space after it", "- [x]a\n", ""},
		{"box alone is text", "- [x]\n- [ ]   \n", ""},
		{"not at the start", "- a [x] b\n", ""},
		{"second paragraph", "- a\n\n  [x] b\n", ""},
		{"outside a list", "[x] a\n", ""},
		{"in a code block", "```\n- [x] a\n```\n", ""},
		{"in an html block", "<div>\n- [x] a\n</div>\n", ""},
		{"in a blockquote list", "> - [x] a\n", "done"},
		{"crlf", "- [x] a\r\n- [ ] b\r\n", "done open"},
		{"tab after box", "- [x]\ta\n", "done"},
		{"link after box", "- [ ] [link](https://example.org)\n", "open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, doc := parse(t, tt.src)
			got := strings.Join(boxes(doc), " ")
			if got != tt.want {
				t.Errorf("boxes = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoxTextIsConsumed(t *testing.T) {
	src := "- [/] Write the parser\n"
	_, doc := parse(t, src)
	item := doc.FirstChild().FirstChild()
	para := item.FirstChild()
	if _, ok := para.FirstChild().(*CheckBox); !ok {
		t.Fatalf("first inline is %T, want *CheckBox", para.FirstChild())
	}
	txt := para.FirstChild().NextSibling().(*ast.Text)
	if got := string(txt.Segment.Value([]byte(src))); got != "Write the parser" {
		t.Errorf("text after box = %q", got)
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"- [x] a\n", `<li><input type="checkbox" class="task-box" data-state="done" checked="" disabled="" aria-label="done"> a</li>`},
		{"- [ ] a\n", `<li><input type="checkbox" class="task-box" data-state="open" disabled="" aria-label="not done"> a</li>`},
		{"- [/] a\n", `<li><input type="checkbox" class="task-box" data-state="active" disabled="" aria-label="in progress"> a</li>`},
		{"- [-] a\n", `<li><input type="checkbox" class="task-box" data-state="dropped" disabled="" aria-label="dropped"> a</li>`},
	}
	for _, tt := range tests {
		md := goldmark.New(goldmark.WithExtensions(Extension))
		var buf bytes.Buffer
		if err := md.Convert([]byte(tt.src), &buf); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("render %q:\n got %s\nwant %s", tt.src, buf.String(), tt.want)
		}
	}
}

func TestParseBox(t *testing.T) {
	tests := []struct {
		line  string
		state marker.State
		n     int
		ok    bool
	}{
		{"[ ] a", marker.Open, 4, true},
		{"[x]  a", marker.Done, 5, true},
		{"[X]\n", marker.Done, 3, true},
		{"[/] a", marker.Active, 4, true},
		{"[-] a", marker.Dropped, 4, true},
		{"[x]a", marker.Open, 0, false},
		{"[!] a", marker.Open, 4, true},
		{"[~] a", marker.Active, 4, true},
		{"[*] a", marker.Open, 0, false},
		{"[", marker.Open, 0, false},
		{"", marker.Open, 0, false},
	}
	for _, tt := range tests {
		st, n, ok := ParseBox([]byte(tt.line))
		if st != tt.state || n != tt.n || ok != tt.ok {
			t.Errorf("ParseBox(%q) = %v, %d, %v; want %v, %d, %v", tt.line, st, n, ok, tt.state, tt.n, tt.ok)
		}
	}
}
