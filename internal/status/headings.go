package status

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/milepost/milepost/internal/marker"
)

// notTaskNames are headings that are never heading items (rule 5): they
// hold notes about the work, not work. Compared with a heading's title
// reduced by headingWords; Options.HeadingItemsIgnore adds more.
var notTaskNames = []string{
	"notes", "note", "references", "reference", "see also", "background",
	"links", "link", "related links", "useful links", "related", "resources",
	"further reading", "faq", "faqs", "frequently asked questions",
	"changelog", "change log", "changes", "history", "open questions", "questions",
	"glossary", "legend", "key", "status key", "acknowledgements", "acknowledgments",
	"contents", "table of contents", "toc", "overview", "summary", "context",
	"risks", "risk", "risks and mitigations", "assumptions", "constraints", "dependencies",
	"goals", "problem", "problem statement", "motivation", "decisions", "decision log",
	"lessons learned", "what went well", "what went wrong", "root cause", "impact", "timeline",
	"metrics", "results", "team", "people", "contacts", "stakeholders",
	"risks mitigations", "success metrics", "kpis", "highlights", "lowlights", "next week", "next steps",
	// the same in the languages whose status words the vocabulary knows
	"notizen", "anmerkungen", "risiken", "hintergrund", "zusammenfassung", "referenzen", "ziele",
	"notas", "riesgos", "contexto", "resumen", "referencias", "objetivos", "riscos", "resumo",
	"remarques", "risques", "contexte", "résumé", "références", "objectifs", "rischi", "riepilogo",
	"备注", "风险", "背景", "总结", "参考", "目标", "備考", "リスク", "概要", "参考資料", "目的", "메모", "위험",
}

// lanes are the headings (headingWords form) that are a board's lanes,
// and the state of a card placed there: a status alone ("## Doing", "##
// Done ✅"), or a name that is no status word (To do, Up next, Now, a
// roadmap's Recently shipped). "## Fixed" or "## Deprecated" over a
// checklist names what its tasks are about.
var lanes = map[string]State{
	"doing": marker.Active, "in progress": marker.Active, "wip": marker.Active, "in review": marker.Active,
	"ongoing": marker.Active, "now": marker.Active, "review": marker.Active, "code review": marker.Active,
	"ready for review": marker.Active, "qa": marker.Active, "in qa": marker.Active,
	"in testing": marker.Active, "ready for qa": marker.Active,
	"blocked": marker.Blocked, "on hold": marker.Blocked, "waiting": marker.Blocked,
	"waiting for": marker.Blocked, "waiting on": marker.Blocked, // GTD's and Trello's
	"done": marker.Done, "complete": marker.Done, "completed": marker.Done, "finished": marker.Done,
	"shipped": marker.Done, "released": marker.Done, "recently shipped": marker.Done,
	"recently released": marker.Done, "launched": marker.Done, "recently done": marker.Done,
	"recently completed": marker.Done, "done this week": marker.Done, "done this sprint": marker.Done,
	"done last week": marker.Done, "completed this week": marker.Done, "completed this sprint": marker.Done,
	"shipped this week": marker.Done, "shipped this sprint": marker.Done,
	"next up": marker.Open, "coming up": marker.Open,
	"to do": marker.Open, "todo": marker.Open, "backlog": marker.Open, "up next": marker.Open,
	"still to do": marker.Open, "left to do": marker.Open, "remaining": marker.Open,
	"next": marker.Open, "later": marker.Open, "not started": marker.Open, "planned": marker.Open,
	"not doing": marker.Dropped, "wont do": marker.Dropped, // headingWords drops the apostrophe
	"still open": marker.Open, "open": marker.Open, "resolved": marker.Done, // a support log's
}

// stepLanes are lanes only of a board of plain cards that also has a
// kanban's own lane (To do, Doing, In progress, WIP, Backlog): over a
// checklist they are steps ("## Review" then "- [ ] Legal signs off"),
// and a town hall's "## QA" holds questions.
var stepLanes = map[string]bool{"review": true, "qa": true}

// doneLists head lists of what was done, never a board's lanes: what such
// a list leaves unmarked beside its ✅ is done too ("## Wins this week").
var doneLists = map[string]bool{
	"wins": true, "wins this week": true, "accomplishments": true, "done list": true, "done today": true,
	"ta-da list": true, // not Achievements (a game's still to unlock) nor Highlights (news, some to come)
}

// headingNote are the words a heading's trailing note may say its state
// with in any case ("## v0.8 (released)", "## Phase 2 (in progress)"):
// words of a release or a phase; "## GET /accounts (deprecated)" and "###
// Kafka (rejected)" name what the heading is about.
var headingNote = map[string]bool{
	"released": true, "shipped": true, "done": true, "complete": true, "completed": true,
	"finished": true, "in progress": true, "wip": true, "ongoing": true, "started": true,
	"planned": true, "not started": true, "blocked": true, "on hold": true, "cancelled": true,
	"canceled": true, "deferred": true, "descoped": true, "dropped": true, "paused": true,
	// a book's or a thesis's chapters (not Draft or Final: a guide's steps)
	"first draft": true, "in review": true, "under review": true,
}

