package site

import (
	"io/fs"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/machine"
	"github.com/milepost/milepost/internal/parse"
	"github.com/milepost/milepost/internal/publish"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/wikilink"
)

// LastBuild is what the last one-off build left that a build after edits may
// splice into: what its LOAD read of each page (without bodies), its
// page summaries, its outputs with their body spans, and the files it
// wrote (Held: the bytes the destination holds, when they are the ones
// that build wrote).
type LastBuild struct {
	Loaded    map[string]*content.Page
	Summaries *summary.Summaries
	Outputs   map[string]Output
	Held      func(name string) ([]byte, bool)
}

// SplicedPages is what Splice made: the edited pages' HTML files and
// the site's status.json, and the pages' outputs for the next build's
// cache.
type SplicedPages struct {
	Files   []publish.File
	Outputs map[string]Output
}

// Names are the names of the files.
func (sp *SplicedPages) Names() []string {
	names := make([]string, len(sp.Files))
	for i, f := range sp.Files {
		names[i] = f.Name
	}
	return names
}

// Splice makes the HTML files of the pages edited since the last one-off
// build (edits: content-relative path → hash of the new source) by
// putting each new body into the file the last build wrote, when every
// edit changed the page's body and nothing else: LOAD reads the same
// front matter, PARSE finds the same summary (title, items, headings,
// links and what they found, warnings, all at the same lines), and the
// last build knows where the body lies in the file. Then every other
// output of the site is the last build's, and this page's other files
// too, but for the site's status.json, which says when it was made. ok
// is false otherwise, and for a page whose body another page
// shows (the root index.md, on the home page): the caller builds the
// whole site.
//
// The caller vouches for the rest: the same settings, templates, static
// files, binary and day as the last build, no file come or gone, no git
// history read, and the destination as the last build left it.
//
// A spliced page's key is not known (it hashes what the views show); its
// output is recorded under the zero key, which no build makes, so the
// next whole build renders it again.
func Splice(in Input, edits map[string][32]byte, last LastBuild) (*SplicedPages, bool) {
	cfg, diags := ReadConfig(in)
	if diags.Err() != nil {
		return nil, false
	}
	folder, err := in.openContent(cfg.ContentDir)
	if err != nil {
		return nil, false
	}
	prefix := cfg.ContentDir + "/"
	sumKey := summaryKey(settingsKey(cfg, in.Drafts), prefix, in.Version)
	env := parse.NewEnv(cfg, nil, prefix)
	env.ContentFS = folder.FS
	out := &SplicedPages{Outputs: make(map[string]Output, len(edits))}
	for _, path := range render.SortedKeys(edits) {
		file, output, ok := splicePage(env, folder.FS, path, edits[path], sumKey, last)
		if !ok {
			return nil, false
		}
		out.Files = append(out.Files, file)
		out.Outputs[path] = output
	}
	// The site's status.json says when it was made; nothing else in it
	// changed.
	status, ok := last.Held(machine.StatusName)
	if ok {
		status, ok = machine.Restamp(status, machine.ISOTime(in.Now))
	}
	if !ok {
		return nil, false
	}
	out.Files = append(out.Files, publish.File{Name: machine.StatusName, Data: status, Compact: true})
	return out, true
}

// splicePage makes the HTML of the edited page at path (see Splice).
func splicePage(env *parse.Env, fsys fs.FS, path string, hash [32]byte, sumKey string, last LastBuild) (publish.File, Output, bool) {
	output, made := last.Outputs[path]
	if !made || output.Body == nil {
		return publish.File{}, Output{}, false
	}
	// What the last build's file was made from: its front matter and
	// summary, kept from the build that rendered it.
	basis := output.Body.Basis
	old, ok := last.Loaded[path]
	was := last.Summaries.Lookup(sumKey, path, basis)
	if !ok || old.Hash != basis || was == nil || old.URL == "" {
		return publish.File{}, Output{}, false
	}
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return publish.File{}, Output{}, false
	}
	page, diags := content.ReadPage(path, raw, env.Prefix)
	if page == nil || page.Hash != hash {
		return publish.File{}, Output{}, false // changed again since it was fingerprinted
	}
	page.Diags = diags
	page.URL, page.Folder, page.IsIndex = old.URL, old.Folder, old.IsIndex
	if !content.SameReading(page, old) {
		return publish.File{}, Output{}, false
	}
	// Its markdown links found what they found before, or it has a new
	// one, which finds nothing here and so makes a summary of its own.
	pageEnv := *env
	pageEnv.Targets = wikilink.PathsOf(was.Lookups)
	parsed := pageEnv.Parse(page)
	if !last.Summaries.Same(sumKey, path, basis, &parsed.Page.Page) {
		return publish.File{}, Output{}, false
	}
	html, ok := last.Held(output.Body.File)
	if !ok {
		return publish.File{}, Output{}, false
	}
	html, span, ok := output.Body.Replace(html, parsed.Body, len(parsed.Links))
	if !ok {
		return publish.File{}, Output{}, false
	}
	output.Key, output.Source, output.Body = [32]byte{}, hash, span
	return publish.File{Name: span.File, Data: html, Compact: true}, output, true
}
