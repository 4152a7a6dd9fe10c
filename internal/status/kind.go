package status

import "strings"

// The page kinds.
const (
	KindMilestone = "milestone"
	KindRunbook   = "runbook"
	KindTracker   = "tracker"
	KindPage      = "page"
)

// Kind returns the page's kind: the front matter's kind (declared) when it
// names one; else "runbook" or "tracker" when a segment of path (relative,
// '/'-separated) contains that word; else "milestone" for a page with items
// and "page" for one without.
func (p *Page) Kind(declared, path string) string {
	switch declared {
	case KindMilestone, KindRunbook, KindTracker, KindPage:
		return declared
	}
	lower := strings.ToLower(path)
	switch {
	case strings.Contains(lower, "runbook"):
		return KindRunbook
	case strings.Contains(lower, "tracker"):
		return KindTracker
	case len(p.Items) > 0:
		return KindMilestone
	}
	return KindPage
}
