package status

import (
	"fmt"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/marker"
)

// seedLikePage writes a page shaped like the seed documents: a title,
// struck and marked headings over prose, checkbox lists with nesting,
// marked lists, status tables and code blocks, about 60 lines per part.
func seedLikePage(parts int) []byte {
	var b strings.Builder
	b.WriteString("# Generated Milestone\n\n**Last Updated**: 2026-03-18\n\n")
	for p := 0; p < parts; p++ {
		fmt.Fprintf(&b, "## Part %d: Work (Must Complete)\n\n", p)
		for h := 0; h < 3; h++ {
			if h%2 == 0 {
				fmt.Fprintf(&b, "### ~~Task %d.%d fixed~~ ✅ DEPLOYED (2026-03-%02d)\n", p, h, 1+h)
			} else {
				fmt.Fprintf(&b, "### Task %d.%d\n", p, h)
			}
			b.WriteString("Prose with `READ_ACCESS=OPEN`, a [[Wiki/Link]] and https://example.org/TODO.\n\n")
		}
		fmt.Fprintf(&b, "### Checklist %d ✅ COMPLETE\n", p)
		for i := 0; i < 8; i++ {
			box := " "
			if i%3 == 0 {
				box = "x"
			}
			fmt.Fprintf(&b, "- [%s] Step %d with **bold** and `code`\n", box, i)
			if i%4 == 0 {
				b.WriteString("  - [ ] nested step\n  - [/] nested active\n")
			}
		}
		b.WriteString("\n### Notes\n- ✅ Reviewed (COMPLETE)\n- ~~Old idea~~ dropped\n- Still to decide\n\n")
		b.WriteString("| Task | Status | Notes |\n|------|--------|-------|\n")
		for i := 0; i < 6; i++ {
			st := []string{"✅ Done", "🟡 In progress", "⬜ Not Started", "Blocked", "", "**COMPLETE**"}[i]
			fmt.Fprintf(&b, "| Row %d | %s | note \\| %d |\n", i, st, i)
		}
		b.WriteString("\n```sh\n- [ ] not an item\n```\n\n")
	}
	return []byte(b.String())
}

// BenchmarkCompute measures Compute alone on a parsed seed-like page (about
// 1,200 lines), and parse plus Compute for comparison.
func BenchmarkCompute(b *testing.B) {
	src := seedLikePage(20)
	v := marker.Default()
	parser := markdown.New(markdown.Options{Vocabulary: v})
	b.Run("compute", func(b *testing.B) {
		doc := parser.Parse(src)
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			Compute(doc, src, Options{Vocabulary: v})
		}
	})
	b.Run("parse+compute", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			Compute(parser.Parse(src), src, Options{Vocabulary: v})
		}
	})
}

func TestSeedLikePage(t *testing.T) {
	v := marker.Default()
	src := seedLikePage(2)
	p := Compute(markdown.New(markdown.Options{Vocabulary: v}).Parse(src), src, Options{Vocabulary: v})
	checkInvariants(t, p)
	// per part: 2 struck heading items + 1 open heading item, 8 boxes + 2×2
	// nested, 3 marked list items, 6 table rows
	if got, want := len(p.Items), 2*(3+12+3+6); got != want {
		t.Errorf("items = %d, want %d", got, want)
	}
	if len(p.Warnings) != 4 {
		t.Errorf("warnings = %+v, want two drifts per part (the COMPLETE heading, the ticked parent)", p.Warnings)
	}
}
