package main

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"path"
	"runtime"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/devserver"
	"github.com/milepost/milepost/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("serve", "[DIR]", 1,
		"Serves the site in DIR (default: the current folder, or -s) from memory, rebuilds what changed\n"+
			"and reloads the browser. A broken file shows an error overlay; the last good site stays served.",
		"milepost serve",
		"milepost serve mysite --open",
		"milepost serve --poll 1s   # WSL, Docker volumes, NFS: mounts without file events")
	fs := cmd.flags
	var sf siteFlags
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "listen on `ADDR` (anything but loopback exposes your drafts)")
	port := fs.Int("port", 1313, "first port `N` to try; a busy one moves to the next")
	fs.IntVar(port, "p", 1313, "first port `N` to try")
	open := fs.Bool("open", false, "open the site in the default browser once it is served")
	poll := fs.Duration("poll", 0, "poll for changes every `DURATION` instead of using file system events (WSL, Docker volumes, NFS)")
	pos, code, ok := cmd.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if !sf.takeDir(pos, cmd, stderr) {
		return exitUsage
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitUsage
	}
	cfg, _ := site.ReadConfig(in) // a broken config is reported by the first build, in the page
	srv := devserver.New(devserver.SiteBuilder(site.NewBuilder(in)), devserver.Options{
		Root:  sf.source,
		Watch: []string{path.Clean(cfg.ContentDir), "templates", "static", config.FileName},
		Bind:  *bind,
		Port:  *port,
		Poll:  *poll,
		Log:   stderr,
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
