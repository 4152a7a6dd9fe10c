package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// deniedFS is a folder that exists but cannot be listed.
type deniedFS struct{ fstest.MapFS }

func (d deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return nil, &fs.PathError{Op: "readdirent", Path: name, Err: fs.ErrPermission}
}

func TestCheckFolderSaysWhatIsWrong(t *testing.T) {
	site := fstest.MapFS{"content/a.md": {Data: []byte("# A")}, "notes.md": {Data: []byte("x")}}
	sub := func(dir string) fs.FS { s, _ := fs.Sub(site, dir); return s }
	for _, tc := range []struct {
		name string
		fsys fs.FS
		want string // "" for no error
	}{
		{"content", sub("content"), ""},
		{"docs", sub("docs"), "no content folder docs"},
		{"notes.md", sub("notes.md"), "content folder notes.md is a file, not a folder"},
		{"locked", deniedFS{fstest.MapFS{"a.md": {}}}, "content folder locked cannot be read: permission denied"},
	} {
		err := CheckFolder(tc.fsys, tc.name)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}
