package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/milepost/milepost"
	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/rawfile"
	"github.com/milepost/milepost/internal/site"
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
	now, err := buildTime()
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
		OpenContent:    f.openContent,
		BaseURL:        f.baseURL,
		FileLinks:      f.fileLinks,
		Drafts:         f.drafts,
		NoHistory:      f.noHistory,
		Now:            now,
		Version:        version(),
	}, nil
}

// openContent opens the content folder dir as written in -c or
// content_dir: relative to the site root, or absolute. It may lie outside
// the site root.
func (f *siteFlags) openContent(dir string) (content.Folder, error) {
	osDir := contentPath(f.source, dir)
	fsys := rawfile.DirFS(osDir)
	if err := content.CheckFolder(fsys, dir); err != nil {
		return content.Folder{}, err
	}
	folder := content.Folder{FS: fsys, Rel: filepath.ToSlash(contentRel(f.source, dir)), Dir: osDir}
	// In a git work tree, git-ignored attachments are not published;
	// without git, or outside a work tree, nothing is ignored.
	if repo, err := gitrepo.Open(context.Background(), osDir); err == nil {
		if ignored, err := repo.Ignored(context.Background()); err == nil {
			folder.Ignored = ignored
		}
	}
	return folder, nil
}

// contentPath is the content folder dir (slash-separated, relative to the
// site root or absolute) on disk.
func contentPath(source, dir string) string {
	d := filepath.FromSlash(dir)
	if filepath.IsAbs(d) {
		return filepath.Clean(d)
	}
	return filepath.Join(source, d)
}

// contentRel is the content folder relative to the site root ("content",
// "../docs"), as the build cache and the dev server name files; an
// absolute folder on another volume stays absolute.
func contentRel(source, dir string) string {
	d := filepath.FromSlash(dir)
	if !filepath.IsAbs(d) {
		return filepath.Clean(d)
	}
	absSource, err := filepath.Abs(source)
	if err != nil {
		return d
	}
	if rel, err := filepath.Rel(absSource, d); err == nil {
		return rel
	}
	return d
}

// buildTime is now, or SOURCE_DATE_EPOCH when set, so builds reproduce.
func buildTime() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// printDiagnostics writes diagnostics, one per line, with paths relative
// to the working directory so editors and CI annotations find the files.
func printDiagnostics(w io.Writer, source string, ds diag.List) {
	for _, d := range ds {
		d.File = displayPath(source, d.File)
		fmt.Fprintln(w, d.String())
	}
}

// displayPath turns a site-root-relative file into one relative to the
// working directory.
func displayPath(source, file string) string {
	if file == "" || source == "." || filepath.IsAbs(filepath.FromSlash(file)) {
		return file
	}
	return filepath.ToSlash(filepath.Join(source, filepath.FromSlash(file)))
}

// release and releaseRevision are the version and git revision a release
// build stamps in (scripts/release.sh: -ldflags "-X main.release=v1.2.0
// -X main.releaseRevision=<commit>"), which do not depend on Go finding
// the checkout.
var release, releaseRevision string

// version is the version the binary was built as: the stamped release,
// else the module version (go install ...@v1.2.0), else "dev".
func version() string {
	if release != "" {
		return release
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// revision is the VCS revision the binary was built from, with its time
// and whether the work tree had changes, as Go records it in the build
// info when building from a checkout ("f9e5912a04c1, 2026-05-01T10:00:00Z,
// modified"); "" when unknown (go install of a module).
func revision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, when, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if releaseRevision != "" {
		r, dirty := strings.CutSuffix(releaseRevision, "+modified")
		if r != rev {
			rev, when, modified = r, "", strconv.FormatBool(dirty)
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{rev}
	if when != "" {
		parts = append(parts, when)
	}
	if modified == "true" {
		parts = append(parts, "modified")
	}
	return strings.Join(parts, ", ")
}

// plural formats n with a noun, "1 page", "2 pages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// progressLine returns a site.Input.Progress that keeps one line on a
// terminal up to date ("parsing 4000/10000 pages"), at most ten times a
// second, and a func that clears the line; nil and a no-op when w is not a
// terminal.
func progressLine(w *os.File) (report func(stage string, done, total int), done func()) {
	fi, err := w.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil, func() {}
	}
	var last time.Time
	shown := false
	report = func(stage string, n, total int) {
		if total < 500 || (time.Since(last) < 100*time.Millisecond && n != total) {
			return
		}
		last = time.Now()
		shown = true
		fmt.Fprintf(w, "\r\033[Kmilepost: %s %d/%d pages", stage, n, total)
	}
	return report, func() {
		if shown {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}

// runVersion prints the version and the revision the binary was built
// from.
func runVersion(args []string, stdout, stderr io.Writer) int {
	cmd := cli.New("version", "", 0, "Prints milepost's version and the revision it was built from.", "milepost version")
	if _, code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	line := "milepost " + version()
	if rev := revision(); rev != "" {
		line += " (revision " + rev + ")"
	}
	fmt.Fprintln(stdout, line)
	return cli.ExitOK
}

// sayHistory tells, once, what a reader of the build's output must know of
// git history: that it is off, or starts where a shallow clone was cut.
func sayHistory(stderr io.Writer, res *site.Result) {
	if res != nil && res.History != "" {
		fmt.Fprintln(stderr, "milepost:", res.History)
	}
}
