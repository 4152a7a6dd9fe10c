package status

import "path"

// Rollup sums the counts of pages by folder: a folder's own pages
// (Folder), and its pages with every sub-folder's (Tree; Tree("") is the
// whole site). Folders are slash-separated paths, "" at the top. Only
// pages that count in roll-ups are added (runbooks are not, unless
// tracked). The zero Rollup is empty and ready to use; it is not safe for
// concurrent Adds.
type Rollup struct {
	own, tree map[string]Counts
}

// Add adds the counts c of a page in folder.
func (r *Rollup) Add(folder string, c Counts) {
	if r.own == nil {
		r.own, r.tree = map[string]Counts{}, map[string]Counts{}
	}
	r.own[folder] = r.own[folder].Add(c)
	for f := folder; ; f = path.Dir(f) {
		if f == "." {
			f = ""
		}
		r.tree[f] = r.tree[f].Add(c)
		if f == "" {
			break
		}
	}
}

// Folder is the sum of the counts of the pages in folder, not below it.
func (r *Rollup) Folder(folder string) Counts { return r.own[folder] }

// Tree is the sum of the counts of the pages in folder and below it.
func (r *Rollup) Tree(folder string) Counts { return r.tree[folder] }
