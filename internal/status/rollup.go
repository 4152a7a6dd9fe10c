package status

// Rollup sums counts: a folder's counts are the sum of its pages', the
// site's the sum of all tracked pages'.
func Rollup(counts ...Counts) Counts {
	var sum Counts
	for _, c := range counts {
		sum = sum.Add(c)
	}
	return sum
}
