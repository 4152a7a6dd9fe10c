// Package progress is the one line on a terminal that tells how far a
// long build is ("milepost: parsing 4000/10000 pages").
//
// In: the terminal, and a build's reports of done and total pages per
// stage (site.Input.Progress). Out: that line, redrawn in place at most
// ten times a second, and cleared at the end.
// It must not write anything when its output is not a terminal, nor for
// sites too small to wait for.
package progress

import (
	"fmt"
	"os"
	"time"
)

// Line returns a report function that keeps one line on the terminal w up
// to date, and a func that clears the line; nil and a no-op when w is not
// a terminal. report is called from one goroutine.
func Line(w *os.File) (report func(stage string, done, total int), clear func()) {
	fi, err := w.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil, func() {}
	}
	var last time.Time
	shown := false
	report = func(stage string, n, total int) {
		if total < 500 || (time.Since(last) < 100*time.Millisecond && n != total) {
			return
		}
		last = time.Now()
		shown = true
		fmt.Fprintf(w, "\r\033[Kmilepost: %s %d/%d pages", stage, n, total)
	}
	return report, func() {
		if shown {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
