package view

import (
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/marker"
	"github.com/milepost/milepost/internal/plan"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/search"
	"github.com/milepost/milepost/internal/status"
	"math"
)

// PageJSON is a page as status.json describes it; withItems adds every
// item.
func (m *Maker) PageJSON(in *PageIn, withItems bool) *machine.PageJSON {
	p := in.Page
	j := &machine.PageJSON{
		Path: p.Content.Path, URL: p.Content.URL, Title: p.Title, Kind: p.Kind,
		Tags: machine.NonNil(p.Content.Tags), Tracked: p.Tracked, Counts: p.Status.Counts,
		Sections: machine.NonNilSections(p.Status.Sections), Warnings: machine.NonNilWarnings(in.Warnings),
		Links: []machine.LinkJSON{}, Backlinks: []string{},
	}
	if d := Date(m.updated(p)); d != "" {
		j.Updated = &d
	}
	for i, rs := range in.Links {
		l := machine.LinkJSON{Target: p.Links[i].Written(), Line: p.Links[i].Line, Broken: rs.Broken}
		if !rs.Broken {
			u := rs.URL
			if rs.Anchor != "" {
				u += "#" + rs.Anchor
			}
			l.URL = &u
		}
		j.Links = append(j.Links, l)
	}
	seen := map[string]bool{}
	for _, bl := range in.Backlinks {
		if from := bl.From.Content.Path; !seen[from] {
			seen[from] = true
			j.Backlinks = append(j.Backlinks, from)
		}
	}
	if h, ok := m.Health(p); ok {
		j.Health = &h
	}
	j.Target, j.Owner = p.Content.Target, p.Content.Owner
	if withItems {
		j.Items = make([]machine.ItemJSON, len(p.Status.Items))
		for k, it := range p.Status.Items {
			j.Items[k] = machine.ItemJSON{Item: it, Plan: planJSON(m.ItemPlan(p, k)), FirstSeen: m.FirstSeen(p, k)}
			if date, source, commit := m.DoneDate(p, k); date != "" {
				j.Items[k].Date, j.Items[k].DateSource, j.Items[k].DateCommit = date, string(source), commit
			}
		}
		if ph := m.historyOf(p); ph != nil {
			v := math.Round(ph.outlook.Velocity*100) / 100
			j.Series, j.Velocity = ph.file.Series, &v
			j.Forecast = &machine.ForecastJSON{Forecast: ph.outlook.Forecast}
			if ph.outlook.Forecast == nil {
				j.ForecastNote = ph.outlook.Reason
			}
		}
		j.Next = m.nextJSON(p)
		j.Tasks = m.tasksJSON(p)
	}
	return j
}

func planJSON(st plan.Status) machine.PlanJSON {
	return machine.PlanJSON{WaitingOn: st.WaitingOn(), External: st.External(), Overdue: st.Overdue, Ready: st.Ready, ReadyToStart: st.ReadyToStart}
}

// nextJSON is page p's Up next list.
func (m *Maker) nextJSON(p *Page) []machine.NextJSON {
	var out []machine.NextJSON
	for _, e := range m.UpNext(p) {
		out = append(out, machine.NextJSON{Line: e.Line, Text: e.Text, State: e.State, Reason: e.Reason, Section: e.SectionID,
			Owner: e.Owner, Due: e.Due, WaitingOn: e.WaitingOn})
	}
	return out
}

// tasksJSON lists page p's sections with an id, in document order.
func (m *Maker) tasksJSON(p *Page) []machine.TaskJSON {
	var out []machine.TaskJSON
	pp := m.plan.pages[p.Content.Path]
	var walk func([]*status.Section)
	walk = func(ss []*status.Section) {
		for _, s := range ss {
			if s.TaskID != "" {
				st := m.plan.plan.Status[pp.sections[s.ID]]
				a := s.Attributes()
				t := machine.TaskJSON{ID: s.TaskID, Section: s.ID, Title: s.Title, Line: s.Line, State: st.State.String(),
					Status: a.Status, Owner: m.sectionOwner(p, s), Start: a.Start, Due: a.Due, Priority: a.Priority.String(), EstimateHours: a.EstimateHours,
					Depends: a.Depends, WaitingOn: st.WaitingOn(), External: st.External(), Overdue: st.Overdue, Ready: st.Ready, ReadyToStart: st.ReadyToStart}
				if st.State == marker.Done {
					t.Date = m.newestDate(p, s.ID)
				}
				for _, f := range a.Fields {
					t.Fields = append(t.Fields, machine.FieldJSON{Key: f.Key, Value: f.Value})
				}
				out = append(out, t)
			}
			walk(s.Sections)
		}
	}
	walk(p.Status.Sections)
	return out
}

// newestDate is the newest done date of the items in section id and its
// sub-sections: a task's done date.
func (m *Maker) newestDate(p *Page, id string) string {
	within := map[string]bool{}
	var mark func([]*status.Section, bool)
	mark = func(ss []*status.Section, in bool) {
		for _, s := range ss {
			in := in || s.ID == id
			if in {
				within[s.ID] = true
			}
			mark(s.Sections, in)
		}
	}
	mark(p.Status.Sections, false)
	newest := ""
	for k, it := range p.Status.Items {
		if date, _, _ := m.DoneDate(p, k); within[it.Section] && date > newest {
			newest = date
		}
	}
	return newest
}

