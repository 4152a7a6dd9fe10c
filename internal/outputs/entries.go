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

// RecordEntries notes where the entries of the pages ids lie in the
// status.json just written, for the next one-off build.
func (w *Writer) RecordEntries(ids []string, layout *machine.StatusLayout) {
	w.record(Output{Names: []string{machine.StatusName}, Entries: &Entries{IDs: ids, Layout: *layout}}, EntriesID)
}

// LastEntries returns, for the status.json data the destination holds,
// a lookup of the entries the last build wrote into it: the bytes of the
// entry of page id when that build made them from key (Options.Cached),
// else false. It returns nil when data is not the file the last build's
// entries describe.
func (w *Writer) LastEntries(data []byte) func(id string, key [32]byte) ([]byte, bool) {
	rec, ok := w.opt.Cached[EntriesID]
	if !ok || rec.Entries == nil || len(rec.Entries.IDs) != len(rec.Entries.Layout.Entries) || !rec.Entries.Layout.Fits(data) {
		return nil
	}
	at := make(map[string][2]int64, len(rec.Entries.IDs))
	for i, id := range rec.Entries.IDs {
		at[id] = rec.Entries.Layout.Entries[i]
	}
	return func(id string, key [32]byte) ([]byte, bool) {
		old, ok := w.opt.Cached[id]
		span, placed := at[id]
		if !ok || !placed || old.Key != key || key == ([32]byte{}) || span[0] < 0 || span[0] > span[1] || span[1] > int64(len(data)) {
			return nil, false
		}
		return data[span[0]:span[1]], true
	}
}
