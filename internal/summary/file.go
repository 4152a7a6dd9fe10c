package summary

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/wikilink"
)

// Summaries are PARSE's results as the build cache keeps them between
// one-off builds: every page's summary by content path, with the hash of
// the source it was parsed from, and a key naming everything else the
// summaries were made with (settings, content folder, version). A build
// that finds a page with the same source and key takes its summary
// instead of parsing it again.
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
const summariesMagic = "milepost page summaries v4\n"

// Read indexes the summaries Write wrote into data. The records keep
// referring to data: the caller must not change it.
func Read(data []byte) (*Summaries, error) {
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

// Lookup returns the summary of the page at path when it was parsed from
// source with the settings named by key; nil when there is none or it
// cannot be decoded. Each call decodes a new Page: safe for concurrent
// use.
func (s *Summaries) Lookup(key, path string, source [32]byte) *Page {
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

// Same reports whether p is, field for field, the summary recorded for
// the page at path, parsed from source with the settings key names: a
// page parsed again says all it said then.
func (s *Summaries) Same(key, path string, source [32]byte, p *Page) bool {
	if s == nil || s.key != key {
		return false
	}
	rec, ok := s.records[path]
	if !ok || rec.source != source {
		return false
	}
	var e encoder
	e.summary(p)
	return bytes.Equal(e.b, rec.data)
}

// Entry is one page's summary as Write writes it.
type Entry struct {
	Path   string   // content path
	Source [32]byte // hash of the source the page was parsed from
	Page   *Page
}

// Write writes the summaries of pages, made with the settings key names,
// for a later Read.
func Write(w io.Writer, key string, pages []Entry) error {
	sum := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 1<<16)
	var head encoder
	head.b = append(head.b, summariesMagic...)
	head.str(key)
	head.uint(len(pages))
	bw.Write(head.b)
	var rec, page encoder
	for _, p := range pages {
		page.b = page.b[:0]
		page.summary(p.Page)
		rec.b = rec.b[:0]
		rec.str(p.Path)
		rec.b = append(rec.b, p.Source[:]...)
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

// summary encodes p.
func (e *encoder) summary(p *Page) {
	e.str(p.Title)
	e.str(p.Kind)
	e.bool(p.Tracked)
	st := p.Status
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
		e.bool(it.Attrs != nil)
		if a := it.Attrs; a != nil {
			for _, v := range [...]string{a.Due, a.Start, a.Scheduled, a.Created, a.Cancelled, a.Owner, a.ID} {
				e.str(v)
			}
			e.int(int(a.Priority))
			e.float(a.EstimateHours)
			e.strs(a.Depends)
			e.list(len(a.Fields), a.Fields == nil)
			for _, f := range a.Fields {
				e.str(f.Key)
				e.str(f.Value)
			}
		}
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
	e.list(len(p.Headings), p.Headings == nil)
	for _, h := range p.Headings {
		e.str(h.ID)
		e.str(h.Text)
		e.int(h.Level)
		e.str(h.GitHubAnchor)
	}
	e.list(len(p.BlockIDs), p.BlockIDs == nil)
	for _, id := range p.BlockIDs {
		e.str(id)
	}
	e.list(len(p.Links), p.Links == nil)
	for _, l := range p.Links {
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
	e.list(len(p.Lookups), p.Lookups == nil)
	for _, l := range p.Lookups {
		e.str(l.Key)
		e.str(l.URL)
	}
	e.list(len(p.BrokenMD), p.BrokenMD == nil)
	for _, b := range p.BrokenMD {
		e.int(b.Line)
		e.str(b.Target)
	}
	e.list(len(p.Diags), p.Diags == nil)
	for _, d := range p.Diags {
		e.str(d.File)
		e.int(d.Line)
		e.int(d.Col)
		e.int(int(d.Severity))
		e.str(d.Kind)
		e.str(d.Message)
	}
	e.b = append(e.b, p.TargetSig[:]...)
	e.b = append(e.b, p.SummarySig[:]...)
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
		e.str(s.TaskID)
		e.str(s.Declared)
		e.bool(s.Attrs != nil)
		if s.Attrs != nil {
			e.sectionAttrs(s.Attrs)
		}
		e.sections(s.Sections)
	}
}

func (e *encoder) sectionAttrs(a *attr.Section) {
	for _, v := range [...]string{a.Status, a.Owner, a.Due, a.Start, a.Risk, a.Estimate, a.Actual, a.DependsAll} {
		e.str(v)
	}
	e.int(int(a.Priority))
	e.float(a.EstimateHours)
	e.float(a.ActualHours)
	e.strs(a.Depends)
	e.bool(a.NoDepends)
	e.int(a.DependsLine)
	e.list(len(a.Fields), a.Fields == nil)
	for _, f := range a.Fields {
		e.str(f.Key)
		e.str(f.Value)
	}
}

func (d *decoder) sectionAttrs() *attr.Section {
	if !d.bool() {
		return nil
	}
	a := attr.Section{Status: d.str(), Owner: d.str(), Due: d.str(), Start: d.str(), Risk: d.str(), Estimate: d.str(), Actual: d.str(), DependsAll: d.str(),
		Priority: attr.Priority(d.int()), EstimateHours: d.float(), ActualHours: d.float(), Depends: d.strs(), NoDepends: d.bool(), DependsLine: d.int()}
	if n, ok := d.list(2); ok {
		a.Fields = make([]attr.Field, n)
		for i := range a.Fields {
			a.Fields[i] = attr.Field{Key: d.str(), Value: d.str()}
		}
	}
	return &a
}

// summary decodes what encoder.summary wrote.
func (d *decoder) summary() *Page {
	p := &Page{Title: d.str(), Kind: d.str(), Tracked: d.bool(), Status: &status.Page{}}
	st := p.Status
	st.Counts = d.counts()
	st.Sections = d.sections(0)
	if n, ok := d.list(6); ok {
		st.Items = make([]status.Item, n)
		for i := range st.Items {
			it := &st.Items[i]
			*it = status.Item{Line: d.int(), Section: d.str(), State: marker.State(d.int()), Source: status.Source(d.str()), Text: d.str(), Date: d.str()}
			if !d.bool() {
				continue
			}
			a := &status.ItemAttrs{Due: d.str(), Start: d.str(), Scheduled: d.str(), Created: d.str(), Cancelled: d.str(), Owner: d.str(), ID: d.str(),
				Priority: attr.Priority(d.int()), EstimateHours: d.float(), Depends: d.strs()}
			if n, ok := d.list(2); ok {
				a.Fields = make([]status.Field, n)
				for j := range a.Fields {
					a.Fields[j] = status.Field{Key: d.str(), Value: d.str()}
				}
			}
			it.Attrs = a
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
		p.Headings = make([]wikilink.Heading, n)
		for i := range p.Headings {
			p.Headings[i] = wikilink.Heading{ID: d.str(), Text: d.str(), Level: d.int(), GitHubAnchor: d.str()}
		}
	}
	if n, ok := d.list(1); ok {
		p.BlockIDs = make([]string, n)
		for i := range p.BlockIDs {
			p.BlockIDs[i] = d.str()
		}
	}
	if n, ok := d.list(10); ok {
		p.Links = make([]wikilink.Link, n)
		for i := range p.Links {
			p.Links[i] = wikilink.Link{Target: d.str(), Fragment: d.str(), Label: d.str(), Text: d.str(), Section: d.str(),
				Line: d.int(), Col: d.int(), Embed: d.bool(), Block: d.bool(), InLink: d.bool()}
		}
	}
	if n, ok := d.list(2); ok {
		p.Lookups = make([]wikilink.Lookup, n)
		for i := range p.Lookups {
			p.Lookups[i] = wikilink.Lookup{Key: d.str(), URL: d.str()}
		}
	}
	if n, ok := d.list(2); ok {
		p.BrokenMD = make([]wikilink.BrokenRef, n)
		for i := range p.BrokenMD {
			p.BrokenMD[i] = wikilink.BrokenRef{Line: d.int(), Target: d.str()}
		}
	}
	if n, ok := d.list(6); ok {
		p.Diags = make(diag.List, n)
		for i := range p.Diags {
			p.Diags[i] = diag.Diagnostic{File: d.str(), Line: d.int(), Col: d.int(), Severity: diag.Severity(d.int()), Kind: d.str(), Message: d.str()}
		}
	}
	copy(p.TargetSig[:], d.bytes(32))
	copy(p.SummarySig[:], d.bytes(32))
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
		ss[i] = &status.Section{ID: d.str(), Title: d.str(), Level: d.int(), Line: d.int(), Counts: d.counts(), TaskID: d.str(), Declared: d.str(), Attrs: d.sectionAttrs()}
		ss[i].Sections = d.sections(depth + 1)
	}
	return ss
}
