package status

import "testing"

// checkInvariants asserts what must hold for any page: counts in range,
// sections summing their own items and children, the page summing all
// items.
func checkInvariants(t testing.TB, p *Page) {
	t.Helper()
	var all Counts
	for _, it := range p.Items {
		all.Inc(it.State)
	}
	if all != p.Counts {
		t.Errorf("page counts %+v != sum of items %+v", p.Counts, all)
	}
	checkCountRange(t, "page", p.Counts)
	own := map[string]Counts{}
	for _, it := range p.Items {
		c := own[it.Section]
		c.Inc(it.State)
		own[it.Section] = c
	}
	var check func(s *Section) Counts
	check = func(s *Section) Counts {
		sum := own[s.ID]
		for _, ch := range s.Sections {
			sum = sum.Add(check(ch))
		}
		if sum != s.Counts {
			t.Errorf("section %q counts %+v != own items plus children %+v", s.ID, s.Counts, sum)
		}
		checkCountRange(t, s.ID, s.Counts)
		return sum
	}
	top := own[""]
	for _, s := range p.Sections {
		top = top.Add(check(s))
	}
	if top != p.Counts {
		t.Errorf("page counts %+v != page items plus sections %+v", p.Counts, top)
	}
}

func checkCountRange(t testing.TB, where string, c Counts) {
	t.Helper()
	if c.Done < 0 || c.Active < 0 || c.Blocked < 0 || c.Open < 0 || c.Dropped < 0 || c.Done > c.Total() {
		t.Errorf("%s: counts out of range: %+v", where, c)
	}
	if p, ok := c.Percent(); ok && (p < 0 || p > 100) {
		t.Errorf("%s: percent %d", where, p)
	}
}
