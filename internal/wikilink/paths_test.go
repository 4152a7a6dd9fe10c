package wikilink

import "testing"

// TestPathsFoldCaseAndComposition: a markdown link finds a path whatever
// its case, and whether its accents are typed composed or, as macOS names
// files, as a letter and a combining mark; a trailing slash is a folder's.
func TestPathsFoldCaseAndComposition(t *testing.T) {
	p := NewPaths()
	p.Add("img/Photo-e\u0301te\u0301.png", "img/Photo-e\u0301te\u0301.png")
	p.Add("notes/plan.md", "notes/plan/")
	p.AddNew("notes/plan.md", "elsewhere/")
	for key, want := range map[string]string{
		"img/photo-été.png":             "img/Photo-e\u0301te\u0301.png",
		"img/PHOTO-E\u0301TE\u0301.PNG": "img/Photo-e\u0301te\u0301.png",
		"notes/plan.md":                 "notes/plan/",
		"notes/plan.md/":                "notes/plan/",
		"notes/missing.md":              NotFound,
	} {
		if got := p.Find(key); got != want {
			t.Errorf("Find(%q) = %q, want %q", key, got, want)
		}
	}
}
