package summary

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/varcodec"
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

// summariesMagic opens the file and names its format.
const summariesMagic = "milepost page summaries v4\n"

// Read indexes the summaries Write wrote into data. The records keep
// referring to data: the caller must not change it.
func Read(data []byte) (*Summaries, error) {
	vd, err := varcodec.Open(data, summariesMagic)
	if err != nil {
		return nil, fmt.Errorf("page summaries: %w", err)
	}
	vd.Shares = true
	d := decoder{*vd}
	s := &Summaries{key: d.Str()}
	n := d.Count(32)
	s.records = make(map[string]summaryRecord, n)
	for i := 0; i < n && d.Err == nil; i++ {
		path := d.Str()
		var rec summaryRecord
		copy(rec.source[:], d.Bytes(32))
		rec.data = d.Bytes(d.Count(1))
		s.records[path] = rec
	}
	if err := d.End(); err != nil {
		return nil, fmt.Errorf("page summaries: %w", err)
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
	// The summary's strings share the file's bytes, as the records' paths
	// already do: no allocation a string, and no copy of the record (a
	// build takes most summaries from the file, 35 MB of copies at 10k
	// pages). Read's caller never changes them.
	d := newDecoder(rec.data)
	p := d.summary()
	if d.Err != nil || len(d.B) != 0 {
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
	return bytes.Equal(e.B, rec.data)
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
	sum := crc32.New(varcodec.Castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 1<<16)
	var head encoder
	head.B = append(head.B, summariesMagic...)
	head.Str(key)
	head.Uint(len(pages))
	bw.Write(head.B)
	var rec, page encoder
	for _, p := range pages {
		page.B = page.B[:0]
		page.summary(p.Page)
		rec.B = rec.B[:0]
		rec.Str(p.Path)
		rec.B = append(rec.B, p.Source[:]...)
		rec.Uint(len(page.B))
		bw.Write(rec.B)
		bw.Write(page.B)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
	return err
}

// summary encodes p.
func (e *encoder) summary(p *Page) {
	e.Str(p.Title)
	e.Str(p.Kind)
	e.Bool(p.Tracked)
	st := p.Status
	e.counts(st.Counts)
	e.sections(st.Sections)
	e.List(len(st.Items), st.Items == nil)
	for _, it := range st.Items {
		e.Int(it.Line)
		e.Str(it.Section)
		e.Int(int(it.State))
		e.Str(string(it.Source))
		e.Str(it.Text)
		e.Str(it.Date)
		e.Bool(it.Attrs != nil)
		if a := it.Attrs; a != nil {
			for _, v := range [...]string{a.Due, a.Start, a.Scheduled, a.Created, a.Cancelled, a.Owner, a.ID} {
				e.Str(v)
			}
			e.Int(int(a.Priority))
			e.Float(a.EstimateHours)
			e.Strs(a.Depends)
			e.List(len(a.Fields), a.Fields == nil)
			for _, f := range a.Fields {
				e.Str(f.Key)
				e.Str(f.Value)
			}
		}
	}
	e.List(len(st.Warnings), st.Warnings == nil)
	for _, w := range st.Warnings {
		e.Str(w.Kind)
		e.Int(w.Line)
		e.Str(w.Section)
		e.Str(w.Message)
	}
	e.List(len(st.Legend), st.Legend == nil)
	for _, l := range st.Legend {
		e.Str(l.Marker)
		e.Str(l.Label)
		e.Str(l.State)
		e.Int(l.Line)
	}
	e.List(len(p.Headings), p.Headings == nil)
	for _, h := range p.Headings {
		e.Str(h.ID)
		e.Str(h.Text)
		e.Int(h.Level)
		e.Str(h.GitHubAnchor)
	}
	e.List(len(p.BlockIDs), p.BlockIDs == nil)
	for _, id := range p.BlockIDs {
		e.Str(id)
	}
	e.List(len(p.Links), p.Links == nil)
	for _, l := range p.Links {
		e.Str(l.Target)
		e.Str(l.Fragment)
		e.Str(l.Label)
		e.Str(l.Text)
		e.Str(l.Section)
		e.Int(l.Line)
		e.Int(l.Col)
		e.Bool(l.Embed)
		e.Bool(l.Block)
		e.Bool(l.InLink)
	}
	e.List(len(p.Lookups), p.Lookups == nil)
	for _, l := range p.Lookups {
		e.Str(l.Key)
		e.Str(l.URL)
	}
	e.List(len(p.BrokenMD), p.BrokenMD == nil)
	for _, b := range p.BrokenMD {
		e.Int(b.Line)
		e.Str(b.Target)
	}
	e.List(len(p.Diags), p.Diags == nil)
	for _, d := range p.Diags {
		e.Str(d.File)
		e.Int(d.Line)
		e.Int(d.Col)
		e.Int(int(d.Severity))
		e.Str(d.Kind)
		e.Str(d.Message)
	}
	e.B = append(e.B, p.TargetSig[:]...)
	e.B = append(e.B, p.SummarySig[:]...)
}

func (e *encoder) counts(c status.Counts) {
	for _, n := range [...]int{c.Done, c.Active, c.Blocked, c.Open, c.Dropped} {
		e.Int(n)
	}
}

func (e *encoder) sections(ss []*status.Section) {
	e.List(len(ss), ss == nil)
	for _, s := range ss {
		e.Str(s.ID)
		e.Str(s.Title)
		e.Int(s.Level)
		e.Int(s.Line)
		e.counts(s.Counts)
		e.Str(s.TaskID)
		e.Str(s.Declared)
		e.Bool(s.Attrs != nil)
		if s.Attrs != nil {
			e.sectionAttrs(s.Attrs)
		}
		e.sections(s.Sections)
	}
}

func (e *encoder) sectionAttrs(a *attr.Section) {
	for _, v := range [...]string{a.Status, a.Owner, a.Due, a.Start, a.Risk, a.Estimate, a.Actual, a.DependsAll} {
		e.Str(v)
	}
	e.Int(int(a.Priority))
	e.Float(a.EstimateHours)
	e.Float(a.ActualHours)
	e.Strs(a.Depends)
	e.Bool(a.NoDepends)
	e.Int(a.DependsLine)
	e.List(len(a.Fields), a.Fields == nil)
	for _, f := range a.Fields {
		e.Str(f.Key)
		e.Str(f.Value)
	}
}

func (d *decoder) sectionAttrs() *attr.Section {
	if !d.Bool() {
		return nil
	}
	a := attr.Section{Status: d.Str(), Owner: d.Str(), Due: d.Str(), Start: d.Str(), Risk: d.Str(), Estimate: d.Str(), Actual: d.Str(), DependsAll: d.Str(),
		Priority: attr.Priority(d.Int()), EstimateHours: d.Float(), ActualHours: d.Float(), Depends: d.Strs(), NoDepends: d.Bool(), DependsLine: d.Int()}
	if n, ok := d.List(2); ok {
		a.Fields = make([]attr.Field, n)
		for i := range a.Fields {
			a.Fields[i] = attr.Field{Key: d.Str(), Value: d.Str()}
		}
	}
	return &a
}

// summary decodes what encoder.summary wrote.
func (d *decoder) summary() *Page {
	p := &Page{Title: d.Str(), Kind: d.Str(), Tracked: d.Bool(), Status: &status.Page{}}
	st := p.Status
	st.Counts = d.counts()
	st.Sections = d.sections(0)
	if n, ok := d.List(6); ok {
		st.Items = make([]status.Item, n)
		for i := range st.Items {
			it := &st.Items[i]
			*it = status.Item{Line: d.Int(), Section: d.Str(), State: marker.State(d.Int()), Source: status.Source(d.Str()), Text: d.Str(), Date: d.Str()}
			if !d.Bool() {
				continue
			}
			a := &status.ItemAttrs{Due: d.Str(), Start: d.Str(), Scheduled: d.Str(), Created: d.Str(), Cancelled: d.Str(), Owner: d.Str(), ID: d.Str(),
				Priority: attr.Priority(d.Int()), EstimateHours: d.Float(), Depends: d.Strs()}
			if n, ok := d.List(2); ok {
				a.Fields = make([]status.Field, n)
				for j := range a.Fields {
					a.Fields[j] = status.Field{Key: d.Str(), Value: d.Str()}
				}
			}
			it.Attrs = a
		}
	}
	if n, ok := d.List(4); ok {
		st.Warnings = make([]status.Warning, n)
		for i := range st.Warnings {
			st.Warnings[i] = status.Warning{Kind: d.Str(), Line: d.Int(), Section: d.Str(), Message: d.Str()}
		}
	}
	if n, ok := d.List(4); ok {
		st.Legend = make([]status.LegendEntry, n)
		for i := range st.Legend {
			st.Legend[i] = status.LegendEntry{Marker: d.Str(), Label: d.Str(), State: d.Str(), Line: d.Int()}
		}
	}
	if n, ok := d.List(4); ok {
		p.Headings = make([]wikilink.Heading, n)
		for i := range p.Headings {
			p.Headings[i] = wikilink.Heading{ID: d.Str(), Text: d.Str(), Level: d.Int(), GitHubAnchor: d.Str()}
		}
	}
	if n, ok := d.List(1); ok {
		p.BlockIDs = make([]string, n)
		for i := range p.BlockIDs {
			p.BlockIDs[i] = d.Str()
		}
	}
	if n, ok := d.List(10); ok {
		p.Links = make([]wikilink.Link, n)
		for i := range p.Links {
			p.Links[i] = wikilink.Link{Target: d.Str(), Fragment: d.Str(), Label: d.Str(), Text: d.Str(), Section: d.Str(),
				Line: d.Int(), Col: d.Int(), Embed: d.Bool(), Block: d.Bool(), InLink: d.Bool()}
		}
	}
	if n, ok := d.List(2); ok {
		p.Lookups = make([]wikilink.Lookup, n)
		for i := range p.Lookups {
			p.Lookups[i] = wikilink.Lookup{Key: d.Str(), URL: d.Str()}
		}
	}
	if n, ok := d.List(2); ok {
		p.BrokenMD = make([]wikilink.BrokenRef, n)
		for i := range p.BrokenMD {
			p.BrokenMD[i] = wikilink.BrokenRef{Line: d.Int(), Target: d.Str()}
		}
	}
	if n, ok := d.List(6); ok {
		p.Diags = make(diag.List, n)
		for i := range p.Diags {
			p.Diags[i] = diag.Diagnostic{File: d.Str(), Line: d.Int(), Col: d.Int(), Severity: diag.Severity(d.Int()), Kind: d.Str(), Message: d.Str()}
		}
	}
	copy(p.TargetSig[:], d.Bytes(32))
	copy(p.SummarySig[:], d.Bytes(32))
	return p
}

func (d *decoder) counts() status.Counts {
	return status.Counts{Done: d.Int(), Active: d.Int(), Blocked: d.Int(), Open: d.Int(), Dropped: d.Int()}
}

// maxSectionDepth bounds the section tree a record may describe (headings
// have six levels): a damaged record cannot recurse without end.
const maxSectionDepth = 8

func (d *decoder) sections(depth int) []*status.Section {
	n, ok := d.List(10)
	if !ok {
		return nil
	}
	if depth > maxSectionDepth {
		d.Fail()
		return nil
	}
	ss := make([]*status.Section, n)
	held := make([]status.Section, n) // one allocation for the level's sections
	for i := range ss {
		held[i] = status.Section{ID: d.Str(), Title: d.Str(), Level: d.Int(), Line: d.Int(), Counts: d.counts(), TaskID: d.Str(), Declared: d.Str(), Attrs: d.sectionAttrs()}
		held[i].Sections = d.sections(depth + 1)
		ss[i] = &held[i]
	}
	return ss
}
