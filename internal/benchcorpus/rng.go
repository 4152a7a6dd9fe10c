package benchcorpus

// rng is a SplitMix64 generator. It is written out here rather than taken
// from math/rand so that the corpus stays byte-identical across Go releases:
// the standard library does not promise that its derived helpers (IntN,
// Shuffle, …) keep producing the same sequence forever.
type rng struct{ state uint64 }

// newRNG returns a generator for one stream of one seed. Streams keep pages
// independent of each other: page i's text does not change when the pages
// before it change.
func newRNG(seed, stream uint64) *rng {
	r := &rng{state: seed*0x9E3779B97F4A7C15 ^ (stream+1)*0xD1B54A32D192ED03}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.state += 0x9E3779B97F4A7C15
	z := r.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n). n must be positive. The modulo bias is
// below 2^-40 for the sizes used here, which does not matter for a corpus.
func (r *rng) intn(n int) int {
	return int(r.next() % uint64(n))
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int {
	return lo + r.intn(hi-lo+1)
}

// chance reports true with probability p.
func (r *rng) chance(p float64) bool {
	return float64(r.next()>>11)/(1<<53) < p
}

func pick[T any](r *rng, xs []T) T {
	return xs[r.intn(len(xs))]
}
