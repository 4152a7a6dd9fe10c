package buildcache

import (
	"reflect"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/outputs"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/wikilink"
)

// Every field of the outputs file reads back as written, nil lists as
// nil; a field added to what it holds must be added to its codec (the
// counts below fail until it is); a damaged file is an error.
func TestOutputsFileRoundTrip(t *testing.T) {
	for _, c := range []struct {
		v      any
		fields int
	}{{site.Output{}, 6}, {outputs.BodySpan{}, 5}, {outputs.Entries{}, 2}, {machine.StatusLayout{}, 3}, {wikilink.Span{}, 3}, {Report{}, 3}, {diag.Diagnostic{}, 6}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.fields {
			t.Errorf("%T has %d fields, the outputs file %d: add the new ones to encode and decodeOutputs", c.v, n, c.fields)
		}
	}
	warn := diag.List{{File: "content/a.md", Line: 3, Col: 7, Severity: diag.Error, Kind: "broken-link", Message: "é ✅"}}
	want := &outputsFile{
		Inputs: [32]byte{1}, Manifest: [32]byte{2},
		Report: Report{Pages: 2, Warnings: warn, History: "history is off"},
		Outputs: map[string]site.Output{
			"a.md": {Key: [32]byte{3}, Source: [32]byte{4}, Names: []string{"a/index.html", "a/status.json"}, Notes: warn,
				Body: &outputs.BodySpan{File: "a/index.html", Start: 100, End: 250, Basis: [32]byte{4}, Links: []wikilink.Span{{Link: 1, Start: 5, End: 30}}}},
			"b.md":            {Key: [32]byte{5}, Names: []string{}, Body: &outputs.BodySpan{File: "b/index.html", Start: 1, End: 2}},
			"list:index.html": {Key: [32]byte{6}, Names: []string{"index.html"}},
			outputs.EntriesID: {Names: []string{"status.json"}, Entries: &outputs.Entries{IDs: []string{"a.md", "b.md"},
				Layout: machine.StatusLayout{Size: 900, Sum: [32]byte{7}, Entries: [][2]int64{{80, 300}, {301, 890}}}}},
		},
	}
	data := want.encode()
	if len(data) > want.size() {
		t.Errorf("size() = %d, below the %d bytes written: encode grows its buffer", want.size(), len(data))
	}
	got, err := decodeOutputs(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	// The smallest record there can be still reads.
	least := &outputsFile{Outputs: map[string]site.Output{"": {}}}
	if got, err := decodeOutputs(least.encode()); err != nil || !reflect.DeepEqual(got, least) {
		t.Errorf("the smallest outputs file: %v, %+v", err, got)
	}
	for name, bad := range map[string][]byte{
		"a flipped byte": append(append([]byte(nil), data[:40]...), append([]byte{data[40] ^ 1}, data[41:]...)...),
		"cut short":      data[:len(data)/2],
		"another format": []byte(strings.Replace(string(data), "v3", "v2", 1)),
	} {
		if _, err := decodeOutputs(bad); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The state file reads back as written, with and without an input
// index; a field added to State, Index or IndexEntry must be added to its
// codec (or, for State, left to the outputs file; Index.Read is one run's
// count, not saved).
func TestStateFileRoundTrip(t *testing.T) {
	for _, c := range []struct {
		v      any
		fields int
	}{{State{}, 13}, {Index{}, 3}, {IndexEntry{}, 6}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.fields {
			t.Errorf("%T has %d fields, the state file %d: add the new ones to encodeState and decodeState", c.v, n, c.fields)
		}
	}
	full := &State{Binary: "b", Settings: "s", Date: "2026-12-06", History: true, Head: "abc", Inputs: [32]byte{1}, Manifest: [32]byte{2},
		ManifestFile: publish.FileID{Inode: 1<<64 - 2, Size: 6 << 20, ModTime: 1 << 61, ChangeTime: -1},
		InputIndex:   &Index{Taken: 1 << 60, Files: []IndexEntry{{Name: "content/é.md", Size: 10, ModTime: -5, ChangeTime: 1 << 62, Inode: 1<<64 - 1, Hash: [32]byte{3}}}},
		FileNames:    "a\nb", FileSizes: []int64{0, 1 << 40}}
	for _, want := range []*State{full, {Binary: "b"}} {
		got, err := decodeState(encodeState(want))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("round trip: %v\n got %+v\nwant %+v", err, got, want)
		}
	}
	data := encodeState(full)
	data[len(data)/2] ^= 1
	if _, err := decodeState(data); err == nil {
		t.Error("a damaged state file read without an error")
	}
}
