package view

import (
	"sort"
	"strings"
	"sync"

	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/plan"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/slug"
	"github.com/milepost/milepost/internal/status"
)

// People: a page per owner (people/<handle>/) listing their work across
// the site, next first, and an index of them. An owner is whoever an
// item (@handle, [owner:: …], a record's Owner row), a section (its
// **Owner:**, **Assignee:** or **Lead:** line) or a page (front matter
// owner) names. A task section with an owner is one entry of its owner's
// list (it stands for its checklist, as in Up next); another section's
// owner owns the items under it that name no owner of their own; a page's
// owner owns the page, listed as a row, not each of its items.

// PeopleURL is the URL of the index of people.
const PeopleURL = "people/"

// PersonURL is the URL of owner's page: names that differ only in case,
// spacing or punctuation ("Dana", "dana", "Eddie / Infra", "eddie infra")
// share one.
func PersonURL(owner string) string {
	owner = strings.TrimPrefix(owner, "@")
	s := slug.Make(owner)
	if s == "" { // no letter or digit to name it by
		s = slug.Key(owner)
	}
	return PeopleURL + s + "/"
}

// PersonPage is one owner and their work.
type PersonPage struct {
	Name, URL string
	Pages     []*Page      // pages they own, in path order
	Work      []personWork // their items and tasks, in path and document order
}

// personWork is one node of the site's plan an owner owns.
type personWork struct {
	page *Page
	node int
}

// sources are the pages a person's page shows something of, in path order.
func (pp *PersonPage) sources() []*Page {
	var out []*Page
	seen := map[*Page]bool{}
	add := func(p *Page) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range pp.Pages {
		add(p)
	}
	for _, w := range pp.Work {
		add(w.page)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content.Path < out[j].Content.Path })
	return out
}

// peopleState is computed once per build.
type peopleState struct {
	once   sync.Once
	people []*PersonPage
}

// People lists every owner of the site, by name.
func (m *Maker) People() []*PersonPage {
	m.peopleOnce.once.Do(func() { m.peopleOnce.people = m.makePeople() })
	return m.peopleOnce.people
}

