package devserver

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/sitetest"
)

// TestOverlay renders failed builds into the overlay HTML and the terminal
// text, compared with testdata/overlay/<name>.html and .txt.
func TestOverlay(t *testing.T) {
	parent := t.TempDir()
	writeFile(t, parent, "outside.md", "SECRET outside the root\n")
	root := filepath.Join(parent, "site")
	writeFile(t, root, "content/milestones/x.md", "---\ntitle: X\nstatus: [oops\n---\n\n# X\n\n- [ ] a <task>\n")
	writeFile(t, root, "content/tabs.md", "\tindented\twith tabs BAD\n")
	tests := []struct {
		name   string
		err    error
		served bool // a build succeeded before this one
	}{
		{"diagnostics", &diag.ErrorList{Diagnostics: diag.List{
			diag.Errorf("content/milestones/x.md", 3, 9, "front matter: unclosed flow sequence"),
			diag.Errorf("content/milestones/x.md", 8, 9, "item <task> & more: not a status"),
			diag.Errorf("content/tabs.md", 1, 21, "tabs before the column"),
			diag.Errorf("content/missing.md", 4, 1, "file is gone"),
			diag.Errorf("../outside.md", 1, 1, "never read from outside the root"),
			diag.Errorf("", 0, 0, "no place at all"),
			diag.Errorf("milepost.yaml", 0, 0, "no line"),
		}}, true},
		{"wrapped", fmt.Errorf("build: %w", &diag.ErrorList{Diagnostics: diag.List{
			diag.Errorf("content/milestones/x.md", 1, 0, "line without column"),
		}}), true},
		{"plain", errors.New("template page.html: <undefined> function \"bogus\""), true},
		{"first", errors.New("content/bad.md:2: front matter: did not find expected node content"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ov := renderOverlay(root, tt.err, tt.served)
			golden(t, filepath.Join("testdata", "overlay", tt.name+".html"), ov.html)
			golden(t, filepath.Join("testdata", "overlay", tt.name+".txt"), ov.text+"\n")
		})
	}
}

func TestOverlayCapsDiagnostics(t *testing.T) {
	var list diag.List
	for i := 0; i < maxProblems+5; i++ {
		list = append(list, diag.Errorf("content/a.md", i+1, 1, "problem %d", i))
	}
	ov := renderOverlay(t.TempDir(), &diag.ErrorList{Diagnostics: list}, true)
	if got := strings.Count(ov.html, `class="mp-where"`); got != maxProblems {
		t.Errorf("%d diagnostics shown, want %d", got, maxProblems)
	}
	if !strings.Contains(ov.html, "and 5 more") || !strings.Contains(ov.text, "and 5 more") {
		t.Error("the rest is not counted")
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	sitetest.Golden(t, name, []byte(got))
}

// TestSourceContextDecodesUTF16: the overlay shows the lines around a
// problem as the page was read, a UTF-16 file's decoded.
func TestSourceContextDecodesUTF16(t *testing.T) {
	root := t.TempDir()
	text := "---\nkind: banana\n---\n# Café\n"
	raw := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		raw = append(raw, byte(u), byte(u>>8))
	}
	if err := os.WriteFile(filepath.Join(root, "page.md"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	got := sourceContext(root, diag.Errorf("page.md", 2, 7, "front matter: kind"))
	want := []sourceLine{
		{Num: 1, Text: "---"},
		{Num: 2, Text: "kind: banana", Mark: true, Caret: "      ^"},
		{Num: 3, Text: "---"},
		{Num: 4, Text: "# Café"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sourceContext = %+v\nwant %+v", got, want)
	}
}
