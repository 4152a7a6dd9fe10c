// Package hugepage asks the kernel to back a one-off build's memory with
// transparent huge pages (2 MiB) where the system leaves that to each
// program ("madvise", the default of Debian and Ubuntu, and so of CI
// runners).
//
// In: nothing but the environment (MILEPOST_HUGEPAGES=0 turns it off).
// Out: MADV_HUGEPAGE on every mapping of the process, again every few
// milliseconds while Start's stop has not been called, because the Go
// runtime maps its heap in new arenas as it grows and a new mapping does
// not inherit the advice. Must not: be used by the dev server, whose heap
// lives for hours (huge pages keep partly freed memory resident), or fail
// a build: where the kernel refuses the advice, nothing happens.
//
// Why: a 10k-page build after one edit faulted in its 370 MB heap 4 KiB
// at a time, about 98,000 page faults and a third of its system time.
// With the advice it took about 41,000 faults and 13% less CPU (see
// BENCHMARKS.md); a cold build's peak RSS grows by about 15 MB.
package hugepage

import (
	"os"
	"time"
)

// period is how often the advice is given again: a build allocates about
// 250 MB a second, so a new arena is touched for about a megabyte before
// it is advised.
const period = 5 * time.Millisecond

// Start gives the advice now and every period until stop is called.
func Start() (stop func()) {
	if os.Getenv("MILEPOST_HUGEPAGES") == "0" || !advise() {
		return func() {}
	}
	ticker := time.NewTicker(period)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ticker.C:
				if !advise() {
					return
				}
			case <-done:
				return
			}
		}
	}()
	return func() { ticker.Stop(); close(done) }
}
