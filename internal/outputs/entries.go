package outputs

import "github.com/milepost/milepost/internal/machine"

// EntriesID is the id under which Outputs keep where the pages' entries
// lie in the site's status.json (Output.Entries).
const EntriesID = "entries:" + machine.StatusName

// Entries say where each page's entry lies in the site's status.json a
// build wrote: page IDs[i]'s entry is Layout.Entries[i]. A later build
// takes the entry of a page whose key did not change from that file (when
// Layout fits it) instead of making the entry again: the key covers it.
type Entries struct {
	IDs    []string
	Layout machine.StatusLayout
}

// maxHeldEntries is the largest status.json whose entries a build takes
// from the last one's file, which it holds while it writes the new one
// (at 10k pages of the benchmark's corpus the file is 33 MB): a bigger
// site's entries are made again, so that no build holds more.
const maxHeldEntries = 64 << 20

// RecordsEntries reports whether the Writer records outputs for the next
// one-off build (RecordEntries does nothing else).
func (w *Writer) RecordsEntries() bool { return w.opt.Next == nil }

// RecordEntries notes where the entries of the pages ids lie in the
// status.json just written, for the next one-off build.
func (w *Writer) RecordEntries(ids []string, layout *machine.StatusLayout) {
	w.record(Output{Entries: &Entries{IDs: ids, Layout: *layout}}, EntriesID)
}

// LastEntries returns a lookup of the entries the last build wrote into
// the status.json the destination holds (held: publish.Tx.Held): the
// bytes of the entry of page id when that build made them from key
// (Options.Cached), else false. It returns nil, without reading the file,
// when no page of keys has the key it had, or the file is bigger than
// maxHeldEntries; and nil when the file is not the one the last build's
// entries describe.
func (w *Writer) LastEntries(keys map[string][32]byte, held func(name string) ([]byte, bool)) func(id string, key [32]byte) ([]byte, bool) {
	rec, ok := w.opt.Cached[EntriesID]
	if !ok || rec.Entries == nil || len(rec.Entries.IDs) != len(rec.Entries.Layout.Entries) || rec.Entries.Layout.Size > maxHeldEntries {
		return nil
	}
	unchanged := func(id string, key [32]byte) bool {
		old, ok := w.opt.Cached[id]
		return ok && old.Key == key && key != [32]byte{}
	}
	someKept := false
	for _, id := range rec.Entries.IDs {
		if unchanged(id, keys[id]) {
			someKept = true
			break
		}
	}
	if !someKept {
		return nil
	}
	data, ok := held(machine.StatusName)
	if !ok || !rec.Entries.Layout.Fits(data) {
		return nil
	}
	at := make(map[string][2]int64, len(rec.Entries.IDs))
	for i, id := range rec.Entries.IDs {
		at[id] = rec.Entries.Layout.Entries[i]
	}
	return func(id string, key [32]byte) ([]byte, bool) {
		span, placed := at[id]
		if !placed || !unchanged(id, key) || span[0] < 0 || span[0] > span[1] || span[1] > int64(len(data)) {
			return nil, false
		}
		return data[span[0]:span[1]], true
	}
}
