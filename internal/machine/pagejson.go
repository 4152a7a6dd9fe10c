package machine

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/bufpool"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/status"
)

// A page's entry in status.json and its own status.json are written here
// by hand, byte for byte what encoding/json gives for PageJSON (the golden
// files pin it): reflection over every section, item and count was most of
// the cost of status.json, which at 10k pages is 30 MB made on every build.

// EncodePage is j as encoding/json would marshal it, in a slice of
// its exact size: built in a pooled buffer, so the build does not leave
// behind every size the slice grew through (a tenth of a build's
// allocations were such buffers).
func EncodePage(j *PageJSON) []byte {
	out, release := EncodePageShared(j)
	defer release()
	return bytes.Clone(out)
}

// EncodePageShared is EncodePage into a pooled buffer (package bufpool),
// which goes back to the pool when the caller calls release: out must not
// be used after.
func EncodePageShared(j *PageJSON) (out []byte, release func()) {
	buf := bufpool.Get()
	// appended in the buffer's free space; Write copies it in place, or
	// keeps what a page grown past that space was appended into
	buf.Write(appendPageJSON(buf.AvailableBuffer(), j))
	return buf.Bytes(), func() { bufpool.Put(buf) }
}

// appendPageJSON appends j as encoding/json would marshal it.
func appendPageJSON(b []byte, j *PageJSON) []byte {
	b = append(b, `{"path":`...)
	b = appendJSONString(b, j.Path)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, j.URL)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, j.Title)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, j.Kind)
	b = append(b, `,"updated":`...)
	b = appendJSONStringPtr(b, j.Updated)
	b = append(b, `,"tags":`...)
	b = appendJSONStrings(b, j.Tags)
	b = append(b, `,"tracked":`...)
	b = strconv.AppendBool(b, j.Tracked)
	b = append(b, `,"counts":`...)
	b = j.Counts.AppendJSON(b)
	b = append(b, `,"sections":`...)
	b = appendSections(b, j.Sections)
	b = append(b, `,"warnings":`...)
	b = appendList(b, j.Warnings, func(b []byte, w status.Warning) []byte {
		b = append(b, `{"kind":`...)
		b = appendJSONString(b, w.Kind)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(w.Line), 10)
		if w.Section != "" {
			b = append(b, `,"section":`...)
			b = appendJSONString(b, w.Section)
		}
		b = append(b, `,"message":`...)
		b = appendJSONString(b, w.Message)
		return append(b, '}')
	})
	b = append(b, `,"links":`...)
	b = appendList(b, j.Links, func(b []byte, l LinkJSON) []byte {
		b = append(b, `{"target":`...)
		b = appendJSONString(b, l.Target)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(l.Line), 10)
		b = append(b, `,"url":`...)
		b = appendJSONStringPtr(b, l.URL)
		b = append(b, `,"broken":`...)
		b = strconv.AppendBool(b, l.Broken)
		return append(b, '}')
	})
	b = append(b, `,"backlinks":`...)
	b = appendJSONStrings(b, j.Backlinks)
	if len(j.Items) > 0 {
		b = append(b, `,"items":`...)
		b = appendList(b, j.Items, appendItem)
	}
	if j.Health != nil {
		b = append(b, `,"health":{"state":`...)
		b = appendJSONString(b, string(j.Health.State))
		b = append(b, `,"reasons":`...)
		b = appendJSONStrings(b, j.Health.Reasons)
		b = append(b, '}')
	}
	b = appendOptString(b, "target", j.Target)
	b = appendOptString(b, "owner", j.Owner)
	if len(j.Next) > 0 {
		b = append(b, `,"next":`...)
		b = appendList(b, j.Next, appendNext)
	}
	if len(j.Tasks) > 0 {
		b = append(b, `,"tasks":`...)
		b = appendList(b, j.Tasks, appendTask)
	}
	if len(j.Series) > 0 {
		b = append(b, `,"series":`...)
		b = appendList(b, j.Series, func(b []byte, p history.Point) []byte {
			b = append(b, `{"date":`...)
			b = appendJSONString(b, p.Date)
			b = append(b, `,"done":`...)
			b = strconv.AppendInt(b, int64(p.Done), 10)
			b = append(b, `,"total":`...)
			b = strconv.AppendInt(b, int64(p.Total), 10)
			return append(b, '}')
		})
	}
	if j.Velocity != nil {
		b = append(b, `,"velocity":`...)
		js, _ := json.Marshal(*j.Velocity)
		b = append(b, js...)
	}
	if j.Forecast != nil {
		b = append(b, `,"forecast":`...)
		if f := j.Forecast.Forecast; f == nil {
			b = append(b, `null`...)
		} else {
			b = append(b, `{"date":`...)
			b = appendJSONString(b, f.Date)
			b = append(b, `,"earliest":`...)
			b = appendJSONString(b, f.Earliest)
			b = append(b, `,"latest":`...)
			b = appendJSONString(b, f.Latest)
			b = append(b, '}')
		}
	}
	b = appendOptString(b, "forecast_note", j.ForecastNote)
	return append(b, '}')
}

