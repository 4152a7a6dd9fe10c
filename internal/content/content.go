// Package content is the LOAD stage: it walks a content folder (an fs.FS),
// splits each markdown file's front matter from its body, and returns typed
// pages with their output URLs, plus the other files (images, PDFs): those
// a page links to or embeds, or under static/, are copied as attachments.
//
// In: an fs.FS rooted at the content folder. Out: a Set of pages sorted by
// path, and diagnostics (file:line:col) for everything wrong with the
// input: bad front matter, invalid UTF-8 (UTF-16 with its byte order
// mark is read as the text it is), two files on one URL, a page on a
// reserved name. Files that cannot be pages are skipped with a warning:
// binary files (a NUL byte) named .md, and symbolic links, which are never
// followed, so nothing outside the content folder is read. It parses no
// markdown and writes nothing.
package content

import (
	"strings"
	"time"

	"github.com/milepost/milepost/internal/diag"
)

// Page is one markdown document.
type Page struct {
	Path    string // relative to the content folder, slash-separated: "tasks/phase 4.md"
	URL     string // output URL relative to the site root, directory style: "tasks/phase-4/" ("" for the home page)
	Folder  string // content-relative folder holding the page: "tasks" ("" at the root)
	IsIndex bool   // the page of its folder (index.md, README.md, or foo.md beside foo/)

	Title          string // from front matter, else from the file name (the build may prefer a leading H1)
	TitleFromFront bool   // Title came from front matter
	Kind           string // front matter kind: milestone, runbook, tracker, page; "" when not given
	Tags           []string
	Aliases        []string
	Draft          bool
	Track          bool   // front matter track: true (runbooks count in roll-ups)
	HeadingItems   string // front matter heading_items: auto, always, never; "" when not given
	Matrices       string // front matter matrices: auto, count, ignore; "" when not given
	BadgeLabel     string
	SectionBadges  string // front matter badges: none, top, all ("sections" is top); "" follows the config

	// What a status page says of itself: front matter owner, status (as
	// written: only on-track, at-risk, off-track, paused and done are a
	// health, anything else is kept and ignored), target and start
	// (YYYY-MM-DD, "" when absent or not a date).
	Owner, Status, Target, Start string

	Updated     time.Time // zero when unknown
	UpdatedLine int       // line the updated date was read from

	Body     []byte   // the markdown after the front matter, CRLF folded to LF
	BodyLine int      // file line number of the body's first line
	Hash     [32]byte // sha256 of the file's bytes, exactly as read
	// Unread says the page was taken from an earlier load (Options.Reuse)
	// without its body: Source reads it when it is needed.
	Unread bool

	Diags diag.List // what reading the file found (errors too), repeated when the page is reused
}

// Asset is a non-markdown file under the content folder: a link target,
// and copied as is when it is an attachment (Set.Attachments).
type Asset struct {
	Path string // content-relative, slash-separated; also its output path
	Size int64
}

// Set is everything LOAD found.
type Set struct {
	Pages   []*Page  // sorted by Path
	Assets  []Asset  // sorted by Path
	Folders []string // every folder holding a page, sorted, "" excluded
	// Drafts are the pages left out as drafts (draft: true, without
	// Options.Drafts), sorted by Path: a link to one is told so.
	Drafts []*Page

	urlDiags diag.List // what assigning URLs found, kept for Update
}

// StaticDir is the content folder's folder of files published whether a
// page links to them or not.
const StaticDir = "static"

// Attachments are the assets the site publishes: those linked or embedded
// by a page (linked says which, by content path) and those under
// StaticDir/. A folder of markdown pointed at a repository publishes its
// pages' images and downloads, not its code.
func (s *Set) Attachments(linked func(path string) bool) []Asset {
	var out []Asset
	for _, a := range s.Assets {
		if strings.HasPrefix(a.Path, StaticDir+"/") || linked(a.Path) {
			out = append(out, a)
		}
	}
	return out
}
