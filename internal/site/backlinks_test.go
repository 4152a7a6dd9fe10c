package site_test

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

var (
	backlinkSection = regexp.MustCompile(`(?s)<section class="backlinks".*?</section>`)
	hrefAttr        = regexp.MustCompile(`href="([^"]*)"`)
	idAttr          = regexp.MustCompile(`id="([^"]*)"`)
)

// TestBacklinksPointAtIDsThatExist: every "Linked from" link with a
// fragment reaches an element with that id in the linking page.
func TestBacklinksPointAtIDsThatExist(t *testing.T) {
	archives, _ := filepath.Glob("testdata/backlinks/*.txtar")
	for _, archive := range archives {
		_, files, err := build(t, sitetest.Load(t, archive).FS())
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for name, data := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			section := backlinkSection.Find(data)
			for _, m := range hrefAttr.FindAllSubmatch(section, -1) {
				href, frag, _ := strings.Cut(string(m[1]), "#")
				target := path.Join(path.Dir(name), href)
				if strings.HasSuffix(href, "/") || href == "" || strings.HasSuffix(href, "..") {
					target = path.Join(target, "index.html")
				}
				page, ok := files[target]
				if !ok {
					t.Errorf("%s: backlink %s reaches no page (%s)", name, m[1], target)
					continue
				}
				checked++
				if frag == "" {
					continue
				}
				found := false
				for _, id := range idAttr.FindAllSubmatch(page, -1) {
					found = found || string(id[1]) == frag
				}
				if !found {
					t.Errorf("%s: backlink %s: %s has no id %q", name, m[1], target, frag)
				}
			}
		}
		if checked < 5 {
			t.Errorf("%s: only %d backlinks checked", archive, checked)
		}
	}
}
