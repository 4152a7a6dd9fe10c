package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := cli.New("check", "[DIR]", 1,
		"Builds the site in DIR (default: the current folder, or -s) in memory, writing nothing, and reports\n"+
			"errors and warnings (broken links, drift, stale pages) with file:line:col. Exits 1 on an error, or\n"+
			"on a warning with --strict or of a kind named by --fail-on.",
		"milepost check",
		"milepost check docs-site --strict",
		"milepost check -q --fail-on broken-link,drift",
		"milepost check --format github   # annotations in a GitHub Actions run")
	fs := cmd.Flags
	var sf siteFlags
	sf.register(fs)
	format := fs.String("format", "text", "output `format`: text, json or github (workflow annotations)")
	strict := fs.Bool("strict", false, "fail on any warning")
	failOn := fs.String("fail-on", "", "comma-separated warning `kinds` that fail the check: "+strings.Join(diag.WarningKinds, ","))
	quiet := fs.Bool("q", false, "report only what fails the check, and no summary")
	fs.BoolVar(quiet, "quiet", false, "report only what fails the check, and no summary")
	if code, ok := parseSite(cmd, args, &sf, stdout, stderr); !ok {
		return code
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "milepost check: --format must be text, json or github, not %q\n", *format)
		return cli.ExitUsage
	}
	failKinds, err := diag.ParseKinds(*failOn)
	if err != nil {
		fmt.Fprintln(stderr, "milepost check: --fail-on:", err)
		return cli.ExitUsage
	}
	in, err := sf.input()
	if err != nil {
		fmt.Fprintln(stderr, "milepost:", err)
		return cli.ExitUsage
	}
	in.KeepGoing = true // a page's bad front matter does not hide the other pages' problems
	res, err := site.Build(ctx, in, publish.NewMemory(false))
	var list *diag.ErrorList
	if err != nil && !errors.As(err, &list) {
		fmt.Fprintln(stderr, "milepost:", err) // not a file's: a spool, a signal, a build's own failure
		if res == nil || len(res.Diagnostics) == 0 {
			return cli.ExitFail
		}
	}
	var ds diag.List
	pages := 0
	if res != nil {
		ds, pages = res.Diagnostics, res.Pages
	} else if list != nil {
		ds = list.Diagnostics
	}
	fails := func(d diag.Diagnostic) bool {
		return d.Severity == diag.Error || *strict || failKinds[d.Kind]
	}
	summary := fmt.Sprintf("checked %s: %s", plural(pages, "page"), ds.Tally())
	failed := err != nil
	stopped := failed && pages == 0
	if n := len(ds.Errors()); stopped && n > 0 {
		// not "checked 0 pages: 1 error, 0 warnings": links, plans and
		// dates were never looked at
		fix := "them"
		if n == 1 {
			fix = "it"
		}
		summary = fmt.Sprintf("stopped at %s before the pages were checked; fix %s and check again for warnings", plural(n, "error"), fix)
	} else if stopped {
		summary = "stopped before the pages were checked"
	}
	shown := ds[:0:0]
	for _, d := range ds.From(sf.source) {
		failed = failed || fails(d)
		if !*quiet || fails(d) {
			shown = append(shown, d)
		}
	}
	switch *format {
	case "json":
		writeCheckJSON(stdout, shown, pages, stopped)
	case "github":
		for _, d := range shown {
			fmt.Fprintln(stdout, d.GitHub())
		}
	default:
		for _, d := range shown {
			fmt.Fprintln(stdout, d.String())
		}
	}
	if !*quiet {
		sayHistory(stderr, res)
		fmt.Fprintln(stderr, summary)
	}
	if failed {
		return cli.ExitFail
	}
	return cli.ExitOK
}

// checkJSON is what check --format json prints.
type checkJSON struct {
	// Stopped is true when errors stopped the check before the pages
	// were checked: Warnings then counts none of theirs.
	Stopped     bool      `json:"stopped"`
	Pages       int       `json:"pages"`
	Errors      int       `json:"errors"`
	Warnings    int       `json:"warnings"`
	Diagnostics diag.List `json:"diagnostics"`
}

func writeCheckJSON(w io.Writer, ds diag.List, pages int, stopped bool) {
	out := checkJSON{Stopped: stopped, Pages: pages, Errors: len(ds.Errors()), Warnings: len(ds.Warnings()), Diagnostics: ds}
	if out.Diagnostics == nil {
		out.Diagnostics = diag.List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
