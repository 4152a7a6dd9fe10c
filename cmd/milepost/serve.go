package main

import (
	"context"

	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/milepost/milepost/internal/browser"
	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/contentdir"
	"github.com/milepost/milepost/internal/devserver"
	"github.com/milepost/milepost/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := cli.New("serve", "[DIR]", 1,
		"Serves the site in DIR (default: the current folder, or -s) from memory, rebuilds what changed\n"+
			"and reloads the browser. A broken file shows an error overlay; the last good site stays served.",
		"milepost serve",
		"milepost serve mysite --open",
		"milepost serve --poll 1s   # WSL, Docker volumes, NFS: mounts without file events")
	fs := cmd.Flags
	var sf siteFlags
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "listen on `ADDR` (anything but loopback exposes your drafts)")
	port := fs.Int("port", 1313, "first port `N` to try; a busy one moves to the next (0: any free port)")
	fs.IntVar(port, "p", 1313, "first port `N` to try")
	open := fs.Bool("open", false, "open the site in the default browser once it is served")
	poll := fs.Duration("poll", 0, "poll for changes every `DURATION` instead of using file system events (WSL, Docker volumes, NFS)")
	var allowHosts []string
	fs.Func("allow-host", "also answer requests for host `NAME` (repeatable, or comma-separated); others get 421", func(v string) error {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				allowHosts = append(allowHosts, name)
			}
		}
		return nil
	})
	if code, ok := parseSite(cmd, args, &sf, stdout, stderr); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "milepost: --port %d: a port is a number from 1 to 65535, or 0 for any free one\n", *port)
		return cli.ExitUsage
	}
	listenPort := *port
	if listenPort == 0 {
		listenPort = -1 // devserver.Options: any free port
	}
	if *poll < 0 {
		fmt.Fprintf(stderr, "milepost: --poll %v: give a duration above zero, or leave it out for file system events\n", *poll)
		return cli.ExitUsage
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitUsage
	}
	in.Mode = site.Again
	cfg, _ := site.ReadConfig(in) // a broken config is reported by the first build, in the page
	srv := devserver.New(siteBuilder{site.NewBuilder(in)}, devserver.Options{
		Root:       sf.source,
		Watch:      []string{filepath.ToSlash(contentdir.Rel(sf.source, cfg.ContentDir)), "templates", "static", config.FileName},
		Bind:       *bind,
		AllowHosts: allowHosts,
		Port:       listenPort,
		Poll:       *poll,
		Log:        stderr,
	})
	err = srv.Run(ctx, func(url string) {
		if !*open {
			return
		}
		if err := browser.Open(url); err != nil { // failing is not an error
			fmt.Fprintf(stderr, "milepost: could not open a browser (%v); visit %s\n", err, url)
		}
	})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitFail
	}
	return cli.ExitOK
}

// siteBuilder serves the build pipeline's incremental Builder to the
// dev server.
type siteBuilder struct{ b *site.Builder }

func (s siteBuilder) Build(ctx context.Context, changed []string) (*devserver.Result, error) {
	files, deferred, outputs, res, err := s.b.BuildServed(ctx, changed)
	if err != nil {
		return nil, err
	}
	return &devserver.Result{Files: files, Deferred: deferred, Changed: outputs, Pages: res.Parsed}, nil
}
