// Command benchcorpus writes a deterministic benchmark site of status
// markdown: benchcorpus -n 10000 -o DIR [-seed 1] [-force].
//
// DIR receives content/ and benchcorpus.json (see package benchcorpus).
// With -force an existing DIR/content and manifest are removed first;
// nothing else in DIR is touched. Exit 0 on success, 1 on failure, 2 on
// a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/milepost/milepost/internal/benchcorpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchcorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.Int("n", 1000, "number of pages")
	out := fs.String("o", "", "output folder (required)")
	seed := fs.Uint64("seed", 1, "seed; the same -n and -seed give the same corpus")
	force := fs.Bool("force", false, "remove DIR/content and DIR/"+benchcorpus.ManifestName+" first")
	version := fs.Bool("version", false, "print the generator version and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: benchcorpus -n PAGES -o DIR [-seed N] [-force]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, benchcorpus.Version)
		return 0
	}
	if *out == "" || *pages < 1 || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *force {
		if err := os.RemoveAll(filepath.Join(*out, "content")); err != nil {
			fmt.Fprintln(stderr, "benchcorpus:", err)
			return 1
		}
		if err := os.Remove(filepath.Join(*out, benchcorpus.ManifestName)); err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintln(stderr, "benchcorpus:", err)
			return 1
		}
	}
	sum, err := benchcorpus.Generate(*out, benchcorpus.Options{Pages: *pages, Seed: *seed})
	if err != nil {
		fmt.Fprintln(stderr, "benchcorpus:", err)
		if errors.Is(err, benchcorpus.ErrExists) {
			fmt.Fprintln(stderr, "benchcorpus: use -force to replace it")
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s: %d pages, %d images, %d folders, %.1f MB of markdown, %d wiki-links (%d broken, %d embeds)\n",
		*out, sum.Pages, sum.Images, sum.Folders, float64(sum.MarkdownBytes)/1e6, sum.WikiLinks, sum.BrokenLinks, sum.Embeds)
	return 0
}
