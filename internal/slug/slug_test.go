package slug

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

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
		{"⚠️ Risks", "risks"},       // the emoji's variation selector goes with it
		{"🗓️ Timeline", "timeline"}, // likewise
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
	for _, s := range []string{"Phase 4", "a b", "日本", "~~x~~ ✅", "\xff", "A\tb\u0085c\u00a0D", "İ Σ ǅ", "-x_ y-", "a\u0301b", "Cafe\u0301", "\u06ec!!\u05a50"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if want := makeByRunes(s); got != want {
			t.Errorf("Make(%q) = %q, the rule by runes says %q", s, got, want)
		}
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

// makeByRunes is Make's rule written plainly, one unicode test per rune:
// the fast paths for ASCII must agree with it.
func makeByRunes(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	pendingDash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Variation_Selector, r):
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '_' || r == '-' || unicode.IsSpace(r):
			pendingDash = true
		}
	}
	return norm.NFC.String(b.String()) // a slug is composed, as its name is
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestSetUniqueIsLinear hands out 50,000 copies of one id: each call must
// start where the last one stopped, not try every taken suffix again.
func TestSetUniqueIsLinear(t *testing.T) {
	const n = 50000
	start := time.Now()
	var s Set
	for i := 0; i < n; i++ {
		s.Unique("h")
	}
	if got := s.Unique("h"); got != "h-"+strconv.Itoa(n) {
		t.Errorf("after %d copies: %q", n, got)
	}
	// Quadratic, this takes minutes; linear, a few milliseconds.
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("%d copies of one id took %v", n, d)
	}
}

// FuzzSetUnique hands a sequence of ids (reserved with a leading '!') to a
// Set and checks every id it returns is new and, for a non-empty id, the
// id itself or the id with a -N suffix.
func FuzzSetUnique(f *testing.F) {
	for _, s := range []string{"a\na\na", "!a-1\na\na", "\n\n!section-2\n", "h-1\nh\nh\nh-1", "a-1-1\na-1\na\na-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		var s Set
		seen := map[string]bool{}
		for _, id := range strings.Split(input, "\n") {
			if reserved, ok := strings.CutPrefix(id, "!"); ok {
				s.Reserve(reserved)
				seen[reserved] = true
				continue
			}
			got := s.Unique(id)
			if seen[got] {
				t.Fatalf("Unique(%q) = %q, handed out before", id, got)
			}
			seen[got] = true
			if id == "" {
				if !strings.HasPrefix(got, "section-") {
					t.Fatalf("Unique(\"\") = %q", got)
				}
				continue
			}
			if got != id {
				suffix, ok := strings.CutPrefix(got, id+"-")
				if n, err := strconv.Atoi(suffix); !ok || err != nil || n < 1 || strconv.Itoa(n) != suffix {
					t.Fatalf("Unique(%q) = %q, not the id with a -N suffix", id, got)
				}
			}
		}
	})
}

// TestKey: names that differ in more than case and separators never share
// a key; those that do, do.
func TestKey(t *testing.T) {
	same := [][]string{
		{"launch", "Launch", "LAUNCH"},
		{"q4-plan", "Q4 plan", "Q4_Plan", "q4  plan"},
		{"日本語"},
	}
	for _, group := range same {
		for _, name := range group {
			if got := Key(name); got != group[0] {
				t.Errorf("Key(%q) = %q, want %q", name, got, group[0])
			}
		}
	}
	distinct := []string{"C++", "C#", "C", "..", "<>", "🚀", "🚀🚀", "a.b", "ab", "a b!"}
	seen := map[string]string{}
	for _, name := range distinct {
		k := Key(name)
		if other, dup := seen[k]; dup {
			t.Errorf("%q and %q share the key %q", name, other, k)
		}
		seen[k] = name
		if k == "" || strings.ContainsAny(k, "/?#% ") {
			t.Errorf("Key(%q) = %q is not a URL segment", name, k)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"C++", "C", "launch", "🚀", "a_b"} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ka, kb := Key(a), Key(b)
		if ka == "" || strings.ContainsAny(ka, "/?#% ") {
			t.Fatalf("Key(%q) = %q", a, ka)
		}
		// Equal keys only for names equal but for case and separators,
		// or a plain slug that is itself the other's canonical form.
		if ka == kb && Make(a) != Make(b) {
			t.Fatalf("%q and %q share %q", a, b, ka)
		}
	})
}
