package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/rawfile"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/parallel"
)

// Options configure Load.
type Options struct {
	// Prefix is prepended to content-relative paths in diagnostics, so
	// they read as typed from the site root ("content/").
	Prefix string
	// Drafts includes pages whose front matter says draft: true.
	Drafts bool
	// Reuse, when set, is asked for each markdown file before it is read
	// (or even stat-ed): it may return the page read from the same file in
	// an earlier load. The dev server's builder answers for every file its
	// watcher did not name as changed.
	Reuse func(path string) (*Page, bool)
	// Include, when not empty, limits LOAD to the files (pages and
	// attachments) that match one of its globs; Exclude leaves out those
	// that match one of its (a folder matching "dir/**" is not walked).
	// Globs are doublestar's, content-relative: "docs/**/*.md".
	Include, Exclude []string
	// Ignored reports files git ignores (Folder.Ignored): they are not
	// attachments. Pages are read whether ignored or not.
	Ignored func(path string) bool
}

// Selected reports whether a content-relative file passes Include and
// Exclude.
func (o Options) Selected(p string) bool {
	if matchAny(o.Exclude, p) {
		return false
	}
	return len(o.Include) == 0 || matchAny(o.Include, p)
}

// matchAny reports whether p matches one of globs. Invalid globs match
// nothing: config rejects them before a build.
func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
	}
	return false
}

// Load reads every file under fsys that Options select. Markdown files
// (*.md) become pages; other files become assets, of which the build
// publishes the attachments (Set.Attachments); dot-files and dot-folders
// are skipped.
// Problems with single files are reported and the file skipped, so one
// bad file does not hide the others' problems.
func Load(fsys fs.FS, o Options) (*Set, diag.List) {
	// The walk finds the files in a fixed order; the pages are read in
	// parallel afterwards, each into its slot, so the result and the order
	// of the diagnostics do not depend on which read finished first.
	var slots []loadSlot
	note := func(d diag.Diagnostic) { slots = append(slots, loadSlot{errs: diag.List{d}}) }
	set := &Set{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			note(diag.Errorf(o.Prefix+p, 0, 0, "%v", err))
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if why := rawfile.Unreadable(d); why != "" {
			note(diag.Warnf(diag.KindInput, o.Prefix+p, 0, 0, "skipped: %s", why))
			return nil
		}
		if d.IsDir() {
			if p != "." && matchAny(o.Exclude, p) {
				return fs.SkipDir
			}
			return nil
		}
		if !o.Selected(p) {
			return nil
		}
		if !strings.EqualFold(path.Ext(p), ".md") {
			if o.Ignored != nil && o.Ignored(p) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				note(diag.Errorf(o.Prefix+p, 0, 0, "%v", err))
				return nil
			}
			set.Assets = append(set.Assets, Asset{Path: p, Size: info.Size()})
			return nil
		}
		if o.Reuse != nil {
			if page, ok := o.Reuse(p); ok {
				slots = append(slots, loadSlot{page: page, errs: page.Diags})
				return nil
			}
		}
		slots = append(slots, loadSlot{path: p, read: true})
		return nil
	})
	if err != nil {
		note(diag.Errorf(o.Prefix, 0, 0, "%v", err))
	}
	readSlots(fsys, o.Prefix, slots)
	var errs diag.List
	for _, s := range slots {
		errs = append(errs, s.errs...)
		switch {
		case s.page == nil:
		case !s.page.Draft || o.Drafts:
			set.Pages = append(set.Pages, s.page)
		default:
			set.Drafts = append(set.Drafts, s.page)
		}
	}
	sort.Slice(set.Pages, func(i, j int) bool { return set.Pages[i].Path < set.Pages[j].Path })
	sort.Slice(set.Drafts, func(i, j int) bool { return set.Drafts[i].Path < set.Drafts[j].Path })
	sort.Slice(set.Assets, func(i, j int) bool { return set.Assets[i].Path < set.Assets[j].Path })
	set.urlDiags = assignURLs(set, o.Prefix)
	errs = append(errs, set.urlDiags...)
	return set, errs
}

// loadSlot is one thing the walk found: a page to read (read, path), a
// page reused, or only diagnostics.
type loadSlot struct {
	path string
	read bool
	page *Page
	errs diag.List
}

// readSlots reads the pages of the slots marked read, on every core.
func readSlots(fsys fs.FS, prefix string, slots []loadSlot) {
	parallel.Do(len(slots), runtime.GOMAXPROCS(0), func(i int) bool {
		s := &slots[i]
		if !s.read {
			return true
		}
		raw, err := fs.ReadFile(fsys, s.path)
		if err != nil {
			s.errs = diag.List{diag.Errorf(prefix+s.path, 0, 0, "%v", err)}
			return true
		}
		s.page, s.errs = ReadPage(s.path, raw, prefix)
		if s.page != nil {
			s.page.Diags = s.errs
		}
		return true
	})
}

