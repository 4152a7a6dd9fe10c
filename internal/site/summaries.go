package site

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// Summaries are PARSE's results as the build cache keeps them between
// one-off builds: every page's summary (title, kind, status, headings,
// block ids, links, markdown link lookups, parse warnings, signatures) by
// content path, with the hash of the source it was parsed from. A build
// that finds a page with the same source, settings and markdown link
// targets takes its summary instead of parsing it again; the page's body
// is rendered only if the page itself must be rendered again
// (parsed.bodyLater).
//
// The encoding is milepost's own, read far faster than gob: a header, one
// length-prefixed record per page, and a CRC-32C of all that. Reading the
// file checks the checksum and indexes the records; a record is decoded
// when PARSE finds its page unchanged, in PARSE's parallel loop. A damaged
// file is an error (the build parses every page), never a wrong summary.
type Summaries struct {
	key     string
	records map[string]summaryRecord
}

type summaryRecord struct {
	source [32]byte
	data   []byte
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// summariesMagic opens the file and names its format.
const summariesMagic = "milepost page summaries v2\n"

// ReadSummaries indexes the summaries WriteSummaries wrote into data. The
// records keep referring to data: the caller must not change it.
func ReadSummaries(data []byte) (*Summaries, error) {
	if len(data) < 4 || crc32.Checksum(data[:len(data)-4], castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, errors.New("page summaries: damaged (checksum)")
	}
	d := decoder{b: data[:len(data)-4]}
	if string(d.bytes(len(summariesMagic))) != summariesMagic {
		return nil, errors.New("page summaries: not a summaries file of this version")
	}
	s := &Summaries{key: d.str()}
	n := d.count(32)
	s.records = make(map[string]summaryRecord, n)
	for i := 0; i < n && d.err == nil; i++ {
		path := d.str()
		var rec summaryRecord
		copy(rec.source[:], d.bytes(32))
		rec.data = d.bytes(d.count(1))
		s.records[path] = rec
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	if d.err != nil {
		return nil, fmt.Errorf("page summaries: %w", d.err)
	}
	return s, nil
}

// summaryKey names what a summary depends on besides its page's source:
// the settings that shape parsing, the content folder, and the version.
func summaryKey(cfgKey, prefix, version string) string {
	return cfgKey + "\x00" + prefix + "\x00" + version
}

// lookup returns the summary of the page at path when it was parsed from
// source with the settings named by key; nil when there is none or it
// cannot be decoded.
func (s *Summaries) lookup(key, path string, source [32]byte) *parsed {
	if s == nil || s.key != key {
		return nil
	}
	rec, ok := s.records[path]
	if !ok || rec.source != source {
		return nil
	}
	d := decoder{b: rec.data}
	p := d.summary()
	if d.err != nil || len(d.b) != 0 {
		return nil
	}
	return p
}

// LoadedPages are the pages res was built from, as LOAD read them: what a
// later build may offer as Input.Loaded (with Body and Unread cleared).
func (res *Result) LoadedPages() []*content.Page {
	pages := make([]*content.Page, len(res.pages))
	for i, p := range res.pages {
		pages[i] = p.page
	}
	return pages
}

// WriteSummaries writes the summaries of the pages res was built from,
// for the next build's Input.Summaries (after ReadSummaries).
func (res *Result) WriteSummaries(w io.Writer) error {
	sum := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 1<<16)
	var head encoder
	head.b = append(head.b, summariesMagic...)
	head.str(res.summaryKey)
	head.uint(len(res.pages))
	bw.Write(head.b)
	var rec, page encoder
	for _, p := range res.pages {
		page.b = page.b[:0]
		page.summary(p)
		rec.b = rec.b[:0]
		rec.str(p.page.Path)
		rec.b = append(rec.b, p.page.Hash[:]...)
		rec.uint(len(page.b))
		bw.Write(rec.b)
		bw.Write(page.b)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
	return err
}

// summary encodes what PARSE keeps of p, all but its page and body.
func (e *encoder) summary(p *parsed) {
	e.str(p.title)
	e.str(p.kind)
	e.bool(p.tracked)
	st := p.status
	e.counts(st.Counts)
	e.sections(st.Sections)
	e.list(len(st.Items), st.Items == nil)
	for _, it := range st.Items {
		e.int(it.Line)
		e.str(it.Section)
		e.int(int(it.State))
		e.str(string(it.Source))
		e.str(it.Text)
		e.str(it.Date)
	}
	e.list(len(st.Warnings), st.Warnings == nil)
	for _, w := range st.Warnings {
		e.str(w.Kind)
		e.int(w.Line)
		e.str(w.Section)
		e.str(w.Message)
	}
	e.list(len(st.Legend), st.Legend == nil)
	for _, l := range st.Legend {
		e.str(l.Marker)
		e.str(l.Label)
		e.str(l.State)
		e.int(l.Line)
	}
	e.list(len(p.headings), p.headings == nil)
	for _, h := range p.headings {
		e.str(h.ID)
		e.str(h.Text)
		e.int(h.Level)
		e.str(h.GitHubAnchor)
	}
	e.list(len(p.blockIDs), p.blockIDs == nil)
	for _, id := range p.blockIDs {
		e.str(id)
	}
	e.list(len(p.links), p.links == nil)
	for _, l := range p.links {
		e.str(l.Target)
		e.str(l.Fragment)
		e.str(l.Label)
		e.str(l.Text)
		e.str(l.Section)
		e.int(l.Line)
		e.int(l.Col)
		e.bool(l.Embed)
		e.bool(l.Block)
		e.bool(l.InLink)
	}
	e.list(len(p.lookups), p.lookups == nil)
	for _, l := range p.lookups {
		e.str(l.key)
		e.str(l.url)
	}
	e.list(len(p.brokenMD), p.brokenMD == nil)
	for _, b := range p.brokenMD {
		e.int(b.line)
		e.str(b.target)
	}
	e.list(len(p.diags), p.diags == nil)
	for _, d := range p.diags {
		e.str(d.File)
		e.int(d.Line)
		e.int(d.Col)
		e.int(int(d.Severity))
		e.str(d.Kind)
		e.str(d.Message)
	}
	e.b = append(e.b, p.targetSig[:]...)
	e.b = append(e.b, p.summarySig[:]...)
}

func (e *encoder) counts(c status.Counts) {
	for _, n := range [...]int{c.Done, c.Active, c.Blocked, c.Open, c.Dropped} {
		e.int(n)
	}
}

func (e *encoder) sections(ss []*status.Section) {
	e.list(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s.ID)
		e.str(s.Title)
		e.int(s.Level)
		e.int(s.Line)
		e.counts(s.Counts)
		e.sections(s.Sections)
	}
}

// summary decodes what encoder.summary wrote.
func (d *decoder) summary() *parsed {
	p := &parsed{title: d.str(), kind: d.str(), tracked: d.bool(), status: &status.Page{}}
	st := p.status
	st.Counts = d.counts()
	st.Sections = d.sections(0)
	if n, ok := d.list(6); ok {
		st.Items = make([]status.Item, n)
		for i := range st.Items {
			st.Items[i] = status.Item{Line: d.int(), Section: d.str(), State: marker.State(d.int()), Source: status.Source(d.str()), Text: d.str(), Date: d.str()}
		}
	}
	if n, ok := d.list(4); ok {
		st.Warnings = make([]status.Warning, n)
		for i := range st.Warnings {
			st.Warnings[i] = status.Warning{Kind: d.str(), Line: d.int(), Section: d.str(), Message: d.str()}
		}
	}
	if n, ok := d.list(4); ok {
		st.Legend = make([]status.LegendEntry, n)
		for i := range st.Legend {
			st.Legend[i] = status.LegendEntry{Marker: d.str(), Label: d.str(), State: d.str(), Line: d.int()}
		}
	}
	if n, ok := d.list(4); ok {
		p.headings = make([]wikilink.Heading, n)
		for i := range p.headings {
			p.headings[i] = wikilink.Heading{ID: d.str(), Text: d.str(), Level: d.int(), GitHubAnchor: d.str()}
		}
	}
	if n, ok := d.list(1); ok {
		p.blockIDs = make([]string, n)
		for i := range p.blockIDs {
			p.blockIDs[i] = d.str()
		}
	}
	if n, ok := d.list(10); ok {
		p.links = make([]wikilink.Link, n)
		for i := range p.links {
			p.links[i] = wikilink.Link{Target: d.str(), Fragment: d.str(), Label: d.str(), Text: d.str(), Section: d.str(),
				Line: d.int(), Col: d.int(), Embed: d.bool(), Block: d.bool(), InLink: d.bool()}
		}
	}
	if n, ok := d.list(2); ok {
		p.lookups = make([]lookup, n)
		for i := range p.lookups {
			p.lookups[i] = lookup{key: d.str(), url: d.str()}
		}
	}
	if n, ok := d.list(2); ok {
		p.brokenMD = make([]brokenRef, n)
		for i := range p.brokenMD {
			p.brokenMD[i] = brokenRef{line: d.int(), target: d.str()}
		}
	}
	if n, ok := d.list(6); ok {
		p.diags = make(diag.List, n)
		for i := range p.diags {
			p.diags[i] = diag.Diagnostic{File: d.str(), Line: d.int(), Col: d.int(), Severity: diag.Severity(d.int()), Kind: d.str(), Message: d.str()}
		}
	}
	copy(p.targetSig[:], d.bytes(32))
	copy(p.summarySig[:], d.bytes(32))
	return p
}

func (d *decoder) counts() status.Counts {
	return status.Counts{Done: d.int(), Active: d.int(), Blocked: d.int(), Open: d.int(), Dropped: d.int()}
}

// maxSectionDepth bounds the section tree a record may describe (headings
// have six levels): a damaged record cannot recurse without end.
const maxSectionDepth = 8

func (d *decoder) sections(depth int) []*status.Section {
	n, ok := d.list(10)
	if !ok {
		return nil
	}
	if depth > maxSectionDepth {
		d.fail()
		return nil
	}
	ss := make([]*status.Section, n)
	for i := range ss {
		ss[i] = &status.Section{ID: d.str(), Title: d.str(), Level: d.int(), Line: d.int(), Counts: d.counts()}
		ss[i].Sections = d.sections(depth + 1)
	}
	return ss
}
