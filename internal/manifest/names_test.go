package manifest

import (
	"errors"
	"testing"
)

func TestCheckName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"index.html", true},
		{"milestones/pre-launch/index.html", true},
		{"img/a b.png", true},
		{"tags/запуск/index.html", true},
		{"docs/ünïcödé 日本.pdf", true},
		{"q/what?#frag%20&more.html", true},
		{".nojekyll", true},
		{".well-known/security.txt", true},
		{"a/.hidden/b", true},
		{"..foo/bar", true},
		{"foo../bar", true},
		{".milepostrc", true},

		{"", false},
		{"/etc/passwd", false},
		{"../outside", false},
		{"a/../../outside", false},
		{"a/..", false},
		{"./index.html", false},
		{"a/./b", false},
		{"a//b", false},
		{"dir/", false},
		{`a\b.html`, false},
		{`..\..\outside`, false},
		{"nul\x00byte", false},
		{"new\nline", false},
		{"del\x7f", false},
		{"bad\xffutf8", false},
		{".git/config", false},
		{"sub/.git/HEAD", false},
		{".GIT/config", false},
		{".milepost-manifest.json", false},
		{".milepost-staging/x", false},
		{"a/.milepost-anything", false},
	}
	for _, tt := range tests {
		err := CheckName(tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("CheckName(%q) = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrBadName) {
			t.Errorf("CheckName(%q) error %v does not wrap ErrBadName", tt.name, err)
		}
	}
}
