package content

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadSkipsWhatIsNotAPage loads a folder with a binary file named .md,
// invalid UTF-8, symlinks, dot-files and assets, and checks which pages
// and assets come out and what is reported.
func TestLoadSkipsWhatIsNotAPage(t *testing.T) {
	fsys := fstest.MapFS{
		"index.md":            {Data: []byte("# Home\n")},
		"logo.png.md":         {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00")},
		"latin1.md":           {Data: []byte("caf\xe9\n")},
		"link.md":             {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
		"linked-dir":          {Data: []byte("/etc"), Mode: fs.ModeSymlink},
		".hidden.md":          {Data: []byte("# no\n")},
		".git/config":         {Data: []byte("[core]\n")},
		"notes/a b.md":        {Data: []byte("# A b\n")},
		"notes/img/a b#1.png": {Data: []byte("png")},
		"notes/draft.md":      {Data: []byte("---\ndraft: true\n---\n")},
		"notes/README.md":     {Data: []byte("# Notes\n")},
		"crlf.md":             {Data: []byte("---\r\ntitle: C\r\n---\r\nx\r\n")},
	}
	set, diags := Load(fsys, Options{Prefix: "content/"})
	var pages []string
	for _, p := range set.Pages {
		pages = append(pages, p.Path+" → /"+p.URL)
	}
	wantPages := "crlf.md → /crlf/\nindex.md → /\nnotes/README.md → /notes/\nnotes/a b.md → /notes/a-b/"
	if got := strings.Join(pages, "\n"); got != wantPages {
		t.Errorf("pages\n%s\nwant\n%s", got, wantPages)
	}
	var assets []string
	for _, a := range set.Assets {
		assets = append(assets, a.Path)
	}
	if got := strings.Join(assets, ","); got != "notes/img/a b#1.png" {
		t.Errorf("assets %q (symlinks must not be followed)", got)
	}
	if len(set.Drafts) != 1 || set.Drafts[0].Path != "notes/draft.md" {
		t.Errorf("drafts %v, want notes/draft.md, left out and kept aside for links to it", set.Drafts)
	}
	wantDiags := "content/latin1.md:1:4: error: invalid UTF-8 at byte offset 3\n" +
		"content/link.md: warning: skipped: symbolic link (links are not followed; copy the file instead)\n" +
		"content/linked-dir: warning: skipped: symbolic link (links are not followed; copy the file instead)\n" +
		"content/logo.png.md:3:1: warning: skipped: binary file (NUL byte at offset 8)\n"
	diags.Sort()
	if got := diagStrings(diags); got != wantDiags {
		t.Errorf("diagnostics\n%s\nwant\n%s", got, wantDiags)
	}
}

// TestURLFor checks that file names with spaces, non-ASCII letters and URL
// delimiters give URLs that need no escaping to work.
func TestURLFor(t *testing.T) {
	tests := []struct{ path, want string }{
		{"index.md", ""},
		{"README.md", ""},
		{"tasks/phase 4.md", "tasks/phase-4/"},
		{"Tasks/Phase 4/index.md", "tasks/phase-4/"},
		{"notes/Café crème.md", "notes/café-crème/"},
		{"notes/Cafe\u0301 cre\u0300me.md", "notes/café-crème/"}, // decomposed, as macOS names files
		{"c#.md", "c/"},
		{"what?.md", "what/"},
		{"100%.md", "100/"},
		{"R&D plan.md", "rd-plan/"},
		{"#?%&.md", "page/"},
		{"dir #1/a.md", "dir-1/a/"},
		{"?/a.md", "folder/a/"},
	}
	for _, tt := range tests {
		got, _ := URLFor(tt.path)
		if got != tt.want {
			t.Errorf("URLFor(%q) = %q, want %q", tt.path, got, tt.want)
		}
		if strings.ContainsAny(got, "#?%& \\\"'<>") {
			t.Errorf("URLFor(%q) = %q holds a character that needs escaping", tt.path, got)
		}
	}
}

// Two folders whose names give one URL ("Tasks" and "tasks") are an
// error that names both, not two listings written over each other.
func TestFoldersSharingAURL(t *testing.T) {
	set := &Set{Pages: []*Page{{Path: "Tasks/a.md"}, {Path: "tasks/b.md"}, {Path: "notes/c.md"}}}
	errs := assignURLs(set, "content/")
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "folders content/Tasks/ and content/tasks/ both map to the URL /tasks/") {
		t.Fatalf("assignURLs: %v; want one error naming both folders", errs)
	}
	if want := []string{"Tasks", "notes", "tasks"}; !reflect.DeepEqual(set.Folders, want) {
		t.Errorf("folders %q, want %q", set.Folders, want)
	}
}

// A folder whose name ends in a dot is the page's folder as it is named.
func TestFolderNamedWithADot(t *testing.T) {
	set := &Set{Pages: []*Page{{Path: "v1./notes.md"}, {Path: "top.md"}}}
	if errs := assignURLs(set, "content/"); len(errs) != 0 {
		t.Fatalf("assignURLs: %v", errs)
	}
	if got := set.Pages[0].Folder; got != "v1." {
		t.Errorf("the folder of v1./notes.md is %q, want v1.", got)
	}
	if got := set.Pages[1].Folder; got != "" {
		t.Errorf("the folder of top.md is %q, want the content folder", got)
	}
	// v1.md beside v1./ is its page, as foo.md beside foo/ is: both are at
	// v1/, and the folder's listing is the page's
	set = &Set{Pages: []*Page{{Path: "v1./notes.md"}, {Path: "v1.md"}, {Path: "Tasks/Phase 4/x.md"}, {Path: "Tasks/phase-4.md"}}}
	if errs := assignURLs(set, "content/"); len(errs) != 0 {
		t.Fatalf("assignURLs: %v", errs)
	}
	for _, i := range []int{1, 3} {
		if p := set.Pages[i]; !p.IsIndex {
			t.Errorf("%s at %s is not the page of the folder at the same URL", p.Path, p.URL)
		}
	}
	// beside a folder v1/, the two give one URL: an error naming both
	set = &Set{Pages: []*Page{{Path: "v1./notes.md"}, {Path: "v1/plan.md"}}}
	errs := assignURLs(set, "content/")
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "folders content/v1/ and content/v1./ both map to the URL /v1/") {
		t.Fatalf("assignURLs: %v; want one error naming both folders", errs)
	}
}

