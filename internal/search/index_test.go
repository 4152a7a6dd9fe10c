package search

import (
	"encoding/json"
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
	got := Build(docs)
	want := Index{
		Pages: [][3]string{{"Home", "", "page"}, {"Pre-Launch", "milestones/pre-launch/", "milestone"}},
		Entries: [][]any{
			{0, "t", "Home", ""},
			{1, "t", "Pre-Launch", ""},
			{1, "h", "Completed", "completed"},
			{1, "h", "Log rotation ✅ DONE", "log-rotation"},
			{1, "i", "Ship the build", "completed", "active"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Build =\n%v\nwant\n%v", got, want)
	}
}

func TestScriptIsTheIndexAsJavaScript(t *testing.T) {
	js, err := Script(append(docs, Doc{Title: "</script><b>x</b>", URL: "x/", Kind: "page"}))
	if err != nil {
		t.Fatal(err)
	}
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
	js, err := Script(nil)
	if err != nil {
		t.Fatal(err)
	}
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
