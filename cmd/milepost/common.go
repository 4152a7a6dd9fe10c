package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/buildinfo"
	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/contentdir"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/rawfile"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sourcedate"
)

// siteFlags are the flags every command that reads a site shares.
type siteFlags struct {
	source  string
	content string
	baseURL string
	drafts  bool
	// noHistory turns off reading git history (--no-history).
	noHistory bool
	// fileLinks makes links name index.html (build's --file-links).
	fileLinks bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "s", ".", "site root `DIR` (holds content/, milepost.yaml); also the argument DIR")
	fs.StringVar(&f.source, "source", ".", "site root `DIR`")
	fs.StringVar(&f.content, "c", "", "content `DIR`, relative to the site root or absolute (default content_dir or content)")
	fs.StringVar(&f.content, "content", "", "content `DIR`")
	fs.StringVar(&f.baseURL, "base-url", "", "absolute `URL` the site is published at (for sitemaps, feeds, badge snippets)")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages with draft: true")
	fs.BoolVar(&f.noHistory, "no-history", false, "do not read the content folder's git history (history.enabled: false)")
}

// parseSite is Parse for a command that reads a site: its one argument,
// DIR, is the site root (as -s).
func parseSite(c *cli.Command, args []string, sf *siteFlags, stdout, stderr io.Writer) (code int, ok bool) {
	pos, code, ok := c.Parse(args, stdout, stderr)
	if !ok {
		return code, false
	}
	if !sf.takeDir(pos, c, stderr) {
		return cli.ExitUsage, false
	}
	return cli.ExitOK, true
}

// takeDir sets the site root from the command's argument, which may
// stand for -s. It reports false, having said why, when both disagree.
func (f *siteFlags) takeDir(args []string, c *cli.Command, stderr io.Writer) bool {
	if len(args) == 0 {
		return true
	}
	explicit := false
	c.Flags.Visit(func(fl *flag.Flag) { explicit = explicit || fl.Name == "s" || fl.Name == "source" })
	if explicit && filepath.Clean(f.source) != filepath.Clean(args[0]) {
		fmt.Fprintf(stderr, "milepost %s: the site root is given twice: -s %s and %s\n", c.Name(), f.source, args[0])
		return false
	}
	f.source = args[0]
	return true
}

// input assembles the build's input from the flags.
func (f *siteFlags) input() (site.Input, error) {
	now, err := sourcedate.Now()
	if err != nil {
		return site.Input{}, err
	}
	if fi, err := os.Stat(f.source); err != nil || !fi.IsDir() {
		return site.Input{}, fmt.Errorf("site root %s is not a folder", f.source)
	}
	return site.Input{
		Site:           rawfile.DirFS(f.source),
		ThemeTemplates: milepost.Templates(),
		ThemeStatic:    milepost.Static(),
		ContentDir:     filepath.ToSlash(f.content),
		OpenContent:    func(dir string) (content.Folder, error) { return contentdir.Open(f.source, dir) },
		BaseURL:        f.baseURL,
		FileLinks:      f.fileLinks,
		Drafts:         f.drafts,
		NoHistory:      f.noHistory,
		Now:            now,
		Version:        buildinfo.Version(),
	}, nil
}

// printDiagnostics writes diagnostics, one per line, with paths relative
// to the working directory so editors and CI annotations find the files.
func printDiagnostics(w io.Writer, source string, ds diag.List) {
	for _, d := range ds.From(source) {
		fmt.Fprintln(w, d.String())
	}
}

// plural formats n with a noun, "1 page", "2 pages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// runVersion prints the version and the revision the binary was built
// from.
func runVersion(args []string, stdout, stderr io.Writer) int {
	cmd := cli.New("version", "", 0, "Prints milepost's version and the revision it was built from.", "milepost version")
	if _, code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	fmt.Fprintln(stdout, buildinfo.Line())
	return cli.ExitOK
}

// sayHistory tells, once, what a reader of the build's output must know of
// git history: that it is off, or starts where a shallow clone was cut.
func sayHistory(stderr io.Writer, res *site.Result) {
	if res != nil && res.History != "" {
		fmt.Fprintln(stderr, "milepost:", res.History)
	}
}