// Update is Load for a set whose files were only edited: it reads again
// the pages at paths (content-relative) and takes every other page, asset
// and URL from prev, without walking the folder. It returns ok false, and
// nothing else, when that would not give what Load gives: a path is not
// one of prev's pages (a new file, an asset), cannot be read (deleted,
// renamed away), or no longer reads as a page that Load would include (it
// became binary, or a draft). Pages are copies: prev is left as it was.
func Update(prev *Set, fsys fs.FS, paths []string, o Options) (set *Set, errs diag.List, ok bool) {
	index := make(map[string]int, len(prev.Pages))
	for i, p := range prev.Pages {
		index[p.Path] = i
	}
	fresh := make(map[string]*Page, len(paths))
	for _, p := range paths {
		i, known := index[p]
		if !known {
			return nil, nil, false
		}
		raw, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, nil, false
		}
		page, perrs := ReadPage(p, raw, o.Prefix)
		if page == nil || (page.Draft && !o.Drafts) {
			return nil, nil, false
		}
		page.Diags = perrs
		old := prev.Pages[i]
		page.URL, page.Folder, page.IsIndex = old.URL, old.Folder, old.IsIndex // URLs follow from paths alone
		fresh[p] = page
	}
	set = &Set{Pages: make([]*Page, len(prev.Pages)), Assets: prev.Assets, Folders: prev.Folders, Drafts: prev.Drafts, urlDiags: prev.urlDiags}
	for i, p := range prev.Pages {
		if page, ok := fresh[p.Path]; ok {
			set.Pages[i] = page
		} else {
			cp := *p
			set.Pages[i] = &cp
		}
		errs = append(errs, set.Pages[i].Diags...)
	}
	errs = append(errs, set.urlDiags...)
	return set, errs, true
}

// ReadPage turns one markdown file into a Page. It returns nil when the file
// cannot be a page (binary or invalid text), with the reason.
func ReadPage(p string, raw []byte, prefix string) (*Page, diag.List) {
	file := prefix + p
	hash := sha256.Sum256(raw)
	if text, ok := fromUTF16(raw); ok {
		raw = text // as Windows Notepad saves "Unicode" text: its mark says which order
	} else if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return nil, diag.List{diag.Errorf(file, 1, 1, "UTF-16 text cut in the middle of a character (an odd number of bytes); save it as UTF-8")}
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		line, col := position(raw, i)
		return nil, diag.List{diag.Warnf(diag.KindInput, file, line, col, "skipped: binary file (NUL byte at offset %d)", i)}
	}
	if !utf8.Valid(raw) {
		off := invalidUTF8Offset(raw)
		line, col := position(raw, off)
		return nil, diag.List{diag.Errorf(file, line, col, "invalid UTF-8 at byte offset %d", off)}
	}
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	normal := normalizeLineEndings(raw)
	fm, body, bodyLine, errs := splitFrontMatter(file, normal)
	page := &Page{Path: p, Body: body, BodyLine: bodyLine, Hash: hash}
	errs = append(errs, fm.apply(file, page)...)
	if page.Updated.IsZero() {
		page.Updated, page.UpdatedLine = updatedFromBody(body, bodyLine)
	}
	applyHeader(page, body, bodyLine)
	if !page.TitleFromFront {
		page.Title = titleFromFileName(p)
	}
	return page, errs
}

// SourceText returns raw as the text a page is read from: UTF-16 with its
// byte order mark decoded to UTF-8, anything else as it is. Whatever
// shows a page's source lines (the dev server's overlay) reads them so.
func SourceText(raw []byte) []byte {
	if text, ok := fromUTF16(raw); ok {
		return text
	}
	return raw
}

