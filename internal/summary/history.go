package summary

import (
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/history"
	"github.com/milepost/milepost/internal/markdown"
	"github.com/milepost/milepost/internal/status"
)

// HistoryItems reads the items of an old version of a page, as PARSE reads
// the page now (front matter, the page's status options, the status
// model), for package history: items(path) reads the versions of the page
// at path. Safe for concurrent use when parser is.
func HistoryItems(parser *markdown.Parser, opts status.Options) func(path string) history.ItemsFunc {
	return func(path string) history.ItemsFunc {
		return func(data []byte) []history.Item {
			p, _ := content.ReadPage(path, data, "")
			if p == nil {
				return nil // not text: a version with no items
			}
			doc, src, _ := parser.ParseChecked(p.Body)
			o := StatusOptions(p, opts)
			o.Lines = markdown.NewLineIndex(src, p.BodyLine)
			st := status.Compute(doc, src, o)
			out := make([]history.Item, len(st.Items))
			for i, it := range st.Items {
				out[i] = history.Item{Text: it.Text, State: it.State, Date: it.Date}
			}
			return out
		}
	}
}

// HistoryPathKey names what of a page's path the items HistoryItems reads
// from its bytes depend on: the kind the path declares (a runbook's
// headings are not items unless its front matter says so) and the date it
// names (status.PathDate), a day's apart from a week's or a month's end. Two versions with the same bytes and key have
// the same items, with the same settings.
func HistoryPathKey(path string) string {
	date, day := status.PathDate(path)
	if day {
		date += "/day" // a day is no week's or month's end: a gantt chart reads apart
	}
	return status.DeclaredKind("", path) + " " + date
}
