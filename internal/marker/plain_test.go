package marker

import (
	"strings"
	"testing"
)

// The plain-text shortcut of Find and StripForID gives what reading the
// text rune by rune gives, on texts it takes and texts near the edge.
func TestPlainShortcut(t *testing.T) {
	texts := []string{
		"Build pipeline", "  Status model ", "Phase 4: rollout", "Done", "done", "Fixed the login bug",
		"A B C", "Go-live checklist (v2)", "Won't fix", "DONE", "WIP: search", "Ship it WONTFIX",
		"OK then", "URL handling", "x", "", "Release 1.2 - shipped", "N/A", "TODO later",
	}
	words := []string{"alpha", "Bravo charlie", "Delta", "an item", "a Heading"}
	for _, w := range words {
		for _, u := range words {
			texts = append(texts, w+" "+u, strings.ToUpper(w[:1])+w[1:]+" "+u)
		}
	}
	v := Default()
	idx := v.compiled()
	shortcuts := 0
	for _, text := range texts {
		if !idx.plain(text) {
			continue
		}
		shortcuts++
		if got, want := v.StripForID(text), idx.stripForID(text); got != want {
			t.Errorf("StripForID(%q) = %q, rune by rune %q", text, got, want)
		}
		for _, ctx := range []Context{Prose} {
			got, gotOK := v.Find(text, ctx)
			want, wantOK := idx.find(text, ctx)
			if got != want || gotOK != wantOK {
				t.Errorf("Find(%q, %v) = %v %v, rune by rune %v %v", text, ctx, got, gotOK, want, wantOK)
			}
		}
	}
	if shortcuts < len(texts)/2 {
		t.Errorf("only %d of %d texts took the shortcut", shortcuts, len(texts))
	}
	if custom := Default().With(map[State][]string{Done: {"X"}}, nil); custom.compiled().plain("X marks it") {
		t.Error("a one-letter word in the vocabulary still allows the shortcut")
	}
}
