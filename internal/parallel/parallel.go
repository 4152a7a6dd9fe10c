// Package parallel runs independent pieces of work on a fixed number of
// goroutines: Do for the stages that need no more than that (LOAD's reads,
// the build cache's fingerprint, the destination check), ForEach for the
// build's per-page loops, with a context, the first error and progress
// reports.
//
// In: a count and a function of the index. Out: every call made (or the
// first error). It must not decide what the work is or in which order its
// results are used: callers write results by index.
package parallel

import "sync/atomic"

// Do calls fn(i) for every i in [0, n) on up to workers goroutines,
// handing out indices in increasing order, and returns once every call has
// returned. When a call returns false, no further index is handed out.
func Do(n, workers int, fn func(i int) bool) {
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var stopped atomic.Bool
	done := make(chan struct{}, workers)
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for !stopped.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if !fn(i) {
					stopped.Store(true)
				}
			}
		}()
	}
	for range workers {
		<-done
	}
}
