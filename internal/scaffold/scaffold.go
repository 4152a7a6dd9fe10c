// Package scaffold holds the starter site `milepost init` writes: a sample
// milestone (checkboxes, struck headings), a tracker table, a runbook and a
// commented milepost.yaml, and a .gitignore for what builds write, so a new
// site builds at once and shows every convention milepost reads.
//
// In: a folder name and today's date. Out: the starter site's files in that
// folder. Must not: write into a folder it cannot list or that holds
// anything but a .git folder, accept an empty name, or replace a file that
// exists (every file is created exclusively, so even one that appears
// while init runs is left alone).
package scaffold

import (
	"bytes"
	"embed"
	"errors"
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
	return write(dir, today, os.ReadDir)
}

// write is Write with the folder listing passed in, so a test can make the
// listing fail as it does for a folder the user may write but not read
// (permissions alone cannot show that where tests run as root).
func write(dir, today string, list func(string) ([]os.DirEntry, error)) ([]string, error) {
	if err := checkNew(dir, list); err != nil {
		return nil, err
	}
	return create(dir, today)
}

// checkNew accepts a folder that does not exist yet or is empty (but for
// a .git folder: a repository just made, whose files init does not
// touch), and refuses everything else, including a folder whose listing
// fails: what cannot be listed cannot be shown to be empty.
func checkNew(dir string, list func(string) ([]os.DirEntry, error)) error {
	if dir == "" {
		return errors.New("init needs the name of a new folder, for example: milepost init mysite")
	}
	entries, err := list(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot list %s (%v): milepost init writes only into a new or empty folder", dir, err)
	}
	for _, e := range entries {
		if e.Name() != ".git" {
			return fmt.Errorf("%s is not empty: milepost init writes only into a new or empty folder (a .git folder alone is fine)", dir)
		}
	}
	return nil
}

// create writes the starter files under dir, each with O_EXCL: a file that
// exists already stops init with an error and keeps its bytes.
func create(dir, today string) ([]string, error) {
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
		if err := writeNew(target, data); err != nil {
			return err
		}
		written = append(written, p)
		return nil
	})
	return written, err
}

// writeNew creates path with data, failing if anything is already there.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists: milepost init never replaces a file", path)
		}
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
