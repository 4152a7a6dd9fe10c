package view

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/summary"
)

// The page itself enters its key by these fields; every other field of
// content.Page and summary.Page is made from its source (Content.Hash)
// with the settings (the site key), and is listed in fromSource. A new
// field must be added to PageIn.Key or to fromSource, with a reason.
var fromSource = map[string]bool{
	// content.Page: read from the file (front matter, body).
	"Content.Title": true, "Content.TitleFromFront": true, "Content.Kind": true, "Content.Tags": true,
	"Content.Aliases": true, "Content.Draft": true, "Content.Track": true, "Content.HeadingItems": true,
	"Content.Matrices": true, "Content.BadgeLabel": true, "Content.SectionBadges": true, "Content.Updated": true, "Content.UpdatedLine": true,
	"Content.Body": true, "Content.BodyLine": true, "Content.Diags": true,
	"Content.Owner": true, "Content.Status": true, "Content.Target": true, "Content.Start": true,
	// Unread says whether the body is in memory, not what it is.
	"Content.Unread": true,
	// summary.Page: PARSE's result from the source (Lookups are in the
	// key: what markdown links found depends on other files).
	"Title": true, "Kind": true, "Tracked": true, "Status": true, "Headings": true, "BlockIDs": true,
	"Links": true, "BrokenMD": true, "Diags": true, "TargetSig": true, "SummarySig": true,
}

// notShownOfOthers are the fields of another page (an embedded or a
// linking one) that no view of this page shows, so its summary signature
// need not cover them. Every other field must change summary.Signature.
var notShownOfOthers = map[string]bool{
	"Content.Folder": true, "Content.IsIndex": true, "Content.TitleFromFront": true, "Content.Kind": true,
	"Content.Aliases": true, "Content.Draft": true, "Content.Track": true, "Content.HeadingItems": true,
	"Content.Matrices": true, "Content.BadgeLabel": true, "Content.SectionBadges": true, "Content.UpdatedLine": true, "Content.Body": true,
	"Content.BodyLine": true, "Content.Hash": true, "Content.Unread": true, "Content.Diags": true,
	"Content.Title": true, // the summary's Title is the one shown
	"Headings":      true, "BlockIDs": true, "Links": true, "Lookups": true, "BrokenMD": true, "Diags": true,
	"TargetSig":       true,
	"Status.Warnings": true, "Status.Legend": true,
	"Status.Sections.Line": true, "Status.Sections.Sections.Line": true,
	"Status.Items.Line": true, "Status.Items.Source": true, "Status.Items.Attrs.Fields": true,
	// What a page shows of other pages' plans (their attributes, ids,
	// dependencies, owners and health) enters its key through PageIn.Plan
	// (Maker.PlanSig), computed from the whole site's plan.
	"Content.Owner": true, "Content.Start": true, "Content.Status": true, "Content.Target": true,
	"Status.Items.Attrs.Cancelled": true, "Status.Items.Attrs.Created": true, "Status.Items.Attrs.Depends": true,
	"Status.Items.Attrs.Due": true, "Status.Items.Attrs.EstimateHours": true, "Status.Items.Attrs.ID": true,
	"Status.Items.Attrs.Owner": true, "Status.Items.Attrs.Priority": true, "Status.Items.Attrs.Scheduled": true,
	"Status.Items.Attrs.Start": true, "Status.Sections.Attrs.Actual": true, "Status.Sections.Attrs.ActualHours": true,
	"Status.Sections.Attrs.DependsAll": true, "Status.Sections.Attrs.DependsLine": true,
	"Status.Sections.Attrs.Due": true, "Status.Sections.Attrs.Estimate": true,
	"Status.Sections.Attrs.EstimateHours": true, "Status.Sections.Attrs.NoDepends": true,
	"Status.Sections.Attrs.Owner": true, "Status.Sections.Attrs.Priority": true,
	"Status.Sections.Attrs.Risk": true, "Status.Sections.Attrs.Start": true,
	"Status.Sections.Attrs.Status": true, "Status.Sections.Attrs.Depends": true,
	"Status.Sections.Attrs.Fields": true, "Status.Sections.Declared": true, "Status.Sections.TaskID": true,
	"Status.Sections.Sections.Attrs.Actual": true, "Status.Sections.Sections.Attrs.ActualHours": true,
	"Status.Sections.Sections.Attrs.DependsAll": true, "Status.Sections.Sections.Attrs.DependsLine": true,
	"Status.Sections.Sections.Attrs.Due": true, "Status.Sections.Sections.Attrs.Estimate": true,
	"Status.Sections.Sections.Attrs.EstimateHours": true, "Status.Sections.Sections.Attrs.NoDepends": true,
	"Status.Sections.Sections.Attrs.Owner": true, "Status.Sections.Sections.Attrs.Priority": true,
	"Status.Sections.Sections.Attrs.Risk": true, "Status.Sections.Sections.Attrs.Start": true,
	"Status.Sections.Sections.Attrs.Status": true, "Status.Sections.Sections.Attrs.Depends": true,
	"Status.Sections.Sections.Attrs.Fields": true, "Status.Sections.Sections.Declared": true,
	"Status.Sections.Sections.TaskID": true,
}

// fill gives every field of v a non-zero value and every slice one
// element, so that each can be changed.
func fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 4 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth+1)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth)
			}
		}
	case reflect.Slice:
		if depth > 4 {
			return
		}
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), depth+1)
		v.Set(s)
	case reflect.String:
		v.SetString("a")
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(1)
	case reflect.Uint8:
		v.SetUint(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), depth)
		}
	}
}

