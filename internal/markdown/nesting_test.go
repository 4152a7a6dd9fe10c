package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestCapNesting pins the rewriting with a cap of 3 levels.
func TestCapNesting(t *testing.T) {
	tests := []struct {
		name, src, want string
		warnAt          int // byte offset of the warning, -1 for none
	}{
		{"shallow quote untouched", "> > > x\n", "> > > x\n", -1},
		{"fourth quote escaped", "> > > > x\n", "> > > \\>x\n", 0},
		{"packed quotes", ">>>>>x\n", ">>>\\>x\n", 0},
		{"dash lists", "- - - - x\n", "- - - \\-x\n", 0},
		{"ordered lists", "1. 2. 3. 44. x\n", "1. 2. 3. 44\\.x\n", 0},
		{"quotes and lists together", "> - > - x\n", "> - > \\-x\n", 0},
		{"indented lists", "- a\n  - b\n    - c\n      - d\n", "- a\n  - b\n    - c\n      \\-d\n", 18},
		{"indentation closes items", "- a\n  - b\n    - c\n- d\n  - e\n", "- a\n  - b\n    - c\n- d\n  - e\n", -1},
		{"blank lines keep items open", "- a\n\n  - b\n\n    - c\n\n      - d\n", "- a\n\n  - b\n\n    - c\n\n      \\-d\n", 21},
		{"fenced code left alone", "```\n> > > > x\n```\n> > > > y\n", "```\n> > > > x\n```\n> > > \\>y\n", 18},
		{"tilde fence needs its own closer", "~~~~\n> > > > x\n```\n~~~~\n", "~~~~\n> > > > x\n```\n~~~~\n", -1},
		{"second deep line counted, first named", "x\n> > > > a\n> > > > b\n", "x\n> > > \\>a\n> > > \\>b\n", 2},
		{"no newline at the end", "> > > >", "> > > \\", 0},
		{"quote inside a list inside a quote", "> - > - x\n> - > x\n", "> - > \\-x\n> - > x\n", 0},
		{"deep indentation moved behind the text", "- a\n" + strings.Repeat(" ", 20) + "b\n", "- a\n" + strings.Repeat(" ", 16) + "b    \n", 4},
		{"thematic break is not a list", "- - -\n", "- - -\n", -1},
		{"tab after marker", "-\t-\t-\t-\tx\n", "-\t-\t-\t\\-x\n", 0},
		{"not a marker", "-a -b -c -d\n", "-a -b -c -d\n", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns := capNesting([]byte(tt.src), 3)
			if string(got) != tt.want {
				t.Errorf("capNesting(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if len(got) != len(tt.src) {
				t.Errorf("length changed: %d → %d", len(tt.src), len(got))
			}
			switch {
			case tt.warnAt < 0 && len(warns) > 0:
				t.Errorf("unexpected warnings %+v", warns)
			case tt.warnAt >= 0 && (len(warns) != 1 || warns[0].Offset != tt.warnAt || warns[0].Kind != "input"):
				t.Errorf("warnings %+v, want one input warning at offset %d", warns, tt.warnAt)
			}
		})
	}
}

// TestCapNestingLeavesSourceAlone checks that the input is never written
// and is returned as is when nothing is too deep.
func TestCapNestingLeavesSourceAlone(t *testing.T) {
	src := []byte("> > > > x\n")
	orig := append([]byte(nil), src...)
	if _, warns := capNesting(src, 3); len(warns) != 1 || !bytes.Equal(src, orig) {
		t.Fatalf("src changed to %q (warnings %v)", src, warns)
	}
	shallow := []byte("> x\n")
	if got, _ := capNesting(shallow, 3); &got[0] != &shallow[0] {
		t.Error("shallow source was copied")
	}
}

// TestPathologicalNestingIsFast parses the shapes that make goldmark slow
// when uncapped (measured: 100 lines quoted 4,000 deep took 27 s, 1,000
// list items each indented one level deeper 24 s) and requires each to
// parse within a minute even on a loaded machine (each takes about a
// second of CPU time capped), with one warning naming the first deep line.
func TestPathologicalNestingIsFast(t *testing.T) {
	indented := func(n int) string {
		var b strings.Builder
		b.WriteString("intro\n")
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	tests := []struct {
		name     string
		src      string
		warnLine int
	}{
		{"quote 10k deep, 100 lines", "intro\n" + strings.Repeat(strings.Repeat(">", 10_000)+" x\n", 100), 2},
		{"spaced quote 10k deep", "intro\n" + strings.Repeat(strings.Repeat("> ", 10_000)+"x\n", 20), 2},
		{"dash lists 10k deep", "intro\n" + strings.Repeat(strings.Repeat("- ", 10_000)+"x\n", 20), 2},
		{"indented list items 3k deep", indented(3_000), 2 + MaxNesting},
		{"mixed quotes and lists", "intro\n" + strings.Repeat(strings.Repeat("> 1. ", 5_000)+"x\n", 20), 2},
	}
	p := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			doc, source, warns := p.ParseChecked([]byte(tt.src))
			if d := time.Since(start); d > time.Minute {
				t.Errorf("parsing took %v", d)
			}
			if doc == nil || len(source) != len(tt.src) {
				t.Fatalf("doc %v, source length %d", doc, len(source))
			}
			if len(warns) != 1 {
				t.Fatalf("warnings %+v, want 1", warns)
			}
			if line := NewLineIndex(source, 1).Line(warns[0].Offset); line != tt.warnLine {
				t.Errorf("warning on line %d, want %d: %s", line, tt.warnLine, warns[0].Message)
			}
		})
	}
}

// FuzzCapNesting checks capNesting on any text: no panic, the same length
// and newlines, no change and no warning within the cap, and nothing
// deeper than the cap left for goldmark.
func FuzzCapNesting(f *testing.F) {
	for _, s := range []string{"> > > > x\n", "- - - - x\n", "1. 2. 3. 4) x", "- a\n  - b\n    - c\n      - d\n", "```\n> > > >\n```\n", "\t-\t>\t-\t>", ">>>>>>", "- a\n" + strings.Repeat(" ", 30) + "b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, warns := capNesting([]byte(src), 3)
		if len(out) != len(src) {
			t.Fatalf("length %d → %d", len(src), len(out))
		}
		for i := range out {
			if (out[i] == '\n') != (src[i] == '\n') {
				t.Fatalf("newline moved at %d: %q → %q", i, src, out)
			}
		}
		if (string(out) != src) != (len(warns) == 1) || len(warns) > 1 {
			t.Fatalf("changed %v with warnings %v", string(out) != src, warns)
		}
		if len(warns) == 1 && (warns[0].Offset < 0 || warns[0].Offset >= len(src)) {
			t.Fatalf("warning offset %d outside %d bytes", warns[0].Offset, len(src))
		}
		again, _ := capNesting(out, 3)
		if string(again) != string(out) {
			t.Fatalf("not stable: %q → %q → %q", src, out, again)
		}
	})
}
