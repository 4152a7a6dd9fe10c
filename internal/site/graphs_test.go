package site_test

import (
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/milepost/milepost/internal/depgraph"
)

// drawn is a node box as the page's SVG draws it: its class, box and the
// lines of text in it with their positions.
type drawn struct {
	class, title string
	box          depgraph.Box
	texts        []drawnText
}

type drawnText struct {
	x, y float64
	bold bool
	text string
}

var (
	nodeRE = regexp.MustCompile(`<(?:a href="[^"]*"|g) class="(dg-n[^"]*)"><title>([^<]*)</title><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*/>(.*?)</(?:a|g)>`)
	textRE = regexp.MustCompile(`<text x="([\d.]+)" y="([\d.]+)"( font-weight="700")?>([^<]*)</text>`)
)

func atof(t *testing.T, s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// drawnNodes reads the node boxes of the one graph in a page.
func drawnNodes(t *testing.T, html string) []drawn {
	t.Helper()
	start, end := strings.Index(html, `<svg class="dg"`), strings.Index(html, `</svg></div><figcaption`)
	if start < 0 || end < 0 {
		t.Fatal("no dependency graph drawn")
	}
	var out []drawn
	for _, m := range nodeRE.FindAllStringSubmatch(html[start:end], -1) {
		d := drawn{class: m[1], title: strings.ReplaceAll(m[2], "&#39;", "'"),
			box: depgraph.Box{X: atof(t, m[3]), Y: atof(t, m[4]), W: atof(t, m[5]), H: atof(t, m[6])}}
		for _, tm := range textRE.FindAllStringSubmatch(m[7], -1) {
			text := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'", "&#34;", `"`).Replace(tm[4])
			d.texts = append(d.texts, drawnText{atof(t, tm[1]), atof(t, tm[2]), tm[3] != "", text})
		}
		out = append(out, d)
	}
	return out
}

// checkDrawn fails when two boxes intersect or a line of text leaves its
// box (measured as the drawing measures it, with 11px Verdana's widths).
func checkDrawn(t *testing.T, nodes []drawn) {
	t.Helper()
	for i, a := range nodes {
		for _, b := range nodes[i+1:] {
			if a.box.Overlaps(b.box) {
				t.Errorf("boxes of %q and %q intersect: %v %v", a.title, b.title, a.box, b.box)
			}
		}
		for _, tx := range a.texts {
			w := depgraph.TextLen(tx.text, tx.bold)
			if tx.x < a.box.X || tx.x+w > a.box.X+a.box.W || tx.y-11 < a.box.Y || tx.y+3 > a.box.Y+a.box.H {
				t.Errorf("label %q (%g px wide at %g,%g) leaves the box of %q %v", tx.text, w, tx.x, tx.y, a.title, a.box)
			}
		}
	}
}

// TestPhase4Graph builds the seed's tasks/phase 4.md and reads its drawn
// graph: P4-7 comes after every other P4 task, P4-2 after P4-1, the
// other phases' tasks are drawn outside the page, and no boxes or labels
// collide.
func TestPhase4Graph(t *testing.T) {
	src, err := os.ReadFile("testdata/graphs/tasks/phase 4.md")
	if err != nil {
		t.Fatal(err)
	}
	_, files, err := build(t, fstest.MapFS{"content/tasks/phase 4.md": {Data: src}})
	if err != nil {
		t.Fatal(err)
	}
	nodes := drawnNodes(t, string(files["tasks/phase-4/index.html"]))
	checkDrawn(t, nodes)
	byID := map[string]drawn{}
	for _, n := range nodes {
		byID[strings.TrimSuffix(strings.Fields(n.title)[0], ",")] = n
	}
	for _, id := range []string{"P4-1", "P4-2", "P4-3", "P4-4", "P4-5", "P4-6", "P4-7", "P1-7", "P2-2", "P3-7"} {
		if _, ok := byID[id]; !ok {
			t.Fatalf("%s is not drawn (nodes %v)", id, byID)
		}
	}
	for _, id := range []string{"P4-1", "P4-2", "P4-3", "P4-4", "P4-5", "P4-6"} {
		if byID[id].box.X+byID[id].box.W > byID["P4-7"].box.X {
			t.Errorf("P4-7 is not after %s: %v %v", id, byID["P4-7"].box, byID[id].box)
		}
		if strings.Contains(byID[id].class, "dg-o") {
			t.Errorf("%s is drawn outside the page", id)
		}
	}
	if byID["P4-1"].box.X+byID["P4-1"].box.W > byID["P4-2"].box.X {
		t.Errorf("P4-2 is not after P4-1")
	}
	for _, id := range []string{"P1-7", "P2-2", "P3-7"} {
		if !strings.Contains(byID[id].class, "dg-o") || !strings.Contains(byID[id].title, "not in this site") {
			t.Errorf("%s is not drawn as outside: %+v", id, byID[id])
		}
	}
}

// TestGeneratedGraph builds a page of 100 items with 150 dependencies
// between them (random, seeded, with a few cycles) and checks its drawing.
func TestGeneratedGraph(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	words := []string{"sync", "engine", "login", "page", "migration", "of", "the", "database", "schema", "WWW", "release", "notes", "Überprüfung"}
	deps := make([][]int, 100)
	seen := map[[2]int]bool{}
	for n := 0; n < 150; {
		// the first 100 edges touch every item; the rest are random
		a, b := n%100, rng.Intn(100)
		if n >= 100 {
			a = rng.Intn(100)
		}
		if a > b && rng.Intn(25) != 0 {
			a, b = b, a
		}
		if a == b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		deps[b] = append(deps[b], a)
		n++
	}
	var page strings.Builder
	page.WriteString("# Generated\n\n")
	for i := 0; i < 100; i++ {
		var title []string
		for k := 0; k < 1+rng.Intn(8); k++ {
			title = append(title, words[rng.Intn(len(words))])
		}
		box := []string{"[ ]", "[x]", "[/]"}[rng.Intn(3)]
		fmt.Fprintf(&page, "- %s %s 🆔 g%d", box, strings.Join(title, " "), i)
		if len(deps[i]) > 0 {
			ids := make([]string, len(deps[i]))
			for k, d := range deps[i] {
				ids[k] = fmt.Sprintf("g%d", d)
			}
			fmt.Fprintf(&page, " ⛔ %s", strings.Join(ids, ","))
		}
		page.WriteString("\n")
	}
	_, files, err := build(t, fstest.MapFS{"content/gen.md": {Data: []byte(page.String())}})
	if err != nil {
		t.Fatal(err)
	}
	html := string(files["gen/index.html"])
	nodes := drawnNodes(t, html)
	if len(nodes) != 100 {
		t.Fatalf("%d nodes drawn, want 100", len(nodes))
	}
	checkDrawn(t, nodes)
	if n := strings.Count(html[strings.Index(html, `<svg class="dg"`):], `class="dg-e`); n != 150 {
		t.Errorf("%d edges drawn, want 150", n)
	}
}
