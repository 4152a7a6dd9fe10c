package marker

import (
	"sort"
	"strings"
	"unicode"
)

// Vocabulary is the set of words and emoji that declare each state. Build
// one with Default (and extend it with With); a Vocabulary is read-only once
// built and safe for concurrent use. The zero value knows no markers.
type Vocabulary struct {
	// Words per state, upper case as written in the spec ("IN PROGRESS").
	Words map[State][]string
	// Emoji per state, without variation selectors.
	Emoji map[State][]string

	idx *index // compiled form of Words and Emoji; nil until built
}

// defaultWords and defaultEmoji are the spec's vocabulary. They are returned
// as fresh copies by Default, never shared.
func defaultWords() map[State][]string {
	w := map[State][]string{
		Done:    {"DONE", "COMPLETE", "COMPLETED", "FIXED", "RESOLVED", "DEPLOYED", "MERGED", "SHIPPED", "RELEASED", "CLOSED", "FINISHED", "APPROVED", "ACCEPTED", "SIGNED OFF", "VERIFIED", "GENERALLY AVAILABLE", "IMPLEMENTED", "MIGRATED", "LIVE", "PASS", "PASSED", "PUBLISHED", "MITIGATED", "REMEDIATED", "HIRED", "GRADED", "ADDRESSED", "ALREADY DONE", "DRAFT COMPLETE", "DRAFT COMPLETED", "DRAFT DONE", "DRAFT FINISHED", "ANSWERED"},
		Active:  {"IN PROGRESS", "IN-PROGRESS", "WIP", "ONGOING", "STARTED", "DOING", "IN REVIEW", "NEEDS TESTING", "PARTIAL", "PARTIALLY", "WAITING FOR REVIEW", "ON TRACK", "AT RISK", "OFF TRACK", "IN QA", "IN TESTING", "NEEDS REVIEW", "IN DEVELOPMENT", "INVESTIGATING", "ROLLING OUT", "IN REMEDIATION", "INTERVIEWING", "SOURCING", "OFFER EXTENDED", "UNDER REVIEW", "DRAFTING", "IN DRAFT", "MONITORING", "IN FLIGHT", "HALFWAY", "ABOUT HALFWAY", "HALF DONE", "ALMOST DONE", "NEARLY DONE", "MOSTLY DONE", "PARTIALLY ADDRESSED", "FINAL COMMENT PERIOD", "FIRST DRAFT", "IN WORK", "UNDERWAY", "UNDER WAY", "IN NEGOTIATION", "PENDING REVIEW"},
		Blocked: {"BLOCKED", "ON HOLD", "WAITING", "PAUSED", "BLOCKER", "NO-GO", "NO GO"},
		Open:    {"TODO", "TO DO", "NOT STARTED", "NOT DONE", "OPEN", "PLANNED", "PENDING", "NOT IMPLEMENTED", "BACKLOG", "MISSING", "NOT APPROVED", "NOT ACCEPTED", "NOT SIGNED OFF", "NOT YET SIGNED OFF", "NOT VERIFIED", "NOT COMPLETE", "NOT COMPLETED", "NOT MERGED", "NOT FIXED", "NOT RESOLVED", "NOT DEPLOYED", "NOT RELEASED", "NOT SHIPPED", "NOT FINISHED", "NOT MIGRATED", "NOT LIVE", "FAIL", "FAILED", "NOT ADDRESSED"},
		Dropped: {"CANCELLED", "CANCELED", "WONTFIX", "WON'T FIX", "WON'T DO", "WON'T HAVE", "DROPPED", "OBSOLETE", "NOT PLANNED", "NOT SUPPORTED", "REJECTED", "DECLINED", "SUPERSEDED", "DEPRECATED", "WITHDRAWN", "ABANDONED", "DESCOPED", "OUT OF SCOPE", "DEFERRED", "DUPLICATE", "NOT APPLICABLE", "SKIPPED", "SCRAPPED", "DISMISSED", "FALSE POSITIVE", "WILL NOT FIX", "WILL NOT DO", "WON'T IMPLEMENT", "NOT NEEDED", "NO LONGER NEEDED", "NOT WORTH IT", "DECIDED AGAINST", "NOT DOING", "CUT", "GAVE UP", "DID NOT FINISH", "ACCEPTED RISK", "RISK ACCEPTED", "CANNOT REPRODUCE", "CAN'T REPRODUCE", "NOT A VULNERABILITY", "NOT A BUG", "VOID", "VOIDED", "WON'T BE FIXED", "WILL NOT BE FIXED", "WON'T BE DONE", "DISCONTINUED", "CHANGED MY MIND", "CHANGED OUR MINDS"},
	}
	for st, words := range otherLanguages {
		w[st] = append(w[st], words...)
	}
	return w
}