func (m *Maker) makePeople() []*PersonPage {
	byURL := map[string]*PersonPage{}
	byOwner := map[string]*PersonPage{} // owners as written, so each is made a URL once
	var out []*PersonPage
	person := func(written string) *PersonPage {
		if pp, ok := byOwner[written]; ok {
			return pp
		}
		var pp *PersonPage
		if owner := strings.TrimSpace(strings.TrimPrefix(written, "@")); owner != "" {
			u := PersonURL(owner)
			if pp = byURL[u]; pp == nil {
				pp = &PersonPage{Name: owner, URL: u}
				byURL[u] = pp
				out = append(out, pp)
			}
		}
		byOwner[written] = pp
		return pp
	}
	for _, p := range m.in.Pages {
		if !p.Tracked {
			continue
		}
		if pp := person(p.Content.Owner); pp != nil {
			pp.Pages = append(pp.Pages, p)
		}
		sp := m.plan.pages[p.Content.Path]
		// A task with an owner, its own or inherited, is one entry of
		// its owner's list, for the checklist it holds.
		held := m.owners(p)
		var tasks func(ss []*status.Section)
		tasks = func(ss []*status.Section) {
			for _, s := range ss {
				if s.TaskID != "" {
					if pp := person(held[s.ID].owner); pp != nil {
						pp.Work = append(pp.Work, personWork{p, sp.sections[s.ID]})
					}
				}
				tasks(s.Sections)
			}
		}
		tasks(p.Status.Sections)
		for k := range p.Status.Items {
			it := &p.Status.Items[k]
			owner := it.Attributes().Owner
			if owner == "" && !held[it.Section].task {
				owner = held[it.Section].owner
			}
			if pp := person(owner); pp != nil {
				pp.Work = append(pp.Work, personWork{p, sp.items[k]})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// PersonKey hashes what pp's page shows: its name and URL, which pages
// and work are theirs (owners are not in a page's summary signature), and
// the summary, plan and URL of every page it shows something of.
func (m *Maker) PersonKey(pp *PersonPage) [32]byte {
	var k keyhash.Buf
	k.Str("person.html", pp.Name, pp.URL)
	k.Num(len(pp.Pages))
	for _, p := range pp.Pages {
		k.Str(p.Content.Path)
	}
	k.Num(len(pp.Work))
	for _, w := range pp.Work {
		n := m.plan.plan.Nodes[w.node]
		k.Str(w.page.Content.Path, n.Text, n.ID)
		k.Num(int(n.Line))
	}
	src := pp.sources()
	k.Num(len(src))
	for _, p := range src {
		pageRef(&k, p)
		sig := m.PlanSig(p.Content.Path)
		k.Raw(sig[:])
	}
	return k.Sum()
}

// PeopleKey hashes what the index of people shows: every person's name,
// URL and counts.
func (m *Maker) PeopleKey(people []*PersonPage) [32]byte {
	var k keyhash.Buf
	k.Str("people.html")
	k.Num(len(people))
	for _, pp := range people {
		c := m.personCounts(pp)
		k.Str(pp.Name, pp.URL)
		k.Num(len(pp.Pages))
		k.Num(c.Done)
		k.Num(c.Active)
		k.Num(c.Blocked)
		k.Num(c.Open)
	}
	return k.Sum()
}

// personCounts tallies pp's entries by state.
func (m *Maker) personCounts(pp *PersonPage) status.Counts {
	var c status.Counts
	for _, e := range m.plan.plan.Ranked(pp.nodes()) {
		c.Inc(m.plan.plan.Status[e.Node].State)
	}
	return c
}

func (pp *PersonPage) nodes() []int {
	out := make([]int, len(pp.Work))
	for i, w := range pp.Work {
		out[i] = w.node
	}
	return out
}

// PersonView is person.html's view of pp.
func (m *Maker) PersonView(pp *PersonPage) *render.View {
	v := m.view(pp.URL, pp.Name)
	v.Crumbs = []render.Link{{Title: "Home", URL: ""}, {Title: "People", URL: PeopleURL}}
	pv := &render.Person{Name: pp.Name, URL: pp.URL, Pages: m.cards(pp.Pages, v), Owned: len(pp.Pages)}
	pageOf := map[int]*Page{}
	for _, w := range pp.Work {
		pageOf[w.node] = w.page
	}
	pl := m.plan.plan
	for _, e := range pl.Ranked(pp.nodes()) {
		p := pageOf[e.Node]
		n, st := pl.Nodes[e.Node], pl.Status[e.Node]
		pv.Counts.Inc(st.State)
		if e.Reason == plan.ReasonDone {
			d := render.Done{Text: n.Text, PageTitle: p.Title, URL: v.Rel(p.Content.URL)}
			if n.Kind == plan.Item {
				d.Date = m.itemAt(p, e.Node).Date
			}
			if n.Parent >= 0 {
				d.URL = v.Rel(p.Content.URL + "#" + m.sectionAt(p, int(n.Parent)).ID)
			}
			if n.Kind == plan.Section {
				s := m.sectionAt(p, e.Node)
				d.Text, d.URL = s.TaskID+" "+taskTitle(s.Title, s.TaskID), v.Rel(p.Content.URL+"#"+s.ID)
			}
			pv.Done = append(pv.Done, d)
			continue
		}
		it := m.nextItem(p, plan.Entry{Node: e.Node, Reason: e.Reason})
		it.Owner, it.PageTitle = "", p.Title
		it.URL = v.Rel(p.Content.URL + it.URL)
		pv.Open = append(pv.Open, it)
	}
	// Done work newest first; undated after dated, in page order.
	sort.SliceStable(pv.Done, func(i, j int) bool { return pv.Done[i].Date > pv.Done[j].Date })
	pv.Progress = m.progress(pv.Counts)
	v.Person = pv
	return v
}

// PeopleView is people.html's view of the site's owners.
func (m *Maker) PeopleView(people []*PersonPage) *render.View {
	v := m.view(PeopleURL, "People")
	v.Crumbs = []render.Link{{Title: "Home", URL: ""}}
	v.People = m.peopleLines(v, people)
	return v
}

// peopleLines are people as lines of a list in view v: name, link,
// counts.
func (m *Maker) peopleLines(v *render.View, people []*PersonPage) []*render.Person {
	out := make([]*render.Person, len(people))
	for i, pp := range people {
		c := m.personCounts(pp)
		out[i] = &render.Person{Name: pp.Name, URL: v.Rel(pp.URL), Counts: c, Progress: m.progress(c), Owned: len(pp.Pages)}
	}
	return out
}

// ownerURL is the link to owner's page from view v, "" for no owner.
func ownerURL(v *render.View, owner string) string {
	if strings.TrimSpace(strings.TrimPrefix(owner, "@")) == "" {
		return ""
	}
	return v.Rel(PersonURL(owner))
}

// linkOwners links the owners of items to their pages, from view v.
func linkOwners(v *render.View, items []render.NextItem) {
	for i := range items {
		items[i].OwnerURL = ownerURL(v, items[i].Owner)
	}
}
