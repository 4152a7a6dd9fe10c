package benchcorpus

import (
	"fmt"
	"strings"
)

// The writers of planning pages: milestones, task lists and PRDs. Each
// block method writes one self-contained block of its section.

// milestoneBlock writes one H3 heading item in the style of a pre-launch
// milestone: struck and ✅-marked when done, with a status word when in
// progress, plain when open, and a paragraph (sometimes a list) below.
func (w *pageWriter) milestoneBlock(section string) {
	t := w.topic()
	if w.r.chance(0.3) {
		t += " (" + pick(w.r, []string{"bug", "V7-" + fmt.Sprint(w.r.between(1, 12)), "follow-up", "ops"}) + ")"
	}
	doneShare := 0.6
	if section == "Completed" {
		doneShare = 0.97
	} else if section == "Post-launch" {
		doneShare = 0.1
	}
	switch x := w.r.next() % 100; {
	case float64(x) < doneShare*100:
		w.line("### ~~" + t + "~~ " + w.doneMarker())
	case x < 85:
		w.line("### " + t)
	case x < 93:
		w.line("### " + t + " 🟡 " + pick(w.r, activeWords))
	case x < 97:
		w.line("### " + t + " " + pick(w.r, blockedWords))
	default:
		w.line("### ~~" + t + "~~ " + pick(w.r, droppedWords))
	}
	w.paragraph(1, 2)
	switch x := w.r.intn(100); {
	case x < 20:
		// Struck bullets: done items written as strikethrough with a note.
		for i, n := 0, w.r.between(2, 4); i < n; i++ {
			if w.r.chance(0.7) {
				w.line("- ~~" + w.item() + "~~ " + pick(w.r, []string{"Done:", "Addressed:", "Fixed:"}) + " " + w.words(4, 10))
			} else {
				w.line("- " + w.item())
			}
		}
		w.line("")
	case x < 30:
		// ALL-CAPS status words on plain bullets, or the Obsidian Tasks
		// done-date form "Ship it ✅ 2026-03-15".
		for i, n := 0, w.r.between(2, 4); i < n; i++ {
			if w.r.chance(0.25) {
				w.line("- " + w.item() + " ✅ " + w.date())
			} else {
				w.line("- " + w.item() + " (" + pick(w.r, append(doneWords, "TODO", "IN PROGRESS")) + ")")
			}
		}
		w.line("")
	case x < 45:
		w.seeAlso()
	case x < 48:
		if e := w.embed(); e != "" {
			w.line(e)
			w.line("")
		}
	}
}

// tasksBlock writes one block of a phase work package: the task entries
// with parallel groups, dependencies, deliverables and acceptance criteria.
func (w *pageWriter) tasksBlock(section string) {
	switch section {
	case "Tasks":
		w.taskEntry()
	case "How to read this document":
		for i, n := 0, w.r.between(3, 5); i < n; i++ {
			w.line("- **" + capitalize(w.noun()) + "** " + w.sentence())
		}
		w.line("")
		w.line("---")
		w.line("")
	case "Scope":
		w.line("**Goal:** " + w.sentence())
		w.line("")
		w.paragraph(1, 3)
	default:
		w.paragraph(1, 3)
		if w.r.chance(0.4) {
			for i, n := 0, w.r.between(2, 4); i < n; i++ {
				w.line("- " + w.item())
			}
			w.line("")
		}
	}
}

func (w *pageWriter) taskEntry() {
	phase := strings.TrimPrefix(w.page.dir, "tasks/phase-")
	w.tasks++
	seq := w.tasks
	id := fmt.Sprintf("W%d-%d", w.page.index, seq)
	w.printf("### %s: %s\n\n", id, w.topic())
	w.printf("**Parallel group:** Phase %s\n", phase)
	w.printf("**Dependencies:** %s\n", w.taskDeps(seq))
	if w.r.chance(0.6) {
		lo := w.r.between(1, 6)
		w.printf("**Estimated Effort**: %d-%d hours\n", lo, lo+w.r.between(1, 4))
	}
	w.printf("**Target:** `%s` repo, `feat/%s-%s`\n\n", pick(w.r, services), id, pick(w.r, words))
	w.line("**Description:**")
	w.paragraph(1, 3)
	w.line("**Deliverables:**")
	for i, n := 0, w.r.between(2, 4); i < n; i++ {
		w.printf("- `app/%s/%s.py` — %s\n", pick(w.r, words), pick(w.r, words), w.words(3, 8))
	}
	w.line("")
	w.line("**Acceptance criteria:**")
	done := []float64{0, 0.2, 0.9}[w.r.intn(3)]
	for i, n := 0, w.r.between(3, 7); i < n; i++ {
		w.line("- " + w.checkbox(done) + " " + w.item())
		if w.r.chance(0.15) {
			for j, m := 0, w.r.between(1, 3); j < m; j++ {
				w.line("  - " + w.checkbox(done) + " " + w.item())
			}
		}
	}
	w.line("")
	w.line("---")
	w.line("")
}

