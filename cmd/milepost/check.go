package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var format, failOn string
	var strict bool
	ok := parseFlags("check", args, stderr, func(fs *flag.FlagSet) {
		sf.register(fs)
		fs.StringVar(&format, "format", "text", "output `format`: text, json or github (workflow annotations)")
		fs.BoolVar(&strict, "strict", false, "fail on any warning")
		fs.StringVar(&failOn, "fail-on", "", "comma-separated warning `kinds` that fail the check: "+strings.Join(diag.WarningKinds, ","))
	})
	if !ok {
		return exitUsage
	}
	if format != "text" && format != "json" && format != "github" {
		fmt.Fprintf(stderr, "milepost check: --format must be text, json or github, not %q\n", format)
		return exitUsage
	}
	failKinds, err := diag.ParseKinds(failOn)
	if err != nil {
		fmt.Fprintln(stderr, "milepost check: --fail-on:", err)
		return exitUsage
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitUsage
	}
	res, err := site.Build(ctx, in, publish.NewMemory(false))
	var list *diag.ErrorList
	if err != nil && !errors.As(err, &list) && (res == nil || len(res.Diagnostics) == 0) {
		fmt.Fprintln(stderr, "milepost:", err)
		return exitFail
	}
	var ds diag.List
	pages := 0
	if res != nil {
		ds, pages = res.Diagnostics, res.Pages
	} else if list != nil {
		ds = list.Diagnostics
	}
	for i := range ds {
		ds[i].File = displayPath(sf.source, ds[i].File)
	}
	switch format {
	case "json":
		writeCheckJSON(stdout, ds, pages)
	case "github":
		for _, d := range ds {
			fmt.Fprintln(stdout, d.GitHub())
		}
	default:
		for _, d := range ds {
			fmt.Fprintln(stdout, d.String())
		}
	}
	fmt.Fprintf(stderr, "checked %s: %s\n", plural(pages, "page"), ds.Tally())
	if len(ds.Errors()) > 0 || err != nil {
		return exitFail
	}
	for _, d := range ds.Warnings() {
		if strict || failKinds[d.Kind] {
			return exitFail
		}
	}
	return exitOK
}

// checkJSON is what check --format json prints.
type checkJSON struct {
	Pages       int       `json:"pages"`
	Errors      int       `json:"errors"`
	Warnings    int       `json:"warnings"`
	Diagnostics diag.List `json:"diagnostics"`
}

func writeCheckJSON(w io.Writer, ds diag.List, pages int) {
	out := checkJSON{Pages: pages, Errors: len(ds.Errors()), Warnings: len(ds.Warnings()), Diagnostics: ds}
	if out.Diagnostics == nil {
		out.Diagnostics = diag.List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
