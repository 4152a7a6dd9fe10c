// Package history reads the story of a status page out of its versions:
// when each item was first seen and when it was done, how done and total
// moved day by day, how fast work is done, when the open items will be
// done at that pace, and what changed each week.
//
// In: a file's versions, oldest first (the bytes of each commit that
// changed it, or the items read from them before, with the commit's id and
// date; package gitrepo reads them), the uncommitted bytes when the work
// tree differs, and a function that turns bytes into items (the status
// model: text, state and a date written in the text), which the caller
// supplies so this package knows nothing of markdown, pages or sites. Out: per file, the last version's items with
// their done and first-seen dates (File), the changes between versions
// (Events) and a daily series of done and total (Point); sums of series
// for folders and the site (Sum), velocity and forecast (Outlook) and the
// weekly changes (Weekly).
//
// Must not: run git, read files, fail (a version whose items cannot be
// read has none), or depend on the wall clock: "now" is an argument.
//
// The matching rules are written for users in docs/status-model.md,
// "History".
package history
