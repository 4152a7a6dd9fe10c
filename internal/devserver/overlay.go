package devserver

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
)

//go:embed assets/overlay.html
var overlaySource string

const (
	contextLines  = 2       // source lines shown before and after the marked one
	maxProblems   = 20      // diagnostics shown; the rest are counted
	maxSourceRead = 8 << 20 // a source file bigger than this shows no context
)

// overlayView is one failed build, rendered for the browser (escaped HTML)
// and for the terminal.
type overlayView struct {
	html string
	text string
}

// problem is one diagnostic as the overlay shows it.
type problem struct {
	Where   string // content/x.md:12:3, "" for an error without a place
	Message string
	Lines   []sourceLine
}

// sourceLine is one line of context around a diagnostic.
type sourceLine struct {
	Num   int
	Text  string
	Mark  bool
	Caret string // under the marked line: padding then ^, "" without a column
}

// renderOverlay shows err: every diagnostic of a *diag.ErrorList with the
// source lines around it (read from below root), or else the error text.
// served says whether a build succeeded before, whose pages are still
// served; the first build failing has none.
func renderOverlay(root string, err error, served bool) overlayView {
	probs, more := problems(root, err)
	var html strings.Builder
	tmpl := template.Must(template.New("overlay").Parse(overlaySource))
	if execErr := tmpl.Execute(&html, struct {
		Problems []problem
		More     int
		Served   bool
	}{probs, more, served}); execErr != nil {
		html.Reset()
		html.WriteString(`<div id="milepost-overlay" role="alert"><pre>` + template.HTMLEscapeString(err.Error()) + `</pre></div>`)
	}
	return overlayView{html: html.String(), text: terminalText(probs, more)}
}

func problems(root string, err error) ([]problem, int) {
	var list *diag.ErrorList
	if !errors.As(err, &list) || len(list.Diagnostics) == 0 {
		return []problem{{Message: err.Error()}}, 0
	}
	ds := list.Diagnostics
	more := 0
	if len(ds) > maxProblems {
		more = len(ds) - maxProblems
		ds = ds[:maxProblems]
	}
	probs := make([]problem, len(ds))
	for i, d := range ds {
		probs[i] = problem{Where: where(d), Message: d.Message, Lines: sourceContext(root, d)}
	}
	return probs, more
}

// where formats file:line:col, leaving out what is unknown.
func where(d diag.Diagnostic) string {
	switch {
	case d.File == "":
		return ""
	case d.Line <= 0:
		return d.File
	case d.Col <= 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
	}
}

// sourceContext reads the lines around d from the site root. Files outside
// the root are never read.
func sourceContext(root string, d diag.Diagnostic) []sourceLine {
	name := filepath.FromSlash(d.File)
	if d.File == "" || d.Line <= 0 || !filepath.IsLocal(name) {
		return nil
	}
	f, err := os.Open(filepath.Join(root, name))
	if err != nil {
		return nil
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxSourceRead))
	if err != nil {
		return nil
	}
	raw = content.SourceText(raw) // maxSourceRead is even: a cut never splits UTF-16
	first, last := d.Line-contextLines, d.Line+contextLines
	var lines []sourceLine
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 64<<10), maxSourceRead)
	for n := 1; sc.Scan() && n <= last; n++ {
		if n < first {
			continue
		}
		text := strings.TrimRight(sc.Text(), "\r")
		line := sourceLine{Num: n, Text: text, Mark: n == d.Line}
		if line.Mark && d.Col > 0 {
			line.Caret = caret(text, d.Col)
		}
		lines = append(lines, line)
	}
	return lines
}

// caret puts ^ under byte column col (1-based) of text, keeping the tabs
// before it so it lines up.
func caret(text string, col int) string {
	if col-1 > len(text) {
		col = len(text) + 1
	}
	var b strings.Builder
	for _, r := range text[:col-1] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}

// terminalText prints the problems the way compilers do.
func terminalText(probs []problem, more int) string {
	var b strings.Builder
	for _, p := range probs {
		if p.Where != "" {
			b.WriteString(p.Where + ": ")
		}
		b.WriteString("error: " + p.Message + "\n")
		for _, l := range p.Lines {
			mark := " "
			if l.Mark {
				mark = ">"
			}
			fmt.Fprintf(&b, "  %s%5d | %s\n", mark, l.Num, l.Text)
			if l.Caret != "" {
				fmt.Fprintf(&b, "   %5s | %s\n", "", l.Caret)
			}
		}
	}
	if more > 0 {
		fmt.Fprintf(&b, "… and %d more\n", more)
	}
	return strings.TrimRight(b.String(), "\n")
}
