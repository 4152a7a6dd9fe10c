package githistory

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sort"
	"time"
	"unsafe"

	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/marker"
)

// The file a Cache is kept in (see Cache): records, made and read.

// newRecord encodes a page's record: the items of its versions, once per
// blob, and its history when it can be kept (file not nil, with sig).
func newRecord(path string, key [16]byte, sig [32]byte, versions []history.Version, file *history.File, clean [32]byte) *record {
	var strs []string
	ref := map[string]int{"": 0}
	intern := func(s string) int {
		r, ok := ref[s]
		if !ok {
			strs = append(strs, s)
			r = len(strs)
			ref[s] = r
		}
		return r
	}
	r := &record{path: path, key: key, clean: clean}
	var items, fp encoder
	seen := map[string]bool{}
	for _, v := range versions {
		raw := hexToRaw(v.Blob)
		if seen[raw] || raw == "" {
			continue
		}
		seen[raw] = true
		r.blobs = append(r.blobs, raw)
		items.uint(len(v.Items))
		for _, it := range v.Items {
			items.uint(intern(it.Text))
			items.b = append(items.b, byte(it.State))
			items.uint(intern(it.Date))
		}
	}
	if file != nil {
		r.sig, r.file = sig, file
		fp.time(file.Start)
		fp.uint(len(file.Items))
		for _, it := range file.Items {
			fp.uint(intern(it.Text))
			fp.b = append(fp.b, byte(it.State))
			fp.uint(intern(it.Done))
			fp.uint(intern(string(it.DoneSource)))
			fp.uint(intern(it.DoneCommit))
			fp.uint(intern(it.FirstSeen))
			fp.uint(intern(it.FirstSeenCommit))
		}
		fp.uint(len(file.Events))
		for _, ev := range file.Events {
			fp.time(ev.Time)
			fp.uint(intern(ev.Commit))
			fp.uint(intern(string(ev.Kind)))
			fp.uint(intern(ev.Text))
			fp.uint(ev.Item)
			fp.b = append(fp.b, flags(ev.Counted, ev.IsDone, ev.WasCounted, ev.WasDone))
		}
		fp.uint(len(file.Series))
		for _, p := range file.Series {
			fp.uint(intern(p.Date))
			fp.uint(p.Done)
			fp.uint(p.Total)
		}
	}
	var e encoder
	e.str(path)
	e.b = append(e.b, key[:]...)
	e.b = append(e.b, r.sig[:]...)
	e.b = append(e.b, r.clean[:]...)
	e.uint(len(r.blobs))
	for _, b := range r.blobs {
		e.str(b)
	}
	var table encoder
	table.uint(len(strs))
	for _, s := range strs {
		table.str(s)
	}
	e.str(string(table.b))
	e.str(string(fp.b))
	e.str(string(items.b))
	// The record is as readRecord would read it, with its history
	// decoded: the items are decoded again only if a next read needs them
	// (a Builder keeps the cache for hours; every version's items are
	// most of its size).
	r.raw = string(e.b)
	r.readHead() // what was just written reads back: the parts are parts of raw
	r.fileOnce.Do(func() {})
	return r
}

func flags(bs ...bool) byte {
	var f byte
	for i, b := range bs {
		if b {
			f |= 1 << i
		}
	}
	return f
}

// readRecord reads a record's head; the rest is decoded when needed.
func readRecord(raw string) (*record, error) {
	return (&record{raw: raw}).readHead()
}

// readHead reads the head of r.raw into r, and finds its parts.
func (r *record) readHead() (*record, error) {
	d := decoder{s: r.raw}
	r.path = d.str()
	copy(r.key[:], d.take(16))
	copy(r.sig[:], d.take(32))
	copy(r.clean[:], d.take(32))
	r.blobs = make([]string, d.count())
	for i := range r.blobs {
		r.blobs[i] = d.str()
	}
	r.table, r.filePart, r.itemsPart = d.str(), d.str(), d.str()
	if d.err == nil && d.s != "" {
		d.fail()
	}
	return r, d.err
}

// decodeItems decodes the items of the versions blobs names, in order;
// nil when they cannot be.
func decodeItems(part string, blobs []string, strs []string) map[string][]history.Item {
	d := decoder{s: part, strs: strs}
	items := make(map[string][]history.Item, len(blobs))
	for _, b := range blobs {
		its := make([]history.Item, d.count())
		for j := range its {
			its[j] = history.Item{Text: d.ref(), State: d.state(), Date: d.ref()}
		}
		items[b] = its
	}
	if d.err != nil || d.s != "" {
		return nil
	}
	return items
}

