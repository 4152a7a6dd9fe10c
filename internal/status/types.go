package status

import (
	"encoding/json"
	"strconv"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/marker"
)

// State is an item's state; see package marker.
type State = marker.State

// Counts tallies items by state. Total and Percent are derived.
type Counts struct {
	Done, Active, Blocked, Open, Dropped int
}

// Total is the number of items that count: all but dropped ones.
func (c Counts) Total() int { return c.Done + c.Active + c.Blocked + c.Open }

// Percent is floor(100*done/total); ok is false when there is nothing to
// count (then no percent may be shown, never 0% or 100%).
func (c Counts) Percent() (percent int, ok bool) {
	t := c.Total()
	if t == 0 {
		return 0, false
	}
	return 100 * c.Done / t, true
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.Done + o.Done, c.Active + o.Active, c.Blocked + o.Blocked, c.Open + o.Open, c.Dropped + o.Dropped}
}

// Inc counts one more item in state s.
func (c *Counts) Inc(s State) {
	switch s {
	case marker.Done:
		c.Done++
	case marker.Active:
		c.Active++
	case marker.Blocked:
		c.Blocked++
	case marker.Dropped:
		c.Dropped++
	default:
		c.Open++
	}
}

// MarshalJSON writes the status.json counts object, total and percent
// included, percent null when there is nothing to count.
func (c Counts) MarshalJSON() ([]byte, error) {
	return c.AppendJSON(make([]byte, 0, 96)), nil
}

// AppendJSON appends what MarshalJSON writes to b.
func (c Counts) AppendJSON(b []byte) []byte {
	// Written by hand: every page and section has counts, and reflection
	// over a struct for each was a good part of writing status.json.
	for i, f := range [...]struct {
		name string
		n    int
	}{{"done", c.Done}, {"active", c.Active}, {"blocked", c.Blocked}, {"open", c.Open}, {"dropped", c.Dropped}, {"total", c.Total()}} {
		if i == 0 {
			b = append(b, '{')
		} else {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, f.name...)
		b = append(b, `":`...)
		b = strconv.AppendInt(b, int64(f.n), 10)
	}
	b = append(b, `,"percent":`...)
	if p, ok := c.Percent(); ok {
		b = strconv.AppendInt(b, int64(p), 10)
	} else {
		b = append(b, "null"...)
	}
	return append(b, '}')
}

func (c *Counts) UnmarshalJSON(b []byte) error {
	var v struct{ Done, Active, Blocked, Open, Dropped int }
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = Counts{v.Done, v.Active, v.Blocked, v.Open, v.Dropped}
	return nil
}

// Source says which rule of the status model made an item.
type Source string

// The item sources.
const (
	SourceCheckbox Source = "checkbox"
	SourceList     Source = "list"    // marked list items, emphasized labels, task words
	SourceTable    Source = "table"   // rows of status tables, key/value records
	SourceMatrix   Source = "matrix"  // marker cells of a matrix table
	SourceHeading  Source = "heading" // leaf headings among marked siblings
	SourceGantt    Source = "gantt"   // tasks of a Mermaid gantt chart
)

// Item is one trackable unit of work found in a page.
type Item struct {
	Line    int    `json:"line"`    // 1-based line in the file, front matter included
	Section string `json:"section"` // id of the innermost section holding it; "" for the page itself (JSON null)
	State   State  `json:"state"`
	Source  Source `json:"source"`
	Text    string `json:"text"` // plain text of the item's own content, markup removed, emoji kept
	Date    string `json:"date"` // done date: ✅ <date> or [completion:: …], else the first ISO date in a done item's own text; or ""

	// Attrs are the item's attributes (package attr), taken out of Text;
	// nil when it has none, as most items do. A build holds every item
	// of the site, so the rare attributes are not carried by them all.
	// Attributes reads either.
	Attrs *ItemAttrs `json:"-"`
}

// ItemAttrs are an item's attributes; "" or zero when not given. Dates
// are YYYY-MM-DD.
type ItemAttrs struct {
	Due, Start, Scheduled, Created, Cancelled string
	Owner                                     string        // handle without "@", or a name as written
	Priority                                  attr.Priority // NoPriority when none
	EstimateHours                             float64       // 1d = 8h, 1w = 40h, a range at its upper bound
	ID                                        string
	Depends                                   []string // ids it waits for
	// Fields are the item's other fields as written: a key/value record's
	// other rows (stage, links), inline fields milepost does not know
	// ([stage:: beta]), and known ones whose value did not read.
	Fields []Field
}

