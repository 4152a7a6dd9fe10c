package search

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

var docs = []Doc{
	{
		Title: "Pre-Launch", URL: "milestones/pre-launch/", Kind: "milestone",
		Headings: []Heading{{ID: "pre-launch", Text: "Pre-Launch"}, {ID: "completed", Text: "Completed"}, {ID: "log-rotation", Text: "Log rotation ✅ DONE"}},
		Items: []Item{
			{Text: "Log rotation ✅ DONE", Section: "log-rotation", State: "done"}, // a heading item
			{Text: "Ship   the\nbuild", Section: "completed", State: "active"},
			{Text: "", Section: "completed", State: "open"},
		},
	},
	{Title: "Home", URL: "", Kind: "page"},
}

func TestBuild(t *testing.T) {
	got := Build(docs, MaxBytes)
	want := Index{
		Pages: [][3]string{{"Home", "", "page"}, {"Pre-Launch", "milestones/pre-launch/", "milestone"}},
		Entries: []Entry{
			{0, "t", "Home", "", ""},
			{1, "t", "Pre-Launch", "", ""},
			{1, "h", "Completed", "completed", ""},
			{1, "h", "Log rotation ✅ DONE", "log-rotation", ""},
			{1, "i", "Ship the build", "completed", "active"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Build =\n%v\nwant\n%v", got, want)
	}
}

func TestBuildStaysUnderItsBudget(t *testing.T) {
	var many []Doc
	for i := 0; i < 50; i++ {
		d := Doc{Title: fmt.Sprintf("Page %02d", i), URL: fmt.Sprintf("p%02d/", i), Kind: "milestone"}
		for j := 0; j < 20; j++ {
			d.Headings = append(d.Headings, Heading{ID: fmt.Sprintf("h%d", j), Text: strings.Repeat("heading ", 5)})
			d.Items = append(d.Items, Item{Text: strings.Repeat("item ", 10), Section: fmt.Sprintf("h%d", j), State: "open"})
		}
		many = append(many, d)
	}
	full := Build(many, 1<<30)
	if got := len(full.Entries); got != 50*41 {
		t.Fatalf("unbounded index has %d entries, want %d", got, 50*41)
	}
	small := Build(many, 20_000)
	if data := small.appendJSON(nil); len(data) > 20_000 {
		t.Errorf("index of budget 20000 is %d bytes", len(data))
	}
	kinds := map[string]int{}
	for _, e := range small.Entries {
		kinds[e.Type]++
	}
	if kinds["t"] != 50 || kinds["h"] == 0 || kinds["i"] != 0 {
		t.Errorf("a small budget keeps every title, then headings, no items; got %v", kinds)
	}
}

func TestScriptIsTheIndexAsJavaScript(t *testing.T) {
	js := Script(append(docs, Doc{Title: "</script><b>x</b>", URL: "x/", Kind: "page"}))
	s := string(js)
	const prefix, suffix = "window.milepostSearch=", ";\n"
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, suffix) {
		t.Fatalf("not an assignment to window.milepostSearch: %.80s", s)
	}
	if strings.Contains(s, "</script") {
		t.Errorf("markup in titles is not escaped: %s", s)
	}
	var back struct {
		Pages   [][3]string     `json:"pages"`
		Entries [][]interface{} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, prefix), suffix)), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Pages) != 3 || back.Pages[2][0] != "</script><b>x</b>" || len(back.Entries) != 6 {
		t.Errorf("round trip lost data: %+v", back)
	}
}

func TestEmptySite(t *testing.T) {
	js := Script(nil)
	if got, want := string(js), "window.milepostSearch={\"pages\":[],\"entries\":[]};\n"; got != want {
		t.Errorf("Script(nil) = %q, want %q", got, want)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("é", MaxText+10)
	tests := []struct{ in, want string }{
		{"short", "short"},
		{" folded \t white\n space ", "folded white space"},
		{strings.Repeat("a", MaxText), strings.Repeat("a", MaxText)},
		{long, strings.Repeat("é", MaxText-1) + "…"},
	}
	for _, tt := range tests {
		if got := clip(tt.in); got != tt.want {
			t.Errorf("clip(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestScriptIsTheIndexAsJSON checks the hand-written encoder against
// encoding/json on text with quotes, escapes, control and line-separator
// characters, markup and non-ASCII letters.
func TestScriptIsTheIndexAsJSON(t *testing.T) {
	docs := []Doc{{
		Title: "Quotes \" and \\ back\tslash </script> & <b>", URL: "a/", Kind: "milestone",
		Headings: []Heading{{ID: "h", Text: "Line\u2028sep \u2029 and \x01 ctrl"}},
		Items:    []Item{{Text: "Ünïcödé ✅ 日本", Section: "h", State: "done"}},
	}}
	script := Script(docs)
	js := strings.TrimSuffix(strings.TrimPrefix(string(script), "window.milepostSearch="), ";\n")
	var got, want any
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("search-index.js is not JSON: %v\n%s", err, js)
	}
	ix := Build(docs, MaxBytes) // the same index, written by encoding/json
	entries := make([][]any, 0, len(ix.Entries))
	for _, e := range ix.Entries {
		row := []any{e.Page, e.Type, e.Text, e.Anchor}
		if e.Type == "i" {
			row = append(row, e.State)
		}
		entries = append(entries, row)
	}
	ref, _ := json.Marshal(map[string]any{"pages": ix.Pages, "entries": entries})
	_ = json.Unmarshal(ref, &want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if strings.ContainsAny(js, "\u2028\u2029<>") {
		t.Errorf("unescaped separators or markup in %s", js)
	}
}

func TestClipFoldsWhiteSpace(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":            "plain words",
		"":                       "",
		"  lead and trail  ":     "lead and trail",
		"two  spaces":            "two spaces",
		"tab\tand\nnewline":      "tab and newline",
		"ideographic\u3000space": "ideographic space",
		strings.Repeat("x", 200): strings.Repeat("x", MaxText-1) + "…",
	} {
		if got := clip(in); got != want {
			t.Errorf("clip(%q) = %q, want %q", in, got, want)
		}
	}
}
