package benchcorpus

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// pageWriter writes the markdown of one page. Every random choice comes from
// the page's own stream, so a page's bytes depend only on the seed, its
// index and the plan.
type pageWriter struct {
	b      bytes.Buffer
	r      *rng
	page   *page
	pages  []page
	images int
	links  []Link
	tasks  int // task entries written so far (work packages)
}

// pageStream offsets page text streams from the plan streams.
const pageStream = 1 << 40

// renderPage returns the markdown of page i and the links it contains.
func renderPage(pages []page, i int, seed uint64, images int) ([]byte, []Link) {
	w := &pageWriter{r: newRNG(seed, pageStream+uint64(i)), page: &pages[i], pages: pages, images: images}
	w.b.Grow(pages[i].size + 512)
	w.frontMatter()
	w.body()
	return w.b.Bytes(), w.links
}

func (w *pageWriter) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }
func (w *pageWriter) line(s string)                     { w.b.WriteString(s); w.b.WriteByte('\n') }

func (w *pageWriter) frontMatter() {
	p := w.page
	if !p.frontMatter {
		return
	}
	w.line("---")
	if w.r.chance(0.3) {
		w.line("category: " + pick(w.r, []string{"reference", "plan", "status", "ops"}))
	}
	w.line("title: " + yamlString(p.title))
	tags := []string{pick(w.r, areas), strings.ToLower(strings.Fields(pick(w.r, topics))[0])}
	if w.r.chance(0.5) {
		tags = append(tags, pick(w.r, []string{"launch", "q3", "q4", "alpha", "beta", "ops"}))
	}
	w.line("tags: [" + strings.Join(tags, ", ") + "]")
	w.line("last_updated: " + w.date())
	if len(p.aliases) > 0 {
		quoted := make([]string, len(p.aliases))
		for i, a := range p.aliases {
			quoted[i] = yamlString(a)
		}
		w.line("aliases: [" + strings.Join(quoted, ", ") + "]")
	}
	if w.r.chance(0.3) {
		w.line("confidence: " + pick(w.r, []string{"high", "medium", "low"}))
	}
	if p.kind == kindRunbook && w.r.chance(0.3) {
		w.line("kind: runbook")
		if w.r.chance(0.2) {
			w.line("track: true")
		}
	}
	w.line("---")
	w.line("")
}

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func (w *pageWriter) body() {
	p := w.page
	if p.kind != kindTasks || p.frontMatter {
		w.line("# " + p.title)
		w.line("")
	}
	if !p.frontMatter && p.kind != kindPRD {
		// Without front matter, the updated date is read from the body.
		w.printf("Last updated: %s\n\n", w.date())
	}
	w.intro()
	// Each section gets a share of the page's size; the kind's writer fills
	// it block by block and stops once the share is reached.
	start := w.b.Len()
	budget := p.size - start
	weights, total := make([]int, len(p.sections)), 0
	for i, s := range p.sections {
		weights[i] = sectionWeight(s)
		total += weights[i]
	}
	done := 0
	for i, s := range p.sections {
		done += weights[i]
		target := start + budget*done/total
		w.line("## " + s)
		w.line("")
		for first := true; first || w.b.Len() < target; first = false {
			w.block(s, i)
		}
	}
}

// sectionWeight is a section's share of its page, relative to the others:
// the task list of a work package and the requirement lists of a PRD carry
// most of their pages, as in real documents.
func sectionWeight(section string) int {
	switch section {
	case "Tasks":
		return 6
	case "P0: Critical Blockers", "P1: Important":
		return 3
	case "How to read this document", "Scope", "Overview":
		return 1
	}
	return 2
}

func (w *pageWriter) intro() {
	switch w.page.kind {
	case kindPRD:
		w.printf("**Status**: %s → **%s**\n", pick(w.r, []string{"Pre-Alpha", "Draft", "Beta"}), pick(w.r, []string{"E2E Testing Complete", "In Review", "Accepted"}))
		w.printf("**Target**: %s\n", w.sentence())
		w.printf("**Last Updated**: %s\n\n", w.date())
	case kindTracker:
		w.paragraph(1, 2)
	case kindRunbook:
		w.paragraph(1, 3)
		w.line("---")
		w.line("")
	default:
		w.paragraph(1, 2)
	}
}

