// Package health judges a page, a folder or a site: on track, at risk,
// off track, paused, done, or without a target to judge by, each with the
// reasons a reader needs ("1 item overdue: Sync engine (due 2026-11-10)").
//
// In: what the other stages found about a page (Page: its declared status,
// item counts, blocked and overdue items, drift and staleness messages,
// target date) and the build date; for a folder or the site, the health of
// its pages and sub-folders. Out: a Health. Must not: count items or read
// text (packages status, attr and plan do), or change any count.
package health

import (
	"fmt"
	"strings"
)

// State is a health state, as status.json names it.
type State string

// The health states.
const (
	OnTrack  State = "on-track"
	AtRisk   State = "at-risk"
	OffTrack State = "off-track"
	Paused   State = "paused"
	Done     State = "done"
	NoTarget State = "no-target"
)

// worstFirst orders the states for folders and the site: the first state
// any page is in, in this order, is theirs.
var worstFirst = []State{OffTrack, AtRisk, OnTrack, NoTarget, Paused, Done}

// Health is a state and why.
type Health struct {
	State   State    `json:"state"`
	Reasons []string `json:"reasons"`
}

// Dated is an item named by its text, with its due date.
type Dated struct {
	Text string
	Due  string
}

// Page is what a page's health is judged from.
type Page struct {
	Declared string // front matter status, any value: only the five health states count
	Items    int    // tracked items, dropped ones included
	Open     int    // items not done or dropped
	Blocked  []string
	Overdue  []Dated
	Drift    []string // drift messages, as a reader reads them
	Stale    string   // staleness message, "" when fresh
	Target   string   // YYYY-MM-DD or ""
	Today    string   // the build date, YYYY-MM-DD
	// From the page's git history (package history), when known: the
	// forecast finish date (YYYY-MM-DD or ""), and a message when nothing
	// was done for the idle weeks with items open ("" otherwise).
	Forecast string
	Idle     string
}

// Of judges a page by these rules, the first that applies winning: a
// declared status; done when every item is done or dropped; off-track when
// the target date has passed with items open, or the forecast from
// history falls after it; at-risk when an item is blocked or overdue, a
// section drifts, the page is stale or nothing was done for weeks;
// on-track with a target date; else no-target. A page without tracked items has no
// health (ok is false).
func Of(p Page) (h Health, ok bool) {
	if p.Items == 0 {
		return Health{}, false
	}
	switch s := State(strings.ToLower(strings.TrimSpace(p.Declared))); s {
	case OnTrack, AtRisk, OffTrack, Paused, Done:
		return Health{s, []string{"declared in the page's front matter (status: " + string(s) + ")"}}, true
	}
	if p.Open == 0 {
		return Health{Done, []string{"every item is done or dropped"}}, true
	}
	if p.Target != "" && p.Today != "" && p.Target < p.Today {
		return Health{OffTrack, []string{fmt.Sprintf("target %s has passed with %s open", p.Target, plural(p.Open, "item"))}}, true
	}
	if p.Target != "" && p.Forecast != "" && p.Forecast > p.Target {
		return Health{OffTrack, []string{fmt.Sprintf("at the recent pace the %s open finish by %s, after the target %s", plural(p.Open, "item"), p.Forecast, p.Target)}}, true
	}
	var risks []string
	if len(p.Blocked) > 0 {
		risks = append(risks, fmt.Sprintf("%s blocked: %s", plural(len(p.Blocked), "item"), names(p.Blocked)))
	}
	if len(p.Overdue) > 0 {
		var ns []string
		for _, d := range p.Overdue {
			ns = append(ns, fmt.Sprintf("%s (due %s)", d.Text, d.Due))
		}
		risks = append(risks, fmt.Sprintf("%s overdue: %s", plural(len(p.Overdue), "item"), names(ns)))
	}
	risks = append(risks, p.Drift...)
	if p.Stale != "" {
		risks = append(risks, p.Stale)
	}
	if p.Idle != "" {
		risks = append(risks, p.Idle)
	}
	if len(risks) > 0 {
		return Health{AtRisk, risks}, true
	}
	if p.Target != "" {
		return Health{OnTrack, []string{"target " + p.Target + "; nothing blocked, overdue or drifting"}}, true
	}
	return Health{NoTarget, []string{"no target date to judge by"}}, true
}

// names lists up to three names, then how many more.
func names(ns []string) string {
	const show = 3
	if len(ns) <= show {
		return strings.Join(ns, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ns[:show], ", "), len(ns)-show)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Named is the health of a page or folder with the name a reader knows
// it by.
type Named struct {
	Name   string
	Health Health
}

// Worst is the health of a folder or the site: the worst state among its
// pages and sub-folders (off-track, at-risk, on-track, no-target, paused,
// done), with the ones in that state as reasons ("Phase 4: 1 item
// blocked: …"), in the order given. ok is false when none has a health.
func Worst(members []Named) (Health, bool) {
	for _, s := range worstFirst {
		var reasons []string
		for _, m := range members {
			if m.Health.State != s {
				continue
			}
			r := m.Name
			if len(m.Health.Reasons) > 0 {
				r += ": " + m.Health.Reasons[0]
			}
			reasons = append(reasons, r)
		}
		if len(reasons) > 0 {
			return Health{s, reasons}, true
		}
	}
	return Health{}, false
}
