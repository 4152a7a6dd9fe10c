package wikilink

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/slug"
)

// Resolution is where a link goes.
type Resolution struct {
	Path   string // the target's content path; "" when broken
	URL    string // the target's output URL (Target.URL); "" when broken
	Anchor string // heading id, "^"+block id, or a file fragment; "" if none
	IsPage bool   // the target is a page (an embed of it is a card)
	Broken bool
	// Warnings are the problems found on the way: a broken link, a link
	// leaving the content root, an ambiguous name, a missing heading.
	Warnings []Problem
}

// Problem is one finding about a link; Kind is one of diag's kinds
// (diag.KindBrokenLink, diag.KindBadLink, diag.KindAmbiguousLink,
// diag.KindMissingHeading).
type Problem struct {
	Kind    string
	Message string
	// Candidates lists the paths an ambiguous link could mean, the one
	// chosen first.
	Candidates []string
}

// maxListed caps the candidates named in an ambiguity message.
const maxListed = 5

// Resolve finds the target of l, written in the page at content path
// fromPath. Look-ups, first match wins:
//
//  1. the path from the content root ("/x" means only this one);
//  2. the path relative to fromPath's folder;
//  3. a name, or path suffix, anywhere; of several: the one in fromPath's
//     folder, else pages before files, fewer folders, shorter, then
//     alphabetical, with an ambiguous-link warning;
//  4. a page title or alias.
//
// Names compare folded (case ignored, space, '_' and '-' alike) and ".md"
// is optional. A folder path also finds the folder's index or README page.
// Paths written with "./" or "../" are taken only as paths (1 and 2), and
// a path climbing above the content root is broken.
func (ix *Index) Resolve(fromPath string, l Link) Resolution {
	written := strings.TrimSpace(l.Target)
	if written == "" {
		i, ok := ix.exact[fromPath]
		if !ok {
			return broken(diag.KindBrokenLink, fmt.Sprintf("broken link '%s': page %s is not indexed", l.Written(), fromPath))
		}
		return ix.finish(i, l, nil)
	}
	i, warnings, reason := ix.find(fromPath, written)
	if i < 0 {
		if reason == diag.KindBrokenLink && ix.drafts != nil {
			if d, _, _ := ix.drafts.find(fromPath, written); d >= 0 {
				return broken(reason, fmt.Sprintf("broken link '%s': %s is a draft (draft: true); build with --drafts to include it",
					l.Written(), ix.drafts.targets[d].Path))
			}
		}
		return broken(reason, brokenMessage(reason, l.Written()))
	}
	return ix.finish(i, l, warnings)
}

func brokenMessage(kind, written string) string {
	if kind == diag.KindBadLink {
		return fmt.Sprintf("bad link '%s': it leads outside the content root", written)
	}
	return fmt.Sprintf("broken link '%s': no page or file of that name", written)
}

func broken(kind, msg string) Resolution {
	return Resolution{Broken: true, Warnings: []Problem{{Kind: kind, Message: msg}}}
}

// find returns the index of the target written as target, or -1 and the
// kind of failure.
func (ix *Index) find(fromPath, target string) (int32, []Problem, string) {
	rooted := strings.HasPrefix(target, "/")
	var segBuf, cleanBuf, dirBuf [segmentBuffer]string
	segs := appendSegments(segBuf[:0], target)
	if len(segs) == 0 {
		return ix.pick(ix.byFolder[""], target, nil)
	}
	segs[len(segs)-1] = trimMD(segs[len(segs)-1])
	explicit := !rooted && (segs[0] == "." || segs[0] == "..")
	dotted := explicit
	for _, s := range segs {
		dotted = dotted || s == "." || s == ".."
	}
	escaped := true
	if !explicit {
		p, ok := segs, true
		if dotted {
			p, ok = clean(cleanBuf[:0], nil, segs)
		}
		if ok {
			escaped = false
			if i, w, _ := ix.pickPath(p, target); i >= 0 {
				return i, w, ""
			}
		}
	}
	if !rooted {
		if p, ok := clean(cleanBuf[:0], dirSegments(dirBuf[:0], fromPath), segs); ok {
			escaped = false
			if i, w, _ := ix.pickPath(p, target); i >= 0 {
				return i, w, ""
			}
		}
	}
	if escaped {
		return -1, nil, diag.KindBadLink
	}
	if rooted || dotted {
		return -1, nil, diag.KindBrokenLink
	}
	var buf [keyBuffer]byte
	key := appendFoldSegments(buf[:0], segs)
	if ids := ix.bySuffix[string(key)]; len(ids) > 0 {
		return ix.pick(ids, target, ix.sameFolder(fromPath, segs, key))
	}
	if ids := ix.byTitle[string(appendFold(buf[:0], strings.TrimSpace(trimMD(target))))]; len(ids) > 0 {
		return ix.pick(ids, target, nil)
	}
	return -1, nil, diag.KindBrokenLink
}

