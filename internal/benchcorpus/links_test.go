package benchcorpus

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// linkIndex resolves wiki-link targets by the rules milepost documents:
// case and the separators ' ', '_' and '-' do not matter, ".md" is
// optional; first the path from the content root, then the path relative to
// the linking page's folder, then a unique file name, then a title or an
// alias. It is written independently of the generator, from the rules.
type linkIndex struct {
	byPath  map[string]string
	byName  map[string][]string
	byTitle map[string][]string
	images  map[string]string
}

func foldTarget(s string) string {
	s = strings.TrimPrefix(s, "/")
	if strings.HasSuffix(strings.ToLower(s), ".md") {
		s = s[:len(s)-3]
	}
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
}

func newLinkIndex(c *Corpus) *linkIndex {
	x := &linkIndex{byPath: map[string]string{}, byName: map[string][]string{}, byTitle: map[string][]string{}, images: map[string]string{}}
	for i := 0; i < c.Len(); i++ {
		info := c.Info(i)
		p := info.Path
		x.byPath[foldTarget(p)] = p
		x.byName[foldTarget(path.Base(p))] = append(x.byName[foldTarget(path.Base(p))], p)
		for _, t := range append([]string{info.Title}, info.Aliases...) {
			if t != "" {
				x.byTitle[foldTarget(t)] = append(x.byTitle[foldTarget(t)], p)
			}
		}
	}
	for i := 0; i < c.Images(); i++ {
		x.images[path.Base(c.ImagePath(i))] = c.ImagePath(i)
	}
	return x
}

// resolve returns the path the target names from a page in folder dir, and
// the heading after '#'. An empty path means broken (or ambiguous).
func (x *linkIndex) resolve(fromPath, raw string) (target, heading string) {
	target, heading, _ = strings.Cut(raw, "#")
	if target == "" {
		return fromPath, heading
	}
	if img, ok := x.images[target]; ok {
		return img, heading
	}
	if p, ok := x.byPath[foldTarget(target)]; ok {
		return p, heading
	}
	if rel := path.Join(path.Dir(fromPath), target); !strings.HasPrefix(rel, "..") {
		if p, ok := x.byPath[foldTarget(rel)]; ok {
			return p, heading
		}
	}
	if !strings.Contains(target, "/") {
		if ps := x.byName[foldTarget(target)]; len(ps) == 1 {
			return ps[0], heading
		} else if len(ps) > 1 {
			return "", heading
		}
	}
	if ps := x.byTitle[foldTarget(target)]; len(ps) == 1 {
		return ps[0], heading
	}
	return "", heading
}

// TestWikiLinksResolveAsPromised generates a corpus on disk and checks every
// link it wrote: a link meant to resolve reaches exactly its intended page
// (which exists on disk) and names a heading that page has; a link meant to
// be broken reaches nothing; and every form of link occurs.
func TestWikiLinksResolveAsPromised(t *testing.T) {
	const pages = 1200
	dir := t.TempDir()
	opts := Options{Pages: pages, Seed: 3}
	if _, err := Generate(dir, opts); err != nil {
		t.Fatal(err)
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	idx := newLinkIndex(c)
	markdown := map[string]string{}
	for i := 0; i < c.Len(); i++ {
		p, md, _ := c.Page(i)
		markdown[p] = string(md)
	}
	forms := map[string]int{}
	total, broken, embeds := 0, 0, 0
	for i := 0; i < c.Len(); i++ {
		from, md, links := c.Page(i)
		for _, l := range links {
			total++
			forms[l.Form]++
			if l.Embed {
				embeds++
			}
			written := "[[" + l.Raw
			if l.Embed {
				written = "!" + written
			}
			if !strings.Contains(string(md), written) {
				t.Errorf("%s: link %q recorded but not in the page", from, written)
			}
			got, heading := idx.resolve(from, l.Raw)
			if l.Form == "broken" {
				broken++
				if got != "" {
					t.Errorf("%s: [[%s]] is meant to be broken but resolves to %s", from, l.Raw, got)
				}
				continue
			}
			if got != l.Target {
				t.Errorf("%s: [[%s]] resolves to %q, meant %q (form %s)", from, l.Raw, got, l.Target, l.Form)
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, "content", filepath.FromSlash(got))); err != nil {
				t.Errorf("%s: [[%s]]: target not written: %v", from, l.Raw, err)
			}
			if heading != l.Heading {
				t.Errorf("%s: [[%s]]: heading %q, recorded %q", from, l.Raw, heading, l.Heading)
			}
			if heading != "" && !strings.Contains(markdown[got], "\n## "+heading+"\n") {
				t.Errorf("%s: [[%s]]: %s has no heading %q", from, l.Raw, got, heading)
			}
		}
	}
	for _, f := range []string{"path", "path-folded", "path-md", "name", "name-folded", "relative", "title", "alias", "same-page", "image", "broken"} {
		if forms[f] == 0 {
			t.Errorf("no link of form %q among %d links", f, total)
		}
	}
	if share := float64(broken) / float64(total); share < 0.03 || share > 0.07 {
		t.Errorf("%.1f%% of links broken, want about 5%%", share*100)
	}
	if perPage := float64(total) / pages; perPage < 3 || perPage > 10 {
		t.Errorf("%.1f links per page, want 3..10", perPage)
	}
	if embeds == 0 || embeds > total/10 {
		t.Errorf("%d embeds among %d links, want a few", embeds, total)
	}
}

func TestRelativePath(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"a/b", "a/b", "."},
		{"a/b", "a/c", "../c"},
		{"a", "x/y/z", "../x/y/z"},
		{"tasks/phase-1", "assets", "../../assets"},
	} {
		if got := relativePath(tc.from, tc.to); got != tc.want {
			t.Errorf("relativePath(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestFoldCaseAndSeparators(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"tasks/phase-3/wp0012 git auth", "Tasks/Phase_3/Wp0012_Git_Auth"},
		{"plans/Login_Page_UX_0007", "Plans/Login_Page_UX_0007"},
		{"trackers/équipe données/status-0001", "Trackers/Équipe_Données/Status_0001"},
	} {
		if got := foldCaseAndSeparators(tc.in); got != tc.want {
			t.Errorf("foldCaseAndSeparators(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
