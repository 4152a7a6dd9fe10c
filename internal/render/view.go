package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// View is what every template receives. Exactly one of Page, Folder, Home,
// Tag, Tags or Broken is set, by the template it is for.
type View struct {
	Site *Site
	URL  string // this file's URL relative to the site root ("milestones/x/", "" for home)
	Root string // relative path from this file to the site root ("../../")
	// Style is the stylesheet inlined in the page, for 404.html of a site
	// without a base URL: a host serves it at any depth, where a relative
	// link to style.css finds nothing. Only templates draw it: pages
	// drawn in Go (page.go) never inline their stylesheet. Icon is the
	// site's icon as a data: URL beside it, for the header's logo.
	Icon   template.URL
	Style  template.CSS
	Title  string // the document title (without the site title)
	Crumbs []Link

	Page   *Page
	Folder *Folder
	Home   *Home
	Tag    *Tag
	Tags   []*Tag
	Broken []BrokenLink
	Person *Person   // a person's page
	People []*Person // the index of people
	// Changes is the Changes page's: what changed each week, from git.
	Changes []ChangeWeek
}

// ChangeWeek is one week of the Changes page, newest first.
type ChangeWeek struct {
	Start   string // the Monday, YYYY-MM-DD
	Summary string // "3 done, 1 added"
	Pages   []ChangePage
}

// ChangePage is what changed on one page in a week: item texts. An item
// added and done in the same week is in AddedDone only.
type ChangePage struct {
	Title, URL                                string
	Done, Added, AddedDone, Reopened, Dropped []string
}

// Rel returns the relative href from this view to target, a URL relative
// to the site root. With file_links, directory URLs name their index.html,
// so the site also works opened from the file system.
func (v *View) Rel(target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	return wikilink.RelHref(v.Root, target, v.Site.FileLinks) + frag
}

// Abs returns the absolute URL of target when the site has a base URL, else "".
func (v *View) Abs(target string) string {
	if v.Site.BaseURL == "" {
		return ""
	}
	return v.Site.BaseURL + target
}

// Site is what every page shows of the site as a whole.
type Site struct {
	Title        string
	Description  string
	Lang         string
	BaseURL      string // with a trailing slash, or ""
	Generated    string // YYYY-MM-DD
	GeneratedISO string
	FileLinks    bool
	// Progress is the whole site's, on the home page only: a page's files
	// must not change with every count of the site, or any edit would
	// make every page again.
	Progress Progress
	Version  string
	// Changes says the site has a Changes page (its git history is read).
	Changes bool
}

// Link is a titled URL relative to the site root.
type Link struct {
	Title string
	URL   string
}

// Progress is a set of counts as bars and badges show them. Build one
// with NewProgress: the derived values are fields, not methods, because a
// template reads a field far faster than it calls a method, and bars are
// on every card and outline entry.
type Progress struct {
	Counts   status.Counts
	Color    string // colour name shared with the badges: brightgreen … red, lightgrey
	Total    int    // items counted (dropped ones are not)
	HasItems bool   // there is anything to count
	Percent  int    // floored percent done, 0 when there is nothing to count
	Summary  string // "34 of 40 done · 85%", or "no tracked items"
}

// NewProgress returns the Progress of counts c shown in colour color.
func NewProgress(c status.Counts, color string) Progress {
	p := Progress{Counts: c, Color: color, Total: c.Total(), Summary: "no tracked items"}
	p.HasItems = p.Total > 0
	p.Percent, _ = c.Percent()
	if p.HasItems {
		p.Summary = strconv.Itoa(c.Done) + " of " + strconv.Itoa(p.Total) + " done · " + strconv.Itoa(p.Percent) + "%"
	}
	return p
}

// Page is one document's page.
type Page struct {
	Path       string // content-relative source path
	SourceFile string // as typed from the site root: content/x.md
	URL        string
	Title      string
	Kind       string
	Updated    string // YYYY-MM-DD or ""
	Tags       []Link
	Runbook    bool // shown as a procedure: freshness, not progress
	Tracked    bool // counts in roll-ups
	Stale      bool
	Progress   Progress
	Sections   []*Section
	Warnings   []Warning
	Body       template.HTML
	Backlinks  []Backlink
	Items      []ItemGroup
	Legend     []LegendEntry // the markers the page's legends define, for "how this is counted"
	Badge      *Badge
	Folder     *Folder // set when the page is its folder's page
	Burnup     *Chart  // items done over time, nil when too few are dated
	Feed       string  // URL of the page's own Atom feed (relative to the site root), "" when none
	Plan       *Plan   // health and Up next; nil for pages without tracked items

	Timeline *Timeline // its dated sections and items; nil when none has a start or due date
	Graph    *Graph    // the dependency graph; nil for pages without dependencies
}

