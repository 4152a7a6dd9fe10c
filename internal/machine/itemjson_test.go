package machine

import "encoding/json"

// encoding/json is the reference the hand-written encoder is tested
// against (TestPageJSONMatchesEncodingJSON); the build never calls it.

// itemFlat is ItemJSON as encoding/json writes it, the reference the
// hand-written encoder is tested against: the attributes and the plan's
// values appear only when set.
type itemFlat struct {
	Line          int         `json:"line"`
	Section       *string     `json:"section"`
	State         string      `json:"state"`
	Source        string      `json:"source"`
	Text          string      `json:"text"`
	Date          *string     `json:"date"`
	DateSource    string      `json:"date_source,omitempty"`
	DateCommit    string      `json:"date_commit,omitempty"`
	FirstSeen     string      `json:"first_seen,omitempty"`
	Due           string      `json:"due,omitempty"`
	Start         string      `json:"start,omitempty"`
	Scheduled     string      `json:"scheduled,omitempty"`
	Created       string      `json:"created,omitempty"`
	Cancelled     string      `json:"cancelled,omitempty"`
	Owner         string      `json:"owner,omitempty"`
	Priority      string      `json:"priority,omitempty"`
	EstimateHours float64     `json:"estimate_hours,omitempty"`
	ID            string      `json:"id,omitempty"`
	Depends       []string    `json:"depends,omitempty"`
	WaitingOn     []string    `json:"waiting_on,omitempty"`
	External      []string    `json:"external,omitempty"`
	Overdue       bool        `json:"overdue,omitempty"`
	Ready         bool        `json:"ready,omitempty"`
	ReadyToStart  bool        `json:"ready_to_start,omitempty"`
	Fields        []FieldJSON `json:"fields,omitempty"`
}

// MarshalJSON writes it as itemFlat (through encoding/json).
func (it ItemJSON) MarshalJSON() ([]byte, error) {
	a := it.Attributes()
	f := itemFlat{Line: it.Line, State: it.State.String(), Source: string(it.Source), Text: it.Text,
		DateSource: it.DateSource, DateCommit: it.DateCommit, FirstSeen: it.FirstSeen,
		Due: a.Due, Start: a.Start, Scheduled: a.Scheduled, Created: a.Created, Cancelled: a.Cancelled,
		Owner: a.Owner, Priority: a.Priority.String(), EstimateHours: a.EstimateHours, ID: a.ID, Depends: a.Depends,
		WaitingOn: it.Plan.WaitingOn, External: it.Plan.External, Overdue: it.Plan.Overdue, Ready: it.Plan.Ready, ReadyToStart: it.Plan.ReadyToStart}
	if it.Section != "" {
		f.Section = &it.Section
	}
	if it.Date != "" {
		f.Date = &it.Date
	}
	for _, fl := range a.Fields {
		f.Fields = append(f.Fields, FieldJSON{fl.Key, fl.Value})
	}
	return json.Marshal(f)
}

// MarshalJSON writes the forecast, or null, as the hand-written encoder
// does (appendPageJSON).
func (f ForecastJSON) MarshalJSON() ([]byte, error) {
	if f.Forecast == nil {
		return []byte("null"), nil
	}
	return json.Marshal(f.Forecast)
}
