// Package plan works out what waits for what across a whole site: given
// the items and sections that carry ids, dependencies, states and dates,
// it says which of them wait on unfinished work (waiting_on), which can
// start (ready, ready_to_start), which are overdue, the state of a section
// that is a task (derived from its items), what a page's "Up next" block
// lists and in which order, and the critical path (the longest chain of
// unfinished work).
//
// In: every node of the site in one slice ([]Node: items and sections,
// with the index of the section that holds each, sections before what
// they hold), and the build date. Out: a Plan with one Status per node,
// warnings (unknown-dependency, duplicate-id, dependency-cycle) with
// file:line, Next for a page, a page's nodes (PageNodes), each node's
// resolved dependencies (Deps) and CriticalPath.
// Must not: read text (package attr does), change counts or states other
// than a task section's derived state, or loop on a cycle: every pass is
// linear in nodes and dependencies (cycles are found with Tarjan's
// algorithm, without recursion).
//
// Waiting is not the blocked state: a plan with unfinished prerequisites
// is normal, so counts and health never change because of it.
package plan
