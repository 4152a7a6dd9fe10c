// Command historyrepo writes a deterministic git repository of status
// pages with a long history, for measuring how fast milepost reads
// history: historyrepo -o DIR [-pages 1000] [-commits 5000] [-seed 1].
//
// DIR (which must not exist) becomes a work tree whose content/ folder
// holds the pages, in folders of 25. The first commit adds a fifth of the
// pages, the others arrive along the way; each later commit edits one to
// three pages the way a team does: mostly ticking boxes, also adding,
// rewording, reopening, dropping and removing items, and now and then
// moving a page to another folder. Commits are about two hours apart from
// 2025-01-06 on; one in fifty has an author date a few days early, as a
// rebased commit does. The commits go through one `git fast-import`.
// Exit 0 on success, 1 on failure, 2 on a usage error.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("historyrepo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "the repository to write (must not exist)")
	pages := fs.Int("pages", 1000, "pages at the end")
	commits := fs.Int("commits", 5000, "commits")
	seed := fs.Uint64("seed", 1, "seed; the same flags give the same repository")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *pages < 1 || *commits < 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: historyrepo -o DIR [-pages 1000] [-commits 5000] [-seed 1]")
		return 2
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(stderr, "historyrepo: %s exists\n", *out)
		return 1
	}
	start := time.Now()
	if err := generate(*out, *pages, *commits, *seed); err != nil {
		fmt.Fprintln(stderr, "historyrepo:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %d pages, %d commits in %.1fs\n", *out, *pages, *commits, time.Since(start).Seconds())
	return 0
}

// item is one line of a page.
type item struct {
	text  string
	state byte // ' ', 'x', '/', '-'
}

type page struct {
	path  string
	title string
	items []item
}

func (p *page) bytes() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nWhat the team is doing on %s.\n\n## Work\n\n", p.title, strings.ToLower(p.title))
	for _, it := range p.items {
		fmt.Fprintf(&b, "- [%c] %s\n", it.state, it.text)
	}
	return []byte(b.String())
}

var (
	verbs   = []string{"Write", "Ship", "Review", "Test", "Design", "Document", "Fix", "Measure", "Move", "Polish", "Deploy", "Plan"}
	objects = []string{"the importer", "the login page", "the sync engine", "search", "the release notes", "the API docs",
		"backups", "the alerts", "the mobile layout", "dark mode", "the onboarding flow", "the billing page", "the cache",
		"the export to CSV", "the audit log", "rate limits", "the admin panel", "offline mode", "the changelog"}
	extras = []string{"", "", "", " for new users", " on staging", " in the EU region", " with the new schema", " before the launch"}
)

type generator struct {
	rng   *rand.Rand
	pages []*page
	next  int // pages made so far
	total int
}

func (g *generator) newItem() item {
	r := g.rng
	return item{text: verbs[r.IntN(len(verbs))] + " " + objects[r.IntN(len(objects))] + extras[r.IntN(len(extras))], state: ' '}
}

func (g *generator) newPage() *page {
	n := g.next
	g.next++
	p := &page{path: fmt.Sprintf("content/area-%02d/page-%04d.md", n/25, n), title: fmt.Sprintf("Workstream %d", n)}
	for i, k := 0, 10+g.rng.IntN(30); i < k; i++ {
		p.items = append(p.items, g.newItem())
	}
	g.pages = append(g.pages, p)
	return p
}

// edit changes one page as a team would; it returns the page's old path
// when the page moved.
func (g *generator) edit(p *page) (moved string) {
	r := g.rng
	var open, done []int
	for i, it := range p.items {
		switch it.state {
		case ' ', '/':
			open = append(open, i)
		case 'x':
			done = append(done, i)
		}
	}
	switch k := r.IntN(100); {
	case k < 55 && len(open) > 0: // tick a box
		p.items[open[r.IntN(len(open))]].state = 'x'
	case k < 65 && len(open) > 0: // start something
		p.items[open[r.IntN(len(open))]].state = '/'
	case k < 78: // more scope
		at := r.IntN(len(p.items) + 1)
		p.items = append(p.items[:at], append([]item{g.newItem()}, p.items[at:]...)...)
	case k < 85 && len(p.items) > 0: // reword
		i := r.IntN(len(p.items))
		p.items[i].text = strings.Replace(p.items[i].text, " the ", " the new ", 1) + "."
	case k < 89 && len(done) > 0: // reopen
		p.items[done[r.IntN(len(done))]].state = ' '
	case k < 93 && len(open) > 0: // drop
		p.items[open[r.IntN(len(open))]].state = '-'
	case k < 97 && len(p.items) > 1: // remove
		i := r.IntN(len(p.items))
		p.items = append(p.items[:i], p.items[i+1:]...)
	case k < 98: // move to another folder
		old := p.path
		p.path = fmt.Sprintf("content/area-%02d/%s", r.IntN(g.total/25+1), filepath.Base(p.path))
		for _, q := range g.pages {
			if q != p && q.path == p.path {
				p.path = old // taken: stay
				return ""
			}
		}
		if p.path != old {
			return old
		}
	default: // a new item, done at once
		p.items = append(p.items, item{text: g.newItem().text, state: 'x'})
	}
	return ""
}

func generate(dir string, pages, commits int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	git := func(stdin io.Reader, args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Stdin, cmd.Stderr = dir, stdin, os.Stderr
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
		return cmd.Run()
	}
	if err := git(nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- git(pr, "fast-import", "--quiet") }()
	w := bufio.NewWriterSize(pw, 1<<20)
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x6d696c65706f7374)), total: pages}
	when := time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)
	for c := 0; c < commits; c++ {
		var changed []*page
		var removed []string
		if c == 0 {
			for i := 0; i < max(1, pages/5); i++ {
				changed = append(changed, g.newPage())
			}
		} else {
			// Pages still to come arrive evenly along the way.
			if due := pages/5 + (pages-pages/5)*(c+1)/commits; g.next < due {
				changed = append(changed, g.newPage())
			}
			for k := 1 + g.rng.IntN(3); k > 0; k-- {
				p := g.pages[g.rng.IntN(len(g.pages))]
				if old := g.edit(p); old != "" {
					removed = append(removed, old)
				}
				changed = append(changed, p)
			}
		}
		when = when.Add(time.Duration(60+g.rng.IntN(150)) * time.Minute)
		author := when
		if c > 0 && g.rng.IntN(50) == 0 {
			author = when.Add(-time.Duration(1+g.rng.IntN(5)) * 24 * time.Hour)
		}
		msg := fmt.Sprintf("Update %d pages", len(changed))
		fmt.Fprintf(w, "commit refs/heads/main\nauthor Bench <bench@example.com> %d +0000\ncommitter Bench <bench@example.com> %d +0000\ndata %d\n%s\n",
			author.Unix(), when.Unix(), len(msg), msg)
		sort.Strings(removed)
		for _, old := range removed {
			fmt.Fprintf(w, "D %s\n", old)
		}
		seen := map[*page]bool{}
		for _, p := range changed {
			if seen[p] {
				continue
			}
			seen[p] = true
			data := p.bytes()
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", p.path, len(data))
			w.Write(data)
			w.WriteString("\n")
		}
	}
	w.WriteString("done\n")
	if err := w.Flush(); err != nil {
		return err
	}
	pw.Close()
	if err := <-done; err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	return git(nil, "checkout", "-q", "-f", "main")
}