// Status is the site-wide part of status.json: title, date, counts and
// folders (the pages' entries are PageJSON's).
func (m *Maker) Status() machine.Status {
	folders := make([]machine.FolderJSON, 0, len(m.in.Folders))
	for _, d := range m.in.Folders {
		f := machine.FolderJSON{Path: d, URL: content.FolderURL(d), Title: m.FolderTitle(d), Counts: m.rollup.Tree(d)}
		if h, ok := m.FolderHealth(d); ok {
			f.Health = &h
		}
		folders = append(folders, f)
	}
	st := machine.Status{Title: m.cfg.Title, Generated: m.site.GeneratedISO, Counts: m.total, Folders: folders}
	if h, ok := m.FolderHealth(""); ok {
		st.Health = &h
	}
	return st
}

// Sitemap lists every page and folder with the site's base URL.
func (m *Maker) Sitemap() []byte {
	urls := []string{""}
	for _, p := range m.in.Pages {
		if p.Content.URL != "" {
			urls = append(urls, p.Content.URL)
		}
	}
	for _, d := range m.in.Folders {
		if _, ok := m.byURL[content.FolderURL(d)]; !ok {
			urls = append(urls, content.FolderURL(d))
		}
	}
	return machine.Sitemap(m.cfg.BaseURL, urls)
}

// Feed is the site's Atom feed of completed, dated items, newest first.
func (m *Maker) Feed() []byte {
	return m.atom(m.cfg.Title, m.cfg.Title, "feed.xml", m.recentIn(""))
}

// FolderFeed is one feed a build writes for a folder: its file, the key
// of what it shows (the site-wide inputs aside: the feed's title and
// base URL are settings) and its bytes, made only when they must be.
type FolderFeed struct {
	Name string
	Key  [32]byte
	Make func() []byte
}

// FolderFeeds are every folder's feed (config feeds.folders): the site
// feed's entries for the tracked pages in the folder and its sub-folders
// (and its own page, wherever it lies), as <folder>/feed.xml. Each is
// keyed on the folder's signature, which covers every page below it.
func (m *Maker) FolderFeeds() []FolderFeed {
	if !m.cfg.Feeds.Folders {
		return nil
	}
	out := make([]FolderFeed, len(m.in.Folders))
	for i, d := range m.in.Folders {
		u := content.FolderURL(d)
		var k keyhash.Buf
		k.Str("feed.xml", u)
		sig := m.FolderSig(d) // its title, and its pages' titles, URLs, items and history
		k.Raw(sig[:])
		if p, ok := m.byURL[u]; ok && isBeside(p) { // its own page, beside it
			pageRef(&k, p)
			plan := m.PlanSig(p.Content.Path) // history's done dates
			k.Raw(plan[:])
		}
		out[i] = FolderFeed{u + "feed.xml", k.Sum(), func() []byte { return m.atom(m.FolderTitle(d), u, u+"feed.xml", m.recentIn(d)) }}
	}
	return out
}

// folderFeedURL is the URL of folder d's feed, "" when folder feeds are
// off.
func (m *Maker) folderFeedURL(d string) string {
	if !m.cfg.Feeds.Folders {
		return ""
	}
	return content.FolderURL(d) + "feed.xml"
}

// PageFeed is one page's feed of its completed, dated items; nil when it
// has none or per-page feeds are off (config feeds.pages), and for a
// folder's own page while folder feeds are on: the folder's feed, at the
// same URL, holds its items.
func (m *Maker) PageFeed(p *Page) []byte {
	if !m.cfg.Feeds.Pages || (p.Content.IsIndex && m.cfg.Feeds.Folders) {
		return nil
	}
	done := newestFirst(m.DoneItems(p), MaxRecent)
	if len(done) == 0 || !p.Tracked {
		return nil
	}
	return m.atom(p.Title, p.Content.URL, p.Content.URL+"feed.xml", done)
}

// atom is the Atom feed of done items titled for what they are the
// completed items of, with an id made from key (the site's title, or a
// folder's or page's URL), served at at.
func (m *Maker) atom(title, key, at string, done []render.Done) []byte {
	return machine.Atom(title+": completed", "tag:milepost,2000:"+key, m.cfg.BaseURL, at, m.site.Generated, done)
}

// SearchIndex is the contents of search-index.js, the index the theme's
// script loads on the first search.
func (m *Maker) SearchIndex() []byte {
	docs := make([]search.Doc, 0, len(m.in.Pages))
	for _, p := range m.in.Pages {
		d := search.Doc{Title: p.Title, URL: p.Content.URL, Kind: p.Kind}
		if len(p.Headings) > 0 {
			d.Headings = make([]search.Heading, 0, len(p.Headings))
		}
		if len(p.Status.Items) > 0 {
			d.Items = make([]search.Item, 0, len(p.Status.Items))
		}
		for _, h := range p.Headings {
			d.Headings = append(d.Headings, search.Heading{ID: h.ID, Text: h.Text})
		}
		for _, it := range p.Status.Items {
			d.Items = append(d.Items, search.Item{Text: it.Text, Section: it.Section, State: it.State.String()})
		}
		docs = append(docs, d)
	}
	return search.Script(docs)
}
