package render

import "testing"

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
	}
	for _, tt := range tests {
		if got := RelHref(tt.root, tt.target, tt.fileLinks); got != tt.want {
			t.Errorf("RelHref(%q, %q, %v) = %q, want %q", tt.root, tt.target, tt.fileLinks, got, tt.want)
		}
	}
}