// otherLanguages are the common status words of trackers written in
// German, Spanish, French, Portuguese, Italian, Japanese, Chinese and
// Korean. Each is read as a cellWord is: in a status cell, a note, a
// label or a legend, never in a sentence. A word two languages share is
// listed once. A negated done word is listed as open ("Nicht erledigt",
// "Pas fait"), as the longest phrase wins. Like every phrase, each opens
// with a word of two letters or more (so not "À faire"), which lets
// index.plain skip most text.
var otherLanguages = map[State][]string{
	Done: {"ERLEDIGT", "FERTIG", "ABGESCHLOSSEN", "UMGESETZT", "HECHO", "COMPLETADO", "TERMINADO", "FINALIZADO",
		"TERMINÉ", "FAIT", "FINI", "LIVRÉ", "CONCLUÍDO", "FEITO", "COMPLETATO", "FATTO",
		"完了", "対応済み", "済み", "已完成", "完成", "완료"},
	Active: {"FAST FERTIG", "PRESQUE FINI", "QUASI FATTO", "CASI TERMINADO", "IN ARBEIT", "IN BEARBEITUNG",
		"EN PROGRESO", "EN CURSO", "EN PROCESO", "EN COURS", "EM ANDAMENTO", "EM PROGRESSO", "IN CORSO", "対応中", "進行中", "作業中", "进行中", "处理中", "진행 중", "진행중"},
	Blocked: {"BLOCKIERT", "PAUSIERT", "WARTET", "BLOQUEADO", "EN ESPERA", "BLOQUÉ", "EN ATTENTE", "BLOCCATO",
		"保留", "確認待ち", "承認待ち", "返答待ち", "阻塞", "暂停", "보류"},
	Open: {"NICHT ERLEDIGT", "NICHT FERTIG", "NICHT ABGESCHLOSSEN", "PAS FAIT", "PAS ENCORE FAIT", "PAS TERMINÉ",
		"NON TERMINÉ", "NON FAIT", "NON FATTO", "NON COMPLETATO", "NÃO FEITO", "NÃO CONCLUÍDO", "NO HECHO",
		"NO TERMINADO", "未完了", "未完成", "미완료", "OFFEN", "AUSSTEHEND", "GEPLANT", "NICHT BEGONNEN", "PENDIENTE", "POR HACER", "SIN EMPEZAR",
		"NO INICIADO", "NON COMMENCÉ", "PRÉVU", "PENDENTE", "NÃO INICIADO",
		"DA FARE", "未着手", "未対応", "未开始", "待办", "待处理", "예정", "시작 전"},
	Dropped: {"ABGEBROCHEN", "VERWORFEN", "ENTFÄLLT", "STORNIERT", "ZURÜCKGESTELLT", "CANCELADO", "DESCARTADO", "ANNULÉ", "ABANDONNÉ",
		"ANNULLATO", "中止", "取り下げ", "已取消", "취소"},
}

// otherLanguage says which words come from otherLanguages.
var otherLanguage = func() map[string]bool {
	m := map[string]bool{}
	for _, words := range otherLanguages {
		for _, w := range words {
			m[w] = true
		}
	}
	return m
}()