// fromUTF16 returns raw, UTF-16 text that opens with its byte order mark
// (FF FE little-endian, FE FF big-endian), as UTF-8 without the mark;
// false when raw is not such text or has an odd number of bytes. An
// unpaired surrogate becomes U+FFFD.
func fromUTF16(raw []byte) ([]byte, bool) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return nil, false
	}
	if len(raw)%2 != 0 {
		return nil, false
	}
	units := make([]uint16, 0, len(raw)/2-1)
	for i := 2; i < len(raw); i += 2 {
		units = append(units, order.Uint16(raw[i:]))
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// Source returns p's body: the one read, or for a page reused without it
// (Unread) the file's again, from fsys (the content folder). A file whose
// bytes are no longer the ones p was read from is an error: it changed
// while the build ran.
func Source(fsys fs.FS, p *Page) ([]byte, error) {
	if !p.Unread {
		return p.Body, nil
	}
	raw, err := fs.ReadFile(fsys, p.Path)
	if err != nil {
		return nil, err
	}
	again, _ := ReadPage(p.Path, raw, "")
	if again == nil || again.Hash != p.Hash {
		return nil, fmt.Errorf("the file changed while the build ran: build again")
	}
	return again.Body, nil
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// position returns the 1-based line and column of byte offset off.
func position(b []byte, off int) (line, col int) {
	line = 1 + bytes.Count(b[:off], []byte{'\n'})
	return line, off - bytes.LastIndexByte(b[:off], '\n')
}

// titleFromFileName reads a title out of a file name: "phase 4.md" →
// "Phase 4", "login_page-ux.md" → "Login page UX", "prds/" → "PRDs". An
// index or README file is named after its folder.
func titleFromFileName(p string) string {
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if isIndexName(name) {
		if dir := path.Dir(p); dir != "." {
			name = path.Base(dir)
		} else {
			return "Home"
		}
	}
	words := strings.Fields(fileNameSeparators.Replace(name))
	if len(words) == 0 {
		return "Untitled"
	}
	for i, w := range words {
		words[i] = acronymCase(w)
	}
	name = strings.Join(words, " ")
	r, size := utf8.DecodeRuneInString(name)
	return strings.ToUpper(string(r)) + name[size:]
}

func isIndexName(name string) bool {
	return strings.EqualFold(name, "index") || strings.EqualFold(name, "readme")
}

// acronymCase writes a lower-case word of a file name that is an
// acronym in capitals, with a plural s kept small: "prd" → "PRD", "rfcs" →
// "RFCs", "api" → "API". An acronym is a word of two to four ASCII letters
// with no vowel (y counts as one: "sync", "by"), or one of the common ones
// that have a vowel. Any other word is returned as it is.
func acronymCase(w string) string {
	if wholeAcronyms[w] {
		return strings.ToUpper(w)
	}
	stem, plural := w, ""
	if len(w) > 3 && strings.HasSuffix(w, "s") {
		stem, plural = w[:len(w)-1], "s"
	}
	if plural != "" && isAcronym(stem) {
		return strings.ToUpper(stem) + plural
	}
	if isAcronym(w) {
		return strings.ToUpper(w)
	}
	return w
}

// wholeAcronyms end in an s of their own, not a plural's (DNS, not DNs).
var wholeAcronyms = map[string]bool{
	"dns": true, "css": true, "sms": true, "tls": true, "gps": true, "https": true, "kms": true,
	"rds": true, "ecs": true, "eks": true, "sqs": true, "sns": true, "nfs": true, "cms": true,
}

// isAcronym reports whether a lower-case word reads as an acronym.
func isAcronym(w string) bool {
	if acronymsWithVowels[w] {
		return true
	}
	if w == "vs" {
		return false // "Redis vs memcached"
	}
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' || strings.IndexByte("aeiouy", c) >= 0 {
			return false
		}
	}
	return true
}

// acronymsWithVowels are acronyms common in plans whose letters could
// also spell a word, so no rule finds them.
var acronymsWithVowels = map[string]bool{
	"api": true, "ui": true, "ux": true, "qa": true, "okr": true, "kpi": true,
	"sla": true, "slo": true, "sli": true, "seo": true, "faq": true, "mvp": true,
	"poc": true, "aws": true, "gcp": true, "iam": true, "etl": true, "eta": true,
	"adr": true, "sre": true, "rbac": true, "ci": true, "ai": true,
}

// fileNameSeparators turn a file name's separators into spaces.
var fileNameSeparators = strings.NewReplacer("_", " ", "-", " ")

// normalizeLineEndings turns CRLF and lone CR (classic Mac OS, some
// exports) into LF: markdown and front matter see one kind of line end,
// and a file saved with lone CRs is not one long line.
func normalizeLineEndings(raw []byte) []byte {
	if bytes.IndexByte(raw, '\r') < 0 {
		return raw
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// ReuseExcept answers Options.Reuse for a load after prev: every page of
// prev but those named in changed (paths from the site root, under the
// content folder prefix) is the one read before. The pages are copies:
// LOAD sets a page's URL again, and what was made from prev may still
// read it.
func ReuseExcept(prev *Set, prefix string, changed []string) func(string) (*Page, bool) {
	named := make(map[string]bool, len(changed))
	for _, c := range changed {
		named[strings.TrimPrefix(c, prefix)] = true
	}
	pages := make(map[string]*Page, len(prev.Pages))
	for _, p := range prev.Pages {
		pages[p.Path] = p
	}
	return func(p string) (*Page, bool) {
		old, ok := pages[p]
		if !ok || named[p] {
			return nil, false
		}
		cp := *old
		return &cp, true
	}
}
