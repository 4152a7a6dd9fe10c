package minify

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/milepost/milepost"
)

// TestThemeStaticFilesMinify checks that every file of the default theme's
// static/ minifies without error, so none of them is quietly published
// unminified, and that SVGs keep their namespace.
func TestThemeStaticFilesMinify(t *testing.T) {
	m := New()
	static := milepost.Static()
	err := fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			return err
		}
		out, err := m.Minify(name, data)
		if err != nil {
			t.Errorf("static/%s does not minify: %v", name, err)
		}
		if len(out) > len(data) {
			t.Errorf("static/%s grew from %d to %d bytes", name, len(data), len(out))
		}
		if bytes.HasSuffix([]byte(name), []byte(".svg")) && !bytes.Contains(out, []byte(`xmlns="`+svgNamespace+`"`)) {
			t.Errorf("static/%s lost its xmlns:\n%s", name, out)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
