package site

import (
	"io/fs"

	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/diag"
	"github.com/milepost/milepost/internal/keyhash"
	"github.com/milepost/milepost/internal/render"
	"github.com/milepost/milepost/internal/wikilink"
)

// resolved is RESOLVE's result: each page's link resolutions and who links
// to whom, with the signature of the targets the index was made from.
type resolved struct {
	sig   [32]byte // hash of every target the index holds
	kept  bool     // the index is the previous build's: no target changed
	graph *wikilink.Graph
	diags diag.List
}

// resolveLinks builds the index of every page and file and resolves every
// wiki-link against it. Given the previous build's result (the dev
// server's), it keeps that index when no target changed and resolves again
// only the pages whose links are new.
func resolveLinks(pages []*parsed, set *content.Set, statics map[string]fs.FS, prefix string, prev *resolved) *resolved {
	files := make([]wikilink.Target, 0, len(set.Assets)+len(statics))
	for _, a := range set.Assets {
		files = append(files, wikilink.Target{Path: a.Path, URL: a.Path})
	}
	for _, name := range render.SortedKeys(statics) {
		files = append(files, wikilink.Target{Path: name, URL: name})
	}
	links := make([]wikilink.PageLinks, len(pages))
	for i, p := range pages {
		links[i] = wikilink.PageLinks{Path: p.Content.Path, Links: p.Links}
	}
	drafts := make([]wikilink.Target, len(set.Drafts))
	for i, d := range set.Drafts {
		drafts[i] = wikilink.Target{Path: d.Path, Title: d.Title, Aliases: d.Aliases, IsPage: true}
	}
	res := &resolved{sig: targetsSignature(pages, files, drafts)}
	if prev != nil && prev.sig == res.sig {
		res.kept, res.graph = true, prev.graph.Patch(links)
	} else {
		targets := make([]wikilink.Target, 0, len(pages)+len(files))
		for _, p := range pages {
			targets = append(targets, p.Target(p.Content))
		}
		res.graph = wikilink.NewGraph(wikilink.NewIndex(append(targets, files...)).WithDrafts(drafts), links)
	}
	for _, p := range pages {
		file := prefix + p.Content.Path
		for i, r := range res.graph.Resolutions[p.Content.Path] {
			l := p.Links[i]
			for _, w := range r.Warnings {
				res.diags = append(res.diags, diag.Warnf(w.Kind, file, l.Line, l.Col, "%s", w.Message))
			}
		}
	}
	return res
}

// targetsSignature hashes everything the index answers from: each page's
// signature (made once, when it was parsed) and URL, the files, and the
// drafts left out.
func targetsSignature(pages []*parsed, files, drafts []wikilink.Target) [32]byte {
	var k keyhash.Buf
	for _, p := range pages {
		k.Raw(p.TargetSig[:])
		k.Str(p.Content.URL) // a page's URL can change when another page comes or goes
	}
	for _, t := range files {
		k.Str(t.Path, t.URL)
	}
	for _, d := range drafts {
		k.Str(d.Path, d.Title)
		k.Str(d.Aliases...)
	}
	return k.Sum()
}