// Attributes are the item's attributes, zero when it has none.
func (it *Item) Attributes() ItemAttrs {
	if it.Attrs == nil {
		return ItemAttrs{}
	}
	return *it.Attrs
}

// isZero reports whether a holds no attribute. It names every field:
// TestItemAttrsIsZeroCoversEveryField fails when one is added without it.
func (a *ItemAttrs) isZero() bool {
	return a.Due == "" && a.Start == "" && a.Scheduled == "" && a.Created == "" && a.Cancelled == "" && a.Owner == "" &&
		a.Priority == attr.NoPriority && a.EstimateHours == 0 && a.ID == "" && len(a.Depends) == 0 && len(a.Fields) == 0
}

// setAttrs returns the item's attributes to set, made when it has none.
func (it *Item) setAttrs() *ItemAttrs {
	if it.Attrs == nil {
		it.Attrs = &ItemAttrs{}
	}
	return it.Attrs
}

// keepAttrs makes a the item's attributes: none when a is zero, so that
// an item that has none carries none.
func (it *Item) keepAttrs(a ItemAttrs) {
	switch {
	case a.isZero():
		it.Attrs = nil
	case it.Attrs == nil:
		it.Attrs = new(ItemAttrs)
		*it.Attrs = a
	default:
		*it.Attrs = a
	}
}

// Field is one key and value as written.
type Field struct {
	Key, Value string
}

// Section is one heading of a page and what lies under it, down to the next
// heading of the same or a higher level.
type Section struct {
	ID       string     `json:"id"`    // stable id: slug of the heading text without markers
	Title    string     `json:"title"` // plain text of the heading, markup removed, emoji kept
	Level    int        `json:"level"`
	Line     int        `json:"line"`
	Counts   Counts     `json:"counts"` // own items plus all sub-sections'
	Sections []*Section `json:"sections"`

	// TaskID is the id the heading begins with ("P4-1: Git Smart HTTP"),
	// "" when none: a section with one is a task (package plan).
	TaskID string `json:"-"`
	// Declared is the state the heading's own marker declares, "" when it
	// carries none.
	Declared string `json:"-"`
	// Attrs are what the section's "**Field:** value" lines say; nil
	// when it has none, as most sections do (Attributes reads either).
	Attrs *attr.Section `json:"-"`
}

// Attributes are what the section's field lines say, zero when none.
func (s *Section) Attributes() attr.Section {
	if s.Attrs == nil {
		return attr.Section{}
	}
	return *s.Attrs
}

// Warning is a problem the status model found in a page: drift (declared
// done, still open) or staleness. Kind is one of the diag.Kind* names.
type Warning struct {
	Kind    string `json:"kind"`
	Line    int    `json:"line"`
	Section string `json:"section,omitempty"`
	Message string `json:"message"`
}

// Page is the status of one page.
type Page struct {
	Counts   Counts     `json:"counts"`
	Sections []*Section `json:"sections"`
	Items    []Item     `json:"items"`
	Warnings []Warning  `json:"warnings"`
	// Legend is what the page's legends define, in document order: the
	// markers "How this is counted" shows.
	Legend []LegendEntry `json:"legend,omitempty"`
}

// MarshalJSON writes the item as status.json shows it: "section" is null
// for items of the page itself, "date" null when undated.
func (it Item) MarshalJSON() ([]byte, error) {
	var section, date *string
	if it.Section != "" {
		section = &it.Section
	}
	if it.Date != "" {
		date = &it.Date
	}
	return json.Marshal(struct {
		Line    int     `json:"line"`
		Section *string `json:"section"`
		State   State   `json:"state"`
		Source  Source  `json:"source"`
		Text    string  `json:"text"`
		Date    *string `json:"date"`
	}{it.Line, section, it.State, it.Source, it.Text, date})
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (it *Item) UnmarshalJSON(b []byte) error {
	var v struct {
		Line    int     `json:"line"`
		Section *string `json:"section"`
		State   State   `json:"state"`
		Source  Source  `json:"source"`
		Text    string  `json:"text"`
		Date    *string `json:"date"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*it = Item{Line: v.Line, State: v.State, Source: v.Source, Text: v.Text}
	if v.Section != nil {
		it.Section = *v.Section
	}
	if v.Date != nil {
		it.Date = *v.Date
	}
	return nil
}