// cellWords are status words that are also what specs and task texts
// name ("return 202 ACCEPTED", "mark a request APPROVED or REJECTED",
// "remove DEPRECATED endpoints"): they count wherever any case does (a
// status cell, a note, a label, a legend), never as capitals in a
// sentence.
var cellWords = map[string]bool{
	"APPROVED": true, "ACCEPTED": true, "SIGNED OFF": true, "VERIFIED": true, "DOING": true,
	"GENERALLY AVAILABLE": true, "IMPLEMENTED": true, "MIGRATED": true, "LIVE": true,
	"IN QA": true, "IN TESTING": true, "NEEDS REVIEW": true, "IN DEVELOPMENT": true,
	"PAUSED": true, "NOT MIGRATED": true, "NOT LIVE": true, "PASS": true, "PASSED": true,
	"FAIL": true, "FAILED": true, "NOT APPLICABLE": true,
	"ON TRACK": true, "AT RISK": true, "OFF TRACK": true,
	"WON'T HAVE": true, "REJECTED": true, "DECLINED": true, "SUPERSEDED": true, "DEPRECATED": true,
	"WITHDRAWN": true, "ABANDONED": true, "DESCOPED": true, "OUT OF SCOPE": true, "DEFERRED": true,
	"DUPLICATE": true, "PUBLISHED": true, "MITIGATED": true, "INVESTIGATING": true, "ROLLING OUT": true,
	"SKIPPED": true, "SCRAPPED": true, "DISMISSED": true,
	"REMEDIATED": true, "HIRED": true, "IN REMEDIATION": true, "INTERVIEWING": true, "SOURCING": true,
	"OFFER EXTENDED": true, "FALSE POSITIVE": true, "WILL NOT FIX": true, "WILL NOT DO": true,
	"WON'T IMPLEMENT": true, "NOT NEEDED": true, "NO LONGER NEEDED": true, "NOT WORTH IT": true, "DECIDED AGAINST": true,
	"NOT DOING": true, "CUT": true, "UNDER REVIEW": true, "DRAFTING": true, "IN DRAFT": true, "GRADED": true,
	"MONITORING": true, "IN FLIGHT": true, "BLOCKER": true, "NO-GO": true, "NO GO": true,
	"GAVE UP": true, "DID NOT FINISH": true, "HALFWAY": true, "ABOUT HALFWAY": true,
	"HALF DONE": true, "ACCEPTED RISK": true, "RISK ACCEPTED": true, "CANNOT REPRODUCE": true,
	"CAN'T REPRODUCE": true, "NOT APPROVED": true, "NOT ACCEPTED": true, "NOT SIGNED OFF": true, "NOT YET SIGNED OFF": true,
	"NOT VERIFIED": true, "NOT COMPLETE": true, "NOT COMPLETED": true, "NOT MERGED": true,
	"NOT FIXED": true, "NOT RESOLVED": true, "NOT DEPLOYED": true, "NOT RELEASED": true,
	"NOT SHIPPED": true, "NOT FINISHED": true,
	// a response to reviewers', a security advisory's, an RFC's, a writer's
	"ADDRESSED": true, "PARTIALLY ADDRESSED": true, "NOT ADDRESSED": true, "NOT A VULNERABILITY": true,
	"NOT A BUG": true, "FINAL COMMENT PERIOD": true, "FIRST DRAFT": true,
	"ALREADY DONE": true, "DRAFT COMPLETE": true, "DRAFT COMPLETED": true, "DRAFT DONE": true, "DRAFT FINISHED": true,
	// an RFI log's, a part's, a contract's, a shot's
	"ANSWERED": true, "VOID": true, "VOIDED": true, "IN WORK": true, "UNDERWAY": true, "UNDER WAY": true,
	"IN NEGOTIATION": true, "PENDING REVIEW": true, "WON'T BE FIXED": true, "WILL NOT BE FIXED": true, "WON'T BE DONE": true,
	"DISCONTINUED": true, "CHANGED MY MIND": true, "CHANGED OUR MINDS": true,
}

// tailWords are the cellWords a decision or a sign-off ends its line with
// ("Security: APPROVED", "Offline mode — REJECTED", "Retries — NOT
// COMPLETE"): read in capitals there, after a dash or a colon. LIVE or
// DOING there name a mode or a stage ("Switch mode: LIVE").
var tailWords = map[string]bool{
	"APPROVED": true, "ACCEPTED": true, "SIGNED OFF": true, "VERIFIED": true, "REJECTED": true,
	"DECLINED": true, "SUPERSEDED": true, "DEPRECATED": true, "WITHDRAWN": true, "ABANDONED": true,
	"DESCOPED": true, "OUT OF SCOPE": true, "DEFERRED": true, "DUPLICATE": true, "WON'T HAVE": true,
	"NOT APPROVED": true, "NOT ACCEPTED": true, "NOT SIGNED OFF": true, "NOT YET SIGNED OFF": true,
	"NOT VERIFIED": true, "NOT COMPLETE": true, "NOT COMPLETED": true, "NOT MERGED": true,
	"NOT FIXED": true, "NOT RESOLVED": true, "NOT DEPLOYED": true, "NOT RELEASED": true,
	"NOT SHIPPED": true, "NOT FINISHED": true, "IMPLEMENTED": true, "MIGRATED": true,
	"PASS": true, "PASSED": true, "FAIL": true, "FAILED": true,
}

func defaultEmoji() map[State][]string {
	return map[State][]string{
		Done:    {"✅", "✔", "✓", "☑", "☒", "🟢"},
		Active:  {"🟡", "🚧", "⏳", "🔄"},
		Blocked: {"⛔", "🛑", "🚫", "⏸"},
		Open:    {"⬜", "☐", "🔲", "🔴", "⭕", "❌", "✖", "✗", "✘"},
	}
}

// Default returns the spec's vocabulary. GitHub shortcodes
// (:white_check_mark:, :construction:, …) need no entry: the parser turns
// them into the emoji listed here.
func Default() *Vocabulary {
	return build(defaultWords(), defaultEmoji())
}

