package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Phase 4", "phase-4"},
		{"MCP wiki routing (bug)", "mcp-wiki-routing-bug"},
		{"Semantic_Search_Multi_Tenant", "semantic-search-multi-tenant"},
		{"  Hello -- World  ", "hello-world"},
		{"Ünïcödé Straße", "ünïcödé-straße"},
		{"日本語 ページ", "日本語-ページ"},
		{"🎯 Major Progress Update", "major-progress-update"},
		{"P0: Critical Blockers (Must Complete Before Alpha)", "p0-critical-blockers-must-complete-before-alpha"},
		{"a/b?c#d%e&f", "abcdef"},
		{"did:web Verification", "didweb-verification"},
		{"🚀", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGitHub(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MCP wiki routing (bug) ✅ FIXED (2026-03-15)", "mcp-wiki-routing-bug--fixed-2026-03-15"},
		{"🎯 Major Progress Update", "-major-progress-update"},
		{"Semantic_Search", "semantic_search"},
		{"did:web Verification ✅ COMPLETE", "didweb-verification--complete"},
	}
	for _, tt := range tests {
		if got := GitHub(tt.in); got != tt.want {
			t.Errorf("GitHub(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSetUnique(t *testing.T) {
	var s Set
	s.Reserve("custom")
	got := []string{s.Unique("a"), s.Unique("a"), s.Unique("a"), s.Unique(""), s.Unique(""), s.Unique("custom")}
	want := []string{"a", "a-1", "a-2", "section-1", "section-2", "custom-1"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"Phase 4", "a b", "日本", "~~x~~ ✅", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if Make(got) != got {
			t.Errorf("Make is not idempotent on %q: %q then %q", s, got, Make(got))
		}
		for _, bad := range []string{"/", "?", "#", "%", "&", " ", "--"} {
			if len(got) > 0 && contains(got, bad) {
				t.Errorf("Make(%q) = %q contains %q", s, got, bad)
			}
		}
	})
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