func appendNext(b []byte, n NextJSON) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(n.Line), 10)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, n.Text)
	b = append(b, `,"state":`...)
	b = appendJSONString(b, n.State)
	b = append(b, `,"reason":`...)
	b = appendJSONString(b, n.Reason)
	b = appendOptString(b, "section", n.Section)
	b = appendOptString(b, "owner", n.Owner)
	b = appendOptString(b, "due", n.Due)
	b = appendOptStrings(b, "waiting_on", n.WaitingOn)
	return append(b, '}')
}

func appendTask(b []byte, t TaskJSON) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, t.ID)
	b = append(b, `,"section":`...)
	b = appendJSONString(b, t.Section)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, t.Title)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(t.Line), 10)
	b = append(b, `,"state":`...)
	b = appendJSONString(b, t.State)
	b = appendOptString(b, "status", t.Status)
	b = appendOptString(b, "owner", t.Owner)
	b = appendOptString(b, "start", t.Start)
	b = appendOptString(b, "due", t.Due)
	b = appendOptString(b, "date", t.Date)
	b = appendOptString(b, "priority", t.Priority)
	b = appendOptFloat(b, "estimate_hours", t.EstimateHours)
	b = appendOptStrings(b, "depends", t.Depends)
	b = appendOptStrings(b, "waiting_on", t.WaitingOn)
	b = appendOptStrings(b, "external", t.External)
	b = appendOptBool(b, "overdue", t.Overdue)
	b = appendOptBool(b, "ready", t.Ready)
	b = appendOptBool(b, "ready_to_start", t.ReadyToStart)
	b = appendFields(b, t.Fields)
	return append(b, '}')
}