// leaves calls visit with the path and a changer of every leaf under v (a
// slice's length counts as one); change returns an undo.
func leaves(v reflect.Value, path string, visit func(path string, change func() (undo func()))) {
	set := func(to reflect.Value) func() {
		old := reflect.New(v.Type()).Elem()
		old.Set(v)
		v.Set(to)
		return func() { v.Set(old) }
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			leaves(v.Elem(), path, visit)
		}
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			visit(path, func() func() { return set(reflect.ValueOf(t.Add(48 * time.Hour))) })
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name := f.Name
			if f.Anonymous { // view.Page's summary.Page: its fields are the page's
				name = ""
			}
			leaves(v.Field(i), join(path, name), visit)
		}
	case reflect.Slice:
		if v.Len() == 0 {
			return
		}
		visit(path+"#len", func() func() { return set(reflect.Append(v, v.Index(0))) })
		leaves(v.Index(0), path, visit)
	case reflect.String:
		visit(path, func() func() { return set(reflect.ValueOf(v.String() + "x").Convert(v.Type())) })
	case reflect.Int, reflect.Int64, reflect.Int32:
		visit(path, func() func() { return set(reflect.ValueOf(v.Int() + 1).Convert(v.Type())) })
	case reflect.Uint8:
		visit(path, func() func() { return set(reflect.ValueOf(uint8(v.Uint() + 1)).Convert(v.Type())) })
	case reflect.Float64:
		visit(path, func() func() { return set(reflect.ValueOf(v.Float() + 1).Convert(v.Type())) })
	case reflect.Bool:
		visit(path, func() func() { return set(reflect.ValueOf(!v.Bool()).Convert(v.Type())) })
	case reflect.Array:
		visit(path, func() func() {
			to := reflect.New(v.Type()).Elem()
			to.Set(v)
			to.Index(0).Set(reflect.ValueOf(uint8(v.Index(0).Uint() + 1)).Convert(v.Type().Elem()))
			return set(to)
		})
	default:
		panic("PageIn holds a " + v.Kind().String() + " at " + path + ": teach this test and PageIn.Key about it")
	}
}

func join(path, name string) string {
	switch {
	case name == "":
		return path
	case path == "":
		return name
	}
	return path + "." + name
}

// within reports whether path is field or under it, and what is left.
func within(path, field string) (rest string, ok bool) {
	if path == field {
		return "", true
	}
	return strings.CutPrefix(path, field+".")
}

func TestPageInKeyCoversEveryField(t *testing.T) {
	in := &PageIn{}
	fill(reflect.ValueOf(in).Elem(), 0)
	site := [32]byte{1}
	resign := func(p *Page) { p.SummarySig = summary.Signature(p.Content, &p.Page) }
	resign(in.Embeds[0])
	resign(in.Backlinks[0].From)
	base := in.Key(site)
	if in.Key([32]byte{2}) == base {
		t.Errorf("the site key does not enter the page key")
	}
	leaves(reflect.ValueOf(in).Elem(), "", func(path string, change func() func()) {
		field := strings.TrimSuffix(path, "#len")
		var other *Page // the page path is a field of, when another page's
		var rest string
		if r, ok := within(field, "Page"); ok {
			if fromSource[topField(r)] {
				return
			}
		} else if r, ok := within(field, "Embeds"); ok {
			other, rest = in.Embeds[0], r
		} else if r, ok := within(field, "Backlinks.From"); ok {
			other, rest = in.Backlinks[0].From, r
		}
		if other != nil && listed(notShownOfOthers, rest) {
			return
		}
		undo := change()
		defer undo()
		if other != nil && rest != "SummarySig" {
			old := other.SummarySig
			resign(other)
			defer func() { other.SummarySig = old }()
		}
		if in.Key(site) == base {
			if other != nil {
				t.Errorf("%s: another page's %s changes what this page shows but not its key: add it to summary.Signature, or to notShownOfOthers if no view shows it", path, rest)
			} else {
				t.Errorf("%s does not change the page's key: encode it in PageIn.Key (or, for the page's own fields, list it in fromSource)", path)
			}
		}
	})
}

// listed reports whether path or a field it is under is in set.
func listed(set map[string]bool, path string) bool {
	path = strings.TrimSuffix(path, "#len")
	for {
		if set[path] {
			return true
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

// topField is the first two names of a path within Page ("Content.Title",
// "Status"): the level fromSource classifies.
func topField(path string) string {
	parts := strings.SplitN(path, ".", 3)
	if parts[0] == "Content" && len(parts) > 1 {
		return parts[0] + "." + strings.TrimSuffix(parts[1], "#len")
	}
	return strings.TrimSuffix(parts[0], "#len")
}

// Every field of a page must be classified, so a new one is not left out
// of the key unnoticed.
func TestFromSourceListsOnlyFields(t *testing.T) {
	known := map[string]bool{}
	for _, typ := range []reflect.Type{reflect.TypeOf(content.Page{}), reflect.TypeOf(summary.Page{})} {
		prefix := ""
		if typ == reflect.TypeOf(content.Page{}) {
			prefix = "Content."
		}
		for i := 0; i < typ.NumField(); i++ {
			known[prefix+typ.Field(i).Name] = true
		}
	}
	for f := range fromSource {
		if !known[f] {
			t.Errorf("fromSource lists %s, which is no field of a page", f)
		}
	}
}
