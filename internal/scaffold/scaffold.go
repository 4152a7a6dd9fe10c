// Package scaffold holds the starter site `milepost init` writes: a sample
// milestone (checkboxes, struck headings), a tracker table, a runbook and a
// commented milepost.yaml, and a .gitignore for what builds write, so a new
// site builds at once and shows every convention milepost reads.
//
// Write copies it into a folder that must be empty or missing; it never
// overwrites a file.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed all:site
var files embed.FS

// sampleDate is the date the sample pages carry as last updated; Write
// replaces it with today's date so a new site does not start out stale.
const sampleDate = "2026-01-15"

// Write creates the starter site in dir, dating its pages today (a
// YYYY-MM-DD date), and returns the files it wrote.
func Write(dir, today string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: milepost init writes into a new or empty folder", dir)
	}
	root, _ := fs.Sub(files, "site")
	var written []string
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(data, []byte(sampleDate), []byte(today))
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
		written = append(written, p)
		return nil
	})
	return written, err
}