// reasonedDrops may open a heading's last clause with a reason after a
// comma: "## Ch 5. Reporting — dropped, merged into Ch 4".
var reasonedDrops = map[string]bool{
	"dropped": true, "cancelled": true, "canceled": true, "descoped": true, "deferred": true,
}

// headingClause returns a heading's last clause after a dash or a colon
// when the whole clause is one of headingNote's words and what stands
// before it numbers a phase, a milestone or a release ("## Phase 2 — In
// progress", "## Milestone 1: Done", "## v0.8 — shipped"), else "".
// "## Step 3: Complete the form" has none, and neither have "## Status:
// In progress" or "## Rollout — In progress", which a README or a design
// doc heads a part of itself with.
func headingClause(title string) string {
	name, clause := noteClause(title, ": ")
	if !strings.ContainsFunc(name, unicode.IsDigit) {
		return ""
	}
	return clause
}

// headingShare reads the share done a numbered heading ends with, in
// brackets or after a dash ("## Phase 2 (80%)", "## Phase 3 — 20%"): 100%
// done, 0% open, else active, as a progress cell reads it.
func headingShare(title string) (State, string, bool) {
	name, share := lastNote(title)
	share = strings.TrimSpace(share)
	if !strings.HasSuffix(share, "%") || !strings.ContainsFunc(name, unicode.IsDigit) {
		return marker.Open, "", false
	}
	st, ok := valueCell(share)
	return st, share, ok
}

// noteClause splits a heading at its last dash (or one of more
// separators) into what stands before it and the clause after it, when
// the whole clause is one of headingNote's words; else it returns "", "".
func noteClause(text string, more ...string) (name, clause string) {
	at := -1
	for _, seps := range [][]string{marker.ClauseDashes, more} {
		for _, sep := range seps {
			if i := strings.LastIndex(text, sep); i >= 0 && i+len(sep) > at {
				at, name = i+len(sep), text[:i]
			}
		}
	}
	if at < 0 {
		return "", ""
	}
	clause = strings.TrimRight(strings.TrimSpace(text[at:]), ".!")
	if head, _, ok := strings.Cut(clause, ","); ok && reasonedDrops[headingWords(head)] {
		return name, head
	}
	if !headingNote[headingWords(withoutTrailingDate(clause))] {
		return "", ""
	}
	return name, clause
}

// withoutTrailingDate returns a clause without the date it ends with, bare
// or in brackets, and an "on" before it ("shipped 2026-03-18", "released
// on 2026-05-01", "done (2026-02)"); the bracket may name who did it too
// ("Done (@alex, 2027-01-30)").
func withoutTrailingDate(clause string) string {
	s := strings.TrimSpace(clause)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i >= 0 {
			s = s[:i] + withoutHandles(s[i+1:len(s)-1])
		}
	}
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || !isDateWord(s[i+1:]) {
		return clause
	}
	s = strings.TrimSpace(s[:i])
	return strings.TrimSuffix(s, " on")
}

// isDateWord reports whether w is an ISO date or month (2026-03-18,
// 2026-03).
func isDateWord(w string) bool {
	if len(w) != 10 && len(w) != 7 || w[4] != '-' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i != 4 && i != 7 && (w[i] < '0' || w[i] > '9') {
			return false
		}
	}
	return len(w) == 7 || w[7] == '-'
}

// approvalOnly reports whether a status value's word only approves the
// work ("Approved", "Accepted"): a plan's section so marked is approved
// to build, not built; a status cell reads it as done.
func approvalOnly(word string) bool {
	switch headingWords(word) {
	case "approved", "accepted":
		return true
	}
	return false
}

// recordNames are headings whose lists record what was, not work to do:
// a status word or emoji in them ("- ✅ Alerting fired in 4 minutes",
// "- Should we keep legacy emails? (TODO: decide)") makes no plain list
// item an item. Checkboxes under them still are.
var recordNames = []string{
	"open questions", "questions", "faq", "faqs", "frequently asked questions",
	"resolved questions", "answered questions", "closed questions", "learnings", "key learnings",
	"what went well", "what went wrong", "what didnt go well", "went well", "went wrong",
	"lessons learned", "glossary", "legend", "key", "status key", "status values", "statuses",
	"changelog", "change log", "history", "references", "see also",
	"release notes", "whats new", "bug fixes", "fixes", "deprecations", "breaking changes",
	"alternatives", "alternatives considered", "considered alternatives", "options considered",
	"options", "risks", "risk", "risks and mitigations", "open risks", "assumptions",
	"brainstorm", "brainstorming", "wishlist", "wish list", "someday", "someday maybe", "maybe later",
	"maybe someday", "what worked", "what didnt work", "what didnt",
}

