// Package config reads a site's milepost.yaml: the site's title and base
// URL, where its content lives, and the knobs of the status model, badges
// and output. Every key is optional; an unknown key is an error naming the
// key and its line, so a typo never silently does nothing.
//
// In: the bytes of milepost.yaml (or none: Parse), or the site root's
// fs.FS and the command line's overrides (Read). Out: a Config with
// defaults filled in. It reads nothing but milepost.yaml from the fs.FS it
// is given, and writes nothing.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/milepost/milepost/internal/cli"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/marker"
	"gopkg.in/yaml.v3"
)

// FileName is the config file's name in the site root.
const FileName = "milepost.yaml"

// Config is a site's configuration.
type Config struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	BaseURL     string `yaml:"base_url"`
	ContentDir  string `yaml:"content_dir"` // relative to the site root, or absolute; default "content"
	Language    string `yaml:"language"`    // html lang; default "en"

	// Include and Exclude are doublestar globs, relative to the content
	// folder, that select its files (pages and attachments): with
	// Include, only files matching one are read; a file matching an
	// Exclude glob never is.
	Include []string `yaml:"include"`
	Exclude []string `yaml:"exclude"`

	FileLinks  bool `yaml:"file_links"`  // links name index.html, so the site works from file://
	UnsafeHTML bool `yaml:"unsafe_html"` // pass raw HTML through unsanitised

	StaleAfter int        `yaml:"stale_after"` // days; default 90
	Thresholds Thresholds `yaml:"thresholds"`
	Words      StateLists `yaml:"words"` // extra status words per state
	Emoji      StateLists `yaml:"emoji"` // extra status emoji per state

	// Matrices says whether tables of markers without a Status column
	// count: "" (guess: a legend or two different states), count, ignore.
	Matrices string `yaml:"matrices"`
	// HeadingItemsIgnore names headings that are never heading items,
	// beside Notes, References, See also and the like.
	HeadingItemsIgnore []string `yaml:"heading_items_ignore"`

	Badges Badges `yaml:"badges"`
	Feeds  Feeds  `yaml:"feeds"`
	Limits Limits `yaml:"limits"`

	History History `yaml:"history"`
	Graphs  Graphs  `yaml:"graphs"`
}

// History configures what the build reads from the git history of the
// content folder (package githistory) and the outlook made from it.
type History struct {
	Enabled    bool   `yaml:"enabled"`     // read history when the content folder is in a git work tree; default true
	Since      string `yaml:"since"`       // YYYY-MM-DD: commits authored before it are not read; default: all
	MaxCommits int    `yaml:"max_commits"` // at most this many commits, newest first; 0 (default): all
	Weeks      int    `yaml:"weeks"`       // velocity is read over the last N weeks; default 6
	IdleWeeks  int    `yaml:"idle_weeks"`  // at-risk when nothing was done for N weeks with items open; default 3
}

// Graphs configure the drawings: "graphs: false" switches every one off
// (dependency graphs, timelines, the roadmap); "graphs: {timeline: false}"
// the timelines alone; max_nodes bounds one dependency drawing (a page or
// folder with more nodes is listed, and a folder's summarised page by
// page).
type Graphs struct {
	Off      bool `yaml:"-"`         // no dependency graphs
	Timeline bool `yaml:"timeline"`  // pages with dated work draw a timeline, the home page a roadmap; default true
	MaxNodes int  `yaml:"max_nodes"` // default 150
}

