// Package contentdir is the content folder on disk: where -c or
// content_dir points (relative to the site root, or absolute, maybe
// outside the root), opened for LOAD with the files git ignores there.
//
// In: the site root and the folder as written. Out: a content.Folder
// (Open), the folder on disk (Path), and its name relative to the site
// root (Rel), which is how the build cache and the dev server's watcher
// name its files.
// It must not read the pages: content does.
package contentdir

import (
	"context"
	"path/filepath"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/rawfile"
)

// Open opens the content folder dir of the site at root, as written in -c
// or content_dir (slash-separated): relative to the site root, or
// absolute.
func Open(root, dir string) (content.Folder, error) {
	osDir := Path(root, dir)
	fsys := rawfile.DirFS(osDir)
	if err := content.CheckFolder(fsys, dir); err != nil {
		return content.Folder{}, err
	}
	folder := content.Folder{FS: fsys, Rel: filepath.ToSlash(Rel(root, dir)), Dir: osDir}
	// In a git work tree, git-ignored attachments are not published;
	// without git, or outside a work tree, nothing is ignored.
	if repo, err := gitrepo.Open(context.Background(), osDir); err == nil {
		if ignored, err := repo.Ignored(context.Background()); err == nil {
			folder.Ignored = ignored
		}
	}
	return folder, nil
}

// Path is the content folder dir (slash-separated, relative to the site
// root or absolute) on disk.
func Path(root, dir string) string {
	d := filepath.FromSlash(dir)
	if filepath.IsAbs(d) {
		return filepath.Clean(d)
	}
	return filepath.Join(root, d)
}

// Rel is the content folder dir relative to the site root ("content",
// "../docs"), in the OS's form; an absolute folder on another volume
// stays absolute.
func Rel(root, dir string) string {
	d := filepath.FromSlash(dir)
	if !filepath.IsAbs(d) {
		return filepath.Clean(d)
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return d
	}
	if rel, err := filepath.Rel(absRoot, d); err == nil {
		return rel
	}
	return d
}
