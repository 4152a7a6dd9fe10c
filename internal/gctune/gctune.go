// Package gctune sets the garbage collector for a one-off `milepost build`.
//
// In: PARSE's progress reports (how many pages there are, and when the
// last is parsed), RENDER's first report (it starts), and the live heap
// at each. Out: the collector's percent
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
//
// RENDER starts with more held than PARSE left: the plan of every item
// of the site, the views and the pages' keys. When that live heap fills
// more than gcRenderFill of the soft limit, the collector would run
// back to back under it while RENDER makes its garbage (at 10k pages it
// took three times the CPU), so the limit is raised to gcRenderRoom
// times the live heap, within the same ceiling. The fill is lower than
// it looks: the limit counts the free slots PARSE's garbage left in the
// heap's spans beside what it kept (at 10k pages, 87 MiB beside 186 MiB
// of live objects), and with a live heap at 55% of the limit the
// collector already ran twice as often as at 45%. That limit stops at
// gcRenderCeiling while gcRenderMinRoom times the live heap fits under
// it, which keeps a 10k-page site under 400 MB after one edit too.
//
// GOGC or GOMEMLIMIT in the environment win over all of this.
const (
	gcSoftLimit      = 340 << 20
	gcBigSiteLive    = gcSoftLimit * 6 / 10
	gcBigSitePages   = 15000 // about 8 KB of live summary per page of the benchmark corpus
	gcBigSiteGOGC    = 35
	gcBigSiteLimit   = 2.4 // × the live heap when PARSE ends
	gcBigSiteCeiling = 1800 << 20
	gcMinGrowth      = 1.2
	gcRenderFill     = 0.45
	gcRenderRoom     = 2.0 // × the live heap when RENDER starts
	// gcRenderCeiling caps that limit while gcRenderMinRoom times the
	// live heap fits under it: twice a 10k-page site's live heap took its
	// peak just over 400 MB in a build after one edit.
	gcRenderCeiling = 360 << 20
	gcRenderMinRoom = 1.8
	liveHeapMetric  = "/gc/heap/live:bytes"
)

// ForBuild returns the site.Input.Progress of a one-off build: it sets the
// collector as above when PARSE ("parsing") and RENDER ("rendering")
// first report, and passes every report on to report (which may be nil).
// Call it after whatever the build does before it that holds little
// memory (the build cache's up-to-date check).
func ForBuild(report func(stage string, done, total int)) func(stage string, done, total int) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return withHooks(report, func(int, int) {}, func() {})
	}
	return withHooks(report, onParse(), onRender())
}

// onParse sets the collector for PARSE, and for what follows it once the
// last page is parsed.
func onParse() func(done, total int) {
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
				live, ok := liveHeap()
				if ok && (big || live > gcBigSiteLive) {
					debug.SetGCPercent(100)
					debug.SetMemoryLimit(roomFor(live, gcBigSiteLimit))
				}
			})
		}
	}
}

// onRender raises the soft limit when RENDER starts, if the live heap
// then fills most of it.
func onRender() func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			live, ok := liveHeap()
			if !ok {
				return
			}
			if limit := debug.SetMemoryLimit(-1); float64(live) > float64(limit)*gcRenderFill {
				room := min(roomFor(live, gcRenderRoom), max(gcRenderCeiling, int64(float64(live)*gcRenderMinRoom)))
				debug.SetMemoryLimit(max(limit, room))
			}
		})
	}
}

// roomFor is the soft limit that lets a live heap grow by times itself:
// never below gcSoftLimit, and above gcBigSiteCeiling only as far as
// gcMinGrowth times the live heap needs.
func roomFor(live uint64, times float64) int64 {
	limit := min(int64(float64(live)*times), max(gcBigSiteCeiling, int64(float64(live)*gcMinGrowth)))
	return max(gcSoftLimit, limit)
}

// liveHeap is the heap the last collection found live.
func liveHeap() (uint64, bool) {
	sample := []metrics.Sample{{Name: liveHeapMetric}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0, false
	}
	return sample[0].Value.Uint64(), true
}

func withHooks(report func(stage string, done, total int), onParse func(done, total int), onRender func()) func(string, int, int) {
	return func(stage string, done, total int) {
		switch stage {
		case "parsing":
			onParse(done, total)
		case "rendering":
			onRender()
		}
		if report != nil {
			report(stage, done, total)
		}
	}
}