// keyBuffer is the room a look-up's key is folded into on the stack,
// segmentBuffer the room for a path's segments; a longer one grows out
// of it.
const (
	keyBuffer     = 128
	segmentBuffer = 16
)

// pickPath looks up a cleaned path: a page or file first, then a folder's
// index page.
func (ix *Index) pickPath(segs []string, target string) (int32, []Problem, string) {
	var buf [keyBuffer]byte
	key := appendFoldSegments(buf[:0], segs)
	if ids := ix.byPath[string(key)]; len(ids) > 0 {
		return ix.pick(ids, target, nil)
	}
	if ids := ix.byFolder[string(key)]; len(ids) > 0 {
		return ix.pick(ids, target, nil)
	}
	return -1, nil, diag.KindBrokenLink
}

// sameFolder returns the candidate for a name look-up that sits in the
// linking page's folder, or nil. It costs one map look-up whatever the
// number of candidates.
func (ix *Index) sameFolder(fromPath string, segs []string, key []byte) *int32 {
	var pathBuf, targetBuf [segmentBuffer]string
	p := append(dirSegments(pathBuf[:0], fromPath), segs[len(segs)-1])
	var buf [keyBuffer]byte
	for _, id := range ix.byPath[string(appendFoldSegments(buf[:0], p))] {
		tsegs := appendSegments(targetBuf[:0], ix.targets[id].Path)
		if len(tsegs) < len(segs) {
			continue
		}
		tsegs = tsegs[len(tsegs)-len(segs):]
		if ix.targets[id].IsPage {
			tsegs[len(tsegs)-1] = trimMD(tsegs[len(tsegs)-1])
		}
		if string(appendFoldSegments(buf[:0], tsegs)) == string(key) {
			return &id
		}
	}
	return nil
}

// pick chooses among the candidates of one look-up (already in preference
// order), preferring prefer when given, and warns when there were several.
func (ix *Index) pick(ids []int32, target string, prefer *int32) (int32, []Problem, string) {
	if len(ids) == 0 {
		return -1, nil, diag.KindBrokenLink
	}
	chosen := ids[0]
	if prefer != nil {
		chosen = *prefer
	}
	if len(ids) == 1 {
		return chosen, nil, ""
	}
	names := []string{ix.targets[chosen].Path}
	for _, id := range ids {
		if id != chosen {
			names = append(names, ix.targets[id].Path)
		}
	}
	listed := names
	if len(listed) > maxListed {
		listed = listed[:maxListed]
	}
	msg := fmt.Sprintf("ambiguous link '%s': %d targets match (%s", target, len(names), strings.Join(listed, ", "))
	if len(names) > len(listed) {
		msg += fmt.Sprintf(", and %d more", len(names)-len(listed))
	}
	msg += "); using " + names[0]
	return chosen, []Problem{{Kind: diag.KindAmbiguousLink, Message: msg, Candidates: names}}, ""
}

// finish builds the resolution of a link to target i: its URL and the
// anchor its fragment names.
func (ix *Index) finish(i int32, l Link, warnings []Problem) Resolution {
	t := &ix.targets[i]
	res := Resolution{Path: t.Path, URL: t.URL, IsPage: t.IsPage, Warnings: warnings}
	frag := l.Fragment
	switch {
	case frag == "":
	case !t.IsPage:
		res.Anchor = frag // a file's own fragment, e.g. a PDF's "page=3"
	case strings.HasPrefix(frag, "^"):
		if id, ok := findBlock(t.BlockIDs, frag[1:]); ok {
			res.Anchor = BlockIDPrefix + id
		} else {
			res.Warnings = append(res.Warnings, Problem{Kind: diag.KindMissingHeading,
				Message: fmt.Sprintf("no block '%s' in %s", frag, t.Path)})
		}
	default:
		if h := ix.findHeading(i, strings.Split(frag, "#")); h >= 0 {
			res.Anchor = t.Headings[h].ID
		} else {
			res.Warnings = append(res.Warnings, Problem{Kind: diag.KindMissingHeading,
				Message: fmt.Sprintf("no heading '%s' in %s", frag, t.Path)})
		}
	}
	return res
}

func findBlock(ids []string, want string) (string, bool) {
	for _, id := range ids {
		if id == want {
			return id, true
		}
	}
	for _, id := range ids {
		if strings.EqualFold(id, want) {
			return id, true
		}
	}
	return "", false
}

