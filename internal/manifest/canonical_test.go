package manifest

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The hand-written manifest codec writes what encoding/json writes and
// reads back what it wrote, for plain, non-ASCII and escaped names alike.
func TestManifestCodecMatchesJSON(t *testing.T) {
	m := Files{}
	for i, name := range []string{
		"index.html", "a b/c.html", "équipe données/status.json", "x&y<z>.svg",
		`quo"te.html`, `back\slash.html`, "tab\there.html", "line\u2028sep.html", "bad\xffutf8.html",
	} {
		m[name] = Entry{Path: name, Size: int64(i * 1000), Sum: sha256.Sum256([]byte(name))}
	}
	m["unknown.html"] = Entry{Path: "unknown.html", Size: 7} // hash not known yet (journal)
	got := encodeFiles(m)

	// What encoding/json makes of the same entries, in the same layout.
	var want []byte
	want = append(want, `{"generator":"milepost","version":1,"files":[`...)
	for i, name := range sortedKeys(m) {
		if i > 0 {
			want = append(want, ',')
		}
		var line bytes.Buffer
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(m[name])
		want = append(want, '\n')
		want = append(want, bytes.TrimSuffix(line.Bytes(), []byte("\n"))...)
	}
	want = append(want, "\n]}\n"...)
	if string(got) != string(want) {
		t.Errorf("encode:\n%s\nencoding/json:\n%s", got, want)
	}

	// Read back (the names an output may have): by hand when every string
	// is verbatim, else through encoding/json; the same entries either way.
	valid := Files{}
	for name, e := range m {
		if CheckName(name) == nil {
			valid[name] = e
		}
	}
	var f file
	if err := json.Unmarshal(encodeFiles(valid), &f); err != nil {
		t.Fatal(err)
	}
	read, err := Parse(encodeFiles(valid))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.Files {
		if read[e.Path] != e {
			t.Errorf("read %+v, encoding/json %+v", read[e.Path], e)
		}
	}
	plain := Files{}
	for _, name := range []string{"index.html", "a b/c.html", "équipe données/status.json", "x&y<z>.svg", "unknown.html"} {
		plain[name] = m[name]
	}
	entries, ok := parseCanonical(encodeFiles(plain))
	if !ok || len(entries) != len(plain) {
		t.Fatalf("a manifest of verbatim names was not read by hand: %v", entries)
	}
	for _, e := range entries {
		if plain[e.Path] != e {
			t.Errorf("read %+v, wrote %+v", e, plain[e.Path])
		}
	}
	for _, odd := range []string{
		`{"generator":"milepost","version":1,"files":[{"path":"a.html","size":1,"sha256":""}]}`,                     // one line
		"{\"generator\":\"milepost\",\"version\":1,\"files\":[\n{\"path\":\"a\",\"size\":01,\"sha256\":\"\"}\n]}\n", // 01
		"{\"generator\":\"milepost\",\"version\":2,\"files\":[\n]}\n",
	} {
		if _, ok := parseCanonical([]byte(odd)); ok {
			t.Errorf("read as canonical: %q", odd)
		}
	}
}

func sortedKeys(m Files) []string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// A manifest edited by hand out of order is still read whole.
func TestManifestOutOfOrder(t *testing.T) {
	m, err := Parse([]byte(`{"version":1,"files":[{"path":"b.html","size":2,"sha256":""},{"path":"a.html","size":1,"sha256":""}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["a.html"].Size != 1 || m["b.html"].Size != 2 {
		t.Errorf("entries %v", m)
	}
}

// A sha256 in the manifest is 64 lower-case hex digits or "" (unknown);
// anything else, from a hand edit, reads as unknown: the file is written
// again rather than trusted.
func TestManifestDigests(t *testing.T) {
	sum := sha256.Sum256([]byte("x"))
	known := fmt.Sprintf("%x", sum)
	for _, c := range []struct {
		text string
		want Digest
	}{
		{known, sum},
		{"", Digest{}},
		{strings.ToUpper(known), Digest{}},
		{known[:10], Digest{}},
		{"zz" + known[2:], Digest{}},
		{strings.Repeat("0", 64), Digest{}},
	} {
		m, err := Parse([]byte(`{"generator":"milepost","version":1,"files":[` + "\n" + `{"path":"a.html","size":1,"sha256":"` + c.text + `"}` + "\n]}\n"))
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if got := m["a.html"].Sum; got != c.want {
			t.Errorf("sha256 %q read as %x, want %x", c.text, got, c.want)
		}
	}
	if got := string(encodeFiles(Files{"a.html": {Path: "a.html", Size: 1, Sum: sum}})); !strings.Contains(got, `"sha256":"`+known+`"`) {
		t.Errorf("encoded as %s", got)
	}
}

// encodeFiles is Encode of m's entries, sorted by path.
func encodeFiles(m Files) []byte {
	es := make([]Entry, 0, len(m))
	for _, n := range sortedKeys(m) {
		es = append(es, m[n])
	}
	return Encode(es)
}
