package main

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"path"
	"runtime"
	"strings"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/devserver"
	"github.com/milepost/milepost/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", stderr)
	var sf siteFlags
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on (anything but loopback exposes your drafts)")
	port := fs.Int("port", 1313, "first `port` to try; a busy one moves to the next")
	fs.IntVar(port, "p", 1313, "first `port` to try")
	open := fs.Bool("open", false, "open the site in the default browser once it is served")
	poll := fs.Duration("poll", 0, "poll for changes at this `interval` instead of using file system events (WSL, Docker volumes, NFS)")
	var allowHosts []string
	fs.Func("allow-host", "also answer requests for host `NAME` (repeatable, or comma-separated); others get 421", func(v string) error {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				allowHosts = append(allowHosts, name)
			}
		}
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "milepost serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitUsage
	}
	cfg, _ := site.ReadConfig(in) // a broken config is reported by the first build, in the page
	srv := devserver.New(devserver.SiteBuilder(site.NewBuilder(in)), devserver.Options{
		Root:       sf.source,
		Watch:      []string{path.Clean(cfg.ContentDir), "templates", "static", config.FileName},
		Bind:       *bind,
		AllowHosts: allowHosts,
		Port:       *port,
		Poll:       *poll,
		Log:        stderr,
	})
	err = srv.Run(ctx, func(url string) {
		if *open {
			openBrowser(url, stderr)
		}
	})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	return exitOK
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
