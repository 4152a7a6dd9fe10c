package site_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"

	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/site"
	"github.com/milepost/milepost/internal/sitetest"
)

// hostileRoot is the folder of hostile inputs, itself a site.
var hostileRoot = filepath.Join("..", "..", "testdata", "hostile")

// TestHostileSite builds testdata/hostile, plus what git cannot hold
// (symbolic links into and out of the content folder, a file name with a
// '?', a megabyte of 10,000-deep quotes), and checks that the build ends
// within a deadline without a panic, reports every broken input with its
// file and line (golden), reads nothing through a symbolic link, publishes
// HTML whose structure the page content cannot break, no user <script>
// or event handler anywhere (HTML, JSON, SVG, XML, JS), and internal links
// that all reach a published file.
func TestHostileSite(t *testing.T) {
	root := t.TempDir()
	siteDir := filepath.Join(root, "site")
	copyTree(t, hostileRoot, siteDir)
	outside := filepath.Join(root, "outside")
	mustWrite(t, filepath.Join(outside, "secret.md"), "# SECRET-OUTSIDE-THE-SITE\n")
	mustWrite(t, filepath.Join(outside, "secret.png"), "SECRET-OUTSIDE-THE-SITE")
	content := filepath.Join(siteDir, "content")
	symlink(t, filepath.Join(outside, "secret.md"), filepath.Join(content, "links", "escape.md"))
	symlink(t, outside, filepath.Join(content, "links", "escape-dir"))
	symlink(t, filepath.Join(outside, "secret.png"), filepath.Join(content, "links", "escape.png"))
	symlink(t, filepath.Join("..", "index.md"), filepath.Join(content, "links", "inside.md"))
	mustWrite(t, filepath.Join(content, "links", "index.md"), "# Links\n\n[[escape]] [[inside]] ![[escape.png]] [secret](escape-dir/secret.md)\n")
	if runtime.GOOS != "windows" {
		mustWrite(t, filepath.Join(content, "names", "what?.md"), "# What?\n\n- [ ] a question\n")
		mustWrite(t, filepath.Join(content, "names", "img", "q?.png"), "png")
	}
	mustWrite(t, filepath.Join(content, "nesting", "quote-megabyte.md"), "# A megabyte of quotes\n\n"+strings.Repeat(strings.Repeat(">", 10_000)+" deep\n", 100))
	// 10,000 one-item sections asking for every section badge: once 20,018 files.
	var sections strings.Builder
	sections.WriteString("---\nbadges: all\n---\n# Sections\n")
	for i := range 10_000 {
		fmt.Fprintf(&sections, "\n## s%d\n\n- [ ] x\n", i)
	}
	mustWrite(t, filepath.Join(content, "amplify", "sections.md"), sections.String())

	rec := &recordingFS{fsys: os.DirFS(siteDir)}
	res, files, err := buildWithDeadline(t, rec, 2*time.Minute)
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, diagText(res))
	}
	sitetest.Golden(t, filepath.Join("testdata", "golden", "hostile", "diagnostics.txt"), []byte(diagText(res)))

	t.Run("no page makes more than the limits allow", func(t *testing.T) {
		const most = 4 + 2*200 // its page, status.json, badge and 200 section badges
		for url, n := range filesPerPage(t, files) {
			if n > most {
				t.Errorf("%s: %d files, want at most %d", url, n, most)
			}
		}
		if n := filesPerPage(t, files)["amplify/sections/"]; n != most {
			t.Errorf("amplify/sections/: %d files, want %d (capped)", n, most)
		}
	})

	t.Run("nothing read through a symbolic link", func(t *testing.T) {
		for _, name := range rec.names() {
			for p := name; p != "." && p != "/"; p = path.Dir(p) {
				if fi, err := os.Lstat(filepath.Join(siteDir, filepath.FromSlash(p))); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
					t.Errorf("opened %s, through the symbolic link %s", name, p)
				}
			}
		}
		for name, data := range files {
			if bytes.Contains(data, []byte("SECRET-OUTSIDE-THE-SITE")) {
				t.Errorf("%s holds a file from outside the site", name)
			}
		}
	})

	clean := cleanBuild(t)
	themeScripts := scriptTags(clean)
	skeleton := pageSkeleton(t, "index.html", clean["index.html"])
	names := sortedNames(files)
	t.Run("no user script anywhere", func(t *testing.T) {
		for _, name := range names {
			data := files[name]
			if cleanData, ok := clean[name]; ok && bytes.Equal(cleanData, data) {
				continue // a theme file, identical in any site
			}
			for _, tag := range scriptRE.FindAll(data, -1) {
				if !strings.HasSuffix(name, ".html") || !themeScripts[normalizeRoot(string(tag))] {
					t.Errorf("%s: unescaped %s", name, tag)
				}
			}
			if bytes.Contains(bytes.ToLower(data), []byte("javascript:alert")) && strings.HasSuffix(name, ".html") {
				checkNoScriptURLs(t, name, data)
			}
		}
	})
	t.Run("HTML parses and keeps the theme's structure", func(t *testing.T) {
		for _, name := range names {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			if got := pageSkeleton(t, name, files[name]); got != skeleton {
				t.Errorf("%s: page structure\n%s\nwant (as in a clean build)\n%s", name, got, skeleton)
			}
			checkAttributes(t, name, files[name])
		}
	})
	t.Run("internal links reach published files", func(t *testing.T) {
		for _, name := range names {
			if strings.HasSuffix(name, ".html") {
				checkLinks(t, name, files[name], files)
			}
		}
	})
	t.Run("file names that need escaping", func(t *testing.T) {
		for _, want := range []string{"names/a-b/index.html", "names/café-crème/index.html", "names/c/index.html", "names/100/index.html", "names/rd/index.html", "names/img/a b.png", "names/img/c#1.png", "names/img/50%.png", "names/img/R&D.png", "names/img/café.png"} {
			if _, ok := files[want]; !ok {
				t.Errorf("no output %s", want)
			}
		}
		page := string(files["names/index.html"])
		for _, want := range []string{`href="../names/a-b/"`, `href="../names/c/"`, `href="../names/100/"`, `href="../names/rd/"`, `src="../names/img/a%20b.png"`, `src="../names/img/c%231.png"`, `src="../names/img/50%25.png"`} {
			if !strings.Contains(page, want) {
				t.Errorf("names/index.html has no %s", want)
			}
		}
	})
}

