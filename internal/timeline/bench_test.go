package timeline

import (
	"math/rand"
	"testing"
)

// BenchmarkDraw draws a page-sized timeline: 40 rows with sentence-long
// labels, as the benchmark corpus's pages have.
func BenchmarkDraw(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	var in Input
	for len(in.Rows) < 10 {
		row := Row{Label: "Phase with a fairly long heading that will not fit", Start: "2026-01-05", Due: "2026-03-20", State: Active}
		for k := 0; k < 3; k++ {
			row.Rows = append(row.Rows, Row{Label: "Sandbox with mirror every stream in audit consumer image budget drops owns upload",
				Start: (day(20460 + r.Intn(60))).String(), Due: (day(20520 + r.Intn(90))).String(), State: Open})
		}
		in.Rows = append(in.Rows, row)
	}
	in.Today, in.Target = "2026-02-01", "2026-04-30"
	b.ReportAllocs()
	for b.Loop() {
		Draw(in)
	}
}
