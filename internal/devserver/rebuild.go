package devserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"runtime/debug"
	"sort"
	"strings"
	"time"
)

// rebuild runs one build, swaps in the result or the error overlay, prints
// the terminal line and tells the browsers. It runs on the build loop only.
func (s *Server) rebuild(ctx context.Context, cs changeSet, first bool) {
	res, err := s.build(ctx, cs.changed)
	if err == nil && res == nil {
		err = errors.New("the builder returned no result")
	}
	took := time.Since(cs.first)
	if err != nil && ctx.Err() != nil {
		return // cancelled by shutdown: nothing to report
	}
	prev := s.state.Load()
	if err != nil {
		ov := renderOverlay(s.opts.Root, err, prev.files != nil)
		next := *prev
		next.overlay = ov.html
		s.state.Store(&next)
		s.logf("build failed in %s%s\n%s", formatDuration(took), sources(cs.changed, first), ov.text)
		s.hub.broadcast(event{name: "error", data: ov.html})
		return
	}

	files := res.Files
	if files == nil {
		files = map[string][]byte{}
	}
	outChanged := res.Changed
	if outChanged == nil && prev.files != nil {
		outChanged = diffFiles(prev.files, files)
	}
	mustReload := prev.files == nil || prev.overlay != "" || outChanged == nil
	next := &siteState{files: files, deferred: res.Deferred, gen: prev.gen}
	if mustReload || len(outChanged) > 0 {
		next.gen++
	}
	s.state.Store(next)

	verb := "rebuilt"
	if first {
		verb = "built"
	}
	s.logf("%s %d %s in %s%s", verb, res.Pages, plural(res.Pages, "page", "pages"), formatDuration(took), sources(cs.changed, first))

	id := s.siteID(next)
	switch {
	case mustReload:
		s.hub.broadcast(event{name: "reload", data: id})
	case len(outChanged) == 0:
		// Same bytes as before: nothing to show.
	case allCSS(outChanged):
		data, _ := json.Marshal(struct {
			Site  string   `json:"site"`
			Paths []string `json:"paths"`
		}{id, outChanged})
		s.hub.broadcast(event{name: "css", data: string(data)})
	default:
		s.hub.broadcast(event{name: "reload", data: id})
	}
}

// build calls the builder, turning a panic into an error: a bug the input
// triggers shows in the page like any other failure, and the server lives.
func (s *Server) build(ctx context.Context, changed []string) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("the build panicked: %v\n\n%s", p, debug.Stack())
		}
	}()
	return s.builder.Build(ctx, changed)
}

// diffFiles lists the output paths whose bytes differ between two builds,
// removed ones included, sorted. Slices the builder passed on unchanged
// compare in constant time.
func diffFiles(prev, cur map[string][]byte) []string {
	changed := []string{}
	for name, body := range cur {
		if old, ok := prev[name]; !ok || !bytes.Equal(old, body) {
			changed = append(changed, name)
		}
	}
	for name := range prev {
		if _, ok := cur[name]; !ok {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	return changed
}

// allCSS reports whether every changed output is a stylesheet: the browser
// can then swap stylesheets instead of reloading.
func allCSS(outputs []string) bool {
	for _, name := range outputs {
		if strings.ToLower(path.Ext(name)) != ".css" {
			return false
		}
	}
	return len(outputs) > 0
}

// sources is the tail of the terminal line: the source files that changed.
func sources(changed []string, first bool) string {
	const shown = 3
	switch {
	case first:
		return ""
	case changed == nil:
		return " — all files"
	case len(changed) <= shown:
		return " — " + strings.Join(changed, ", ")
	default:
		return fmt.Sprintf(" — %s and %d more", strings.Join(changed[:shown], ", "), len(changed)-shown)
	}
}

// formatDuration prints 0.4 ms, 4.2 ms, 350 ms, 1.25 s.
func formatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms < 100:
		return fmt.Sprintf("%.1f ms", ms)
	case ms < 1000:
		return fmt.Sprintf("%.0f ms", ms)
	default:
		return fmt.Sprintf("%.2f s", ms/1000)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
