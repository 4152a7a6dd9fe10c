package benchcorpus

import "strings"

// The writers of trackers, runbooks and plain notes.

// trackerBlock writes one status table (or, in Known Considerations, a
// list of bold-led notes).
func (w *pageWriter) trackerBlock(section string) {
	if section == "Known Considerations" {
		for i, n := 0, w.r.between(2, 4); i < n; i++ {
			w.line("- **" + w.topic() + "**: " + w.sentence())
		}
		w.line("")
		return
	}
	if section == "Code Review Fixes" {
		w.line("### " + pick(w.r, []string{"Critical", "Major", "Minor"}))
		w.line("")
		w.line("| # | Issue | Status | Notes |")
		w.line("|---|-------|--------|-------|")
		for i, n := 0, w.r.between(3, 8); i < n; i++ {
			w.printf("| %d | %s | %s | %s |\n", i+1, w.topic(), w.statusCell(), w.words(3, 9))
		}
		w.line("")
		return
	}
	head := "| Component | Status | Notes |"
	if section == "Pre-Deployment (Requires Human)" {
		head = "| Task | Status | Owner |"
	}
	w.line(head)
	w.line("|-----------|--------|-------|")
	for i, n := 0, w.r.between(4, 10); i < n; i++ {
		first := w.topic()
		if w.r.chance(0.1) {
			first = "`" + pick(w.r, words) + "/" + pick(w.r, words) + ".go`"
		}
		if w.r.chance(0.03) {
			// A wiki-link with a label inside a table cell needs its pipe
			// escaped, or the table splits the cell.
			first = strings.Replace(w.wikiLink(), "|", `\|`, 1)
		}
		last := w.words(3, 9)
		if section == "Pre-Deployment (Requires Human)" {
			last = pick(w.r, people)
		}
		w.printf("| %s | %s | %s |\n", first, w.statusCell(), last)
	}
	w.line("")
}

// runbookBlock writes one numbered procedure step with commands.
func (w *pageWriter) runbookBlock(section string, sectionIndex int) {
	if strings.HasSuffix(section, "Troubleshooting") {
		for i, n := 0, w.r.between(2, 4); i < n; i++ {
			w.printf("- **`%s` shows `%s`.** %s\n", pick(w.r, services), pick(w.r, []string{"502 Bad Gateway", "403 Forbidden", "connection refused", "Invalid state"}), w.sentence())
		}
		w.line("")
		return
	}
	w.printf("### %d.%d %s\n\n", sectionIndex, w.r.between(1, 9), w.topic())
	if w.r.chance(0.4) {
		w.printf("**%d.%d.%d %s.** ", sectionIndex, w.r.between(1, 9), w.r.between(1, 9), w.item())
	}
	w.paragraph(1, 2)
	w.line("```" + pick(w.r, []string{"sh", "sh", "sh", "ini", ""}))
	for i, n := 0, w.r.between(2, 6); i < n; i++ {
		svc := pick(w.r, services)
		switch w.r.intn(3) {
		case 0:
			w.printf("%s %s\n", pick(w.r, shells), svc)
		case 1:
			w.printf("%s_%s=%s\n", strings.ToUpper(svc), strings.ToUpper(pick(w.r, words)), pick(w.r, words))
		default:
			w.printf("sudo -u %s /opt/%s/bin/%s --%s # %s\n", svc, svc, pick(w.r, words), pick(w.r, words), w.words(2, 5))
		}
	}
	w.line("```")
	w.line("")
	switch x := w.r.intn(100); {
	case x < 15:
		for i, n := 0, w.r.between(2, 5); i < n; i++ {
			w.line("- " + w.checkbox(0.3) + " " + w.item())
		}
		w.line("")
	case x < 35:
		for i, n := 0, w.r.between(2, 5); i < n; i++ {
			w.printf("%d. %s\n", i+1, w.sentence())
		}
		w.line("")
	case x < 45:
		w.seeAlso()
	case x < 50:
		w.image()
	}
}

// noteBlock writes a paragraph of a plan or design note, with the odd list,
// image or list of related pages.
func (w *pageWriter) noteBlock(section string) {
	if section == "Links" {
		for i, n := 0, w.r.between(2, 5); i < n; i++ {
			w.line("- " + w.wikiLink())
		}
		w.line("")
		return
	}
	w.paragraph(1, 4)
	switch x := w.r.intn(100); {
	case x < 20:
		for i, n := 0, w.r.between(2, 4); i < n; i++ {
			w.line("- " + w.sentence())
		}
		w.line("")
	case x < 28:
		w.image()
	case x < 31:
		if e := w.embed(); e != "" {
			w.line(e)
			w.line("")
		}
	case x < 40:
		w.printf("> %s\n\n", w.sentence())
	case x < 45:
		w.printf("Decided %s by %s.\n\n", w.date(), pick(w.r, people))
	}
}
