package main

import (
	"fmt"
	"io"

	"github.com/milepost/milepost/internal/scaffold"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("init", stderr)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: milepost init DIR")
		return exitUsage
	}
	dir := fs.Arg(0)
	now, err := buildTime()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitUsage
	}
	files, err := scaffold.Write(dir, now.Format("2006-01-02"))
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	for _, f := range files {
		fmt.Fprintln(stdout, "  created", f)
	}
	fmt.Fprintf(stdout, "New site in %s. Next:\n  milepost serve -s %s\n", dir, dir)
	return exitOK
}
