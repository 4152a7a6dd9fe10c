package wikilink

import (
	"math/rand"
	"strconv"
	"testing"

	"github.com/milepost/milepost/internal/slug"
)

// A link to one of many headings finds, through the lookup, the heading
// trying each in order finds: the first that the link's text names by id,
// by the slug of its text or by its GitHub anchor, duplicates and all;
// for a fragment of several parts (H1#H2), nested as the parts are, or
// the last part anywhere when they are not.
func TestHeadingLookupFindsWhatTryingEachFinds(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	words := []string{"Setup", "setup", "Set up", "Deploy", "deploy-1", "Notes", "Q&A", "Étape", "", "Done ✅"}
	for round := range 20 {
		var hs []Heading
		for range manyHeadings + rng.Intn(3*manyHeadings) {
			name := func() string { return words[rng.Intn(len(words))] + " " + strconv.Itoa(rng.Intn(4)) }
			// ids, texts and anchors drawn from the same names, so that a
			// link names one heading by its id and another by its text
			h := Heading{Text: name(), Level: rng.Intn(4), ID: slug.Make(name())}
			if rng.Intn(4) == 0 {
				h.ID = ""
			}
			if rng.Intn(2) == 0 {
				h.GitHubAnchor = slug.GitHub(name())
			}
			hs = append(hs, h)
		}
		ix := NewIndex([]Target{{Path: "big.md", URL: "big/", Title: "Big", Headings: hs, IsPage: true}})
		var keys []string
		for j, h := range hs {
			keys = append(keys, h.ID, h.Text, h.GitHubAnchor, ix.textIDs[0][j])
		}
		keys = append(keys, "missing", "", "SETUP 1")
		for _, key := range keys {
			want := -1
			k := newHeadingKey(key)
			for j := range hs {
				if hs[j].Level > 0 && ix.headingMatches(0, j, k) {
					want = j
					break
				}
			}
			if got := ix.findHeading(0, []string{key}); got != want {
				t.Fatalf("round %d: %q finds heading %d, trying each finds %d", round, key, got, want)
			}
			if scanned := ix.scanHeadings(0, []string{key}); scanned != want {
				t.Fatalf("round %d: scanning for %q finds heading %d, want %d", round, key, scanned, want)
			}
		}
		for range 500 {
			parts := make([]string, 2+rng.Intn(2))
			for p := range parts {
				parts[p] = keys[rng.Intn(len(keys))]
			}
			if got, want := ix.findHeading(0, parts), ix.scanHeadings(0, parts); got != want {
				t.Fatalf("round %d: %q finds heading %d, trying each finds %d", round, parts, got, want)
			}
		}
	}
}
