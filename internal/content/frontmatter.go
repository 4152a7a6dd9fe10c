package content

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/marker"
	"gopkg.in/yaml.v3"
)

// frontField is one decoded front matter key with where it was written.
type frontField struct {
	value     any
	line, col int
}

// frontMatter is the decoded front matter of one file, in key order.
type frontMatter struct {
	keys   []string
	fields map[string]frontField
}

// splitFrontMatter separates raw into front matter and body. YAML (---) is
// decoded through yaml.v3 nodes, so every key and value knows its file line
// and column; TOML (+++) keys carry the line of the opening delimiter.
func splitFrontMatter(file string, raw []byte) (fm frontMatter, body []byte, bodyLine int, errs diag.List) {
	fm.fields = map[string]frontField{}
	startLine := firstNonBlankLine(raw)
	if !mayOpenFrontMatter(raw, startLine) {
		return fm, raw, 1, nil // what the parser finds in a page without front matter, without copying it
	}
	// The parser copies all it reads and then the rest of the file; src
	// stops at the end of the front matter, so only that is copied.
	src := &frontMatterReader{raw: raw}
	// The parser reads through a bufio.Reader, and takes one of at least
	// its default size as it is: a pooled one saves 4 KB a page.
	br := frontMatterBuffers.Get().(*bufio.Reader)
	br.Reset(src)
	defer func() {
		br.Reset(nil)
		frontMatterBuffers.Put(br)
	}()
	var decodeErr *diag.Diagnostic
	yamlFormat := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		src.done = true
		decodeErr = decodeYAML(file, data, startLine+1, &fm)
		return nil
	})
	tomlFormat := frontmatter.NewFormat("+++", "+++", func(data []byte, v any) error {
		src.done = true
		decodeErr = decodeTOML(file, data, startLine+1, &fm)
		return nil
	})
	rest, err := frontmatter.Parse(br, nil, yamlFormat, tomlFormat)
	if err != nil {
		return fm, raw, 1, diag.List{diag.Errorf(file, startLine, 1, "front matter: %v", err)}
	}
	if decodeErr != nil {
		errs = append(errs, *decodeErr)
	}
	// rest is what the parser read after the front matter: the body's start.
	start := src.off - len(rest)
	if start < 0 || !bytes.Equal(raw[start:src.off], rest) {
		start = 0
	}
	if start == 0 && opensFrontMatter(raw, startLine) {
		errs = append(errs, diag.Warnf(diag.KindInput, file, startLine, 1, "front matter is never closed: no closing %s line, so the page is read as markdown", lineAt(raw, startLine)))
	}
	return fm, raw[start:], 1 + bytes.Count(raw[:start], []byte{'\n'}), errs
}

// frontMatterReader hands the front matter parser raw a line at a time
// until the parser has found the front matter's end (done), then reports
// the end of input. The parser reads by lines, so it is never handed more
// than the line it reads: nothing past the closing delimiter is copied.
type frontMatterReader struct {
	raw  []byte
	off  int // bytes handed out
	done bool
}

func (r *frontMatterReader) Read(p []byte) (int, error) {
	if r.done || r.off == len(r.raw) {
		return 0, io.EOF
	}
	line := r.raw[r.off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(p, line)
	r.off += n
	return n, nil
}

// frontMatterBuffers are the parser's line buffers, of its default size.
var frontMatterBuffers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// mayOpenFrontMatter reports whether line n of raw, trimmed as the front
// matter parser trims it, is a delimiter: when it is not, the parser
// finds no front matter.
func mayOpenFrontMatter(raw []byte, n int) bool {
	l := bytes.TrimSpace([]byte(lineAt(raw, n)))
	return string(l) == "---" || string(l) == "+++"
}

// firstNonBlankLine is the 1-based line of raw's first non-blank line.
func firstNonBlankLine(raw []byte) int {
	line := 1
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\n')
		cur := raw
		if i >= 0 {
			cur = raw[:i]
		}
		if len(bytes.TrimSpace(cur)) > 0 || i < 0 {
			return line
		}
		raw = raw[i+1:]
		line++
	}
	return line
}

// opensFrontMatter reports whether line n of raw is a front matter
// delimiter, "---" or "+++".
func opensFrontMatter(raw []byte, n int) bool {
	l := lineAt(raw, n)
	return l == "---" || l == "+++"
}

// lineAt is line n (1-based) of raw without its newline and trailing space.
func lineAt(raw []byte, n int) string {
	for ; n > 1; n-- {
		i := bytes.IndexByte(raw, '\n')
		if i < 0 {
			return ""
		}
		raw = raw[i+1:]
	}
	if i := bytes.IndexByte(raw, '\n'); i >= 0 {
		raw = raw[:i]
	}
	return string(bytes.TrimRight(raw, " \t\r"))
}

var yamlLineRE = regexp.MustCompile(`line (\d+):? ?(.*)`)

