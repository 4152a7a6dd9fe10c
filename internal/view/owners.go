package view

import "github.com/milepost/milepost/internal/status"

// heldBy is whom the work of a section answers to: the owner of the
// nearest section at or above it with an Owner line, and whether a task
// with an owner (its own or inherited) holds it: that owner has it as
// one entry, the task.
type heldBy struct {
	owner string
	task  bool
}

// sectionOwners maps the id of every section of p at or under a section
// with an owner to whom its work is held by; nil when no section of p
// has an owner, as on most pages.
func sectionOwners(p *Page) map[string]heldBy {
	var of map[string]heldBy
	var walk func(ss []*status.Section, in heldBy)
	walk = func(ss []*status.Section, in heldBy) {
		for _, s := range ss {
			here := in
			if o := s.Attributes().Owner; o != "" {
				here.owner = o
			}
			if s.TaskID != "" && here.owner != "" {
				here.task = true // a task of an owner's, its own or inherited
			}
			if here != (heldBy{}) {
				if of == nil {
					of = map[string]heldBy{}
				}
				of[s.ID] = here
			}
			walk(s.Sections, here)
		}
	}
	walk(p.Status.Sections, heldBy{})
	return of
}

// owners is sectionOwners of p, made once per build.
func (m *Maker) owners(p *Page) map[string]heldBy {
	pp := m.plan.pages[p.Content.Path]
	pp.ownersOnce.Do(func() { pp.owners = sectionOwners(p) })
	return pp.owners
}

// itemOwner is the owner of item it of page p: its own, else that of the
// nearest section above it with one.
func (m *Maker) itemOwner(p *Page, it *status.Item) string {
	if o := it.Attributes().Owner; o != "" {
		return o
	}
	return m.owners(p)[it.Section].owner
}

// sectionOwner is the owner of section s of page p: its own, else that
// of the nearest section above it with one.
func (m *Maker) sectionOwner(p *Page, s *status.Section) string {
	return m.owners(p)[s.ID].owner
}