// TestHostileDuplicateURLs builds testdata/hostile-dup, whose pages clash
// on one URL, and expects the build to fail naming both files.
func TestHostileDuplicateURLs(t *testing.T) {
	res, _, err := buildWithDeadline(t, os.DirFS(filepath.Join("..", "..", "testdata", "hostile-dup")), time.Minute)
	if err == nil {
		t.Fatal("build succeeded")
	}
	sitetest.Golden(t, filepath.Join("testdata", "golden", "hostile-dup", "diagnostics.txt"), []byte(diagText(res)))
	checkPositions(t, res.Diagnostics)
}

// checkPositions requires a file on every error, and a line on every
// error in a markdown file.
func checkPositions(t *testing.T, diags diag.List) {
	t.Helper()
	for _, d := range diags.Errors() {
		if d.File == "" || strings.HasSuffix(d.File, ".md") && d.Line < 1 {
			t.Errorf("error without file:line: %s", d)
		}
	}
}

// TestHostileErrors builds testdata/hostile-errors, whose pages cannot be
// read (invalid UTF-8, broken front matter), and expects a failed build
// with every error at its file:line.
func TestHostileErrors(t *testing.T) {
	res, _, err := buildWithDeadline(t, os.DirFS(filepath.Join("..", "..", "testdata", "hostile-errors")), time.Minute)
	if err == nil {
		t.Fatal("build succeeded")
	}
	sitetest.Golden(t, filepath.Join("testdata", "golden", "hostile-errors", "diagnostics.txt"), []byte(diagText(res)))
	if len(res.Diagnostics.Errors()) == 0 {
		t.Fatal("no errors reported")
	}
	checkPositions(t, res.Diagnostics)
}