// verdictNames head sections whose lists, when they mark their lines
// with ticks and crosses alone, judge results or state facts: an
// experiment's observations, a match day's results, a consultation's
// feedback, a guide's troubleshooting, what an offer includes. A line
// there marked as work goes (🚧, ⬜, in progress) keeps the list a list of
// work, and the section's own subsections are not held to it.
var verdictNames = map[string]bool{
	"results": true, "test results": true, "match results": true, "scores": true, "scorecard": true,
	"findings": true, "key findings": true, "observations": true, "feedback": true, "what we heard": true,
	"conclusion": true, "conclusions": true, "troubleshooting": true, "highlights": true, "lowlights": true,
	"highlights and lowlights": true, "whats included": true, "whats not included": true,
}

// verdictOpenings open titles of verdictNames' kind that go on to say
// of what: "## Results round-up", "## Feedback from the drop-ins", "##
// What you can't claim".
var verdictOpenings = []string{"results", "feedback", "highlights", "what you can", "what you cant", "what you cannot"}

// isVerdictWords reports whether a heading's words (headingWords) name a
// section of verdicts (verdictNames, verdictOpenings).
func isVerdictWords(w string) bool {
	if verdictNames[w] {
		return true
	}
	for _, o := range verdictOpenings {
		if strings.HasPrefix(w, o+" ") {
			return true
		}
	}
	return false
}

// isRecordWords reports whether a heading's title, reduced by
// headingWords, is one of recordNames (the whole title), or opens with
// one of recordOpenings.
func isRecordWords(w string) bool {
	for _, n := range recordNames {
		if w == n {
			return true
		}
	}
	for _, n := range recordOpenings {
		if strings.HasPrefix(w, n+" ") {
			return true // "## Status values in the admin UI"
		}
	}
	if strings.HasSuffix(w, "states") || strings.HasSuffix(w, "statuses") { // most titles: no words split
		if words := strings.Fields(w); len(words) <= 3 && (words[len(words)-1] == "states" || words[len(words)-1] == "statuses") {
			return true // a contributing guide's "## Issue states": what each means
		}
	}
	switch w {
	case "issue labels", "pr labels", "github labels":
		return true
	}
	return false
}

// changeKinds head the parts of a release in a changelog (Keep a
// Changelog's): what each lists shipped with it.
var changeKinds = map[string]bool{
	"added": true, "changed": true, "deprecated": true, "removed": true, "fixed": true, "security": true,
}

// releaseTitle reports whether a heading names a release shipped, as a
// changelog does: a version in brackets or with the day it shipped
// ("[2.8.0] — 2026-11-08", "v2.8.0 (2026-11-08)", "[2.8.0]"). A plan's
// "## Unreleased" or "## v3.0" lists work still to come.
func releaseTitle(title string) bool {
	t := strings.TrimSpace(title)
	lower := strings.ToLower(t)
	for _, plan := range [...]string{"target", "planned", "tbd", "upcoming", "eta", "due", "next"} {
		if strings.Contains(lower, plan) {
			return false // "## v4.3.0 — target 2026-12-15", "## [3.0.0] - TBD": work to come
		}
	}
	bracketed := strings.HasPrefix(t, "[")
	if _, dated := marker.FirstDate(t); !bracketed && !dated {
		return false
	}
	t = strings.TrimLeft(t, "[")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "v"), "V")
	dots, i := 0, 0
	for ; i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.'); i++ {
		if t[i] == '.' {
			dots++
		}
	}
	return i > 0 && dots >= 1 && (i == len(t) || strings.ContainsRune("] (—–-", firstRune(t[i:])))
}

// isTemplateWords reports whether a heading's title, reduced by
// headingWords, names criteria or a form to copy rather than work: a
// Definition of Done or of Ready, a template named by what it is for
// ("## PR template", "## Next meeting template"), not work on one ("##
// Refresh the PR template", "## New ADR template", "## Template
// gallery v2").
func isTemplateWords(w string) bool {
	switch w {
	case "definition of done", "definition of ready", "dod", "dor", "template", "templates":
		return true
	}
	if !strings.HasSuffix(w, " template") {
		return false // most headings, read with no allocation
	}
	words := strings.Fields(w)
	if len(words) > 3 {
		return false // "Template gallery v2", "Refresh the PR template": work on a template
	}
	for _, x := range words[:len(words)-1] {
		switch x {
		case "the", "a", "an", "new", "our", "to", "for", "of", "update", "refresh", "move", "migrate", "create", "write", "fix":
			return false
		}
	}
	return true // "PR template", "Next meeting template"
}