// A page under a folder milepost reserves for its own pages (people/,
// tags/) is an error at the page, at any depth; a folder of the same
// name further down is the user's.
func TestReservedFolders(t *testing.T) {
	set := &Set{Pages: []*Page{{Path: "people/dana.md"}, {Path: "tags/a/b.md"}, {Path: "team/people/lee.md"}, {Path: "people.md"}}}
	errs := assignURLs(set, "content/")
	var got []string
	for _, e := range errs {
		got = append(got, e.File)
	}
	if want := []string{"content/people/dana.md", "content/tags/a/b.md", "content/people.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("errors at %q, want %q (%v)", got, want, errs)
	}
}

// A static file at the name of a file milepost always writes for the
// site, a page or a folder by default is an error at the file; others
// are not: a page's feed, which only the configuration turns on, a
// folder's status.json it does not write, a file in a folder milepost
// writes pages into.
func TestStaticClashes(t *testing.T) {
	set := &Set{Pages: []*Page{{Path: "index.md"}, {Path: "plans/launch.md"}, {Path: "notes/a.md"}}}
	if errs := assignURLs(set, "content/"); len(errs) != 0 {
		t.Fatal(errs)
	}
	statics := []string{"style.css", "index.html", "robots.txt", "plans/launch/status.json", "notes/feed.xml", "notes/badge.svg", "people/x.png", "people/index.html", "plans/launch/diagram.png", "plans/launch/feed.xml", "notes/status.json"}
	var got []string
	for _, e := range StaticClashes(set, statics, "content/", false, true) {
		got = append(got, e.File+": "+e.Message)
	}
	want := []string{
		"static/index.html: clashes with the index.html milepost writes for the site; rename the file",
		"static/robots.txt: clashes with the robots.txt milepost writes for the site; rename the file",
		"static/plans/launch/status.json: clashes with the status.json milepost writes for the page content/plans/launch.md; rename the file",
		"static/notes/feed.xml: clashes with the feed.xml milepost writes for the folder content/notes/; rename the file",
		"static/notes/badge.svg: clashes with the badge.svg milepost writes for the folder content/notes/; rename the file",
		"static/people/index.html: milepost writes its own pages into people/; rename the file",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clashes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// With pages' feeds on, a static feed.xml beside a page clashes too; with
// folders' feeds off, one beside a folder does not.
func TestStaticClashesFollowFeeds(t *testing.T) {
	set := &Set{Pages: []*Page{{Path: "plans/launch.md"}, {Path: "notes/a.md"}}}
	if errs := assignURLs(set, "content/"); len(errs) != 0 {
		t.Fatal(errs)
	}
	errs := StaticClashes(set, []string{"plans/launch/feed.xml", "notes/feed.xml"}, "content/", true, false)
	if len(errs) != 1 || errs[0].File != "static/plans/launch/feed.xml" {
		t.Errorf("clashes %v, want the page's feed only", errs)
	}
}

// TestTitleFromFileName checks the titles read out of file and folder
// names, acronyms among them, and the words that only look like one.
func TestTitleFromFileName(t *testing.T) {
	for name, want := range map[string]string{
		"phase 4.md":          "Phase 4",
		"login_page-ux.md":    "Login page UX",
		"prd/index.md":        "PRD",
		"rfcs/README.md":      "RFCs",
		"api-migration.md":    "API migration",
		"apis.md":             "APIs",
		"sync-by-rhythm.md":   "Sync by rhythm",
		"ops.md":              "Ops",
		"q1-2027_okrs.md":     "Q1 2027 OKRs",
		"Tasks/Phase 4/x.md":  "X",
		"index.md":            "Home",
		"-_.md":               "Untitled",
		"dr-plan.md":          "DR plan",
		"étude-rapide.md":     "Étude rapide",
		"already-CAPS-API.md": "Already CAPS API",
		"dns-migration.md":    "DNS migration",
		"https-everywhere.md": "HTTPS everywhere",
		"redis-vs-memcached":  "Redis vs memcached",
	} {
		if got := titleFromFileName(name); got != want {
			t.Errorf("titleFromFileName(%q) = %q, want %q", name, got, want)
		}
	}
}
