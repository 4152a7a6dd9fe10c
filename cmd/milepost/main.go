// Command milepost turns a folder of status markdown into a static status
// site: per-section progress, wiki-links with backlinks, badges and
// status.json.
//
//	milepost build [-s DIR] [-d DIR] [--base-url URL] [--drafts] [--no-minify] [--force] [-q]
//	milepost serve [-s DIR] [--bind ADDR] [--allow-host NAME] [--port N] [--poll DURATION]
//	milepost check [-s DIR] [--format text|json|github] [--strict] [--fail-on KINDS]
//	milepost init DIR
//	milepost version
//
// Exit codes: 0 success, 1 build or check failure, 2 usage error. This
// package only reads flags and wires the stages (package site) to the
// file system; only main exits.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(runWithSignals(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// run is the whole program minus the process: arguments in, exit code out.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "serve", "server":
		return runServe(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "init":
		return runInit(rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "milepost", version())
		return exitOK
	case "help", "-h", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "milepost: unknown command %q\n\n", cmd)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `milepost turns a folder of status markdown into a static status site.

Usage:
  milepost build [flags]   build the site into the destination folder
  milepost serve [flags]   serve the site from memory, rebuilding as files change
  milepost check [flags]   build in memory and report broken links, drift and stale pages
  milepost init DIR        create a new site in DIR
  milepost version         print the version

Run "milepost COMMAND -h" for a command's flags.
`)
}
