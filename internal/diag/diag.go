// Package diag is the one shape every stage uses to report a problem in the
// input: a file, a position, a severity, a kind and a message; and its
// forms: the compilers' line (String), JSON, and a GitHub Actions
// workflow command (GitHub).
//
// A build collects diagnostics from every stage, sorts them, prints them all
// at once and fails if any of them is an error. diag does no I/O.
package diag

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	// Warning is reported but does not fail a build (check --strict may).
	Warning Severity = iota
	// Error fails the build.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalJSON writes the severity as its name.
func (s Severity) MarshalJSON() ([]byte, error) {
	return []byte(`"` + s.String() + `"`), nil
}

// Warning kinds, as status.json and `milepost check --fail-on` name them.
const (
	KindDrift          = "drift"
	KindStale          = "stale"
	KindBrokenLink     = "broken-link"
	KindMissingHeading = "missing-heading"
	KindAmbiguousLink  = "ambiguous-link"
	KindBadLink        = "bad-link"
	KindEmbedCycle     = "embed-cycle"
	KindNoItems        = "no-items"
	KindInput          = "input"         // unreadable or skipped input files, nesting caps
	KindOutputCapped   = "output-capped" // a page's files over config limits, left out
	// The plan's kinds (package plan uses the same names).
	KindOverdue           = "overdue"            // an item or task due before the build date, not done
	KindUnknownDependency = "unknown-dependency" // a dependency on an id defined nowhere in the site
	KindDuplicateID       = "duplicate-id"       // an id defined twice
	KindDependencyCycle   = "dependency-cycle"   // work that waits, through others, on itself
)

// WarningKinds are all the warning kinds.
var WarningKinds = []string{KindBrokenLink, KindMissingHeading, KindAmbiguousLink, KindBadLink, KindDrift, KindStale, KindNoItems, KindEmbedCycle, KindInput,
	KindOverdue, KindUnknownDependency, KindDuplicateID, KindDependencyCycle, KindOutputCapped}

// ParseKinds reads a comma-separated list of warning kinds ("drift,stale")
// into a set, rejecting unknown kinds.
func ParseKinds(list string) (map[string]bool, error) {
	kinds := map[string]bool{}
	if list == "" {
		return kinds, nil
	}
	for _, k := range strings.Split(list, ",") {
		k = strings.TrimSpace(k)
		if !slices.Contains(WarningKinds, k) {
			return nil, fmt.Errorf("unknown kind %q (kinds: %s)", k, strings.Join(WarningKinds, ", "))
		}
		kinds[k] = true
	}
	return kinds, nil
}

// Diagnostic is one finding. File is the path as a user would type it from
// the site root (content/milestones/x.md); Line and Col are 1-based, 0 when
// unknown.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	Message  string   `json:"message"`
}

// String formats the diagnostic the way compilers do:
// content/x.md:12:3: warning: message.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(EscapeControl(d.File))
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(EscapeControl(d.Message))
	return b.String()
}

// GitHub formats the diagnostic as a GitHub Actions workflow command, so
// that it annotates the pull request's file:
// ::warning file=content/x.md,line=12,col=3,title=milepost drift::message.
func (d Diagnostic) GitHub() string {
	props := []string{}
	if d.File != "" {
		props = append(props, "file="+ghProperty(d.File))
	}
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
	}
	if d.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Col))
	}
	if d.Kind != "" {
		props = append(props, "title="+ghProperty("milepost "+d.Kind))
	}
	return fmt.Sprintf("::%s %s::%s", d.Severity, strings.Join(props, ","), ghData(d.Message))
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// EscapeControl writes the control characters of s (C0, DEL, C1, and the
// Unicode line and paragraph separators) as Go escapes (\n, \x1b, \u2028),
// so a diagnostic is always one line: a file named
// "x\n::error file=evil.md::PWNED" cannot print a line that a CI system
// reads as a command, nor a terminal escape.
func EscapeControl(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isControl(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // '\n', '\x1b', '\u2028'
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x2028 || r == 0x2029
}

// List is a set of diagnostics.
type List []Diagnostic

// Sort orders diagnostics by file, line, column, then message, so output is
// deterministic whatever order the stages found them in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.Message < b.Message
	})
}

// From returns the diagnostics with their files named from the working
// directory, for a site whose root is root as given on the command line
// (so editors and CI annotations find them): "content/a.md" of the site
// "docs" is "docs/content/a.md". Absolute paths stay as they are.
func (l List) From(root string) List {
	if root == "." || len(l) == 0 {
		return l
	}
	out := make(List, len(l))
	for i, d := range l {
		if d.File != "" && !filepath.IsAbs(filepath.FromSlash(d.File)) {
			d.File = filepath.ToSlash(filepath.Join(root, filepath.FromSlash(d.File)))
		}
		out[i] = d
	}
	return out
}

// Errors returns only the diagnostics of severity Error.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Warnings returns only the diagnostics of severity Warning.
func (l List) Warnings() List {
	var out List
	for _, d := range l {
		if d.Severity == Warning {
			out = append(out, d)
		}
	}
	return out
}

// Tally counts the errors and the warnings, the warnings by kind:
// "0 errors, 20 warnings (15 broken-link, 2 drift, 3 stale)".
func (l List) Tally() string {
	byKind := map[string]int{}
	warnings := l.Warnings()
	for _, d := range warnings {
		byKind[d.Kind]++
	}
	kinds := make([]string, 0, len(byKind))
	for k, n := range byKind {
		kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(kinds)
	s := count(len(l.Errors()), "error") + ", " + count(len(warnings), "warning")
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	return s
}

// count formats n with a noun: "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Err returns nil when l holds no error, and an *ErrorList otherwise.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return &ErrorList{Diagnostics: errs}
}

// ErrorList is the error a failed stage returns: every error it found.
type ErrorList struct {
	Diagnostics List
}

func (e *ErrorList) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Errorf is a shorthand for an Error diagnostic.
func Errorf(file string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf is a shorthand for a Warning diagnostic of the given kind.
func Warnf(kind, file string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Kind: kind, Message: fmt.Sprintf(format, args...)}
}
