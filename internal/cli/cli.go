// Package cli is milepost's command-line parser: a subcommand's flags (the
// standard library's flag package, which takes -name and --name alike)
// with what flag lacks: flags after the positional arguments, a
// suggestion for an unknown flag or command (Nearest), help on stdout with
// exit 0, short and long names shown together, hidden flags, and the exit
// codes.
//
// In: a command's name, arguments, help text and flags; the arguments as
// given. Out: the positional arguments, or an exit code having explained
// the problem. It must not run a command or exit the process.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

// Exit codes.
const (
	ExitOK    = 0 // success, and -h
	ExitFail  = 1 // a build or check failed
	ExitUsage = 2 // the command line is wrong
)

// Command is one subcommand's command line: its flags, the positional
// arguments it takes, and its own help with examples.
type Command struct {
	name     string // "build"
	args     string // "[DIR]", shown after the flags in the usage line
	maxArgs  int    // positional arguments taken
	about    string // what the command does, a paragraph
	examples []string
	Flags    *flag.FlagSet
	hidden   map[string]bool
}

// New returns the command line of "milepost name": args names its
// positional arguments in the usage line ("[DIR]"), of which it takes at
// most maxArgs; about is a paragraph of help.
func New(name, args string, maxArgs int, about string, examples ...string) *Command {
	fs := flag.NewFlagSet("milepost "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and help are printed by parse
	fs.Usage = func() {}
	return &Command{name: name, args: args, maxArgs: maxArgs, about: about, examples: examples, Flags: fs, hidden: map[string]bool{}}
}

// Name is the command's name ("build").
func (c *Command) Name() string { return c.name }

// Hide keeps flags out of the help (profiling flags, documented in
// BENCHMARKS.md); they still work.
func (c *Command) Hide(names ...string) {
	for _, n := range names {
		c.hidden[n] = true
	}
}

// Parse reads args: flags before and after the positional arguments
// ("--" ends the flags). ok false means the caller returns code: 0 after
// -h/--help, 2 after a usage error (already explained on stderr).
func (c *Command) Parse(args []string, stdout, stderr io.Writer) (positional []string, code int, ok bool) {
	for {
		err := c.Flags.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.Usage(stdout)
			return nil, ExitOK, false
		}
		if err != nil {
			fmt.Fprintf(stderr, "milepost %s: %s\nRun \"milepost %s -h\" for usage.\n", c.name, c.explain(err), c.name)
			return nil, ExitUsage, false
		}
		rest := c.Flags.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	if len(positional) > c.maxArgs {
		extra := positional[c.maxArgs]
		fmt.Fprintf(stderr, "milepost %s: unexpected argument %q\nRun \"milepost %s -h\" for usage.\n", c.name, extra, c.name)
		return nil, ExitUsage, false
	}
	return positional, ExitOK, true
}

// explain rewords a flag package error, suggesting the nearest flag for
// an unknown one.
func (c *Command) explain(err error) string {
	msg := err.Error()
	name, unknown := strings.CutPrefix(msg, "flag provided but not defined: -")
	if !unknown {
		return msg
	}
	var names []string
	c.Flags.VisitAll(func(f *flag.Flag) {
		if !c.hidden[f.Name] {
			names = append(names, f.Name)
		}
	})
	s := "unknown flag " + dashes(name)
	if near := Nearest(name, names); near != "" {
		s += "; did you mean " + dashes(near) + "?"
	}
	return s
}

// dashes writes a flag as it is shown: -s, --source.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// Usage prints the command's help: usage line, what it does, its flags
// (a flag's short and long names together) and examples.
func (c *Command) Usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: milepost %s [flags]", c.name)
	if c.args != "" {
		fmt.Fprintf(w, " %s", c.args)
	}
	fmt.Fprintf(w, "\n\n%s\n", c.about)
	type row struct{ names, usage, def string }
	var rows []row
	byValue := map[uintptr]int{} // the names of one flag share its Value, a pointer
	c.Flags.VisitAll(func(f *flag.Flag) {
		if c.hidden[f.Name] {
			return
		}
		arg, text := flag.UnquoteUsage(f)
		name := dashes(f.Name)
		var value uintptr // 0 for a Value that is not a pointer (flag.Func's)
		if v := reflect.ValueOf(f.Value); v.Kind() == reflect.Pointer {
			value = v.Pointer()
		}
		if i, ok := byValue[value]; ok && value != 0 {
			r := &rows[i]
			if len(f.Name) == 1 { // short name first
				r.names = name + ", " + r.names
			} else {
				r.names = strings.TrimSuffix(r.names, " "+arg) + ", " + name
				if arg != "" {
					r.names += " " + arg
				}
				if len(text) > len(r.usage) {
					r.usage = text
				}
			}
			return
		}
		if arg != "" {
			name += " " + arg
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "0s" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		byValue[value] = len(rows)
		rows = append(rows, row{name, text, def})
	})
	if len(rows) > 0 {
		sort.SliceStable(rows, func(i, j int) bool {
			return strings.TrimLeft(rows[i].names, "-") < strings.TrimLeft(rows[j].names, "-")
		})
		width := 0
		for _, r := range rows {
			width = max(width, len(r.names))
		}
		fmt.Fprintln(w, "\nFlags:")
		for _, r := range rows {
			fmt.Fprintf(w, "  %-*s  %s%s\n", width, r.names, r.usage, r.def)
		}
	}
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nExamples:")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// Nearest returns the candidate closest to s, when close enough to be a
// typo: at most a third of its letters (and one for short words) wrong,
// missing, extra or swapped. Among equally close ones, the one sharing the
// longest start with s wins. "" when none is close.
func Nearest(s string, candidates []string) string {
	best, bestDist, bestPrefix := "", max(1, len(s)/3)+1, -1
	for _, c := range candidates {
		d, p := editDistance(s, c), commonPrefix(s, c)
		if d < bestDist || (d == bestDist && p > bestPrefix) {
			best, bestDist, bestPrefix = c, d, p
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// editDistance counts the letters changed, inserted, deleted or swapped
// with a neighbour to turn a into b (optimal string alignment distance).
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