// decodeYAML decodes YAML front matter whose first line is file line first.
func decodeYAML(file string, data []byte, first int, fm *frontMatter) *diag.Diagnostic {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := first
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			msg = m[2]
			if zeroBasedYAMLLine(msg) {
				n++
			}
			line = first + n - 1
		}
		d := diag.Errorf(file, line, 0, "front matter: %s", msg)
		return &d
	}
	if len(doc.Content) == 0 {
		return nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		d := diag.Errorf(file, first+root.Line-1, root.Column, "front matter: expected key: value pairs, found a %s", kindName(root))
		return &d
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var val any
		if err := v.Decode(&val); err != nil {
			d := diag.Errorf(file, first+v.Line-1, v.Column, "front matter: %s: %v", k.Value, err)
			return &d
		}
		if _, dup := fm.fields[k.Value]; dup {
			d := diag.Errorf(file, first+k.Line-1, k.Column, "front matter: key %q given twice", k.Value)
			return &d
		}
		fm.keys = append(fm.keys, k.Value)
		fm.fields[k.Value] = frontField{value: val, line: first + v.Line - 1, col: v.Column}
	}
	return nil
}

// zeroBasedYAMLLine reports whether yaml.v3 gives msg with a 0-based line:
// it does for its parser's errors (an unclosed flow, a missing key) and
// gives 1-based lines for its scanner's.
func zeroBasedYAMLLine(msg string) bool {
	for _, p := range []string{"did not find expected <document start>", "did not find expected node content", "did not find expected key", "did not find expected '-' indicator", "did not find expected ',' or"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	}
	return "document"
}

// decodeTOML decodes TOML front matter whose first line is file line first.
func decodeTOML(file string, data []byte, first int, fm *frontMatter) *diag.Diagnostic {
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) && pe.Position.Line > 0 {
			d := diag.Errorf(file, first+pe.Position.Line-1, pe.Position.Col, "front matter: %s", pe.Message)
			return &d
		}
		d := diag.Errorf(file, first, 0, "front matter: %v", err)
		return &d
	}
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		key := k[0]
		fm.keys = append(fm.keys, key)
		fm.fields[key] = frontField{value: m[key], line: first - 1, col: 1}
	}
	return nil
}

// apply copies the keys milepost knows from fm into p.
func (fm frontMatter) apply(file string, p *Page) (errs diag.List) {
	bad := func(f frontField, key, want string) {
		errs = append(errs, diag.Errorf(file, f.line, f.col, "front matter: %s must be %s, not %s", key, want, describe(f.value)))
	}
	var dates [4]struct {
		t    time.Time
		line int
	}
	targetSet := false // a target: key, which a due: key gives way to
	for _, key := range fm.keys {
		f := fm.fields[key]
		switch key {
		case "title", "kind", "heading_items", "matrices", "badge_label", "badges":
			s, ok := scalarString(f.value)
			if !ok {
				bad(f, key, "text")
				continue
			}
			switch key {
			case "title":
				p.Title, p.TitleFromFront = s, s != ""
			case "kind":
				s = strings.ToLower(s)
				if !validKinds[s] {
					errs = append(errs, diag.Errorf(file, f.line, f.col, "front matter: kind %q is not one of milestone, runbook, tracker, page", s))
					continue
				}
				p.Kind = s
			case "heading_items":
				s = strings.ToLower(s)
				if s != "auto" && s != "always" && s != "never" {
					errs = append(errs, diag.Errorf(file, f.line, f.col, "front matter: heading_items %q is not one of auto, always, never", s))
					continue
				}
				p.HeadingItems = s
			case "matrices":
				s = strings.ToLower(s)
				if s != "auto" && s != "count" && s != "ignore" {
					errs = append(errs, diag.Errorf(file, f.line, f.col, "front matter: matrices %q is not one of auto, count, ignore", s))
					continue
				}
				p.Matrices = s
			case "badge_label":
				p.BadgeLabel = s
			case "badges":
				s = strings.ToLower(s)
				if s == "sections" {
					s = "top"
				}
				if s != "none" && s != "top" && s != "all" {
					errs = append(errs, diag.Errorf(file, f.line, f.col, "front matter: badges %q is not one of sections, top, all, none", s))
					continue
				}
				p.SectionBadges = s
			}
		case "tags", "aliases":
			list, ok := stringList(f.value)
			if !ok {
				bad(f, key, "a list of text")
				continue
			}
			if key == "tags" {
				p.Tags = list
			} else {
				p.Aliases = list
			}
		case "draft", "track":
			b, ok := f.value.(bool)
			if !ok {
				bad(f, key, "true or false")
				continue
			}
			if key == "draft" {
				p.Draft = b
			} else {
				p.Track = b
			}
		case "last_updated", "updated", "lastmod", "date":
			if f.value == nil {
				continue // "date:" with nothing after it says nothing
			}
			t, ok := parseDate(f.value)
			if !ok {
				if v, _ := scalarString(f.value); key != "lastmod" || !strings.HasPrefix(v, ":") { // Hugo's ":git", ":fileModTime"
					bad(f, key, "a date (YYYY-MM-DD)")
				}
				continue
			}
			i := map[string]int{"last_updated": 0, "updated": 1, "lastmod": 2, "date": 3}[key]
			dates[i].t, dates[i].line = t, f.line
		case "owner", "status":
			// Never an error: an ADR's status: accepted is the author's.
			if s, ok := scalarString(f.value); ok {
				if key == "owner" {
					p.Owner = attr.OwnerValue(s)
				} else {
					p.Status = s
				}
			}
		case "target", "start":
			// A date, or ignored: target: v2.0 names a release, not a day.
			if t, ok := parseDate(f.value); ok {
				if key == "target" {
					p.Target, targetSet = t.Format("2006-01-02"), true
				} else {
					p.Start = t.Format("2006-01-02")
				}
			}
		case "due", "due_date", "deadline", "target_date":
			// the target by another name, as OKR and PRD templates write it;
			// a target: key says it first
			if t, ok := parseDate(f.value); ok && !targetSet {
				p.Target = t.Format("2006-01-02")
			}
		}
		// Other keys are the author's own: allowed, and not read.
	}
	for _, d := range dates {
		if !d.t.IsZero() {
			p.Updated, p.UpdatedLine = d.t, d.line
			break
		}
	}
	return errs
}