// block writes one block of section s (the i-th of the page).
func (w *pageWriter) block(s string, i int) {
	switch w.page.kind {
	case kindMilestone:
		w.milestoneBlock(s)
	case kindTasks:
		w.tasksBlock(s)
	case kindPRD:
		w.prdBlock(s)
	case kindTracker:
		w.trackerBlock(s)
	case kindRunbook:
		w.runbookBlock(s, i)
	default:
		w.noteBlock(s)
	}
}

// words returns between lo and hi vocabulary words joined by spaces.
func (w *pageWriter) words(lo, hi int) string {
	n := w.r.between(lo, hi)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = pick(w.r, words)
	}
	return strings.Join(parts, " ")
}

// sentence returns one sentence of prose, sometimes with inline code, bold
// text, a wiki-link or a markdown link in it.
func (w *pageWriter) sentence() string {
	var b strings.Builder
	n := w.r.between(6, 16)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		word := pick(w.r, words)
		if i == 0 {
			word = capitalize(word)
		}
		switch x := w.r.intn(100); {
		case x < 3 && i > 0:
			b.WriteString("`" + word + "_" + pick(w.r, words) + "`")
		case x < 5 && i > 0:
			b.WriteString("**" + word + "**")
		case x < 6:
			b.WriteString(w.wikiLink())
		default:
			b.WriteString(word)
		}
	}
	if w.r.chance(0.06) {
		b.WriteString(" " + w.mdLink())
	}
	if w.r.chance(0.02) {
		b.WriteString(", see https://status.example.org/" + pick(w.r, words))
	}
	b.WriteByte('.')
	return b.String()
}

func (w *pageWriter) paragraph(lo, hi int) {
	n := w.r.between(lo, hi)
	for i := 0; i < n; i++ {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		w.b.WriteString(w.sentence())
	}
	w.b.WriteString("\n\n")
}

// seeAlso writes a short line of wiki-links, the way status pages point at
// the plans and tasks behind an item.
func (w *pageWriter) seeAlso() {
	n := w.r.between(1, 2)
	links := make([]string, n)
	for i := range links {
		links[i] = w.wikiLink()
	}
	w.line("See " + strings.Join(links, " and ") + ".")
	w.line("")
}

func (w *pageWriter) date() string {
	d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, w.r.intn(670))
	return d.Format("2006-01-02")
}

func (w *pageWriter) topic() string { return pick(w.r, topics) }

// noun returns a vocabulary word of at least four letters.
func (w *pageWriter) noun() string {
	for {
		if s := pick(w.r, words); len(s) >= 4 {
			return s
		}
	}
}

// item returns a short work-item text: a verb and a few words.
func (w *pageWriter) item() string {
	s := pick(w.r, verbs) + " " + w.words(2, 7)
	if w.r.chance(0.04) {
		s += " (" + w.wikiLink() + ")"
	}
	return s
}

// checkbox returns a task-list box, mostly open or done, sometimes the
// Obsidian active [/] and dropped [-] forms.
func (w *pageWriter) checkbox(doneShare float64) string {
	switch x := w.r.next() % 1000; {
	case float64(x) < doneShare*1000:
		return pick(w.r, []string{"[x]", "[x]", "[X]"})
	case x > 980:
		return "[/]"
	case x > 965:
		return "[-]"
	default:
		return "[ ]"
	}
}

// image writes a markdown image or an image embed of one of the corpus's
// PNG files.
func (w *pageWriter) image() {
	if w.images == 0 {
		return
	}
	name := imageName(w.r.intn(w.images))
	if w.r.chance(0.5) {
		w.links = append(w.links, Link{Form: "image", Raw: name, Target: imageDir + "/" + name, Embed: true})
		w.line("![[" + name + "]]")
	} else {
		w.line("![" + w.words(1, 3) + "](" + relativePath(w.page.dir, imageDir) + "/" + name + ")")
	}
	w.line("")
}

// doneMarker returns a done marker as milestone headings carry it:
// "✅ FIXED (2026-03-15)".
func (w *pageWriter) doneMarker() string {
	return "✅ " + pick(w.r, doneWords) + " (" + w.date() + ")"
}

// capitalize upper-cases the first letter of an ASCII word.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
