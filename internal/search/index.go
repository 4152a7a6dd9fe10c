// Package search builds the index of the site's client-side search: page
// titles, section headings and counted items, written as a small
// JavaScript file (search-index.js) that the theme's script loads with a
// <script> element, so search also works from file://, where fetching JSON
// is blocked.
//
// In: the pages' titles, URLs (relative to the site root), headings and
// items. Out: the bytes of search-index.js (at most about MaxBytes), which sets
// window.milepostSearch = {"pages": [[title, url, kind], …],
// "entries": [[page, type, text, anchor, state], …]}: type is "t" (title),
// "h" (heading) or "i" (item); page indexes pages; anchor is a section id or
// ""; state is an item's state. Pure: no I/O; equal inputs give equal bytes.
package search

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxText is the longest text an entry keeps, in runes; longer texts are
// cut with an ellipsis (the index stays small on sites of long items).
const MaxText = 140

// Doc is one page as search sees it.
type Doc struct {
	Title    string
	URL      string // relative to the site root: "milestones/x/", "" for home
	Kind     string
	Headings []Heading
	Items    []Item
}

// Heading is a section heading of a page.
type Heading struct {
	ID   string
	Text string
}

// Item is a counted item of a page.
type Item struct {
	Text    string
	Section string // id of its section, "" for none
	State   string
}

// Index is the parsed form of search-index.js, as the theme's script sees it.
type Index struct {
	Pages   [][3]string
	Entries []Entry
}

// Entry is one entry of the index, written as a JSON array: [page, type,
// text, anchor], and an item's state after them.
type Entry struct {
	Page   int    // the index of its page in Index.Pages
	Type   string // "t" title, "h" heading, "i" item
	Text   string
	Anchor string // a section id, or ""
	State  string // an item's state; written for items only
}

// appendJSON appends e as its JSON array.
func (e Entry) appendJSON(b []byte) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(e.Page), 10)
	for _, s := range [...]string{e.Type, e.Text, e.Anchor} {
		b = appendJSONString(append(b, ','), s)
	}
	if e.Type == "i" {
		b = appendJSONString(append(b, ','), e.State)
	}
	return append(b, ']')
}

// MaxBytes bounds the index: every title is in it, then headings, then
// items, each kind as long as the index stays under this size, so a site of
// 10,000 long pages ships a few megabytes, not twenty.
const MaxBytes = 2 << 20

// Build returns the index of docs, pages sorted by URL: every title, then
// the headings, then the items, while the index stays under maxBytes
// (about: JSON punctuation aside). A heading that repeats the page title,
// and an item whose text repeats its section's heading (a heading item),
// are left out: the entry before finds them.
func Build(docs []Doc, maxBytes int) Index {
	docs = append([]Doc(nil), docs...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].URL < docs[j].URL })
	ix := Index{Pages: make([][3]string, 0, len(docs)), Entries: []Entry{}}
	size := 0
	for i, d := range docs {
		ix.Pages = append(ix.Pages, [3]string{d.Title, d.URL, d.Kind})
		ix.Entries = append(ix.Entries, Entry{Page: i, Type: "t", Text: clip(d.Title)})
		size += 2*len(d.Title) + len(d.URL) + len(d.Kind) + 30
	}
	add := func(e Entry) bool {
		n := len(e.Text) + len(e.Anchor) + 24
		if size+n > maxBytes {
			return false
		}
		size += n
		ix.Entries = append(ix.Entries, e)
		return true
	}
	for i, d := range docs {
		for _, h := range d.Headings {
			if h.Text == "" || h.Text == d.Title {
				continue // the title heading is not in the body: the title entry finds it
			}
			if !add(Entry{Page: i, Type: "h", Text: clip(h.Text), Anchor: h.ID}) {
				return ix
			}
		}
	}
	for i, d := range docs {
		headings := map[string]string{}
		for _, h := range d.Headings {
			headings[h.ID] = h.Text
		}
		for _, it := range d.Items {
			if it.Text == "" || headings[it.Section] == it.Text {
				continue
			}
			if !add(Entry{Page: i, Type: "i", Text: clip(it.Text), Anchor: it.Section, State: it.State}) {
				return ix
			}
		}
	}
	return ix
}

// Script returns docs' index as the contents of search-index.js. The JSON
// is written by hand: the index is rebuilt on every build and dev-server
// rebuild, and reflection over its tens of thousands of entries was most
// of its cost.
func Script(docs []Doc) []byte {
	ix := Build(docs, MaxBytes)
	b := make([]byte, 0, 64*len(ix.Entries)+64*len(ix.Pages)+64)
	b = append(b, "window.milepostSearch="...)
	b = ix.appendJSON(b)
	return append(b, ";\n"...)
}

// appendJSON appends ix as the JSON object the theme's script reads.
func (ix Index) appendJSON(b []byte) []byte {
	b = append(b, `{"pages":[`...)
	for i, p := range ix.Pages {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, s := range p {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	b = append(b, `],"entries":[`...)
	for i, e := range ix.Entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = e.appendJSON(b)
	}
	return append(b, "]}"...)
}

// appendJSONString appends s as a JSON string, escaping what JSON requires
// and the two line separators older JavaScript parsers choke on.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r < 0x20 || r == 0x2028 || r == 0x2029 || r == '<' || r == '>' || r == '&':
			b = append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// folded reports whether s has no white space but single ' ' between words.
func folded(s string) bool {
	prevSpace := true // no space at the start
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// clip shortens s to MaxText runes, with an ellipsis when cut, and folds
// runs of white space.
func clip(s string) string {
	if len(s) <= MaxText && folded(s) {
		return s // already short, with single spaces only: most texts
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= MaxText {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:MaxText-1])) + "…"
}
