package devserver

import "testing"

func TestIsLitter(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"content/a.md", false},
		{"content/milestones/pre-launch.md", false},
		{"milepost.yaml", false},
		{"static/style.css", false},
		{"content/4913.md", false},
		{"content/a#b.md", false},
		{"content/a.md.tmp", false}, // not litter by name: handled as a transient file
		{"content/.a.md.swp", true},
		{"content/.a.md.swx", true},
		{"content/a.md.swp", true},
		{"content/4913", true},
		{"content/a.md~", true},
		{"content/#a.md#", true},
		{"content/.#a.md", true},
		{"content/a.md___jb_tmp___", true},
		{"content/a.md___jb_old___", true},
		{"content/.DS_Store", true},
		{"content/.goutputstream-XYZ123", true},
		{".git/index", true},
		{"content/.hidden/a.md", true},
		{".", false},
	}
	for _, tt := range tests {
		if got := isLitter(tt.rel); got != tt.want {
			t.Errorf("isLitter(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}