// recordOpenings open the titles of record sections that go on to say
// what they record ("Status values in the admin UI", "Glossary of terms").
var recordOpenings = []string{"status values", "statuses", "status codes", "glossary", "legend", "definitions", "terminology",
	"what worked", "what went well", "what went wrong", "what didnt"} // "## What worked / didn't (2026)"

// supportWords in a section's title say its tables tell what is
// supported, not how far work is: a README's "Supported formats" of ✅
// and ❌.
var supportWords = map[string]bool{
	"support": true, "supported": true, "compatibility": true, "compatible": true, "comparison": true,
	"features": true, "platforms": true, "browsers": true, "integrations": true,
	"included": true, // a pricing page's "## What's included"
}

// isSupportTitle reports whether a heading's words hold one of
// supportWords, or are a pair that grades: Do / don't, Pros and cons.
func isSupportTitle(words string) bool {
	switch words {
	case "do dont", "dos and donts", "do and dont", "dos donts", "donts", "pros", "cons", "pros and cons", "pros cons":
		return true // a style guide's "## Do / don't", a design's "## Pros and cons"; not "## Don't forget"
	}
	for _, w := range strings.Fields(words) {
		if supportWords[w] {
			return true
		}
	}
	return false
}

// scopePhrases open the titles of headings that declare their items out of
// scope (rule 8).
var scopePhrases = []string{
	"out of scope", "not in scope", "wont do", "will not do", "wont have",
	"wont fix", "not planned", "not considered", "not doing", "non goals",
	"nongoals", "descoped", "de scoped", "what we said no to", "we said no to", "said no to",
	"what were not doing", "what we are not doing", "things we wont do", "not this quarter",
	"gave up on", "gave up", "did not finish", "didnt finish", "dnf",
}

// scopeWords are one-word scope titles; they declare scope alone or before
// a plural noun ("Icebox", "Rejected ideas"), not before any text
// ("Dropped packets fix" is a task).
var scopeWords = []string{"icebox", "ice box", "dropped", "cancelled", "canceled", "rejected", "abandoned", "discarded"}

var scopeNouns = map[string]bool{
	"items": true, "features": true, "ideas": true, "tasks": true, "work": true,
	"stories": true, "issues": true, "requests": true, "proposals": true, "goals": true,
}

// headingWords reduces a heading title (markers already stripped) to
// lower-case words: letters and digits, apostrophes dropped ("Won't do" is
// "wont do"), anything else a space.
func headingWords(title string) string {
	var buf [64]byte
	return string(appendHeadingWords(buf[:0], title))
}

// appendHeadingWords appends headingWords(title) to dst.
func appendHeadingWords(dst []byte, title string) []byte {
	start, space := len(dst), false
	for _, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		case r == '\'' || r == '’' || r == 'ʼ':
		default:
			space = true
		}
	}
	return dst
}

// isNotTask reports whether a heading named title is never a heading item:
// it is one of notTaskNames or extra (whole title), an appendix, or a
// board lane's name.
func isNotTask(title string, extra []string) bool {
	w := headingWords(title)
	if w == "appendix" || strings.HasPrefix(w, "appendix ") {
		return true
	}
	if _, lane := lanes[w]; lane {
		return true // "## Done ✅", "## Up next": a lane's name, not a task
	}
	for _, n := range notTaskNames {
		if w == n {
			return true
		}
	}
	for _, n := range extra {
		if w == headingWords(n) {
			return true
		}
	}
	return false
}

// howTo reports whether a heading opens with How to or How we: a guide's
// part ("## How to submit"), no item beside its trackers unless it says
// how it stands itself ("## How to install on Windows ✅").
func howTo(title string) bool {
	w := headingWords(title)
	return strings.HasPrefix(w, "how to ") || strings.HasPrefix(w, "how we ")
}

// withoutHandles returns a bracket's text without the handles it opens
// with and the commas after them: "@alex, 2027-01-30" is "2027-01-30".
func withoutHandles(note string) string {
	t := strings.TrimSpace(note)
	for strings.HasPrefix(t, "@") {
		end := strings.IndexAny(t, ", ;")
		if end < 0 {
			return ""
		}
		t = strings.TrimLeft(t[end:], ", ;")
	}
	return t
}

// isScopeWords reports whether a heading whose title headingWords reduced
// to w declares the items under it out of scope.
func isScopeWords(w string) bool {
	for _, p := range scopePhrases {
		if w == p || strings.HasPrefix(w, p+" ") {
			return true
		}
	}
	if strings.Contains(" "+w+" ", " out of scope ") {
		return true
	}
	for _, p := range scopeWords {
		if w == p {
			return true
		}
		if rest, ok := strings.CutPrefix(w, p+" "); ok && scopeNouns[rest] {
			return true
		}
	}
	return false
}