// UnmarshalYAML takes true or false for every drawing at once, or a
// mapping of the keys above (unknown keys refused, as everywhere).
func (g *Graphs) UnmarshalYAML(n *yaml.Node) error {
	switch {
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool":
		on := n.Value == "true"
		g.Off, g.Timeline = !on, on
		return nil
	case n.Kind != yaml.MappingNode:
		return fmt.Errorf("line %d: graphs: want true, false or a mapping, not %s", n.Line, describeNode(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		switch key.Value {
		case "timeline":
			if value.ShortTag() != "!!bool" {
				return fmt.Errorf("line %d: graphs: timeline: want true or false, not %s", value.Line, describeNode(value))
			}
			g.Timeline = value.Value == "true"
		case "max_nodes":
			if err := value.Decode(&g.MaxNodes); err != nil {
				return fmt.Errorf("line %d: graphs: max_nodes: want a number, not %s", value.Line, describeNode(value))
			}
		default:
			return fmt.Errorf("line %d: graphs: unknown key %s", key.Line, key.Value)
		}
	}
	return nil
}

// Feeds configure Atom feeds of completed, dated items. The site's
// feed.xml (every page's items) is always written.
type Feeds struct {
	// Folders: <folder>/feed.xml for every folder, the items of the pages
	// in it and its sub-folders; default true (folders are few).
	Folders bool `yaml:"folders"`
	// Pages: <page>/feed.xml beside every page with such items, the
	// page's own; default false (a file per page). A folder's own page
	// links its folder's feed instead while folder feeds are on.
	Pages bool `yaml:"pages"`
}

// Limits bound what one page may add to the destination, so that a
// hostile or runaway document (ten thousand one-item sections) cannot
// fill a disk. A page over a limit keeps its page, status.json and badge;
// what is over is left out with an output-capped warning.
type Limits struct {
	SectionBadges int `yaml:"section_badges"` // section badges per page (each an .svg and a .json); default 200
	PageOutputMB  int `yaml:"page_output_mb"` // megabytes of output per page; default 50
}

// PageOutputBytes is Limits.PageOutputMB in bytes.
func (l Limits) PageOutputBytes() int64 { return int64(l.PageOutputMB) << 20 }

// Thresholds are the lowest percents done of each colour of bars and
// badges (status.Color): ≥ 80 green, ≥ 60 yellowgreen, ≥ 40 yellow, ≥ 20
// orange, below red by default.
type Thresholds struct {
	Green       int `yaml:"green"`
	YellowGreen int `yaml:"yellowgreen"`
	Yellow      int `yaml:"yellow"`
	Orange      int `yaml:"orange"`
}

// StateLists are extra vocabulary per state name.
type StateLists struct {
	Done    []string `yaml:"done"`
	Active  []string `yaml:"active"`
	Blocked []string `yaml:"blocked"`
	Open    []string `yaml:"open"`
	Dropped []string `yaml:"dropped"`
}

// ByState returns the lists keyed by marker.State.
func (s StateLists) ByState() map[marker.State][]string {
	return map[marker.State][]string{
		marker.Done: s.Done, marker.Active: s.Active, marker.Blocked: s.Blocked,
		marker.Open: s.Open, marker.Dropped: s.Dropped,
	}
}

// Badges configure badge files.
type Badges struct {
	Style      string `yaml:"style"`       // flat (default), flat-square, for-the-badge
	Palette    string `yaml:"palette"`     // shields (default) or classic
	Message    string `yaml:"message"`     // percent (default) or fraction ("34/40")
	Sections   string `yaml:"sections"`    // section badges: none (default), top, all
	Depth      int    `yaml:"depth"`       // how many heading levels "all" goes down; 0: every level
	LabelWidth int    `yaml:"label_width"` // longest label in px before it is shortened; default 200
}

// Default returns the configuration of a site with no milepost.yaml.
func Default() Config {
	return Config{
		Title:      "Status",
		ContentDir: "content",
		Language:   "en",
		StaleAfter: 90,
		Thresholds: Thresholds{Green: 80, YellowGreen: 60, Yellow: 40, Orange: 20},
		Badges:     Badges{Style: "flat", Palette: "shields", Message: "percent", Sections: "none", LabelWidth: 200},
		Limits:     Limits{SectionBadges: 200, PageOutputMB: 50},
		History:    History{Enabled: true, Weeks: 6, IdleWeeks: 3},
		Graphs:     Graphs{Timeline: true, MaxNodes: 150},
		Feeds:      Feeds{Folders: true},
	}
}

var lineRE = regexp.MustCompile(`^line (\d+): (.*)$`)

// Parse reads milepost.yaml. file is the name used in diagnostics.
func Parse(file string, data []byte) (Config, diag.List) {
	c := Default()
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return c, yamlDiagnostics(file, err)
	}
	if bad := strictBools(file, &doc, reflect.TypeOf(c)); len(bad) > 0 {
		return c, bad
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(&c)
	if err != nil && !errors.Is(err, io.EOF) {
		return c, yamlDiagnostics(file, err)
	}
	return c, c.validate(file, data)
}

// strictBools checks that every key of node decoded into a bool field of t
// (a struct, nested structs followed) holds true or false, the YAML 1.2
// booleans. yaml.v3 also takes the YAML 1.1 words yes, no, on and off into
// a bool, quoted or not, while it refuses a quoted "true": so
// unsafe_html: "yes" turned raw HTML on. One rule for every bool key.
func strictBools(file string, node *yaml.Node, t reflect.Type) diag.List {
	if node.Kind == yaml.DocumentNode && len(node.Content) > 0 {
		node = node.Content[0]
	}
	if node.Kind != yaml.MappingNode || t.Kind() != reflect.Struct {
		return nil
	}
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" {
			fields[name] = t.Field(i).Type
		}
	}
	var out diag.List
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		ft, ok := fields[key.Value]
		switch {
		case !ok: // an unknown key: the decoder names it
		case ft.Kind() == reflect.Bool:
			if value.Kind != yaml.ScalarNode || value.ShortTag() != "!!bool" {
				out = append(out, diag.Errorf(file, value.Line, value.Column, "%s: want true or false, not %s", key.Value, describeNode(value)))
			}
		case ft.Kind() == reflect.Struct:
			out = append(out, strictBools(file, value, ft)...)
		}
	}
	return out
}

