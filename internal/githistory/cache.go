package githistory

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/keyhash"
)

// Cache is what one read of history leaves for the next (Site.Cache,
// Options.Cache), so that a build after one new commit reads only that
// commit, the versions it made and the history of the pages it changed:
//
//   - the items of every version of every page read, by the version's
//     blob id and the key of what else they were read with
//     (Options.ItemsKey): a version found there is neither fetched from
//     git nor read by the status model again;
//   - each page's history (history.File) with a signature of what it was
//     worked out from (its versions' commits, dates and blob ids, the
//     items key): a page whose versions are the same, with no uncommitted
//     edits, takes it as it is;
//   - the git log, read on from its HEAD (gitrepo.LogOptions.Prev).
//
// A Cache is not changed once made: Read builds a new one.
//
// WriteCache and ReadCache keep it in a file of milepost's own format: a
// header, the log, one record per page, and a CRC-32C of all that. A
// page's record holds its path, its items key (hashed), the signature,
// the hash of the bytes it was read with, its versions' blob ids and then,
// with a table of the record's distinct strings (item texts repeat from
// version to version), every version's items and the page's history.
// Records stand alone: one whose page did not change is copied to the
// next file as it is, and reading the file decodes only the part of a
// record a page needs.
type Cache struct {
	log    *gitrepo.Log
	logKey string
	pages  map[string]*record // by path

	indexOnce sync.Once
	byBlob    map[blobKey]*record // which record holds a version's items
}

// blobKey names a version's items: its blob id, in binary, and the hash
// of its items key.
type blobKey struct {
	blob string
	key  [16]byte
}

// record is one page's record: its raw bytes, the head read from them,
// and the rest decoded when first needed: the string table, the page's
// history (file) and its versions' items, each once.
type record struct {
	raw  string
	path string
	key  [16]byte // hash of the items key
	sig  [32]byte // what file was worked out from; zero when there is no file
	// clean is the SHA-256 of the page's last version's bytes, as the
	// work tree held them when the record was made (zero when it held
	// others): the same hash now says the page has no uncommitted edits.
	clean [32]byte
	blobs []string // the blob ids of the versions whose items it holds, binary

	table, filePart, itemsPart string // the undecoded parts

	tableOnce, fileOnce, itemsOnce sync.Once
	strs                           []string // nil when the table cannot be decoded
	file                           *history.File
	items                          map[string][]history.Item // by binary blob id
}

// Len is how many pages' records the cache holds.
func (c *Cache) Len() int {
	if c == nil {
		return 0
	}
	return len(c.pages)
}

// prevLog is the log a read with logKey may read on from.
func (c *Cache) prevLog(logKey string) *gitrepo.Log {
	if c == nil || c.logKey != logKey {
		return nil
	}
	return c.log
}

// page returns the record of the page at path, nil when there is none.
func (c *Cache) page(path string) *record {
	if c == nil {
		return nil
	}
	return c.pages[path]
}

// items returns the items of the version blob (hex) read with the items
// key hashed as key: from the page's own record first (own, may be nil),
// else from any record that holds them.
func (c *Cache) items(own *record, blob string, key [16]byte) ([]history.Item, bool) {
	if c == nil {
		return nil, false
	}
	raw := hexToRaw(blob)
	if own != nil && own.key == key {
		if items, ok := own.decodedItems()[raw]; ok {
			return items, true
		}
	}
	c.indexOnce.Do(func() {
		c.byBlob = map[blobKey]*record{}
		for _, r := range c.pages {
			for _, b := range r.blobs {
				c.byBlob[blobKey{b, r.key}] = r
			}
		}
	})
	r := c.byBlob[blobKey{raw, key}]
	if r == nil {
		return nil, false
	}
	items, ok := r.decodedItems()[raw]
	return items, ok
}

func hexToRaw(id string) string {
	raw, _ := hex.DecodeString(id)
	return string(raw)
}

// A part of a record that cannot be decoded is as good as missing: a page
// then reads its history from git.

// decodedFile is the page's history the record keeps, nil when it keeps
// none.
func (r *record) decodedFile() *history.File {
	r.fileOnce.Do(func() {
		if r.sig == ([32]byte{}) {
			return
		}
		if strs := r.decodedTable(); strs != nil {
			r.file = decodeFile(r.filePart, strs)
		}
	})
	return r.file
}

// decodedItems are the items of the record's versions, by binary blob id;
// nil when they cannot be decoded.
func (r *record) decodedItems() map[string][]history.Item {
	r.itemsOnce.Do(func() {
		if strs := r.decodedTable(); strs != nil {
			r.items = decodeItems(r.itemsPart, r.blobs, strs)
		}
	})
	return r.items
}

func (r *record) decodedTable() []string {
	r.tableOnce.Do(func() {
		d := decoder{s: r.table}
		strs := make([]string, d.count()+1)
		for i := 1; i < len(strs); i++ {
			strs[i] = d.str()
		}
		if d.err == nil && d.s == "" {
			r.strs = strs
		}
	})
	return r.strs
}

// hashKey is the hash of an items key a record keeps.
func hashKey(key string) [16]byte {
	sum := sha256.Sum256([]byte(key))
	return [16]byte(sum[:16])
}

// signature names what a page's history is worked out from: its items
// key, whether its history is cut short, and its versions.
func signature(key [16]byte, truncated bool, versions []gitrepo.Version) [32]byte {
	var k keyhash.Buf
	k.Str(cacheMagic)
	k.Raw(key[:])
	k.Flag(truncated)
	k.Num(len(versions))
	for _, v := range versions {
		k.Str(v.Commit, v.Blob)
		k.Num(int(v.Time.Unix()))
	}
	return k.Sum()
}
