package devserver

import (
	"context"
	"os"
	"time"
)

// stamp is what polling compares between two scans.
type stamp struct {
	mtime int64
	size  int64
	mode  os.FileMode
}

// poller finds changes by scanning the scope at an interval, for mounts
// where inotify events never arrive (WSL, Docker volumes, NFS) or when
// fsnotify cannot start.
type poller struct {
	sc       scope
	interval time.Duration
	last     map[string]stamp // by slash path relative to the root
}

func newPoller(sc scope, interval time.Duration) *poller {
	p := &poller{sc: sc, interval: interval}
	p.last = p.scan()
	return p
}

// run delivers change sets until ctx is done.
func (p *poller) run(ctx context.Context, g *gatherer) {
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if p.diff(&g.pending, time.Now()) {
				g.noted()
			}
		case <-g.timer.C:
			g.fired()
		case g.outC() <- g.value():
			g.sent()
		}
	}
}

// diff scans again and adds every created, modified or removed file to b.
func (p *poller) diff(b *batch, now time.Time) bool {
	cur := p.scan()
	found := false
	for rel, st := range cur {
		if old, ok := p.last[rel]; !ok || old != st {
			b.add(rel, false, now)
			found = true
		}
	}
	for rel := range p.last {
		if _, ok := cur[rel]; !ok {
			b.add(rel, false, now)
			found = true
		}
	}
	p.last = cur
	return found
}

// scan stamps every file of every entry, litter left out.
func (p *poller) scan() map[string]stamp {
	files := make(map[string]stamp)
	p.sc.walkFiles(func(name string) {
		if info, err := os.Stat(name); err == nil && !info.IsDir() { // links followed
			files[p.sc.rel(name)] = stampOf(info)
		}
	})
	return files
}

func stampOf(info os.FileInfo) stamp {
	return stamp{mtime: info.ModTime().UnixNano(), size: info.Size(), mode: info.Mode()}
}
