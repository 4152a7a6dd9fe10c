// Package manifest is the format of .milepost-manifest.json, the list at a
// destination's root of the files milepost wrote there, with their sizes
// and SHA-256 sums, and the rule on the names it may list (CheckName): Parse reads it (the canonical form by hand, any other
// valid JSON through encoding/json), Encode writes the canonical form.
//
// In: a manifest's bytes; entries sorted by path. Out: the entries; the
// canonical bytes; whether a name may be written below a destination
// (CheckName). It must not read or write files.
package manifest

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The manifest, .milepost-manifest.json at the destination root, is how
// milepost knows which files it wrote and what they hold:
//
//	{"generator":"milepost","version":1,"files":[
//	{"path":"404.html","size":1234,"sha256":"9f86d0…"},
//	{"path":"img/a b.png","size":5678,"sha256":"60303a…"}
//	]}
//
// One entry per line, sorted by path (byte order), so the file is
// deterministic and diffs well in a gh-pages history. size is in bytes and
// sha256 is the lower-case hex SHA-256 of the file as written (after
// minification). An empty sha256 means "written by milepost, content
// unknown".
//
// A commit into an existing destination runs under a rollback journal
// (journal.go). An older milepost wrote a journal of another form,
// {"writing":["a.html","b/c.svg"]}: found, its names count as written by
// milepost, content unknown, so the next build rewrites them. (A manifest
// whose entries have an empty sha256 reads the same way.)

// Name is the manifest's file name at the destination's root.
const Name = ReservedPrefix + "manifest.json"

// ReservedPrefix starts every name milepost keeps for itself in a
// destination (the manifest, the journal, the staging folder, the lock):
// CheckName refuses them all as output names.
const ReservedPrefix = ".milepost-"

// ErrBadName: an output name is not a safe relative path.
var ErrBadName = errors.New("bad output name")

// CheckName reports whether name may be written below a destination: a
// non-empty, slash-separated, relative path of valid UTF-8 whose segments are
// neither empty, ".", ".." nor ".git", and do not start with ".milepost-".
// Backslashes, NUL and other control characters are refused; spaces,
// non-ASCII letters and URL-reserved characters (# ? % &) are fine. The
// returned error wraps ErrBadName.
func CheckName(name string) error {
	bad := func(why string) error {
		return fmt.Errorf("%w %q: %s", ErrBadName, name, why)
	}
	switch {
	case name == "":
		return bad("empty")
	case !utf8.ValidString(name):
		return bad("not valid UTF-8")
	case strings.HasPrefix(name, "/"):
		return bad("absolute path")
	case strings.HasSuffix(name, "/"):
		return bad("ends with a slash")
	}
	for _, r := range name {
		switch {
		case r == '\\':
			return bad("contains a backslash")
		case r < 0x20 || r == 0x7f:
			return bad("contains a control character")
		}
	}
	for segment := range strings.SplitSeq(name, "/") {
		switch {
		case segment == "":
			return bad("empty path segment")
		case segment == "." || segment == "..":
			return bad("contains a " + segment + " segment")
		case strings.EqualFold(segment, ".git"):
			return bad("writes into .git")
		case strings.HasPrefix(segment, ReservedPrefix):
			return bad("names starting with " + ReservedPrefix + " are reserved")
		}
	}
	return nil
}

// Version is the manifest format this milepost reads and writes.
const Version = 1

// Entry is one file milepost wrote.
type Entry struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	Sum  Digest `json:"sha256"`
}

// Digest is a file's SHA-256; the zero Digest means "content unknown".
// In the manifest it is lower-case hex, or "" when unknown. Held as bytes,
// not as its hex text: at a hundred thousand files the difference is tens
// of megabytes, and as many pointers less for the collector.
type Digest [32]byte

// Known reports whether the content is known.
func (d Digest) Known() bool { return d != Digest{} }

// AppendHex appends d as the manifest writes it.
func (d Digest) AppendHex(buf []byte) []byte {
	if !d.Known() {
		return buf
	}
	return hex.AppendEncode(buf, d[:])
}

// ParseDigest reads a manifest's sha256 field; ok is false when it is
// neither "" nor 64 lower-case hex digits.
func ParseDigest(s []byte) (d Digest, ok bool) {
	if len(s) == 0 {
		return d, true
	}
	if len(s) != 2*len(d) || bytes.ContainsAny(s, "ABCDEF") {
		return d, false
	}
	_, err := hex.Decode(d[:], s)
	return d, err == nil && d.Known()
}

// MarshalText and UnmarshalText are the manifest's form, for encoding/json;
// a sha256 that is not one reads as unknown, so the file is written again.
func (d Digest) MarshalText() ([]byte, error) { return d.AppendHex(nil), nil }

// UnmarshalText reads a sha256 field; see MarshalText.
func (d *Digest) UnmarshalText(s []byte) error {
	*d, _ = ParseDigest(s)
	return nil
}

type file struct {
	Generator string  `json:"generator"`
	Version   int     `json:"version"`
	Files     []Entry `json:"files"`
}

// Files maps a file name to what milepost last wrote there.
type Files map[string]Entry

// Parse reads a manifest. Every path must pass CheckName (a manifest
// edited to name "../elsewhere" must never make a commit delete outside
// the destination), and appear once.
func Parse(data []byte) (Files, error) {
	entries, ok := parseCanonical(data)
	if !ok { // hand-edited, or from another writer: any JSON will do
		var f file
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("unreadable manifest: %w", err)
		}
		if f.Version != Version {
			return nil, fmt.Errorf("manifest version %d, want %d", f.Version, Version)
		}
		entries = f.Files
	}
	m := make(Files, len(entries))
	for _, e := range entries {
		if err := CheckName(e.Path); err != nil {
			return nil, fmt.Errorf("manifest entry: %w", err)
		}
		if _, dup := m[e.Path]; dup {
			return nil, fmt.Errorf("manifest lists %q twice", e.Path)
		}
		if e.Size < 0 {
			return nil, fmt.Errorf("manifest entry %q: negative size", e.Path)
		}
		m[e.Path] = e
	}
	return m, nil
}

// Encode writes entries, sorted by path, in the canonical form: one entry
// per line, HTML characters unescaped so paths stay readable.
func Encode(es []Entry) []byte {
	buf := make([]byte, 0, len(es)*(len(canonicalEntry)+64+40))
	buf = fmt.Appendf(buf, canonicalHead, Version)
	for i, e := range es {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		buf = appendEntry(buf, e)
	}
	return append(buf, canonicalTail...)
}
