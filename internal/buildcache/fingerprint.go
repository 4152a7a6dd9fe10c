package buildcache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/milepost/milepost/internal/parallel"
	"github.com/milepost/milepost/internal/rawfile"
)

// Index is what Fingerprint learnt of every input file: its identity on
// disk and its hash. The next Fingerprint takes the hash of a file whose
// identity is the one recorded instead of reading the file again, as git's
// index does: the size, the modification and change times and the inode
// must all be the same, and the file must have been unchanged for
// racyWindow when it was hashed (a write within the same clock tick as
// the hashing would leave the times as they were).
type Index struct {
	Taken int64        // when the files were looked at, in Unix nanoseconds
	Files []IndexEntry // sorted by Name
	// Read is how many of Files this Fingerprint read, not taking the
	// last index's word for them; it is not saved.
	Read int
}

// IndexEntry is one input file.
type IndexEntry struct {
	Name                      string // slash path relative to the site root
	Size, ModTime, ChangeTime int64  // ModTime and ChangeTime in Unix nanoseconds
	Inode                     uint64
	Hash                      [32]byte // sha256 of the file's bytes
}

// racyWindow is how long a file must have been left alone before it was
// hashed for its recorded hash to be trusted. Two seconds covers the
// coarsest file time resolution in use (FAT's).
const racyWindow = 2 * time.Second

// Hash returns the hash idx recorded for the file name (slash path
// relative to the site root).
func (idx *Index) Hash(name string) ([32]byte, bool) {
	e, ok := idx.find(name)
	return e.Hash, ok
}

// find returns the entry of the file name.
func (idx *Index) find(name string) (IndexEntry, bool) {
	if idx == nil {
		return IndexEntry{}, false
	}
	i := sort.Search(len(idx.Files), func(i int) bool { return idx.Files[i].Name >= name })
	if i < len(idx.Files) && idx.Files[i].Name == name {
		return idx.Files[i], true
	}
	return IndexEntry{}, false
}

// trusted returns the recorded entry for e's file when its hash may be
// taken without reading the file.
func (idx *Index) trusted(e IndexEntry) (IndexEntry, bool) {
	old, ok := idx.find(e.Name)
	if !ok || e.Inode == 0 {
		return IndexEntry{}, false
	}
	same := old.Size == e.Size && old.ModTime == e.ModTime && old.ChangeTime == e.ChangeTime && old.Inode == e.Inode
	settled := old.ChangeTime < idx.Taken-int64(racyWindow) && old.ModTime < idx.Taken-int64(racyWindow)
	return old, same && settled
}

// walk adds to idx the regular file rel (an OS path relative to root), or
// every regular file under it when it is a folder, but dot-files and
// dot-folders in it. Symbolic links are not followed; a file gone
// since its folder was listed is left out. It lists folders unsorted and
// stats each file with rawfile.Lstat: Fingerprint sorts what it found, and
// a build with nothing to do spends most of its time here and in the
// destination check.
func (idx *Index) walk(root, rel string) error {
	name := filepath.Join(root, rel)
	st, err := rawfile.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.Regular {
		idx.add(rel, st)
		return nil
	}
	if !st.Dir {
		return nil
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return err
	}
	for _, d := range entries {
		if strings.HasPrefix(d.Name(), ".") {
			continue
		}
		switch t := d.Type(); {
		case t.IsDir():
			if err := idx.walk(root, filepath.Join(rel, d.Name())); err != nil {
				return err
			}
		case t.IsRegular():
			if err := idx.file(root, filepath.Join(rel, d.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// file adds the regular file rel under root to idx.
func (idx *Index) file(root, rel string) error {
	st, err := rawfile.Lstat(filepath.Join(root, rel))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // gone since the folder was listed
	}
	if err != nil || !st.Regular {
		return err
	}
	idx.add(rel, st)
	return nil
}

// add records the file rel whose Lstat is st, without its hash.
func (idx *Index) add(rel string, st rawfile.Stat) {
	idx.Files = append(idx.Files, IndexEntry{Name: filepath.ToSlash(rel), Size: st.Size, ModTime: st.ModTime.UnixNano(), ChangeTime: st.ChangeTime, Inode: st.Inode})
}

// Fingerprint hashes the inputs of a build: every regular file under each
// of paths (folders, walked, or single files), relative to root, with its
// name and bytes. Dot-files and dot-folders are left out, as LOAD leaves
// them out; a path that does not exist counts as absent. Files prev
// vouches for are not read (see Index); the others are read and hashed in
// parallel. The index returned is for the next call.
func Fingerprint(root string, prev *Index, paths ...string) ([32]byte, *Index, error) {
	idx := &Index{Taken: time.Now().UnixNano()}
	for _, p := range paths {
		if err := idx.walk(root, filepath.Clean(p)); err != nil {
			return [32]byte{}, nil, err
		}
	}
	sort.Slice(idx.Files, func(i, j int) bool { return idx.Files[i].Name < idx.Files[j].Name })
	errs := make([]error, len(idx.Files))
	var read atomic.Int64
	// Reading is mostly waiting on the kernel: more workers than cores.
	parallel.Do(len(idx.Files), 4, func(j int) bool {
		e := &idx.Files[j]
		if old, ok := prev.trusted(*e); ok {
			e.Hash = old.Hash
			return true
		}
		read.Add(1)
		data, err := rawfile.ReadFile(filepath.Join(root, filepath.FromSlash(e.Name)))
		e.Hash, errs[j] = sha256.Sum256(data), err
		return true
	})
	h := sha256.New()
	var n [8]byte
	for j, e := range idx.Files {
		if errs[j] != nil {
			return [32]byte{}, nil, errs[j]
		}
		binary.LittleEndian.PutUint64(n[:], uint64(len(e.Name)))
		h.Write(n[:])
		h.Write([]byte(e.Name))
		h.Write(e.Hash[:])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	idx.Read = int(read.Load())
	return sum, idx, nil
}
