package content

import (
	"reflect"
	"time"
)

// SameReading reports whether LOAD read the same of a and b but for their
// bodies and hashes: the same front matter, title, dates, URL and
// warnings. Empty and missing lists are the same.
func SameReading(a, b *Page) bool {
	if !a.Updated.Equal(b.Updated) {
		return false
	}
	x, y := *a, *b
	for _, p := range []*Page{&x, &y} {
		p.Body, p.Hash, p.Unread, p.Updated = nil, [32]byte{}, false, time.Time{}
		if len(p.Tags) == 0 {
			p.Tags = nil
		}
		if len(p.Aliases) == 0 {
			p.Aliases = nil
		}
		if len(p.Diags) == 0 {
			p.Diags = nil
		}
	}
	return reflect.DeepEqual(x, y)
}
