package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
)

// warningKinds are the kinds --fail-on accepts.
var warningKinds = []string{diag.KindBrokenLink, diag.KindMissingHeading, diag.KindAmbiguousLink, diag.KindBadLink, diag.KindDrift, diag.KindStale, diag.KindNoItems, diag.KindEmbedCycle, diag.KindInput}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("check", "[DIR]", 1,
		"Builds the site in DIR (default: the current folder, or -s) in memory, writing nothing, and reports\n"+
			"errors and warnings (broken links, drift, stale pages) with file:line:col. Exits 1 on an error, or\n"+
			"on a warning with --strict or of a kind named by --fail-on.",
		"milepost check",
		"milepost check docs-site --strict",
		"milepost check -q --fail-on broken-link,drift",
		"milepost check --format github   # annotations in a GitHub Actions run")
	fs := cmd.flags
	var sf siteFlags
	sf.register(fs)
	format := fs.String("format", "text", "output `format`: text, json or github (workflow annotations)")
	strict := fs.Bool("strict", false, "fail on any warning")
	failOn := fs.String("fail-on", "", "comma-separated warning `kinds` that fail the check: "+strings.Join(warningKinds, ","))
	quiet := fs.Bool("q", false, "report only what fails the check, and no summary")
	fs.BoolVar(quiet, "quiet", false, "report only what fails the check, and no summary")
	pos, code, ok := cmd.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if !sf.takeDir(pos, cmd, stderr) {
		return exitUsage
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "milepost check: --format must be text, json or github, not %q\n", *format)
		return exitUsage
	}
	failKinds, err := parseKinds(*failOn)
	if err != nil {
		fmt.Fprintln(stderr, "milepost check:", err)
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
	fails := func(d diag.Diagnostic) bool {
		return d.Severity == diag.Error || *strict || failKinds[d.Kind]
	}
	summary := checkSummary(ds, pages)
	failed := err != nil
	shown := ds[:0:0]
	for _, d := range ds {
		d.File = displayPath(sf.source, d.File)
		failed = failed || fails(d)
		if !*quiet || fails(d) {
			shown = append(shown, d)
		}
	}
	ds = shown
	switch *format {
	case "json":
		writeCheckJSON(stdout, ds, pages)
	case "github":
		writeGitHub(stdout, ds)
	default:
		for _, d := range ds {
			fmt.Fprintln(stdout, d.String())
		}
	}
	if !*quiet {
		fmt.Fprintln(stderr, summary)
	}
	if failed {
		return exitFail
	}
	return exitOK
}

// parseKinds reads --fail-on's list and rejects unknown kinds.
func parseKinds(s string) (map[string]bool, error) {
	kinds := map[string]bool{}
	if s == "" {
		return kinds, nil
	}
	known := map[string]bool{}
	for _, k := range warningKinds {
		known[k] = true
	}
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		if !known[k] {
			return nil, fmt.Errorf("--fail-on: unknown kind %q (kinds: %s)", k, strings.Join(warningKinds, ", "))
		}
		kinds[k] = true
	}
	return kinds, nil
}

// checkSummary reads "checked 5 pages: 0 errors, 20 warnings (15 broken-link, 2 drift, 3 stale)".
func checkSummary(ds diag.List, pages int) string {
	byKind := map[string]int{}
	for _, d := range ds.Warnings() {
		byKind[d.Kind]++
	}
	kinds := make([]string, 0, len(byKind))
	for k, n := range byKind {
		kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(kinds)
	s := fmt.Sprintf("checked %s: %s, %s", plural(pages, "page"), plural(len(ds.Errors()), "error"), plural(len(ds.Warnings()), "warning"))
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	return s
}

type checkJSON struct {
	Pages       int        `json:"pages"`
	Errors      int        `json:"errors"`
	Warnings    int        `json:"warnings"`
	Diagnostics []diagJSON `json:"diagnostics"`
}

type diagJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Kind     string `json:"kind"`
	Message  string `json:"message"`
}

func writeCheckJSON(w io.Writer, ds diag.List, pages int) {
	out := checkJSON{Pages: pages, Errors: len(ds.Errors()), Warnings: len(ds.Warnings()), Diagnostics: []diagJSON{}}
	for _, d := range ds {
		out.Diagnostics = append(out.Diagnostics, diagJSON{d.File, d.Line, d.Col, d.Severity.String(), d.Kind, d.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

// writeGitHub prints GitHub Actions workflow commands, so findings annotate
// the pull request's files.
func writeGitHub(w io.Writer, ds diag.List) {
	for _, d := range ds {
		props := []string{}
		if d.File != "" {
			props = append(props, "file="+ghProperty(d.File))
		}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
		}
		if d.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Col))
		}
		if d.Kind != "" {
			props = append(props, "title="+ghProperty("milepost "+d.Kind))
		}
		fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), ghData(d.Message))
	}
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
