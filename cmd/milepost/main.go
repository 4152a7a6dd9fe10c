// Command milepost turns a folder of status markdown into a static status
// site: per-section progress, wiki-links with backlinks, badges and
// status.json.
//
//	milepost build [-s DIR] [-c DIR] [-d DIR] [--base-url URL] [--drafts] [--no-minify] [--file-links] [--cache-dir DIR] [--no-cache] [--force] [-q] [DIR]
//	milepost serve [-s DIR] [--bind ADDR] [--allow-host NAME] [--port N] [--poll DURATION] [--open] [DIR]
//	milepost check [-s DIR] [--format text|json|github] [--strict] [--fail-on KINDS] [-q] [DIR]
//	milepost init DIR
//	milepost version
//
// Exit codes: 0 success (and -h), 1 build or check failure, 2 usage error.
// This package only reads flags (with package cli) and wires the stages
// (package site) to the file system, under the signal handling of package
// lifecycle; only main exits.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/lifecycle"
)

func main() {
	os.Exit(lifecycle.Run(func(ctx context.Context) int {
		return run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	}, cli.ExitFail, os.Stderr))
}

// commands are the subcommands, for help and suggestions.
var commands = []string{"build", "serve", "check", "init", "version", "help"}

// run is the whole program minus the process: arguments in, exit code out.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return cli.ExitUsage
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
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "--help", "-help":
		if len(rest) == 1 && rest[0] != "help" && slices.Contains(commands, rest[0]) {
			return run(ctx, []string{rest[0], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return cli.ExitOK
	}
	if strings.HasPrefix(cmd, "-") {
		fmt.Fprintf(stderr, "milepost: name a command before flags: milepost build %s\n\n", strings.Join(args, " "))
	} else if near := cli.Nearest(cmd, commands); near != "" {
		fmt.Fprintf(stderr, "milepost: unknown command %q; did you mean %q?\n\n", cmd, near)
	} else {
		fmt.Fprintf(stderr, "milepost: unknown command %q\n\n", cmd)
	}
	usage(stderr)
	return cli.ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `milepost turns a folder of status markdown into a static status site.

Usage:
  milepost build [flags] [DIR]   build the site into DIR/public (DIR: the site root, default .)
  milepost serve [flags] [DIR]   serve the site from memory, rebuilding as files change
  milepost check [flags] [DIR]   build in memory and report broken links, drift and stale pages
  milepost init DIR              create a new site in DIR
  milepost version               print the version and the revision it was built from

Run "milepost COMMAND -h" (or "milepost help COMMAND") for a command's flags and examples.
`)
}
