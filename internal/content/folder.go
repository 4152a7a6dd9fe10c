package content

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Folder is a content folder as LOAD reads it: its files, and which of
// them git ignores.
type Folder struct {
	FS fs.FS
	// Rel is the folder relative to the site root, slash-separated, as
	// the dev server names changed files ("content", "../docs"); "" when
	// it is the name the folder was opened by.
	Rel string
	// Ignored reports whether git ignores a content-relative file; nil
	// when nothing is ignored (no git, or a folder outside a work tree).
	// Only attachments are dropped for it, never pages.
	Ignored func(path string) bool
	// Dir is the folder on disk, for reading its git history; "" when
	// it is not on disk (history is then off).
	Dir string
}

// CheckFolder tells why fsys (a content folder named name, as the user
// wrote it) cannot be read: it does not exist, is a file, or cannot be
// listed. It returns nil when fsys is a readable folder.
func CheckFolder(fsys fs.FS, name string) error {
	fi, err := fs.Stat(fsys, ".")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no content folder %s: put your markdown there, or point -c (content_dir in milepost.yaml) at the folder that holds it", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("content folder %s cannot be read: permission denied", name)
	case errors.Is(err, syscall.ENOTDIR) || err == nil && !fi.IsDir():
		return fmt.Errorf("content folder %s is a file, not a folder: point -c (content_dir in milepost.yaml) at the folder that holds your markdown", name)
	case err != nil:
		return fmt.Errorf("content folder %s: %v", name, err)
	}
	if _, err := fs.ReadDir(fsys, "."); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("content folder %s cannot be read: permission denied", name)
		}
		return fmt.Errorf("content folder %s cannot be read: %v", name, err)
	}
	return nil
}