// describeNode shows a YAML value in a message.
func describeNode(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "a list or mapping"
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return strconv.Quote(n.Value) + " (a string)"
	}
	return strconv.Quote(n.Value)
}

// yamlDiagnostics turns a yaml.v3 error into diagnostics with lines.
func yamlDiagnostics(file string, err error) diag.List {
	var te *yaml.TypeError
	msgs := []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	var out diag.List
	for _, m := range msgs {
		line := 0
		if sm := lineRE.FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		m = strings.Replace(m, "field ", "unknown key ", 1)
		if i := strings.Index(m, " not found in type"); i >= 0 {
			m = m[:i]
			key := strings.TrimPrefix(m, "unknown key ")
			if near := cli.Nearest(key, keyNames(reflect.TypeOf(Config{}))); near != "" && near != key {
				m += "; did you mean " + near + "?" // not a key of another section, given back unchanged
			}
		}
		out = append(out, diag.Errorf(file, line, 0, "%s", m))
	}
	return out
}

// keyNames lists the YAML keys of struct type t and of the structs it
// holds, for a mistyped key's suggestion.
func keyNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
		if f.Type.Kind() == reflect.Struct {
			out = append(out, keyNames(f.Type)...)
		}
	}
	return out
}

// validate checks values that YAML's types cannot.
func (c *Config) validate(file string, data []byte) diag.List {
	var out diag.List
	bad := func(key, format string, args ...any) {
		out = append(out, diag.Errorf(file, keyLine(data, key), 0, "%s: %s", key, fmt.Sprintf(format, args...)))
	}
	if c.StaleAfter < 0 {
		bad("stale_after", "must be a number of days, 0 or more")
	}
	switch c.Badges.Style {
	case "flat", "flat-square", "for-the-badge":
	default:
		bad("style", "%q is not one of flat, flat-square, for-the-badge", c.Badges.Style)
	}
	switch c.Badges.Palette {
	case "shields", "classic":
	default:
		bad("palette", "%q is not one of shields, classic", c.Badges.Palette)
	}
	switch c.Badges.Message {
	case "percent", "fraction":
	default:
		bad("message", "%q is not one of percent, fraction", c.Badges.Message)
	}
	if c.Badges.Depth > 0 && !setsSections(data) {
		// depth alone, as milepost read it before sections existed: section
		// badges down to that depth.
		c.Badges.Sections = "all"
	}
	switch c.Badges.Sections {
	case "none", "top", "all":
	default:
		bad("sections", "%q is not one of none, top, all", c.Badges.Sections)
	}
	if c.Badges.Depth < 0 {
		bad("depth", "must be 0 (every level) or more")
	}
	if c.Limits.SectionBadges < 0 {
		bad("section_badges", "must be 0 or more")
	}
	if c.Graphs.MaxNodes < 2 {
		bad("max_nodes", "must be 2 or more")
	}
	if c.Limits.PageOutputMB < 1 {
		bad("page_output_mb", "must be 1 or more")
	}
	if h := c.History; h.Since != "" {
		if _, err := time.Parse(time.DateOnly, h.Since); err != nil {
			bad("since", "%q is not a date (YYYY-MM-DD)", h.Since)
		}
	}
	if c.History.MaxCommits < 0 {
		bad("max_commits", "must be 0 (every commit) or more")
	}
	if c.History.Weeks < 1 {
		bad("weeks", "must be 1 or more")
	}
	if c.History.IdleWeeks < 1 {
		bad("idle_weeks", "must be 1 or more")
	}
	switch c.Matrices {
	case "", "auto", "count", "ignore":
	default:
		bad("matrices", "%q is not one of count, ignore", c.Matrices)
	}
	t := c.Thresholds
	if !(100 >= t.Green && t.Green >= t.YellowGreen && t.YellowGreen >= t.Yellow && t.Yellow >= t.Orange && t.Orange >= 0) {
		bad("thresholds", "must fall from green to orange, each between 0 and 100")
	}
	for _, key := range []struct {
		name  string
		globs []string
	}{{"include", c.Include}, {"exclude", c.Exclude}} {
		for _, g := range key.globs {
			if !doublestar.ValidatePattern(g) {
				bad(key.name, "%q is not a valid glob", g)
			}
		}
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		bad("base_url", "%q must start with http:// or https://", c.BaseURL)
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	if c.BaseURL != "" {
		c.BaseURL += "/"
	}
	return out
}

// setsSections reports whether data sets badges.sections.
func setsSections(data []byte) bool {
	var probe struct {
		Badges struct {
			Sections *string `yaml:"sections"`
		} `yaml:"badges"`
	}
	return yaml.Unmarshal(data, &probe) == nil && probe.Badges.Sections != nil
}

// keyLine is the first line of data that sets key, for messages about values.
func keyLine(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), key+":") {
			return i + 1
		}
	}
	return 0
}

// Overrides are the command line's settings that win over milepost.yaml.
type Overrides struct {
	ContentDir string // when not empty
	FileLinks  bool   // when true
	BaseURL    string // when not empty; checked as base_url is
}

// Read reads milepost.yaml from the site root fsys when there is one, and
// applies o.
func Read(fsys fs.FS, o Overrides) (Config, diag.List) {
	data, err := fs.ReadFile(fsys, FileName)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Default(), diag.List{diag.Errorf(FileName, 0, 0, "%v", err)}
	}
	cfg, diags := Parse(FileName, data)
	if o.ContentDir != "" {
		cfg.ContentDir = o.ContentDir
	}
	if o.FileLinks {
		cfg.FileLinks = true
	}
	if o.BaseURL != "" {
		c, d := Parse("", []byte(fmt.Sprintf("base_url: %q", o.BaseURL)))
		cfg.BaseURL = c.BaseURL
		for _, e := range d {
			// a flag, not a file: "--base-url: …", never "site/--base-url:1: …"
			e.Line, e.Col, e.Message = 0, 0, "--base-url: "+strings.TrimPrefix(e.Message, "base_url: ")
			diags = append(diags, e)
		}
	}
	return cfg, diags
}
