// Package gctune sets the garbage collector for a one-off `milepost build`.
//
// In: PARSE's progress reports (how many pages there are, and when the
// last is parsed) and the live heap then. Out: the collector's percent
// and soft memory limit (runtime/debug). Must not: override GOGC or
// GOMEMLIMIT set in the environment, or be used by the dev server, whose
// heap lives for hours.
package gctune

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The garbage collector's settings for a build. A build keeps a summary
// of every page for its whole run and makes a lot of short-lived garbage
// around it. Go's default (collect when the heap doubles) lets a 10k-page
// site peak near 450 MB; collecting at 35% growth keeps it near 335 MB but
// costs a third more CPU. A soft limit does better than both: the heap may
// grow freely up to gcSoftLimit, and the collector works harder only near
// it. It is set when PARSE first reports, which says how many pages there
// are: LOAD runs under Go's default, as a big site's sources alone would
// fill the limit (100k pages are 342 MB of markdown).
//
// A site whose page summaries alone would fill most of the limit would
// keep the collector running all the time under it (a 100k-page site took
// twice the CPU). Such a site (more than gcBigSitePages pages) is parsed
// collecting at 35% growth instead, which scales with the site. Once PARSE
// has handed out its last page, a site that is big, or whose live heap
// fills 60% of the limit, gets a soft limit at gcBigSiteLimit times its
// live heap and Go's default growth again: the heap grows by about 1.8
// times after PARSE (links resolved, keys, the files' bookkeeping), so the
// limit leaves more room than 35% growth would, and the runtime hands
// freed memory back before the peak (without a limit a 100k-page site
// peaked anywhere from 2.2 to 2.9 GB from run to run). Were a site's heap
// to grow more than that, the collector would run more often (the runtime
// caps it at half the CPU), not fail. The limit never goes above
// gcBigSiteCeiling unless the live heap needs gcMinGrowth times itself:
// a build that keeps most pages from the cache holds the last build's
// summaries, manifest and outputs, a live heap twice a cold build's at
// the end of PARSE, and 2.4 times that took a 100k-page site to 3.3 GB.
// GOGC or GOMEMLIMIT in the environment win over all of this.
const (
	gcSoftLimit      = 340 << 20
	gcBigSiteLive    = gcSoftLimit * 6 / 10
	gcBigSitePages   = 15000 // about 8 KB of live summary per page of the benchmark corpus
	gcBigSiteGOGC    = 35
	gcBigSiteLimit   = 2.4 // × the live heap when PARSE ends
	gcBigSiteCeiling = 1800 << 20
	gcMinGrowth      = 1.2
	liveHeapMetric   = "/gc/heap/live:bytes"
)

// ForBuild returns the site.Input.Progress of a one-off build: it sets the
// collector as above when PARSE ("parsing") reports, and passes every
// report on to report (which may be nil). Call it after whatever the build
// does before it that holds little memory (the build cache's up-to-date
// check).
func ForBuild(report func(stage string, done, total int)) func(stage string, done, total int) {
	return withParseHook(report, onParse())
}

// onParse returns the hook PARSE's progress reports go through, which
// sets the collector as above (a no-op when the environment sets it).
func onParse() func(done, total int) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func(int, int) {}
	}
	big := false // set and read on PARSE's reporting goroutine only
	var first, last sync.Once
	return func(done, total int) {
		first.Do(func() {
			if total > gcBigSitePages {
				big = true
				debug.SetGCPercent(gcBigSiteGOGC)
			} else {
				debug.SetMemoryLimit(gcSoftLimit)
			}
		})
		if done == total {
			last.Do(func() {
				sample := []metrics.Sample{{Name: liveHeapMetric}}
				metrics.Read(sample)
				if sample[0].Value.Kind() != metrics.KindUint64 {
					return
				}
				if live := sample[0].Value.Uint64(); big || live > gcBigSiteLive {
					debug.SetGCPercent(100)
					limit := min(int64(float64(live)*gcBigSiteLimit), max(gcBigSiteCeiling, int64(float64(live)*gcMinGrowth)))
					debug.SetMemoryLimit(max(gcSoftLimit, limit))
				}
			})
		}
	}
}

// withParseHook passes PARSE's progress reports to onParse, and every
// report on to report (which may be nil).
func withParseHook(report func(stage string, done, total int), onParse func(done, total int)) func(string, int, int) {
	return func(stage string, done, total int) {
		if stage == "parsing" {
			onParse(done, total)
		}
		if report != nil {
			report(stage, done, total)
		}
	}
}
