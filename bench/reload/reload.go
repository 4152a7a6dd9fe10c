// Package reload measures what a user of `milepost serve` waits for: the
// time from writing a source file to the browser being told to reload.
//
// In: a site folder, a devserver.Builder, the file to edit and how many
// times. Out: the median and the 95th percentile. It edits the file (and
// restores it): it is for the benchmark (BenchmarkReload in cmd/milepost,
// run by bench/run.sh), never for the product.
package reload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/milepost/milepost/internal/devserver"
	"github.com/milepost/milepost/internal/sseclient"
)

// editTimeout bounds the wait for the reload that follows one edit.
const editTimeout = 60 * time.Second

// Measure measures what a user of `milepost serve` waits for: the time
// from writing a source file to the browser being told to reload. It serves
// the site under root (built by b) on a free loopback port, watching what
// `milepost serve` watches: the top folder of file (the content folder),
// templates/, static/ and milepost.yaml. It edits file (a slash path
// relative to root) n times, each edit after the previous reload, and
// returns the median and the 95th percentile. The file is restored
// afterwards.
//
// Each edit appends a line that must change the output: a paragraph for
// Markdown and other text, a rule for CSS. An edit the output does not show
// (a comment in a template) never gets a reload and fails after a minute.
func Measure(ctx context.Context, root string, b devserver.Builder, file string, n int) (median, p95 time.Duration, err error) {
	if n <= 0 {
		return 0, 0, errors.New("reload.Measure: n must be positive")
	}
	name := filepath.Join(root, filepath.FromSlash(file))
	orig, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, err
	}
	info, err := os.Stat(name)
	if err != nil {
		return 0, 0, err
	}

	ctx, cancel := context.WithCancel(ctx)
	contentDir, _, _ := strings.Cut(path.Clean(file), "/")
	s := devserver.New(b, devserver.Options{
		Root:  root,
		Watch: []string{contentDir, "templates", "static", "milepost.yaml"},
		Port:  -1,
		Log:   io.Discard,
	})
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, func(u string) { urls <- u }) }()
	defer func() {
		cancel()
		if runErr := <-done; err == nil && runErr != nil {
			err = runErr
		}
		if werr := os.WriteFile(name, orig, info.Mode().Perm()); err == nil && werr != nil {
			err = werr
		}
	}()

	var siteURL string
	select {
	case siteURL = <-urls:
	case err := <-done:
		done <- err // for the deferred wait
		return 0, 0, fmt.Errorf("server stopped: %v", err)
	}
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	stream, err := sseclient.Open(ctx, client, siteURL+"_milepost/events")
	if err != nil {
		return 0, 0, err
	}
	events := stream.Pump(ctx)
	if ev, ok := <-events; !ok || ev.Name != "hello" {
		return 0, 0, errors.New("event stream did not greet")
	}

	times := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		edited := append(append([]byte{}, orig...), benchEdit(file, i)...)
		start := time.Now()
		if err := os.WriteFile(name, edited, info.Mode().Perm()); err != nil {
			return 0, 0, err
		}
		if err := awaitReload(events, file, editTimeout); err != nil {
			return 0, 0, err
		}
		times = append(times, time.Since(start))
	}
	median, p95 = percentiles(times)
	return median, p95, nil
}

// benchEdit is the text appended to the file for edit i.
func benchEdit(file string, i int) string {
	if strings.ToLower(path.Ext(file)) == ".css" {
		return fmt.Sprintf("\n.milepost-bench{order:%d}\n", i+1)
	}
	return fmt.Sprintf("\n\nmilepost reload benchmark, edit %d\n", i+1)
}

// awaitReload waits for the reload (or stylesheet swap) that follows an
// edit of file.
func awaitReload(events <-chan sseclient.Event, file string, within time.Duration) error {
	timeout := time.NewTimer(within)
	defer timeout.Stop()
	for {
		select {
		case ev, ok := <-events:
			switch {
			case !ok:
				return errors.New("event stream closed")
			case ev.Name == "reload" || ev.Name == "css":
				return nil
			case ev.Name == "error":
				return fmt.Errorf("the build failed after editing %s", file)
			}
		case <-timeout.C:
			return fmt.Errorf("no reload within %v of editing %s: does the edit change the output?", within, file)
		}
	}
}

// percentiles returns the median and the 95th percentile (nearest rank).
func percentiles(times []time.Duration) (median, p95 time.Duration) {
	s := append([]time.Duration(nil), times...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	if n%2 == 1 {
		median = s[n/2]
	} else {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	rank := (95*n + 99) / 100 // ceil(0.95 n)
	return median, s[rank-1]
}