// buildWithDeadline builds fsys in memory and fails the test if the build
// panics or has not ended by the deadline. The output is not minified:
// tdewolff/minify's entity handling is quadratic (a page with a million
// escaped '>' takes minutes), which is publish's to guard, not this
// test's to trip over.
func buildWithDeadline(t *testing.T, fsys fs.FS, deadline time.Duration) (*site.Result, map[string][]byte, error) {
	t.Helper()
	type outcome struct {
		res   *site.Result
		err   error
		panic any
	}
	mem := publish.NewMemory(false)
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			o.panic = recover()
			done <- o
		}()
		o.res, o.err = site.Build(context.Background(), input(fsys), mem)
	}()
	select {
	case o := <-done:
		if o.panic != nil {
			t.Fatalf("build panicked: %v", o.panic)
		}
		return o.res, mem.Files(), o.err
	case <-time.After(deadline):
		t.Fatalf("build still running after %v", deadline)
	}
	return nil, nil, nil
}

// cleanBuild builds a plain one-page site: the theme's own output.
func cleanBuild(t *testing.T) map[string][]byte {
	t.Helper()
	fsys := sitetest.Parse([]byte("-- content/index.md --\n# Clean\n\n- [ ] one\n- [x] two\n-- content/sub/page.md --\n# Page\n\n- [ ] three\n")).FS()
	_, files, err := buildWithDeadline(t, fsys, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func diagText(res *site.Result) string {
	if res == nil {
		return ""
	}
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

var scriptRE = regexp.MustCompile(`(?i)<script[^>]*>`)

// scriptTags collects the script tags of a build's HTML, with the path to
// the site root taken out.
func scriptTags(files map[string][]byte) map[string]bool {
	tags := map[string]bool{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			for _, tag := range scriptRE.FindAll(data, -1) {
				tags[normalizeRoot(string(tag))] = true
			}
		}
	}
	return tags
}

var rootRE = regexp.MustCompile(`(\.\./)+`)

func normalizeRoot(s string) string { return rootRE.ReplaceAllString(s, "") }

// pageSkeleton parses an HTML page and describes what user content must
// not change: the path from <html> to <main>, what the body holds, and
// the elements after <main> in its parent.
func pageSkeleton(t *testing.T, name string, data []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s does not parse: %v", name, err)
		return ""
	}
	main := findElement(doc, "main")
	if main == nil {
		return "no <main>"
	}
	var chain []string
	for n := main; n != nil && n.Type == html.ElementNode; n = n.Parent {
		chain = append([]string{n.Data}, chain...)
	}
	var after []string
	for n := main.NextSibling; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode {
			after = append(after, n.Data)
		}
	}
	var body []string
	for n := findElement(doc, "body").FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode {
			body = append(body, n.Data)
		}
	}
	return fmt.Sprintf("main at %s; after main: %s; body: %s", strings.Join(chain, ">"), strings.Join(after, ","), strings.Join(body, ","))
}

func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// walkElements calls f for every element of the parsed page.
func walkElements(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkElements(c, f)
	}
}

// checkAttributes fails on event handlers, and on elements no status page
// needs that the sanitizer must have removed.
func checkAttributes(t *testing.T, name string, data []byte) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return
	}
	walkElements(doc, func(n *html.Node) {
		switch n.Data {
		case "iframe", "object", "embed", "frame", "frameset", "base", "svg", "math":
			t.Errorf("%s: <%s> in the output", name, n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "srcdoc" || a.Key == "formaction" {
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
		}
	})
}

// checkNoScriptURLs fails on links and images with script URLs.
func checkNoScriptURLs(t *testing.T, name string, data []byte) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return
	}
	walkElements(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if (a.Key == "href" || a.Key == "src" || a.Key == "action") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text")) {
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
		}
	})
}

