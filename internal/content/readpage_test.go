package content

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"
)

// diagStrings formats diagnostics the way the command line prints them.
func diagStrings[T interface{ String() string }](list []T) string {
	var b strings.Builder
	for _, d := range list {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// TestFrontMatter reads one page per case and compares the fields it
// sets and the diagnostics, with their file:line:col.
func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, p *Page)
		diags string
	}{
		{name: "matrices", src: "---\nmatrices: Count\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if p.Matrices != "count" {
					t.Errorf("matrices = %q, want count", p.Matrices)
				}
			}},
		{name: "yaml fields", src: "---\ntitle: Launch plan\nkind: Milestone\ntags: [launch, q4]\naliases:\n  - LP\ndraft: false\ntrack: true\nheading_items: never\nbadge_label: launch\nupdated: 2026-11-02\nowner: ana\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				want := Page{Title: "Launch plan", TitleFromFront: true, Kind: "milestone", HeadingItems: "never", BadgeLabel: "launch", Track: true, UpdatedLine: 11, BodyLine: 14}
				if p.Title != want.Title || !p.TitleFromFront || p.Kind != want.Kind || p.HeadingItems != want.HeadingItems || p.BadgeLabel != want.BadgeLabel || !p.Track || p.Draft {
					t.Errorf("page %+v", p)
				}
				if strings.Join(p.Tags, ",") != "launch,q4" || strings.Join(p.Aliases, ",") != "LP" {
					t.Errorf("tags %q aliases %q", p.Tags, p.Aliases)
				}
				if !p.Updated.Equal(time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)) || p.UpdatedLine != want.UpdatedLine {
					t.Errorf("updated %v on line %d", p.Updated, p.UpdatedLine)
				}
				if p.BodyLine != want.BodyLine || string(p.Body) != "# Body\n" {
					t.Errorf("body %q on line %d", p.Body, p.BodyLine)
				}
			}},
		{name: "dates with a time of day", src: "---\ndate:   2026-11-20 10:00:00 +0100\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if !p.Updated.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("updated %v, want 2026-11-20 (Jekyll's date and time)", p.Updated)
				}
			}},
		{name: "obsidian date-time", src: "---\nupdated: 2026-11-20T10:00\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if !p.Updated.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("updated %v, want 2026-11-20", p.Updated)
				}
			}},
		{name: "hugo's lastmod before its date", src: "---\ndate: 2023-05-01\nlastmod: 2026-11-20\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if !p.Updated.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) || p.UpdatedLine != 3 {
					t.Errorf("updated %v on line %d, want 2026-11-20 on line 3", p.Updated, p.UpdatedLine)
				}
			}},
		{name: "hugo's lastmod from git", src: "---\nlastmod: \":git\"\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if !p.Updated.IsZero() || len(p.Diags) != 0 {
					t.Errorf("updated %v, diags %v: want none, as Hugo reads it", p.Updated, p.Diags)
				}
			}},
		{name: "empty date", src: "---\ndate:\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if !p.Updated.IsZero() {
					t.Errorf("updated %v, want none", p.Updated)
				}
			}},
		{name: "toml fields", src: "+++\ntitle = \"Runbook\"\ntags = [\"ops\"]\ndraft = true\n+++\nbody\n",
			check: func(t *testing.T, p *Page) {
				if p.Title != "Runbook" || !p.Draft || strings.Join(p.Tags, ",") != "ops" || p.BodyLine != 6 || string(p.Body) != "body\n" {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "no front matter", src: "# Title\n\ntext\n",
			check: func(t *testing.T, p *Page) {
				if p.TitleFromFront || p.Title != "Phase 4" || p.BodyLine != 1 || string(p.Body) != "# Title\n\ntext\n" {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "crlf and bom", src: "\uFEFF---\r\ntitle: T\r\n---\r\nline one\r\nline two\r\n",
			check: func(t *testing.T, p *Page) {
				if p.Title != "T" || string(p.Body) != "line one\nline two\n" || p.BodyLine != 4 {
					t.Errorf("page %+v body %q", p, p.Body)
				}
			}},
		{name: "blank lines before front matter", src: "\n\n---\ntitle: T\n---\nx\n",
			check: func(t *testing.T, p *Page) {
				if p.Title != "T" || p.BodyLine != 6 {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "last updated line in the body", src: "# T\n\n**Last updated:** 2026-10-01\n",
			check: func(t *testing.T, p *Page) {
				if p.UpdatedLine != 3 || p.Updated.Format("2006-01-02") != "2026-10-01" {
					t.Errorf("updated %v line %d", p.Updated, p.UpdatedLine)
				}
			}},
		{name: "last updated line with its month named", src: "# T\n\nLast updated: November 30, 2026\n",
			check: func(t *testing.T, p *Page) {
				if p.UpdatedLine != 3 || p.Updated.Format("2006-01-02") != "2026-11-30" {
					t.Errorf("updated %v line %d", p.Updated, p.UpdatedLine)
				}
			}},
		{name: "last updated with slashes, its order shown", src: "# T\n\nLast updated: 11/27/2026\n",
			check: func(t *testing.T, p *Page) {
				if p.Updated.Format("2006-01-02") != "2026-11-27" {
					t.Errorf("updated %v, want 2026-11-27", p.Updated)
				}
			}},
		{name: "last updated with slashes, its order not shown", src: "# T\n\nLast updated: 11/3/2026\n",
			check: func(t *testing.T, p *Page) {
				if !p.Updated.IsZero() {
					t.Errorf("updated %v, want none: November 3rd or March 11th", p.Updated)
				}
			}},
		{name: "last updated, day first", src: "# T\n\n_Last updated 30 Nov 2026 by Dana_\n",
			check: func(t *testing.T, p *Page) {
				if p.Updated.Format("2006-01-02") != "2026-11-30" {
					t.Errorf("updated %v", p.Updated)
				}
			}},
		{name: "yaml syntax error", src: "---\ntitle: ok\ntags: [a, b\n---\n",
			diags: "content/tasks/phase 4.md:3: error: front matter: did not find expected ',' or ']'\n"},
		{name: "yaml tab indentation", src: "---\ntitle: ok\n\tkind: x\n---\n",
			diags: "content/tasks/phase 4.md:3: error: front matter: found a tab character that violates indentation\n"},
		{name: "yaml not a mapping", src: "---\n- a\n- b\n---\n",
			diags: "content/tasks/phase 4.md:2:1: error: front matter: expected key: value pairs, found a list\n"},
		{name: "unknown kind", src: "---\ntitle: x\nkind: epic\n---\n",
			diags: "content/tasks/phase 4.md:3:7: error: front matter: kind \"epic\" is not one of milestone, runbook, tracker, page\n"},
		{name: "section badges", src: "---\nbadges: Sections\n---\n# Body\n",
			check: func(t *testing.T, p *Page) {
				if p.SectionBadges != "top" {
					t.Errorf("badges = %q, want top", p.SectionBadges)
				}
			}},
		{name: "bad section badges", src: "---\nbadges: many\n---\n",
			diags: "content/tasks/phase 4.md:2:9: error: front matter: badges \"many\" is not one of sections, top, all, none\n"},
		{name: "duplicate key", src: "---\ntitle: a\ntitle: b\n---\n",
			diags: "content/tasks/phase 4.md:3:1: error: front matter: key \"title\" given twice\n"},
		{name: "wrong types", src: "---\ntitle: [a, b]\ntags: {a: 1}\ndraft: maybe\nupdated: soon\nheading_items: sometimes\n---\n",
			diags: "content/tasks/phase 4.md:2:8: error: front matter: title must be text, not a list\n" +
				"content/tasks/phase 4.md:3:7: error: front matter: tags must be a list of text, not a mapping\n" +
				"content/tasks/phase 4.md:4:8: error: front matter: draft must be true or false, not \"maybe\"\n" +
				"content/tasks/phase 4.md:5:10: error: front matter: updated must be a date (YYYY-MM-DD), not \"soon\"\n" +
				"content/tasks/phase 4.md:6:16: error: front matter: heading_items \"sometimes\" is not one of auto, always, never\n"},
		{name: "yaml error after blank lines", src: "\n\n---\ntitle: \"unclosed\n---\n",
			diags: "content/tasks/phase 4.md:5: error: front matter: found unexpected end of stream\n"},
		{name: "toml syntax error", src: "+++\ntitle = \"x\"\ntags = [\n+++\n",
			diags: "content/tasks/phase 4.md:3:9: error: front matter: unexpected EOF; expected value\n"},
		{name: "toml bad value", src: "+++\ntitle = \"x\"\ndraft = yes\n+++\n",
			diags: "content/tasks/phase 4.md:3:9: error: front matter: expected value but found \"yes\" instead\n"},
		{name: "unclosed yaml front matter", src: "\n---\ntitle: x\n\n# Body\n",
			diags: "content/tasks/phase 4.md:2:1: warning: front matter is never closed: no closing --- line, so the page is read as markdown\n",
			check: func(t *testing.T, p *Page) {
				if p.TitleFromFront || p.BodyLine != 1 {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "unclosed toml front matter", src: "+++\ntitle = \"x\"\n",
			diags: "content/tasks/phase 4.md:1:1: warning: front matter is never closed: no closing +++ line, so the page is read as markdown\n"},
		{name: "empty front matter", src: "---\n---\nbody\n",
			check: func(t *testing.T, p *Page) {
				if string(p.Body) != "body\n" || p.BodyLine != 3 {
					t.Errorf("body %q on line %d", p.Body, p.BodyLine)
				}
			}},
		{name: "toml wrong type", src: "+++\ndraft = \"yes\"\n+++\n",
			diags: "content/tasks/phase 4.md:1:1: error: front matter: draft must be true or false, not \"yes\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage("tasks/phase 4.md", []byte(tt.src), "content/")
			if got := diagStrings(diags); got != tt.diags {
				t.Errorf("diagnostics\n got %q\nwant %q", got, tt.diags)
			}
			if p == nil {
				t.Fatal("no page")
			}
			if tt.check != nil {
				tt.check(t, p)
			}
		})
	}
}

// TestReadPageRejects covers the files that cannot be pages: binary files
// are skipped with a warning, invalid UTF-8 and UTF-16 cut in the middle
// of a character are errors; each names the file, the line and column,
// and the byte offset where there is one.
func TestReadPageRejects(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"nul byte", "# ok\nab\x00cd\n", "content/x.md:2:3: warning: skipped: binary file (NUL byte at offset 7)\n"},
		{"png named .md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "content/x.md:3:1: warning: skipped: binary file (NUL byte at offset 8)\n"},
		{"invalid utf-8", "---\ntitle: ok\n---\ncaf\xe9 au lait\n", "content/x.md:4:4: error: invalid UTF-8 at byte offset 21\n"},
		{"truncated rune at the end", "ok \xe2\x82", "content/x.md:1:4: error: invalid UTF-8 at byte offset 3\n"},
		{"utf-16 of an odd length", "\xff\xfe#\x00 \x00T", "content/x.md:1:1: error: UTF-16 text cut in the middle of a character (an odd number of bytes); save it as UTF-8\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage("x.md", []byte(tt.src), "content/")
			if p != nil {
				t.Errorf("got a page %+v", p)
			}
			if got := diagStrings(diags); got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if len(diags) == 1 && diags[0].Kind != "input" && diags[0].Severity.String() == "warning" {
				t.Errorf("kind %q, want input", diags[0].Kind)
			}
		})
	}
}

// TestReadPageUTF16 reads UTF-16 text with its byte order mark, in either
// order, as Windows Notepad saves it: as the same page in UTF-8.
func TestReadPageUTF16(t *testing.T) {
	text := "---\r\ntitle: Café ☕ 𝄞\r\n---\r\n# Roadmap\r\n\r\n- [x] Shipped\r\n"
	units := utf16.Encode([]rune(text))
	le, be := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	for _, u := range units {
		le = binary.LittleEndian.AppendUint16(le, u)
		be = binary.BigEndian.AppendUint16(be, u)
	}
	want, _ := ReadPage("x.md", []byte(text), "content/")
	for name, raw := range map[string][]byte{"little-endian": le, "big-endian": be} {
		p, diags := ReadPage("x.md", raw, "content/")
		if p == nil || len(diags) > 0 {
			t.Fatalf("%s: no page (%v)", name, diags)
		}
		if p.Title != want.Title || string(p.Body) != string(want.Body) {
			t.Errorf("%s: read %q, %q; want %q, %q", name, p.Title, p.Body, want.Title, want.Body)
		}
		if p.Hash != sha256.Sum256(raw) {
			t.Errorf("%s: the hash is not of the file's bytes", name)
		}
	}
}

// TestSourceOfUnreadPage checks that a page reused without its body gets
// the body its bytes give, and that bytes changed since are an error.
func TestSourceOfUnreadPage(t *testing.T) {
	raw := "\uFEFF---\r\ntitle: T\r\n---\r\n# Body\r\n"
	fsys := fstest.MapFS{"a.md": {Data: []byte(raw)}}
	read, _ := ReadPage("a.md", []byte(raw), "content/")
	if read.Hash != sha256.Sum256([]byte(raw)) {
		t.Error("the hash is not of the file's bytes as read")
	}
	reused := *read
	reused.Body, reused.Unread = nil, true
	body, err := Source(fsys, &reused)
	if err != nil || string(body) != string(read.Body) {
		t.Errorf("Source = %q, %v; want %q", body, err, read.Body)
	}
	fsys["a.md"] = &fstest.MapFile{Data: []byte(raw + "more\n")}
	if _, err := Source(fsys, &reused); err == nil || !strings.Contains(err.Error(), "changed while the build ran") {
		t.Errorf("Source of a changed file: %v", err)
	}
	if body, err := Source(fsys, read); err != nil || string(body) != "# Body\n" {
		t.Errorf("Source of a page read in full = %q, %v", body, err)
	}
}

// TestLineEndings: LF, CRLF, lone CR and a mix read as the same page, front
// matter and body lines included.
func TestLineEndings(t *testing.T) {
	want := "---\ntitle: T\n---\n- [x] one\n- [ ] two\n"
	for _, ending := range []string{"\n", "\r\n", "\r"} {
		src := strings.ReplaceAll(want, "\n", ending)
		p, errs := ReadPage("p.md", []byte(src), "")
		if len(errs) > 0 || p == nil {
			t.Fatalf("%q: %s", ending, diagStrings(errs))
		}
		if string(p.Body) != "- [x] one\n- [ ] two\n" || p.Title != "T" || p.BodyLine != 4 {
			t.Errorf("%q: title %q, body %q on line %d", ending, p.Title, p.Body, p.BodyLine)
		}
	}
	if got := string(normalizeLineEndings([]byte("a\r\r\nb\rc\n\rd"))); got != "a\n\nb\nc\n\nd" {
		t.Errorf("mixed endings: %q", got)
	}
}

// TestHeaderBlock: the "**Field:** value" lines between a page's title and
// its next heading give the owner, target and start its front matter does
// not; lines under a later heading, a Target that is no date and an owner
// that names no one give nothing.
func TestHeaderBlock(t *testing.T) {
	tests := []struct {
		name, src            string
		owner, target, start string
	}{
		{"prd header", "# PRD: Sync\n\n**Owner:** @alice\n**Status:** Draft\n**Target date:** 2027-03-01\n**Start:** 2026-12-01\n\n## Goals\n",
			"alice", "2027-03-01", "2026-12-01"},
		{"front matter wins", "---\nowner: bob\ntarget: 2027-01-01\n---\n# Plan\n**Owner:** @alice\n**Target:** 2027-03-01\n",
			"bob", "2027-01-01", ""},
		{"front matter due is the target", "---\ndue: 2027-06-30\n---\n# OKRs\n", "", "2027-06-30", ""},
		{"front matter target before due", "---\ndue: 2027-06-30\ntarget: 2027-05-01\n---\n# OKRs\n", "", "2027-05-01", ""},
		{"no title", "**Owner:** *Carol*\n\n## Phase 1\n", "Carol", "", ""},
		{"under a section", "# Plan\n\n## Phase 1\n\n**Owner:** @zed\n**Due:** 2027-01-01\n", "", "", ""},
		{"not a date, no one", "# Plan\n**Target**: Alpha launch with real users\n**Owner:** TBD\n", "", "", ""},
		{"in code", "# Plan\n```\n**Owner:** @alice\n```\n", "", "", ""},
		{"front matter owner names no one", "---\nowner: n/a\n---\n# Plan\n", "", "", ""},
		{"a target without its year, by the updated date", "---\nupdated: 2026-11-20\n---\n# PRD: Search\n\n**Owner:** @ana\n**Target date:** Mar 15\n", "ana", "2027-03-15", ""},
		{"a target without its year on an undated page", "# PRD: Search\n\n**Owner:** @ana\n**Target date:** Mar 15\n", "ana", "", ""},
		{"a target date with what it is for", "# Closing checklist\n\n**Responsible attorney:** J. Whitfield\n**Target closing date:** December 18, 2026\n", "", "2026-12-18", ""},
		{"blank line after front matter", "---\ntitle: A\n---\n\n# PRD: Sync\n\n**Owner:** @alice\n**Target date:** 2027-03-01\n", "alice", "2027-03-01", ""},
		{"comment before the title", "<!-- generated -->\n# PRD\n**Owner:** @alice\n", "alice", "", ""},
		{"setext title", "PRD: Sync\n=========\n\n**Owner:** @alice\n", "alice", "", ""},
		{"setext section", "# Plan\n\nPhase one\n---------\n\n**Owner:** @zed\n**Due:** 2027-01-01\n", "", "", ""},
		{"fields, then a setext section", "# Title\n\n**Owner:** @dana\n**Target date:** 2026-03-01\n\nGoals\n-----\n\n**Owner:** @zed\n", "dana", "2026-03-01", ""},
		{"no title, fields, then a setext section", "**Owner:** @dana\n\nGoals\n-----\n", "dana", "", ""},
		{"a rule under the title", "# Title\n---\n**Owner:** @dana\n", "dana", "", ""},
		{"a comment of lines", "<!--\n**Owner:** @old\n-->\n# Title\n\n**Owner:** @dana\n", "dana", "", ""},
		{"plain fields", "# Release v3.2.0 checklist\nOwner: @oksana\nDue: 2026-10-15\n- [x] A\n", "oksana", "2026-10-15", ""},
		{"plain fields on one line", "# PRD\n\nOwner: Lee · Status: Approved · Target: 2027-03-15\n\n## Goals\n", "Lee", "2027-03-15", ""},
		{"a sentence with a colon", "# Plan\n\nOwner: the platform team owns it, see below. Due: soon\n", "", "", ""},
		{"prose with a colon", "# Plan\n\nNote: the owner is @zed\n", "", "", ""},
		{"a task's own fields end the header", "# Q2 tasks\n\n- [ ] Enable audit logging\n  - **Owner:** @quentin\n  - **Due date:** 2027-05-01\n", "", "", ""},
		{"a list nested under an item is not the page's", "# Q2 tasks\n\n- Upgrade\n  - Owner: @nina\n", "", "", ""},
		{"a nested table of contents before the fields", "# PRD\n\n- [Overview](#overview)\n  - [Goals](#goals)\n\n**Owner:** @dana\n**Target date:** 2026-11-01\n", "dana", "2026-11-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage("plan.md", []byte(tt.src), "content/")
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %s", diagStrings(diags))
			}
			if p.Owner != tt.owner || p.Target != tt.target || p.Start != tt.start {
				t.Errorf("owner %q target %q start %q, want %q %q %q", p.Owner, p.Target, p.Start, tt.owner, tt.target, tt.start)
			}
		})
	}
}
