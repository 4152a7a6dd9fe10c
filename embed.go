// Package milepost holds the default theme, embedded into the binary: the
// html/template files of templates/ and the CSS, JavaScript and icons of
// static/. A site's own templates/ and static/ override them file by file.
package milepost

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var theme embed.FS

// Templates is the default theme's templates folder.
func Templates() fs.FS { sub, _ := fs.Sub(theme, "templates"); return sub }

// Static is the default theme's static folder.
func Static() fs.FS { sub, _ := fs.Sub(theme, "static"); return sub }