// sourceNoteKinds are the warnings for a page's authors rather than its
// readers, which a page folds into "Source notes" at its end: links that
// found nothing, the plan's ids and dependencies, and overdue work (which
// Up next already shows a reader).
var sourceNoteKinds = map[string]bool{"broken-link": true, "missing-heading": true, "ambiguous-link": true, "bad-link": true, "embed-cycle": true,
	"unknown-dependency": true, "duplicate-id": true, "dependency-cycle": true, "overdue": true}

// StatusWarnings are the page's warnings for a reader (drift, staleness,
// no items), shown at its top.
func (p *Page) StatusWarnings() []Warning {
	var out []Warning
	for _, w := range p.Warnings {
		if !sourceNoteKinds[w.Kind] {
			out = append(out, w)
		}
	}
	return out
}

// SourceNotes are the page's warnings for its authors.
func (p *Page) SourceNotes() []Warning {
	var out []Warning
	for _, w := range p.Warnings {
		if sourceNoteKinds[w.Kind] {
			out = append(out, w)
		}
	}
	return out
}

// HeadingsNumbered reports whether every top-level section title starts
// with a digit ("1. Prepare", "2.1 Backup"): a runbook numbered by hand
// keeps its numbers, and the theme numbers the others.
func (p *Page) HeadingsNumbered() bool {
	if len(p.Sections) == 0 {
		return false
	}
	for _, s := range p.Sections {
		if s.Title == "" || s.Title[0] < '0' || s.Title[0] > '9' {
			return false
		}
	}
	return true
}

// Chart is an inline SVG chart and the sentence that says what it shows.
type Chart struct {
	SVG     template.HTML
	Caption string
}

// Section is one entry of a page's outline.
type Section struct {
	ID       string
	Title    string
	Level    int
	Progress Progress
	Sections []*Section
}

// Warning is a drift, staleness or link warning shown on a page.
type Warning struct {
	Kind    string
	Line    int
	Message string
	Anchor  string // section id to link to, or ""
}

// Backlink is a page linking here, and the section the link sits in.
type Backlink struct {
	Title        string
	URL          string
	SectionTitle string
	SectionID    string
}

// ItemGroup is the items of one section, for "how this is counted".
type ItemGroup struct {
	SectionID    string
	SectionTitle string // "" for items before the first heading
	Items        []Item
}

// LegendEntry is one marker a page's legend defines and the state its
// label maps to ("" for none).
type LegendEntry struct {
	Marker string
	Label  string
	State  string
}

// Item is one counted item.
type Item struct {
	Line   int
	State  string
	Source string
	Text   string
	Date   string
}

// Badge is the badge panel of a page: the image and copy-ready snippets.
type Badge struct {
	Image    string // URL relative to the site root
	Markdown string
	HTML     string
	Endpoint string // shields endpoint URL, "" without base_url
	// Section is a shields dynamic JSON badge of the section titled
	// SectionTitle, read from the page's status.json (no file of its own;
	// any section's id can take its place); "" without base_url or sections.
	Section      string
	SectionTitle string
	Absolute     bool // snippets use absolute URLs (base_url is set)
}

// Card is a page or folder in a listing.
type Card struct {
	Health   *Health // nil when it has none
	Owner    string
	OwnerURL string // the owner's page, relative to the view
	Target   string
	Next     string // the first line of its Up next list
	Title    string
	URL      string
	Kind     string
	Updated  string
	Runbook  bool
	Stale    bool
	Progress Progress
	Badge    string // URL of its badge, relative to the site root
}

// Folder is a folder's listing: its pages and sub-folders, rolled up.
type Folder struct {
	Health   *Health
	Path     string
	Title    string
	URL      string
	Progress Progress
	Pages    []Card
	Folders  []Card
	Burnup   *Chart
	Graph    *Graph // dependencies between its pages' work; nil when none
	Feed     string // URL of its Atom feed (relative to the site root), "" when folder feeds are off
}

// Home is the site's front page.
type Home struct {
	Health *Health    // the site's: the worst of its pages'
	Now    []NextItem // the site's work in progress, blocked and overdue, then what is next, a few of each page
	Groups []Group
	Recent []Done
	Stale  []Card
	People []*Person // the site's owners and their counts (people.html's lines)
	Page   *Page     // the root index.md, when there is one
	Burnup *Chart

	Roadmap *Timeline // pages and folders with target dates; nil when none has one
	Graph   *Graph    // dependencies between the site's pages; nil when none
}