// decodeFile decodes a page's history; nil when it cannot be.
func decodeFile(part string, strs []string) *history.File {
	d := decoder{s: part, strs: strs}
	file := &history.File{Start: d.time()}
	if n := d.count(); n > 0 {
		file.Items = make([]history.ItemHistory, n)
	}
	for j := range file.Items {
		it := &file.Items[j]
		it.Text, it.State, it.Done = d.ref(), d.state(), d.ref()
		it.DoneSource = history.DateSource(d.ref())
		it.DoneCommit, it.FirstSeen, it.FirstSeenCommit = d.ref(), d.ref(), d.ref()
	}
	if n := d.count(); n > 0 {
		file.Events = make([]history.Event, n)
	}
	for j := range file.Events {
		ev := &file.Events[j]
		ev.Time, ev.Commit = d.time(), d.ref()
		ev.Kind = history.Kind(d.ref())
		ev.Text, ev.Item = d.ref(), d.num()
		if f := d.take(1); len(f) == 1 {
			ev.Counted, ev.IsDone, ev.WasCounted, ev.WasDone = f[0]&1 != 0, f[0]&2 != 0, f[0]&4 != 0, f[0]&8 != 0
		}
	}
	if n := d.count(); n > 0 {
		file.Series = make([]history.Point, n)
	}
	for j := range file.Series {
		file.Series[j] = history.Point{Date: d.ref(), Done: d.num(), Total: d.num()}
	}
	if d.err != nil || d.s != "" {
		return nil
	}
	return file
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// cacheMagic opens the file and names its format; a file of another
// format is not read.
const cacheMagic = "milepost history v1\n"

// WriteCache writes c for a later ReadCache. Pages are in path order, so
// the same cache makes the same bytes.
func WriteCache(w io.Writer, c *Cache) error {
	var head encoder
	head.b = append(head.b, cacheMagic...)
	if c != nil && c.log != nil {
		head.b = append(head.b, 1)
		head.str(c.logKey)
		head.log(c.log)
	} else {
		head.b = append(head.b, 0)
	}
	var paths []string
	if c != nil {
		for p := range c.pages {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	head.uint(len(paths))
	sum := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 1<<16)
	bw.Write(head.b)
	var n encoder
	for _, p := range paths {
		raw := c.pages[p].raw
		n.b = n.b[:0]
		n.uint(len(raw))
		bw.Write(n.b)
		bw.WriteString(raw)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
	return err
}

// ReadCache reads what WriteCache wrote into data, which the cache keeps
// referring to: the caller must not change it. A damaged file, or one of
// another format, is an error: the caller reads history without a cache.
func ReadCache(data []byte) (*Cache, error) {
	if len(data) < 4 || crc32.Checksum(data[:len(data)-4], castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, errors.New("history cache: damaged (checksum)")
	}
	// The strings of the cache are parts of data, seen as a string rather
	// than copied (3.6 MB for the benchmark's 1,000 pages: 20 ms of a
	// build's CPU): the caller gives data up, and nothing changes it.
	d := decoder{s: unsafe.String(unsafe.SliceData(data), len(data)-4)}
	if d.take(len(cacheMagic)) != cacheMagic {
		return nil, errors.New("history cache: not a history cache of this version")
	}
	c := &Cache{}
	if has := d.take(1); has == "\x01" {
		c.logKey = d.str()
		c.log = d.log()
	} else if has != "\x00" {
		d.fail()
	}
	n := d.count()
	c.pages = make(map[string]*record, n)
	for i := 0; i < n && d.err == nil; i++ {
		r, err := readRecord(d.take(d.count()))
		if err != nil {
			d.fail()
			break
		}
		c.pages[r.path] = r
	}
	if d.err == nil && d.s != "" {
		d.fail()
	}
	if d.err != nil {
		return nil, fmt.Errorf("history cache: %w", d.err)
	}
	return c, nil
}

// encoder appends what decoder reads.
type encoder struct{ b []byte }

func (e *encoder) uint(n int)    { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) str(s string)  { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) flag(v bool)   { e.b = append(e.b, flags(v)) }
func (e *encoder) hex(id string) { raw, _ := hex.DecodeString(id); e.str(string(raw)) }

// time writes a time to the second, in UTC (as git gives them); the zero
// time is a 0 byte.
func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.int(t.Unix())
}

// log writes a git log: HEAD, commits, and each file's versions, commit
// ids in a table of their own.
func (e *encoder) log(l *gitrepo.Log) {
	e.hex(l.Head)
	e.uint(l.Commits)
	paths := make([]string, 0, len(l.Files))
	for p := range l.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	commits := map[string]int{}
	var ids []string
	total := 0
	for _, p := range paths {
		total += len(l.Files[p])
		for _, v := range l.Files[p] {
			if _, ok := commits[v.Commit]; !ok {
				commits[v.Commit] = len(ids)
				ids = append(ids, v.Commit)
			}
		}
	}
	e.uint(len(ids))
	for _, id := range ids {
		e.hex(id)
	}
	e.uint(len(paths))
	e.uint(total)
	for _, p := range paths {
		vs := l.Files[p]
		e.str(p)
		e.uint(len(vs))
		for _, v := range vs {
			e.uint(commits[v.Commit])
			e.int(v.Time.Unix())
			if v.Path == p {
				e.str("") // most versions have the name the file has now
			} else {
				e.str(v.Path)
			}
			e.hex(v.Blob)
			e.flag(v.Added)
		}
	}
}

// decoder reads the file; the first error sticks, and every later read
// returns zero values.
type decoder struct {
	s    string
	strs []string // a record's string table, for ref
	err  error
}

// ref reads a reference into the string table: 0 is "".
func (d *decoder) ref() string {
	r := d.uint()
	if r >= uint64(len(d.strs)) {
		d.fail()
		return ""
	}
	return d.strs[r]
}

// state reads an item's state.
func (d *decoder) state() marker.State {
	b := d.take(1)
	if len(b) != 1 || int(b[0]) >= len(marker.States()) {
		d.fail()
		return 0
	}
	return marker.State(b[0])
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errors.New("damaged record")
	}
	d.s = ""
}

func (d *decoder) take(n int) string {
	if n < 0 || n > len(d.s) {
		d.fail()
		return ""
	}
	v := d.s[:n]
	d.s = d.s[n:]
	return v
}

func (d *decoder) uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.s == "" {
			break
		}
		b := d.s[0]
		d.s = d.s[1:]
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

// int reads what encoder.int wrote.
func (d *decoder) int() int64 {
	v := d.uint()
	return int64(v>>1) ^ -int64(v&1)
}

// count reads a length or a number of records, which cannot be more than
// the bytes left (a record takes at least one).
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.s)) {
		d.fail()
		return 0
	}
	return int(v)
}