var validKinds = map[string]bool{"milestone": true, "runbook": true, "tracker": true, "page": true}

func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v), true
	case int, int64, float64, bool:
		return fmt.Sprint(v), true
	case nil:
		return "", true
	}
	return "", false
}

func stringList(v any) ([]string, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case string:
		var out []string
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, true
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := scalarString(e)
			if !ok {
				return nil, false
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out, true
	}
	return nil, false
}

func parseDate(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC), true
	case string:
		s := strings.TrimSpace(v)
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
			if t, err := time.Parse(layout, s); err == nil {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
			}
		}
		// A date and a time of day in another form ("2026-11-20 10:00:00
		// +0100", as Jekyll writes it; "2026-11-20T10:00"): the day.
		if len(s) > 11 && (s[10] == ' ' || s[10] == 'T') && timeOfDay.MatchString(s[11:]) {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// timeOfDay is a time after a date: hours and minutes, maybe seconds and
// their fraction, maybe a zone (Z, +0100, +01:00, UTC).
var timeOfDay = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?$`)

func describe(v any) string {
	switch v := v.(type) {
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	case nil:
		return "empty"
	default:
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
}

// bodyUpdatedRE matches a "Last updated: 2025-11-16" line, in any case,
// with bold or italic markup around the words allowed; the date may name
// its month ("Last updated: November 30, 2026", read by attr.ParseDate),
// or be written with slashes in an order it shows ("11/27/2026": no
// month is 27).
var bodyUpdatedRE = regexp.MustCompile(`(?i)^\s*(?:[-*]\s+)?last[ _-]?updated\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{4}/\d{2}/\d{2}|[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9},? \d{4}|\d{1,2}/\d{1,2}/\d{4})`)

// updatedFromBody looks for a "Last updated:" line among the first 20 lines
// of body and returns its date and file line.
func updatedFromBody(body []byte, bodyLine int) (time.Time, int) {
	for i, line := range bytes.SplitN(body, []byte{'\n'}, 21) {
		if i == 20 {
			break
		}
		clean := emphasisMarks.Replace(string(line))
		if m := bodyUpdatedRE.FindStringSubmatch(clean); m != nil {
			if d, ok := attr.ParseDateNear(m[1], slashShows(m[1])); ok {
				if t, err := time.Parse("2006-01-02", d); err == nil {
					return t, bodyLine + i
				}
			}
		}
	}
	return time.Time{}, 0
}

// slashShows is the calendar of a date written with slashes that shows
// its order itself, a day above 12 standing first or second; nil when it
// does not.
func slashShows(v string) attr.Calendar {
	d, ok := marker.SlashNumbers(v, 0)
	if !ok || (d.First > 12) == (d.Second > 12) {
		return nil
	}
	return calendar{monthFirst: d.Second > 12, known: true}
}

// calendar is the attr.Calendar LOAD knows of a page: the day it says it
// was updated, or the order one date with slashes shows. (PARSE knows
// more: package status works out a page's own.)
type calendar struct {
	near              string
	monthFirst, known bool
}

func (c calendar) Near() string                         { return c.near }
func (c calendar) MonthFirst() (monthFirst, known bool) { return c.monthFirst, c.known }

// emphasisMarks drops bold and italic marks from a "Last updated" line.
var emphasisMarks = strings.NewReplacer("*", "", "_", " ")