// Group is a folder's pages on the home page.
type Group struct {
	Folder Card
	Pages  []Card
	More   int // pages of the folder left out of Pages (its folder page lists them all)
}

// Done is a completed, dated item for "recently done".
type Done struct {
	Text      string
	Date      string
	PageTitle string
	URL       string // page URL with #section
}

// Tag is a tag and its pages.
type Tag struct {
	Name  string
	URL   string
	Count int    // pages with the tag (on the tags index)
	Pages []Card // on the tag's own page
}

// BrokenLink is one unresolved link, for the broken-links page.
type BrokenLink struct {
	File   string // content/x.md
	Line   int
	Target string
	Page   Link
	Reason string
}

// BrokenGroup is the broken links of one page, for the broken-links page.
type BrokenGroup struct {
	Page  Link
	File  string
	Links []BrokenLink
}

// BrokenByPage groups the view's broken links by the page they sit in,
// keeping their order (the build sorts them by file and line).
func (v *View) BrokenByPage() []BrokenGroup {
	var groups []BrokenGroup
	index := map[string]int{}
	for _, b := range v.Broken {
		i, ok := index[b.File]
		if !ok {
			i = len(groups)
			index[b.File] = i
			groups = append(groups, BrokenGroup{Page: b.Page, File: b.File})
		}
		groups[i].Links = append(groups[i].Links, b)
	}
	return groups
}

// Health is a page's, folder's or the site's health as a pill shows it.
type Health struct {
	State   string   // on-track, at-risk, off-track, paused, done, no-target
	Label   string   // "At risk"
	Reasons []string // why, for a reader
}

// maxConcerns is how many reasons the home page lists under its pill.
const maxConcerns = 3

// Concerns are the reasons of a health at risk or off track, the first
// maxConcerns of them; nil for any other health, which needs no why.
func (h *Health) Concerns() []string {
	if h == nil || h.State != "at-risk" && h.State != "off-track" {
		return nil
	}
	return h.Reasons[:min(len(h.Reasons), maxConcerns)]
}

// Why is the first reason a card's health is at risk or off track, for
// its row or card; "" when there is none, or when its Next line names the
// same work ("1 item blocked: ⛔ Waiting on legal" beside "Blocked: ⛔
// Waiting on legal").
func (c Card) Why() string {
	why := c.Health.Concerns()
	if len(why) == 0 {
		return ""
	}
	_, what, _ := strings.Cut(why[0], ": ")
	if _, next, _ := strings.Cut(c.Next, ": "); what != "" && what == next {
		return ""
	}
	return why[0]
}

// Plan is the top of a tracked page: health, target, owner, and what comes
// next.
type Plan struct {
	Health *Health // nil when the page has no health
	// Why are the health's reasons the page's warnings do not say already.
	Why      []string
	Target   string // YYYY-MM-DD or ""
	Owner    string
	OwnerURL string // the owner's page, relative to the view
	Next     []NextItem
	// Waiting are the page's tasks waiting on others, listed apart from
	// the work that can move now.
	Waiting []NextItem
}

// NextItem is one line of a page's Up next block.
type NextItem struct {
	Line         int
	Text         string
	State        string // the item's state: open, active, blocked …
	Reason       string // active, blocked, overdue, ready_to_start, ready, waiting
	ReasonLabel  string // "In progress", "Blocked", "Overdue", "Ready to start", "Next", "Waiting"
	TaskID       string // the id of a task section ("P4-2"), "" for an item
	SectionID    string // the section it is in (a task: its own), "" for the page
	SectionTitle string
	Owner        string
	OwnerURL     string // the owner's page, relative to the view
	Due          string
	Overdue      bool
	WaitingOn    []string
	External     []string // what it waits on that is defined nowhere in the site
	Waits        string   // WaitingOn for a reader: "P4-1, P2-2 (not in this site)"
	URL          string   // where it is, relative to the view: "#p4-2-git-auth", "../tasks/phase-4/#…"
	PageTitle    string   // set where entries of several pages are listed (the home page)
}

// Person is one owner and their work across the site (person.html), or a
// line of the index of people (people.html: no Pages, Open or Done).
type Person struct {
	Name     string
	URL      string        // the person's page: relative to the site root on their page, to the view in the index
	Counts   status.Counts // their items and tasks by state
	Progress Progress
	Owned    int        // pages they own
	Pages    []Card     // the pages they own
	Open     []NextItem // their work not done: in progress, blocked, overdue, next, waiting
	Done     []Done     // their finished work, newest first
}
