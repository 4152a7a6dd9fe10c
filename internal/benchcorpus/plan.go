package benchcorpus

import (
	"fmt"
	"strings"
)

type kind int

const (
	kindMilestone kind = iota
	kindTasks
	kindPRD
	kindTracker
	kindRunbook
	kindNote
	numKinds
)

// kindShape says how often a kind occurs (weight, out of 100), how large its
// pages are (bytes, drawn uniformly between min and max) and which H2
// headings its pages choose from. The weights and sizes put the average page
// at about 3.4 KB, the size of a typical status page.
type kindShape struct {
	weight   int
	minSize  int
	maxSize  int
	sections []string
	prefix   string // alias prefix
}

var shapes = [numKinds]kindShape{
	kindMilestone: {weight: 25, minSize: 2000, maxSize: 4400, sections: milestoneSections, prefix: "MS"},
	kindTasks:     {weight: 28, minSize: 2000, maxSize: 4400, sections: taskSections, prefix: "WP"},
	kindPRD:       {weight: 5, minSize: 6000, maxSize: 12000, sections: prdSections, prefix: "PRD"},
	kindTracker:   {weight: 15, minSize: 1500, maxSize: 3800, sections: trackerSections, prefix: "TR"},
	kindRunbook:   {weight: 10, minSize: 2200, maxSize: 4800, sections: runbookSections, prefix: "RB"},
	kindNote:      {weight: 17, minSize: 900, maxSize: 2600, sections: noteSections, prefix: "NOTE"},
}

// pagesPerFolder bounds folder sizes so that large corpora nest deeper
// rather than piling thousands of files into one folder.
const pagesPerFolder = 120

// page is what every other page may know about one page before any text is
// written: where it lives, what it is called, and which headings it has.
type page struct {
	index       int
	kind        kind
	dir         string // slash path under content/, no trailing slash
	name        string // file name without ".md"
	title       string // front matter title, or the H1
	frontMatter bool
	aliases     []string
	sections    []string // H2 headings, in order, unique within the page
	size        int      // target size in bytes
}

// path is the page's file path under content/.
func (p *page) path() string { return p.dir + "/" + p.name + ".md" }

// linkPath is the page's path as a wiki-link writes it: no ".md".
func (p *page) linkPath() string { return p.dir + "/" + p.name }

// planPages decides every page's place, name, title and headings. It uses
// its own random stream so that the plan does not depend on page text.
func planPages(n int, seed uint64) []page {
	pages := make([]page, n)
	perKind := [numKinds]int{}
	width := len(fmt.Sprint(n))
	if width < 4 {
		width = 4
	}
	for i := range pages {
		r := newRNG(seed, uint64(i))
		k := pickKind(r)
		seq := perKind[k]
		perKind[k]++
		num := fmt.Sprintf("%0*d", width, i)
		p := page{index: i, kind: k, frontMatter: !r.chance(0.12)}
		topic := pick(r, topics)
		p.dir, p.name, p.title = placePage(r, k, seq, num, topic)
		if r.chance(0.2) {
			p.aliases = append(p.aliases, shapes[k].prefix+"-"+num)
			if r.chance(0.3) {
				p.aliases = append(p.aliases, strings.ToLower(topic)+" "+num)
			}
		}
		p.sections = chooseSections(r, shapes[k].sections, k)
		p.size = r.between(shapes[k].minSize, shapes[k].maxSize)
		if !p.frontMatter {
			// Without front matter the title comes from the H1 (or the file
			// name), and there is nowhere to declare aliases.
			p.aliases = nil
		}
		pages[i] = p
	}
	return pages
}

func pickKind(r *rng) kind {
	x := r.intn(100)
	for k := kind(0); k < numKinds; k++ {
		if x < shapes[k].weight {
			return k
		}
		x -= shapes[k].weight
	}
	return kindNote
}

// placePage names the folder, file and title of the seq-th page of kind k.
// num (the page's index, zero-padded) keeps every file name and title unique
// across the corpus, so a bare [[name]] or [[Title]] always has one target.
func placePage(r *rng, k kind, seq int, num, topic string) (dir, name, title string) {
	bucket := seq / pagesPerFolder
	oddName := r.chance(0.06) // a space or a non-ASCII word in the file name
	switch k {
	case kindMilestone:
		area := areas[bucket%len(areas)]
		if bucket >= len(areas) {
			area = fmt.Sprintf("%s-%d", area, bucket/len(areas)+1)
		}
		dir = "milestones/" + area
		name = "m" + num + "-" + slugish(topic)
		title = topic + " milestone " + num
	case kindTasks:
		dir = fmt.Sprintf("tasks/phase-%d", bucket+1)
		name = fmt.Sprintf("wp%s %s", num, strings.ToLower(topic))
		title = fmt.Sprintf("Phase %d work package %s", bucket+1, num)
	case kindPRD:
		dir = "prd"
		if bucket > 0 {
			dir = fmt.Sprintf("prd/archive-%d", bucket)
		}
		name = slugish(topic) + "-prd-" + num
		title = topic + " PRD " + num
	case kindTracker:
		team := teams[bucket%len(teams)]
		if bucket >= len(teams) {
			team = fmt.Sprintf("%s %d", team, bucket/len(teams)+1)
		}
		dir = "trackers/" + team
		name = "status-" + num
		title = topic + " status tracker " + num
	case kindRunbook:
		dir = "runbooks"
		if bucket > 0 {
			dir = fmt.Sprintf("runbooks/set-%d", bucket)
		}
		svc := services[seq%len(services)]
		name = svc + "-" + num
		title = "Runbook: " + svc + " " + num
	default:
		dir = "plans"
		if bucket > 0 {
			dir = fmt.Sprintf("plans/batch-%d", bucket)
		}
		name = strings.ReplaceAll(topic, " ", "_") + "_" + num
		title = topic + " plan " + num
	}
	if oddName {
		w := pick(r, nonASCII)
		if r.chance(0.5) {
			name = w + " " + name
		} else {
			name = name + " " + w
		}
	}
	return dir, name, title
}

// chooseSections keeps the first section of the kind's list and a random,
// order-preserving subset of the rest (at least two sections in all).
func chooseSections(r *rng, from []string, k kind) []string {
	out := []string{from[0]}
	for _, s := range from[1:] {
		if r.chance(0.7) || (k == kindPRD && r.chance(0.8)) {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		out = append(out, from[len(from)-1])
	}
	return out
}

// slugish is a simple lower-case, hyphenated form of s for file names.
func slugish(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