// findHeading returns the heading of target i named by parts ("H1", "H2"
// for H1#H2), each part nested in the one before; when the nesting does
// not hold, the last part anywhere on the page. -1 when none matches. A
// target of many headings answers from its lookup, as scanHeadings would.
func (ix *Index) findHeading(i int32, parts []string) int {
	hs := ix.targets[i].Headings
	if len(hs) < manyHeadings {
		return ix.scanHeadings(i, parts)
	}
	l := ix.headingLookup(i)
	from, to, level := 0, len(hs), 0
	found := -1
	for _, part := range parts {
		if found = l.firstIn(hs, newHeadingKey(part), from, to, level); found < 0 {
			break
		}
		from, to, level = found+1, l.ends[found], hs[found].Level
	}
	if found >= 0 || len(parts) == 1 {
		return found
	}
	return l.firstIn(hs, newHeadingKey(parts[len(parts)-1]), 0, len(hs), math.MinInt)
}

// scanHeadings is findHeading trying each heading in turn.
func (ix *Index) scanHeadings(i int32, parts []string) int {
	hs := ix.targets[i].Headings
	from, to, level := 0, len(hs), 0
	found := -1
	for _, part := range parts {
		key := newHeadingKey(part)
		found = -1
		for j := from; j < to; j++ {
			if hs[j].Level > level && ix.headingMatches(i, j, key) {
				found = j
				break
			}
		}
		if found < 0 {
			break
		}
		from, level = found+1, hs[found].Level
		for to = from; to < len(hs) && hs[to].Level > level; to++ {
		}
	}
	if found >= 0 || len(parts) == 1 {
		return found
	}
	last := newHeadingKey(parts[len(parts)-1])
	for j := range hs {
		if ix.headingMatches(i, j, last) {
			return j
		}
	}
	return -1
}

// headingKey is one part of a fragment in the forms headings are matched by.
type headingKey struct {
	written, slug, lower, github string
}

func newHeadingKey(part string) headingKey {
	return headingKey{written: part, slug: slug.Make(part), lower: strings.ToLower(part), github: slug.GitHub(part)}
}

// manyHeadings is how many headings a target has from which a link to one
// is looked up in maps rather than by trying each: a page of thousands of
// headings linking to its own was quadratic.
const manyHeadings = 64

// headingLookup holds a target's headings by each name headingMatches
// accepts (its id, the slug of its text, its GitHub anchor), each name's
// headings in page order, and where each heading's subtree ends.
type headingLookup struct {
	byID, byText, byAnchor map[string][]int
	// ends[j] is the index of the first heading after j at its level or
	// above, len(headings) when none: j's subsections are j+1 to ends[j].
	ends []int
}

// headingLookup returns target i's lookup, made at the first call.
func (ix *Index) headingLookup(i int32) *headingLookup {
	ix.headingsOnce[i].Do(func() {
		hs := ix.targets[i].Headings
		l := &headingLookup{byID: map[string][]int{}, byText: map[string][]int{}, byAnchor: map[string][]int{}, ends: make([]int, len(hs))}
		var open []int // headings whose subtree has not ended, levels rising
		for j, h := range hs {
			l.byID[h.ID] = append(l.byID[h.ID], j)
			l.byText[ix.textIDs[i][j]] = append(l.byText[ix.textIDs[i][j]], j)
			if h.GitHubAnchor != "" {
				l.byAnchor[h.GitHubAnchor] = append(l.byAnchor[h.GitHubAnchor], j)
			}
			for len(open) > 0 && hs[open[len(open)-1]].Level >= h.Level {
				l.ends[open[len(open)-1]] = j
				open = open[:len(open)-1]
			}
			open = append(open, j)
		}
		for _, j := range open {
			l.ends[j] = len(hs)
		}
		ix.headings[i] = l
	})
	return ix.headings[i]
}

// firstIn is the first heading from from to to (not included) above
// level that k names, as trying each with headingMatches finds it; -1
// when none.
func (l *headingLookup) firstIn(hs []Heading, k headingKey, from, to, level int) int {
	found := -1
	take := func(m map[string][]int, key string) {
		js := m[key]
		for n := sort.SearchInts(js, from); n < len(js) && js[n] < to && (found < 0 || js[n] < found); n++ {
			if hs[js[n]].Level > level {
				found = js[n]
				return
			}
		}
	}
	take(l.byID, k.written)
	if k.slug != "" {
		take(l.byID, k.slug)
		take(l.byText, k.slug)
	}
	take(l.byAnchor, k.lower)
	take(l.byAnchor, k.github)
	return found
}

// headingMatches reports whether heading j of target i is the one k names:
// by its id, by the slug of its text (markers included), or by its GitHub
// anchor.
func (ix *Index) headingMatches(i int32, j int, k headingKey) bool {
	h := &ix.targets[i].Headings[j]
	switch {
	case k.written == h.ID:
		return true
	case k.slug != "" && (k.slug == h.ID || k.slug == ix.textIDs[i][j]):
		return true
	case h.GitHubAnchor != "" && (k.lower == h.GitHubAnchor || k.github == h.GitHubAnchor):
		return true
	}
	return false
}
