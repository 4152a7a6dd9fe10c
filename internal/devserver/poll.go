package devserver

import (
	"context"
	"os"
	"path/filepath"
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
	for _, e := range p.sc.entries {
		p.scanEntry(e, files)
	}
	return files
}

func (p *poller) scanEntry(name string, files map[string]stamp) {
	if p.sc.ignored(name) {
		return
	}
	info, err := os.Stat(name)
	if err != nil {
		return
	}
	if !info.IsDir() {
		files[p.sc.rel(name)] = stampOf(info)
		return
	}
	p.scanDir(name, files)
}

func (p *poller) scanDir(dir string, files map[string]stamp) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, de := range entries {
		name := filepath.Join(dir, de.Name())
		if p.sc.ignored(name) {
			continue
		}
		if de.IsDir() {
			p.scanDir(name, files)
			continue
		}
		info, err := de.Info()
		if err == nil && info.Mode()&os.ModeSymlink != 0 {
			info, err = os.Stat(name) // follow links to files
		}
		if err != nil || info.IsDir() {
			continue
		}
		files[p.sc.rel(name)] = stampOf(info)
	}
}

func stampOf(info os.FileInfo) stamp {
	return stamp{mtime: info.ModTime().UnixNano(), size: info.Size(), mode: info.Mode()}
}
