package buildcache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/varcodec"
	"github.com/milepost/milepost/internal/wikilink"
)

// outputsFile is the outputs and the report, tagged with the state they
// belong to. It is written in package varcodec's primitives with a
// CRC-32C (a build after an edit of prose reads and writes it whole,
// and gob took a third of such a build's time at 10k pages).
type outputsFile struct {
	Inputs, Manifest [32]byte
	Outputs          map[string]site.Output
	Report           Report
}

// outputsMagic opens the file and names its format.
const outputsMagic = "milepost build outputs v3\n"

// encode returns the file's bytes: the outputs in the order of their ids.
func (f *outputsFile) encode() []byte {
	e := varcodec.NewFile(outputsMagic, f.size())
	e.Hash(f.Inputs)
	e.Hash(f.Manifest)
	e.Int(f.Report.Pages)
	e.Str(f.Report.History)
	encodeDiags(e, f.Report.Warnings)
	ids := make([]string, 0, len(f.Outputs))
	for id := range f.Outputs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	e.Uint(len(ids))
	for _, id := range ids {
		o := f.Outputs[id]
		e.Str(id)
		e.Hash(o.Key)
		e.Hash(o.Source)
		e.Strs(o.Names)
		encodeDiags(e, o.Notes)
		e.Bool(o.Body != nil)
		if b := o.Body; b != nil {
			e.Str(b.File)
			e.Int(b.Start)
			e.Int(b.End)
			e.Hash(b.Basis)
			e.List(len(b.Links), b.Links == nil)
			for _, l := range b.Links {
				e.Int(l.Link)
				e.Int(l.Start)
				e.Int(l.End)
			}
		}
		e.Bool(o.Entries != nil)
		if es := o.Entries; es != nil {
			e.Strs(es.IDs)
			e.Int64(es.Layout.Size)
			e.Hash(es.Layout.Sum)
			e.Uint(len(es.Layout.Entries))
			for _, span := range es.Layout.Entries {
				e.Int64(span[0])
				e.Int64(span[1])
			}
		}
	}
	return e.Seal()
}

// size is about the length of what encode writes, a little more: at 10k
// pages growing the buffer as it went took most of encode's time.
func (f *outputsFile) size() int {
	n := 128 + len(f.Report.History) + diagsSize(f.Report.Warnings)
	for id, o := range f.Outputs {
		n += len(id) + 80 + diagsSize(o.Notes)
		for _, name := range o.Names {
			n += len(name) + 3
		}
		if o.Body != nil {
			n += len(o.Body.File) + 50 + 15*len(o.Body.Links)
		}
		if o.Entries != nil {
			n += 64 + 20*len(o.Entries.Layout.Entries)
			for _, id := range o.Entries.IDs {
				n += len(id) + 3
			}
		}
	}
	return n
}

func diagsSize(ds diag.List) int {
	n := 4
	for _, x := range ds {
		n += len(x.File) + len(x.Kind) + len(x.Message) + 24
	}
	return n
}

// decodeOutputs reads what encode wrote. Its strings share data, which
// the caller must not change.
func decodeOutputs(data []byte) (*outputsFile, error) {
	d, err := varcodec.Open(data, outputsMagic)
	if err != nil {
		return nil, err
	}
	d.Shares = true
	f := &outputsFile{Inputs: d.Hash(), Manifest: d.Hash()}
	f.Report.Pages = d.Int()
	f.Report.History = d.Str()
	f.Report.Warnings = decodeDiags(d)
	n := d.Count(69) // two hashes and five lengths or flags at least
	f.Outputs = make(map[string]site.Output, n)
	for i := 0; i < n && d.Err == nil; i++ {
		id := d.Str()
		o := site.Output{Key: d.Hash(), Source: d.Hash(), Names: d.Strs(), Notes: decodeDiags(d)}
		if d.Bool() {
			b := &outputs.BodySpan{File: d.Str(), Start: d.Int(), End: d.Int(), Basis: d.Hash()}
			if links, ok := d.List(3); ok {
				b.Links = make([]wikilink.Span, links)
				for j := range b.Links {
					b.Links[j] = wikilink.Span{Link: d.Int(), Start: d.Int(), End: d.Int()}
				}
			}
			o.Body = b
		}
		if d.Bool() {
			es := &outputs.Entries{IDs: d.Strs()}
			es.Layout.Size = d.Int64()
			es.Layout.Sum = d.Hash()
			es.Layout.Entries = make([][2]int64, d.Count(2))
			for j := range es.Layout.Entries {
				es.Layout.Entries[j] = [2]int64{d.Int64(), d.Int64()}
			}
			o.Entries = es
		}
		f.Outputs[id] = o
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	return f, nil
}

func encodeDiags(e *varcodec.Encoder, ds diag.List) {
	e.List(len(ds), ds == nil)
	for _, x := range ds {
		e.Str(x.File)
		e.Int(x.Line)
		e.Int(x.Col)
		e.Int(int(x.Severity))
		e.Str(x.Kind)
		e.Str(x.Message)
	}
}

func decodeDiags(d *varcodec.Decoder) diag.List {
	n, ok := d.List(6)
	if !ok {
		return nil
	}
	ds := make(diag.List, n)
	for i := range ds {
		ds[i] = diag.Diagnostic{File: d.Str(), Line: d.Int(), Col: d.Int(), Severity: diag.Severity(d.Int()), Kind: d.Str(), Message: d.Str()}
	}
	return ds
}

// readOutputs reads the outputs file in the cache folder dir; false when
// there is none.
func readOutputs(dir string) (*outputsFile, bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, outputsName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	f, err := decodeOutputs(data)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", filepath.Join(dir, outputsName), err)
	}
	return f, true, nil
}
