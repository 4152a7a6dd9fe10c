package publish

import "testing"

func TestIsDotPath(t *testing.T) {
	tests := map[string]bool{
		".nojekyll":         true,
		".well-known/x.txt": true,
		"a/.b/c":            true,
		"a/b/.c":            true,
		"index.html":        false,
		"a/b.c/d":           false,
	}
	for name, want := range tests {
		if got := isDotPath(name); got != want {
			t.Errorf("isDotPath(%q) = %v, want %v", name, got, want)
		}
	}
}
