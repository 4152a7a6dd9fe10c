package main

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestFileLinksBuildOpensFromDisk: in a build with --file-links (what
// make build makes), every link between files of the site names a file,
// so a browser opening public/index.html from disk never shows a
// directory listing.
func TestFileLinksBuildOpensFromDisk(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	root := writeSite(t, "testdata/small.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCLI(t, "build", root, "-d", dest, "--file-links", "--no-cache"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	checked := 0
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range linkAttr.FindAllSubmatch(data, -1) {
			u, err := url.Parse(string(m[1]))
			if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
				continue // another site, or a fragment of this page
			}
			target := filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
			fi, err := os.Stat(target)
			rel, _ := filepath.Rel(dest, p)
			switch {
			case err != nil:
				t.Errorf("%s: link %s reaches nothing", rel, m[1])
			case fi.IsDir():
				t.Errorf("%s: link %s opens a folder", rel, m[1])
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Errorf("only %d links checked", checked)
	}
}
