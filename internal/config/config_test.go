package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		wantErr  string // substring of the first diagnostic, "" for none
		check    func(t *testing.T, c Config)
	}{
		{name: "empty", in: "", check: func(t *testing.T, c Config) {
			if c.StaleAfter != 90 || c.ContentDir != "content" || c.Badges.Style != "flat" {
				t.Errorf("defaults not applied: %+v", c)
			}
		}},
		{name: "values", in: "title: Roadmap\nbase_url: https://x.example/repo\nstale_after: 30\nbadges:\n  message: fraction\n", check: func(t *testing.T, c Config) {
			if c.Title != "Roadmap" || c.StaleAfter != 30 || c.Badges.Message != "fraction" || c.Badges.Style != "flat" {
				t.Errorf("got %+v", c)
			}
			if c.BaseURL != "https://x.example/repo/" {
				t.Errorf("base_url = %q, want a trailing slash", c.BaseURL)
			}
		}},
		{name: "unknown key", in: "title: x\n\nstale_aftr: 3\n", wantErr: "milepost.yaml:3: error: unknown key stale_aftr; did you mean stale_after?"},
		{name: "unknown key, nothing near", in: "title: x\nzebra: 3\n", wantErr: "milepost.yaml:2: error: unknown key zebra"},
		{name: "nested unknown key", in: "badges:\n  colour: red\n", wantErr: "milepost.yaml:2: error: unknown key colour"},
		{name: "wrong type", in: "stale_after: soon\n", wantErr: "milepost.yaml:1: error: cannot unmarshal"},
		// Every bool key takes true or false and nothing else, quoted or
		// not: yaml.v3 alone took "yes" and refused "true".
		{name: "bool as quoted yes", in: "title: x\nunsafe_html: \"yes\"\n", wantErr: `milepost.yaml:2:14: error: unsafe_html: want true or false, not "yes" (a string)`},
		{name: "bool as yes", in: "unsafe_html: yes\n", wantErr: `milepost.yaml:1:14: error: unsafe_html: want true or false, not "yes"`},
		{name: "bool as on", in: "file_links: on\n", wantErr: `error: file_links: want true or false, not "on"`},
		{name: "bool as quoted true", in: "file_links: \"true\"\n", wantErr: `error: file_links: want true or false, not "true" (a string)`},
		{name: "bool as list", in: "file_links: [true]\n", wantErr: `error: file_links: want true or false, not a list or mapping`},
		{name: "bools", in: "unsafe_html: true\nfile_links: False\n", check: func(t *testing.T, c Config) {
			if !c.UnsafeHTML || c.FileLinks {
				t.Errorf("unsafe_html %v, file_links %v", c.UnsafeHTML, c.FileLinks)
			}
		}},
		{name: "bad style", in: "badges:\n  style: round\n", wantErr: `milepost.yaml:2: error: style: "round"`},
		{name: "bad base url", in: "base_url: example.com\n", wantErr: "base_url"},
		{name: "status model knobs", in: "matrices: ignore\nheading_items_ignore:\n  - Team\n  - Meeting minutes\n", check: func(t *testing.T, c Config) {
			if c.Matrices != "ignore" || len(c.HeadingItemsIgnore) != 2 || c.HeadingItemsIgnore[1] != "Meeting minutes" {
				t.Errorf("got matrices %q, heading_items_ignore %q", c.Matrices, c.HeadingItemsIgnore)
			}
		}},
		{name: "bad matrices", in: "title: x\nmatrices: sometimes\n", wantErr: `milepost.yaml:2: error: matrices: "sometimes" is not one of count, ignore`},
		{name: "globs", in: "include: [\"docs/**\", README.md]\nexclude:\n  - \"**/vendor/**\"\n", check: func(t *testing.T, c Config) {
			if len(c.Include) != 2 || c.Include[0] != "docs/**" || len(c.Exclude) != 1 {
				t.Errorf("got include %q exclude %q", c.Include, c.Exclude)
			}
		}},
		{name: "bad glob", in: "title: x\nexclude: [\"docs/[a\"]\n", wantErr: `milepost.yaml:2: error: exclude: "docs/[a" is not a valid glob`},
		{name: "bad thresholds", in: "thresholds:\n  green: 10\n", wantErr: "thresholds"},
		{name: "output defaults", in: "", check: func(t *testing.T, c Config) {
			if c.Badges.Sections != "none" || c.Feeds.Pages || !c.Feeds.Folders || c.Limits.SectionBadges != 200 || c.Limits.PageOutputBytes() != 50<<20 {
				t.Errorf("got badges %+v, feeds %+v, limits %+v", c.Badges, c.Feeds, c.Limits)
			}
		}},
		{name: "section badges", in: "badges: {sections: top}\nfeeds: {pages: true}\nlimits: {section_badges: 10, page_output_mb: 5}\n", check: func(t *testing.T, c Config) {
			if c.Badges.Sections != "top" || !c.Feeds.Pages || !c.Feeds.Folders || c.Limits.SectionBadges != 10 || c.Limits.PageOutputMB != 5 {
				t.Errorf("got badges %+v, feeds %+v, limits %+v", c.Badges, c.Feeds, c.Limits)
			}
		}},
		{name: "folder feeds off", in: "feeds: {folders: false}\n", check: func(t *testing.T, c Config) {
			if c.Feeds.Folders || c.Feeds.Pages {
				t.Errorf("got feeds %+v", c.Feeds)
			}
		}},
		{name: "bad folder feeds", in: "feeds:\n  folders: yes\n", wantErr: `milepost.yaml:2:12: error: folders: want true or false, not "yes"`},
		{name: "graphs default", in: "", check: func(t *testing.T, c Config) {
			if c.Graphs.Off || c.Graphs.MaxNodes != 150 {
				t.Errorf("got graphs %+v", c.Graphs)
			}
		}},
		{name: "graphs off", in: "graphs: false\n", check: func(t *testing.T, c Config) {
			if !c.Graphs.Off || c.Graphs.MaxNodes != 150 {
				t.Errorf("got graphs %+v", c.Graphs)
			}
		}},
		{name: "graphs max", in: "graphs: {max_nodes: 40}\n", check: func(t *testing.T, c Config) {
			if c.Graphs.Off || c.Graphs.MaxNodes != 40 {
				t.Errorf("got graphs %+v", c.Graphs)
			}
		}},
		{name: "graphs bad key", in: "title: x\ngraphs:\n  nodes: 3\n", wantErr: "milepost.yaml:3: error: graphs: unknown key nodes"},
		{name: "graphs bad value", in: "graphs: sometimes\n", wantErr: `milepost.yaml:1: error: graphs: want true, false or a mapping, not "sometimes"`},
		{name: "graphs too small", in: "graphs: {max_nodes: 1}\n", wantErr: "max_nodes: must be 2 or more"},
		// depth alone was how section badges were configured before
		// sections existed: it keeps them.
		{name: "depth alone", in: "badges: {depth: 2}\n", check: func(t *testing.T, c Config) {
			if c.Badges.Sections != "all" || c.Badges.Depth != 2 {
				t.Errorf("got %+v", c.Badges)
			}
		}},
		{name: "depth with sections", in: "badges: {sections: none, depth: 2}\n", check: func(t *testing.T, c Config) {
			if c.Badges.Sections != "none" {
				t.Errorf("got %+v", c.Badges)
			}
		}},
		{name: "bad sections", in: "title: x\nbadges:\n  sections: some\n", wantErr: `milepost.yaml:3: error: sections: "some" is not one of none, top, all`},
		{name: "graphs on by default", in: "", check: func(t *testing.T, c Config) {
			if !c.Graphs.Timeline {
				t.Errorf("got graphs %+v", c.Graphs)
			}
		}},
		{name: "graphs false", in: "graphs: false\n", check: func(t *testing.T, c Config) {
			if c.Graphs.Timeline {
				t.Errorf("graphs: false left %+v", c.Graphs)
			}
		}},
		{name: "graphs one off", in: "graphs:\n  timeline: false\n", check: func(t *testing.T, c Config) {
			if c.Graphs.Timeline {
				t.Errorf("got graphs %+v", c.Graphs)
			}
		}},
		{name: "graphs empty mapping", in: "graphs: {}\n", check: func(t *testing.T, c Config) {
			if !c.Graphs.Timeline {
				t.Errorf("an empty mapping switched off %+v", c.Graphs)
			}
		}},
		{name: "graphs unknown key", in: "title: x\ngraphs:\n  timelines: false\n", wantErr: "milepost.yaml:3: error: graphs: unknown key timelines"},
		{name: "graphs as yes", in: "graphs: \"no\"\n", wantErr: `milepost.yaml:1: error: graphs: want true, false or a mapping, not "no" (a string)`},
		{name: "graphs timeline as yes", in: "graphs:\n  timeline: yes\n", wantErr: `milepost.yaml:2:13: error: timeline: want true or false, not "yes"`},
		{name: "bad limit", in: "limits:\n  page_output_mb: 0\n", wantErr: `milepost.yaml:2: error: page_output_mb: must be 1 or more`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := Parse("milepost.yaml", []byte(tt.in))
			if tt.wantErr == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				tt.check(t, c)
				return
			}
			if len(diags) == 0 {
				t.Fatalf("want an error containing %q, got none", tt.wantErr)
			}
			if got := diags[0].String(); !strings.Contains(got, tt.wantErr) {
				t.Errorf("got %q, want it to contain %q", got, tt.wantErr)
			}
		})
	}
}

// TestReadBaseURLOverride: a bad --base-url is the flag's error, told
// without a file or line of its own.
func TestReadBaseURLOverride(t *testing.T) {
	fsys := fstest.MapFS{FileName: {Data: []byte("title: x\n")}}
	if cfg, diags := Read(fsys, Overrides{BaseURL: "https://example.com/status"}); len(diags) > 0 || cfg.BaseURL != "https://example.com/status/" {
		t.Errorf("good URL: base_url %q, %v", cfg.BaseURL, diags)
	}
	_, diags := Read(fsys, Overrides{BaseURL: "example.com"})
	if len(diags) != 1 || diags[0].File != "" || !strings.HasPrefix(diags[0].String(), "error: --base-url: ") {
		t.Errorf("bad URL: %v, want one error naming the flag", diags)
	}
}
