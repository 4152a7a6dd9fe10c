package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"path"
	"runtime"
	"strings"
	"time"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/devserver"
	"github.com/milepost/milepost/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var bind string
	var port int
	var open bool
	var poll time.Duration
	var allowHosts []string
	ok := parseFlags("serve", args, stderr, func(fs *flag.FlagSet) {
		sf.register(fs)
		fs.StringVar(&bind, "bind", "127.0.0.1", "`address` to listen on (anything but loopback exposes your drafts)")
		fs.IntVar(&port, "port", 1313, "first `port` to try; a busy one moves to the next")
		fs.IntVar(&port, "p", 1313, "first `port` to try")
		fs.BoolVar(&open, "open", false, "open the site in the default browser once it is served")
		fs.DurationVar(&poll, "poll", 0, "poll for changes at this `interval` instead of using file system events (WSL, Docker volumes, NFS)")
		fs.Func("allow-host", "also answer requests for host `NAME` (repeatable, or comma-separated); others get 421", func(v string) error {
			for _, name := range strings.Split(v, ",") {
				if name = strings.TrimSpace(name); name != "" {
					allowHosts = append(allowHosts, name)
				}
			}
			return nil
		})
	})
	if !ok {
		return exitUsage
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitUsage
	}
	in.Mode = site.Again
	cfg, _ := site.ReadConfig(in) // a broken config is reported by the first build, in the page
	srv := devserver.New(siteBuilder{site.NewBuilder(in)}, devserver.Options{
		Root:       sf.source,
		Watch:      []string{path.Clean(cfg.ContentDir), "templates", "static", config.FileName},
		Bind:       bind,
		AllowHosts: allowHosts,
		Port:       port,
		Poll:       poll,
		Log:        stderr,
	})
	err = srv.Run(ctx, func(url string) {
		if open {
			openBrowser(url, stderr)
		}
	})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	return exitOK
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

// openBrowser asks the desktop to open url; failing is not an error.
func openBrowser(url string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "milepost: could not open a browser (%v); visit %s\n", err, url)
		return
	}
	go func() { _ = cmd.Wait() }()
}