// num reads a number that is not a length.
func (d *decoder) num() int {
	v := d.uint()
	if v > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) str() string { return d.take(d.count()) }

func (d *decoder) hex() string { return hex.EncodeToString([]byte(d.str())) }

func (d *decoder) time() time.Time {
	switch d.take(1) {
	case "\x00":
		return time.Time{}
	case "\x01":
		return time.Unix(d.int(), 0).UTC()
	}
	d.fail()
	return time.Time{}
}

// log reads what encoder.log wrote.
func (d *decoder) log() *gitrepo.Log {
	l := &gitrepo.Log{Head: d.hex(), Commits: d.num()}
	ids := make([]string, d.count())
	for i := range ids {
		ids[i] = d.hex()
	}
	files, total := d.count(), d.count()
	l.Files = make(map[string][]gitrepo.Version, files)
	all := make([]gitrepo.Version, total)
	for i := 0; i < files && d.err == nil; i++ {
		p := d.str()
		n := d.count()
		if n > len(all) {
			d.fail()
			break
		}
		vs := all[:n:n]
		all = all[n:]
		for j := range vs {
			v := &vs[j]
			c := d.uint()
			if c >= uint64(len(ids)) {
				d.fail()
				break
			}
			v.Commit = ids[c]
			v.Time = time.Unix(d.int(), 0).UTC()
			if v.Path = d.str(); v.Path == "" {
				v.Path = p
			}
			v.Blob = d.hex()
			v.Added = d.take(1) == "\x01"
		}
		l.Files[p] = vs
	}
	if len(all) != 0 {
		d.fail()
	}
	return l
}