// With returns a new vocabulary holding v's markers plus the extra words and
// emoji per state (site config). A word or emoji that v gives to another
// state moves to the state given here. Words are matched in capitals, so
// they are upper-cased; variation selectors are dropped from emoji. v is
// not modified.
func (v *Vocabulary) With(extraWords, extraEmoji map[State][]string) *Vocabulary {
	words := merge(v.Words, extraWords, normalizeWord)
	emoji := merge(v.Emoji, extraEmoji, stripSelectors)
	return build(words, emoji)
}

func build(words, emoji map[State][]string) *Vocabulary {
	v := &Vocabulary{Words: words, Emoji: emoji}
	v.idx = newIndex(words, emoji)
	return v
}

// merge copies base and adds extra, normalising extra's entries and moving
// any entry that extra claims out of the state base gave it.
func merge(base, extra map[State][]string, norm func(string) string) map[State][]string {
	claimed := map[string]State{}
	for st, list := range extra {
		for _, e := range list {
			if e = norm(e); e != "" {
				claimed[e] = st
			}
		}
	}
	out := map[State][]string{}
	seen := map[string]bool{}
	add := func(st State, e string) {
		if e == "" || seen[e] {
			return
		}
		seen[e] = true
		out[st] = append(out[st], e)
	}
	for _, st := range States() {
		for _, e := range base[st] {
			if owner, ok := claimed[e]; ok && owner != st {
				continue
			}
			add(st, e)
		}
	}
	for _, st := range States() {
		for _, e := range extra[st] {
			add(st, norm(e))
		}
	}
	return out
}

func normalizeWord(w string) string {
	return strings.Join(strings.Fields(strings.ToUpper(w)), " ")
}

func stripSelectors(s string) string {
	return strings.Map(func(r rune) rune {
		if isSelector(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

func isSelector(r rune) bool { return r == '\uFE0E' || r == '\uFE0F' }

// index is the compiled vocabulary: phrases split into words and sorted
// longest first, emoji as rune sequences sorted longest first.
type index struct {
	phrases []phrase
	// byFirst lists, by first rune, the phrases that start with it, in
	// the order of phrases (longest first): a word is compared only with
	// the phrases it can start.
	byFirst map[rune][]int
	// twoCaps says every phrase starts with two letters: then a text with
	// no two upper-case letters in a row holds no upper-case phrase.
	twoCaps    bool
	emoji      []emojiEntry
	asciiEmoji bool // some emoji is plain ASCII (configured), so ASCII text may hold one
}

type phrase struct {
	words  [][]rune // upper case
	state  State
	length int  // runes, spaces counted once
	cell   bool // one of cellWords: never read as capitals in prose
	tail   bool // one of tailWords: read as capitals where it ends the text
}

type emojiEntry struct {
	runes []rune
	state State
}

func newIndex(words, emoji map[State][]string) *index {
	idx := &index{}
	for _, st := range States() {
		for _, w := range words[st] {
			fields := strings.Fields(normalizeWord(w))
			if len(fields) == 0 {
				continue
			}
			p := phrase{state: st, cell: cellWords[strings.Join(fields, " ")] || otherLanguage[strings.Join(fields, " ")], tail: tailWords[strings.Join(fields, " ")]}
			for i, f := range fields {
				p.words = append(p.words, []rune(f))
				p.length += len([]rune(f))
				if i > 0 {
					p.length++
				}
			}
			idx.phrases = append(idx.phrases, p)
		}
		for _, e := range emoji[st] {
			if r := []rune(stripSelectors(e)); len(r) > 0 {
				idx.emoji = append(idx.emoji, emojiEntry{runes: r, state: st})
				idx.asciiEmoji = idx.asciiEmoji || !hasNonASCII(string(r))
			}
		}
	}
	sort.SliceStable(idx.phrases, func(i, j int) bool { return idx.phrases[i].length > idx.phrases[j].length })
	idx.byFirst = map[rune][]int{}
	idx.twoCaps = true
	for i, p := range idx.phrases {
		first := p.words[0][0]
		idx.byFirst[first] = append(idx.byFirst[first], i)
		w := p.words[0]
		idx.twoCaps = idx.twoCaps && len(w) >= 2 && unicode.IsLetter(w[0]) && unicode.IsLetter(w[1])
	}
	sort.SliceStable(idx.emoji, func(i, j int) bool { return len(idx.emoji[i].runes) > len(idx.emoji[j].runes) })
	return idx
}

// compiled returns the vocabulary's index, building a temporary one for a
// Vocabulary assembled by hand (never cached: a Vocabulary is shared
// between goroutines).
func (v *Vocabulary) compiled() *index {
	if v == nil {
		return &index{}
	}
	if v.idx != nil {
		return v.idx
	}
	return newIndex(v.Words, v.Emoji)
}

// upper is unicode.ToUpper, named for the case-folding comparison in cells.
func upper(r rune) rune { return unicode.ToUpper(r) }
