package site_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/milepost/milepost/internal/sitetest"
)

// TestBadgesMatchStatusJSON checks that every page, top-level section with
// items (with badges.sections: top), folder and the site has a badge, and
// that each badge says what status.json says.
func TestBadgesMatchStatusJSON(t *testing.T) {
	a := sitetest.Load(t, "testdata/sites/links.txtar")
	cfg, _ := a.Get("milepost.yaml")
	a.Set("milepost.yaml", append(cfg, "badges: {sections: top}\n"...))
	_, files, err := build(t, a.FS())
	if err != nil {
		t.Fatal(err)
	}
	type counts struct {
		Done, Total int
		Percent     *int
	}
	type section struct {
		ID     string
		Counts counts
	}
	var st struct {
		Counts counts
		Pages  []struct {
			URL      string
			Tracked  bool
			Counts   counts
			Sections []section
		}
		Folders []struct {
			URL    string
			Counts counts
		}
	}
	if err := json.Unmarshal(files["status.json"], &st); err != nil {
		t.Fatal(err)
	}
	check := func(name string, c counts) {
		t.Helper()
		want := "n/a"
		if c.Percent != nil {
			want = strconv.Itoa(*c.Percent) + "%"
		}
		svg, ok := files[name+".svg"]
		if !ok {
			t.Errorf("no %s.svg", name)
			return
		}
		var root struct {
			XMLName xml.Name
			Label   string `xml:"aria-label,attr"`
		}
		if err := xml.Unmarshal(svg, &root); err != nil || root.XMLName.Space != "http://www.w3.org/2000/svg" {
			t.Errorf("%s.svg is not an SVG document (%v, namespace %q)", name, err, root.XMLName.Space)
		}
		if !strings.HasSuffix(root.Label, ": "+want) {
			t.Errorf("%s.svg says %q, status.json says %s", name, root.Label, want)
		}
		var ep map[string]any
		if err := json.Unmarshal(files[name+".json"], &ep); err != nil {
			t.Errorf("%s.json: %v", name, err)
			return
		}
		if ep["message"] != want || fmt.Sprint(ep["schemaVersion"]) != "1" {
			t.Errorf("%s.json = %v, want message %s and schemaVersion 1", name, ep, want)
		}
		for k := range ep {
			if k != "schemaVersion" && k != "label" && k != "message" && k != "color" {
				t.Errorf("%s.json has key %q, which shields rejects", name, k)
			}
		}
	}
	check("badge", st.Counts)
	folders := map[string]bool{}
	for _, f := range st.Folders {
		check(f.URL+"badge", f.Counts)
		folders[f.URL] = true
	}
	for _, p := range st.Pages {
		if p.URL == "" {
			continue
		}
		if !folders[p.URL] { // a folder's own page carries the folder's badge
			check(p.URL+"badge", p.Counts)
		}
		for _, s := range p.Sections {
			if s.Counts.Total > 0 {
				check(p.URL+"badges/"+s.ID, s.Counts)
			}
		}
	}
}
