package publish

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
const manifestVersion = 1

type manifestEntry struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	Sum  digest `json:"sha256"`
}

// digest is a file's SHA-256; the zero digest means "content unknown".
// In the manifest it is lower-case hex, or "" when unknown. Held as bytes,
// not as its hex text: at a hundred thousand files the difference is tens
// of megabytes, and as many pointers less for the collector.
type digest [32]byte

func (d digest) known() bool { return d != digest{} }

// appendHex appends d as the manifest writes it.
func (d digest) appendHex(buf []byte) []byte {
	if !d.known() {
		return buf
	}
	return hex.AppendEncode(buf, d[:])
}

// parseDigest reads a manifest's sha256 field; ok is false when it is
// neither "" nor 64 lower-case hex digits.
func parseDigest(s []byte) (d digest, ok bool) {
	if len(s) == 0 {
		return d, true
	}
	if len(s) != 2*len(d) || bytes.ContainsAny(s, "ABCDEF") {
		return d, false
	}
	_, err := hex.Decode(d[:], s)
	return d, err == nil && d.known()
}

// MarshalText and UnmarshalText are the manifest's form, for encoding/json;
// a sha256 that is not one reads as unknown, so the file is written again.
func (d digest) MarshalText() ([]byte, error) { return d.appendHex(nil), nil }

func (d *digest) UnmarshalText(s []byte) error {
	*d, _ = parseDigest(s)
	return nil
}

type manifestFile struct {
	Generator string          `json:"generator"`
	Version   int             `json:"version"`
	Files     []manifestEntry `json:"files"`
}

// manifest maps a file name to what milepost last wrote there.
type manifest map[string]manifestEntry

// oldManifest is a destination's manifest as Begin finds it.
type oldManifest struct {
	files   manifest
	raw     []byte // the file's bytes; nil when there is none
	journal bool   // a journal was found, and its names merged in
}

// readManifest loads dir's manifest; a missing manifest is a zero
// oldManifest. Every path in it must pass CheckName: a manifest edited to
// name "../elsewhere" must never make Commit delete outside the
// destination.
func readManifest(dir string) (oldManifest, error) {
	path := filepath.Join(dir, manifestName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return oldManifest{}, nil
	}
	if err != nil {
		return oldManifest{}, err
	}
	m, err := parseManifest(data)
	if err != nil {
		return oldManifest{}, fmt.Errorf("%s: %w", path, err)
	}
	old := oldManifest{files: m, raw: data}
	if err := old.mergeJournal(dir); err != nil {
		return oldManifest{}, err
	}
	return old, nil
}

// mergeJournal marks the names of a journal left in dir, if any, as
// written with unknown content.
func (old *oldManifest) mergeJournal(dir string) error {
	path := filepath.Join(dir, journalName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var j journalFile
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%s: unreadable journal: %w", path, err)
	}
	for _, name := range j.Writing {
		if err := CheckName(name); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		e := old.files[name]
		e.Path, e.Sum = name, digest{}
		old.files[name] = e
	}
	old.journal = true
	return nil
}

// parseManifest reads a manifest.
func parseManifest(data []byte) (manifest, error) {
	entries, ok := parseCanonical(data)
	if !ok { // hand-edited, or from another writer: any JSON will do
		var file manifestFile
		if err := json.Unmarshal(data, &file); err != nil {
			return nil, fmt.Errorf("unreadable manifest: %w", err)
		}
		if file.Version != manifestVersion {
			return nil, fmt.Errorf("manifest version %d, want %d", file.Version, manifestVersion)
		}
		entries = file.Files
	}
	m := make(manifest, len(entries))
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

// encode renders the manifest in its canonical form: sorted, one entry per
// line, HTML characters unescaped so paths stay readable.
func (m manifest) encode() []byte { return encodeEntries(m.entries()) }

// entries lists m's entries, sorted by name.
func (m manifest) entries() []manifestEntry {
	es := make([]manifestEntry, 0, len(m))
	for _, e := range m {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Path < es[j].Path })
	return es
}

// encodeEntries is encode, given the entries sorted by name.
func encodeEntries(es []manifestEntry) []byte {
	buf := make([]byte, 0, len(es)*(len(canonicalEntry)+64+40))
	buf = fmt.Appendf(buf, canonicalHead, manifestVersion)
	for i, e := range es {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		buf = appendEntry(buf, e)
	}
	return append(buf, canonicalTail...)
}
