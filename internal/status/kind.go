package status

import "strings"

// The page kinds.
const (
	KindMilestone = "milestone"
	KindRunbook   = "runbook"
	KindTracker   = "tracker"
	KindPage      = "page"
)

// DeclaredKind is the kind a page has before its items are counted: the
// front matter's kind (declared) when it names one; else "runbook" when
// path (relative, '/'-separated) contains "runbook" or "playbook" or has
// the word sop or procedure, "tracker" when it contains that; else ""
// (Kind then decides by the items). The build needs it before Compute:
// runbooks count no heading items.
func DeclaredKind(declared, path string) string {
	switch declared {
	case KindMilestone, KindRunbook, KindTracker, KindPage:
		return declared
	}
	lower := strings.ToLower(path)
	switch {
	case strings.Contains(lower, "runbook"), strings.Contains(lower, "playbook"), procedureWord(lower):
		return KindRunbook
	case strings.Contains(lower, "tracker"):
		return KindTracker
	}
	return ""
}

// procedureWord reports whether a path names a procedure by a word of
// its own ("sop/restore.md", "db-failover-procedure.md", "procedures/"),
// not inside another word ("isopod").
func procedureWord(lower string) bool {
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) {
		switch w {
		case "sop", "sops", "procedure", "procedures":
			return true
		}
	}
	return false
}

// RecordPath reports whether a page's path (relative, '/'-separated)
// names a record of what shipped, not a plan: a changelog, release notes
// or a history (CHANGELOG.md, CHANGES.md, HISTORY.md, RELEASE-NOTES.md,
// or a file in a changelog/ or release-notes/ folder).
func RecordPath(path string) bool {
	parts := strings.Split(strings.ToLower(path), "/")
	for i, part := range parts {
		name := strings.TrimSuffix(strings.TrimSuffix(part, ".md"), ".markdown")
		switch strings.NewReplacer("_", "-", " ", "-").Replace(name) {
		case "changelog", "change-log", "release-notes", "releasenotes":
			return true
		case "changes", "history":
			if i == len(parts)-1 {
				return true // CHANGES.md, HISTORY.md; a history/ folder holds anything
			}
		}
	}
	return false
}

// Kind returns the page's kind: DeclaredKind when it gives one, else
// "milestone" for a page with items and "page" for one without.
func (p *Page) Kind(declared, path string) string {
	if k := DeclaredKind(declared, path); k != "" {
		return k
	}
	if len(p.Items) > 0 {
		return KindMilestone
	}
	return KindPage
}