// checkLinks resolves every relative href and src of a page against the
// page's URL and requires a published file there.
func checkLinks(t *testing.T, name string, data []byte, files map[string][]byte) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return
	}
	base := &url.URL{Path: "/" + name}
	walkElements(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key != "href" && a.Key != "src" || a.Val == "" {
				continue
			}
			u, err := url.Parse(a.Val)
			if err != nil {
				t.Errorf("%s: <%s %s=%q> is not a URL: %v", name, n.Data, a.Key, a.Val, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" || u.Path == "" {
				continue // external, or a fragment of this page
			}
			target := strings.TrimPrefix(base.ResolveReference(u).Path, "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: <%s %s=%q> leads to %s, which was not published", name, n.Data, a.Key, a.Val, target)
			}
		}
	})
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// recordingFS remembers every name opened through it.
type recordingFS struct {
	fsys   fs.FS
	mu     sync.Mutex
	opened map[string]bool
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	if r.opened == nil {
		r.opened = map[string]bool{}
	}
	r.opened[name] = true
	r.mu.Unlock()
	return r.fsys.Open(name)
}

func (r *recordingFS) names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.opened))
	for n := range r.opened {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// copyTree copies the regular files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		out, err := os.Create(filepath.Join(dst, rel))
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

// TestFiftyMegabyteDocument builds a site whose one page is 50 MB of
// seed-like markdown (headings, task lists, tables, code, links) within a
// deadline. It takes minutes and gigabytes (about 4 minutes and 5 GB on a
// loaded 2-core machine), so it runs only with MILEPOST_LONG=1 (make
// test-long); MILEPOST_BIG_DOC_MB sets a smaller size for profiling.
func TestFiftyMegabyteDocument(t *testing.T) {
	sitetest.Long(t, "a 50 MB build needs minutes and about 4 GB")
	size := 50 << 20
	if mb, err := strconv.Atoi(os.Getenv("MILEPOST_BIG_DOC_MB")); err == nil {
		size = mb << 20 // for profiling smaller documents
	}
	var b strings.Builder
	b.Grow(size + 1<<20)
	b.WriteString("---\ntitle: Everything\n---\n# Everything\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## Phase %d ✅ DONE\n\nOwner: team %d & <kbd>notes</kbd>, [[Everything#Phase %d]].\n\n", i, i%17, i/2)
		if i%1000 == 0 {
			// Few links to another page: each backlink costs a pass over
			// the linking page's sections (reported), so one per section
			// would make this test about the backlink list.
			fmt.Fprintf(&b, "See [[Other#Section %d]] and [the plan](other.md#section-%d).\n\n", i%50, i%50)
		}
		fmt.Fprintf(&b, "- [x] Task %d.1 — shipped `code %d` with **bold** and _emphasis_\n- [ ] Task %d.2 with a [link](https://example.com/%d)\n  - [/] Sub-task in progress\n  - [-] Cancelled sub-task\n", i, i, i, i)
		fmt.Fprintf(&b, "\n| Item | Status |\n|---|---|\n| Row %d | ✅ |\n| Row %d b | ⬜ TODO |\n\n```sh\necho phase %d > out.txt\n```\n\n> Note: phase %d depends on phase %d.\n\n", i, i, i, i, i+1)
	}
	var other strings.Builder
	other.WriteString("# Other\n\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&other, "## Section %d\n\n- [ ] item\n\n", i)
	}
	fsys := sitetest.Parse([]byte("-- content/index.md --\n# Home\n\n[[Everything]]\n-- content/other.md --\n" + other.String())).FS()
	fsys["content/everything.md"] = &fstest.MapFile{Data: []byte(b.String())}
	start := time.Now()
	res, files, err := buildWithDeadline(t, fsys, 10*time.Minute)
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, diagText(res))
	}
	page := files["everything/index.html"]
	if len(page) < size {
		t.Errorf("page is %d bytes, want more than its 50 MB of markdown", len(page))
	}
	if res.Counts.Total() < size/250 {
		t.Errorf("counted %d items", res.Counts.Total())
	}
	t.Logf("50 MB document: %d items, %d bytes of HTML, built in %v", res.Counts.Total(), len(page), time.Since(start))
}
