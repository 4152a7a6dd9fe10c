package view

import (
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/attr"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/status"
	"github.com/milepost/milepost/internal/summary"
)

// peoplePages: a page dana owns, with an item of lee's and a task
// section of kim's holding an item that names no one; a page where "Lee"
// (lee, in other letters) finished an item under a section lee leads.
func peoplePages(owner string) []*Page {
	a := &Page{Content: &content.Page{Path: "a.md", URL: "a/", Owner: "dana"}, Page: summary.Page{Title: "A", Tracked: true, Status: &status.Page{
		Counts:   status.Counts{Open: 2},
		Sections: []*status.Section{{ID: "p-1", Title: "P-1: Build", TaskID: "P-1", Attrs: &attr.Section{Owner: "kim"}, Counts: status.Counts{Open: 1}, Sections: []*status.Section{}}},
		Items: []status.Item{
			{Line: 3, Text: "Write docs", State: marker.Open, Attrs: &status.ItemAttrs{Owner: owner}},
			{Line: 6, Section: "p-1", Text: "Compile", State: marker.Open},
		},
	}}}
	b := &Page{Content: &content.Page{Path: "b.md", URL: "b/"}, Page: summary.Page{Title: "B", Tracked: true, Status: &status.Page{
		Counts:   status.Counts{Done: 1, Open: 1},
		Sections: []*status.Section{{ID: "s", Title: "Sync", Attrs: &attr.Section{Owner: "Lee"}, Counts: status.Counts{Done: 1}, Sections: []*status.Section{}}},
		Items: []status.Item{
			{Line: 2, Section: "s", Text: "Ship sync", State: marker.Done, Date: "2026-03-01"},
			{Line: 4, Text: "Loose end", State: marker.Open},
		},
	}}}
	return []*Page{a, b}
}

func TestPeople(t *testing.T) {
	m := New(In{Pages: peoplePages("@lee")})
	var got []string
	for _, pp := range m.People() {
		v := m.PersonView(pp).Person
		line := pp.Name + " " + pp.URL + ":"
		for _, c := range v.Pages {
			line += " page " + c.Title
		}
		for _, it := range v.Open {
			line += " " + it.Reason + " " + it.TaskID + it.Text + " (" + it.URL + ")"
		}
		for _, d := range v.Done {
			line += " done " + d.Text + " " + d.Date
		}
		got = append(got, line)
	}
	want := []string{
		"dana people/dana/: page A",
		"kim people/kim/: ready P-1Build (../../a/#p-1)",
		"lee people/lee/: ready Write docs (../../a/) done Ship sync 2026-03-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("people:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An item that changes hands changes both people's pages, the index and
// the home page, though no summary signature holds owners.
func TestPeopleKeysFollowOwners(t *testing.T) {
	keys := func(owner string) map[string][32]byte {
		m := New(In{Pages: peoplePages(owner)})
		out := map[string][32]byte{"people": m.PeopleKey(m.People()), "home": m.HomeKey()}
		for _, pp := range m.People() {
			out[pp.URL] = m.PersonKey(pp)
		}
		return out
	}
	before, after := keys("lee"), keys("kim")
	for _, name := range []string{"people", "home", "people/lee/", "people/kim/"} {
		if before[name] == after[name] {
			t.Errorf("%s: key unchanged when an item moved from lee to kim", name)
		}
	}
}