// appendOptString, appendOptStrings, appendOptFloat and appendOptBool
// write a member as encoding/json does with omitempty: not at all when
// empty.
func appendOptString(b []byte, name, v string) []byte {
	if v == "" {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return appendJSONString(b, v)
}

func appendOptStrings(b []byte, name string, v []string) []byte {
	if len(v) == 0 {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return appendJSONStrings(b, v)
}

func appendOptFloat(b []byte, name string, v float64) []byte {
	if v == 0 {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	js, _ := json.Marshal(v) // rare: only estimates
	return append(b, js...)
}

func appendOptBool(b []byte, name string, v bool) []byte {
	if !v {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, name...)
	return append(b, `":true`...)
}

func appendFields(b []byte, fs []FieldJSON) []byte {
	if len(fs) == 0 {
		return b
	}
	b = append(b, `,"fields":`...)
	return appendList(b, fs, func(b []byte, f FieldJSON) []byte {
		b = append(b, `{"key":`...)
		b = appendJSONString(b, f.Key)
		b = append(b, `,"value":`...)
		b = appendJSONString(b, f.Value)
		return append(b, '}')
	})
}

func appendItem(b []byte, j ItemJSON) []byte {
	it := j.Item
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(it.Line), 10)
	b = append(b, `,"section":`...)
	b = appendJSONStringOrNull(b, it.Section)
	b = append(b, `,"state":`...)
	b = appendJSONString(b, it.State.String())
	b = append(b, `,"source":`...)
	b = appendJSONString(b, string(it.Source))
	b = append(b, `,"text":`...)
	b = appendJSONString(b, it.Text)
	b = append(b, `,"date":`...)
	b = appendJSONStringOrNull(b, it.Date)
	b = appendOptString(b, "date_source", j.DateSource)
	b = appendOptString(b, "date_commit", j.DateCommit)
	b = appendOptString(b, "first_seen", j.FirstSeen)
	a := it.Attributes()
	b = appendOptString(b, "due", a.Due)
	b = appendOptString(b, "start", a.Start)
	b = appendOptString(b, "scheduled", a.Scheduled)
	b = appendOptString(b, "created", a.Created)
	b = appendOptString(b, "cancelled", a.Cancelled)
	b = appendOptString(b, "owner", a.Owner)
	b = appendOptString(b, "priority", a.Priority.String())
	b = appendOptFloat(b, "estimate_hours", a.EstimateHours)
	b = appendOptString(b, "id", a.ID)
	b = appendOptStrings(b, "depends", a.Depends)
	b = appendOptStrings(b, "waiting_on", j.Plan.WaitingOn)
	b = appendOptStrings(b, "external", j.Plan.External)
	b = appendOptBool(b, "overdue", j.Plan.Overdue)
	b = appendOptBool(b, "ready", j.Plan.Ready)
	b = appendOptBool(b, "ready_to_start", j.Plan.ReadyToStart)
	if len(a.Fields) > 0 {
		b = append(b, `,"fields":`...)
		b = appendList(b, a.Fields, func(b []byte, f status.Field) []byte {
			b = append(b, `{"key":`...)
			b = appendJSONString(b, f.Key)
			b = append(b, `,"value":`...)
			b = appendJSONString(b, f.Value)
			return append(b, '}')
		})
	}
	return append(b, '}')
}

func appendSections(b []byte, ss []*status.Section) []byte {
	return appendList(b, ss, func(b []byte, s *status.Section) []byte {
		if s == nil {
			return append(b, "null"...)
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, s.ID)
		b = append(b, `,"title":`...)
		b = appendJSONString(b, s.Title)
		b = append(b, `,"level":`...)
		b = strconv.AppendInt(b, int64(s.Level), 10)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(s.Line), 10)
		b = append(b, `,"counts":`...)
		b = s.Counts.AppendJSON(b)
		b = append(b, `,"sections":`...)
		b = appendSections(b, s.Sections)
		return append(b, '}')
	})
}

// appendList appends a JSON array of s, null when s is nil.
func appendList[T any](b []byte, s []T, elem func([]byte, T) []byte) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, v)
	}
	return append(b, ']')
}

func appendJSONStrings(b []byte, s []string) []byte { return appendList(b, s, appendJSONString) }

func appendJSONStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

// appendJSONStringOrNull writes "" as null.
func appendJSONStringOrNull(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

// appendJSONString appends s as encoding/json writes a string (HTML
// characters escaped): most strings need no escaping and are copied; the
// others are left to encoding/json.
func appendJSONString(b []byte, s string) []byte {
	if !plainJSONString(s) {
		js, _ := json.Marshal(s)
		return append(b, js...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainJSONString reports whether encoding/json writes s between quotes
// as it is: valid UTF-8 with no control character, quote, backslash, HTML
// character (<, >, &), U+2028 or U+2029.
func plainJSONString(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return ascii || (utf8.ValidString(s) && !strings.ContainsAny(s, "\u2028\u2029"))
}