// taskDeps are the dependencies of task seq of a work package, as real
// plans write them: mostly the task before it, sometimes one further back,
// the first task of an earlier work package, or an id defined nowhere.
func (w *pageWriter) taskDeps(seq int) string {
	var ids []string
	if seq > 1 && w.r.chance(0.6) {
		ids = append(ids, fmt.Sprintf("W%d-%d", w.page.index, seq-1))
	}
	if seq > 2 && w.r.chance(0.2) {
		ids = append(ids, fmt.Sprintf("W%d-%d", w.page.index, w.r.between(1, seq-2)))
	}
	if w.r.chance(0.25) {
		back := w.r.between(1, 20)
		for j := w.page.index - 1; j >= 0; j-- {
			if w.pages[j].kind == kindTasks {
				if back--; back == 0 {
					ids = append(ids, fmt.Sprintf("W%d-1", j))
					break
				}
			}
		}
	}
	if w.r.chance(0.04) {
		ids = append(ids, fmt.Sprintf("EXT-%d", w.r.between(1, 99)))
	}
	if len(ids) == 0 {
		return "None"
	}
	return strings.Join(ids, ", ")
}

// prdBlock writes one block of a product requirements document.
func (w *pageWriter) prdBlock(section string) {
	switch section {
	case "Overview":
		w.paragraph(2, 4)
		if w.r.chance(0.5) {
			w.line("```json")
			w.printf("{\n \"id\": \"did:web:%s.example\",\n \"service\": [{\"type\": \"%s\", \"endpoint\": \"https://%s.example\"}]\n}\n", pick(w.r, words), pick(w.r, words), pick(w.r, words))
			w.line("```")
			w.line("")
		}
	case "P0: Critical Blockers", "P1: Important", "P2: Nice to Have":
		w.prdRequirement()
	case "Testing Gaps":
		w.printf("#### %d. %s ✅ COMPLETE\n", w.r.between(1, 9), w.topic())
		w.printf("**What**: %s\n**Why**: %s\n\n", w.sentence(), w.sentence())
		for i, n := 0, w.r.between(4, 8); i < n; i++ {
			w.line("- " + w.checkbox(0.95) + " " + w.item())
		}
		w.printf("\n**Test Location**: `tests/e2e/%s_test.go`\n\n", pick(w.r, words))
	case "Timeline Estimate":
		w.printf("### Week %d: %s\n", w.r.between(1, 12), w.topic())
		for i, n := 0, w.r.between(2, 5); i < n; i++ {
			if w.r.chance(0.4) {
				w.printf("- ~~**Day %d**: %s~~ **COMPLETED**\n", i+1, w.item())
			} else {
				w.printf("- **Day %d**: %s\n", i+1, w.item())
			}
		}
		w.printf("\n**Total**: %d-%d hours\n\n", w.r.between(4, 20), w.r.between(21, 40))
	case "Success Criteria":
		for i, n := 0, w.r.between(3, 6); i < n; i++ {
			w.line("- " + w.checkbox(0.4) + " " + w.item())
			if w.r.chance(0.3) {
				w.line("  - " + w.item() + " (COMPLETE)")
			}
		}
		w.line("")
	case "Go/No-Go Decision Points":
		w.line("| Criterion | Status | Notes |")
		w.line("|-----------|--------|-------|")
		for i, n := 0, w.r.between(3, 8); i < n; i++ {
			w.printf("| %s | %s | %s |\n", w.topic(), w.statusCell(), w.words(3, 8))
		}
		w.line("")
	case "Risk Assessment":
		w.printf("### %s Risk\n", pick(w.r, []string{"Low", "Medium", "High"}))
		for i, n := 0, w.r.between(2, 4); i < n; i++ {
			if w.r.chance(0.5) {
				w.line("- ~~" + w.item() + "~~")
			} else {
				w.line("- " + w.item())
			}
		}
		w.line("")
	case "Next Steps":
		for i, n := 0, w.r.between(3, 6); i < n; i++ {
			mark := ""
			if w.r.chance(0.4) {
				mark = "✅ "
			}
			w.printf("%d. %s%s\n", i+1, mark, w.item())
		}
		w.line("")
	default:
		w.paragraph(1, 3)
	}
}

func (w *pageWriter) prdRequirement() {
	heading := fmt.Sprintf("### %d. %s", w.r.between(1, 20), w.topic())
	declared := w.r.chance(0.15)
	if declared {
		heading += " ✅ COMPLETE"
	}
	w.line(heading)
	if w.r.chance(0.4) {
		w.printf("**Problem**: %s\n\n", w.sentence())
	}
	done := 0.05
	if declared {
		done = 0.8
	}
	for i, n := 0, w.r.between(3, 7); i < n; i++ {
		w.line("- " + w.checkbox(done) + " " + w.item())
		if w.r.chance(0.35) {
			for j, m := 0, w.r.between(2, 4); j < m; j++ {
				w.line("  - " + w.checkbox(done) + " " + w.item())
			}
		}
	}
	w.printf("\n**Estimated Effort**: %d-%d hours\n", w.r.between(1, 6), w.r.between(7, 12))
	w.printf("**Risk**: %s\n\n", pick(w.r, []string{"Low", "Medium", "High"}))
	if w.r.chance(0.2) {
		w.seeAlso()
	}
}

// statusCell returns the text of a status-table cell.
func (w *pageWriter) statusCell() string {
	switch x := w.r.intn(100); {
	case x < 55:
		return pick(w.r, doneCells)
	case x < 65:
		return pick(w.r, activeCells)
	case x < 70:
		return pick(w.r, blockedCells)
	default:
		return pick(w.r, openCells)
	}
}
