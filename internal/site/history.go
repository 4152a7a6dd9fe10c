package site

import (
	"context"
	"fmt"
	"time"

	"github.com/milepost/milepost/internal/config"
	"github.com/milepost/milepost/internal/content"
	"github.com/milepost/milepost/internal/githistory"
	"github.com/milepost/milepost/internal/gitrepo"
	"github.com/milepost/milepost/internal/parse"
	"github.com/milepost/milepost/internal/summary"
	"github.com/milepost/milepost/internal/view"
)

// HISTORY, beside PARSE and before RENDER: the git history of every page,
// when the content folder is on disk in a git work tree and the build asks
// for it. It never fails the build: what cannot be read turns history off,
// with the reason in Result.History.

// startHistory starts reading the history of pages, or keeping the last
// build's while the work tree's HEAD and the settings are the same (a
// Builder's rebuild after an edit: the edited page's items are matched to
// its history by their text, and what is not committed counts as today).
// What it returns waits for it, and returns nil when history is not asked
// for.
func (b *Builder) startHistory(ctx context.Context, cfg config.Config, folder content.Folder, env *parse.Env, pages []*content.Page) func() *view.History {
	h := cfg.History
	if b.in.NoHistory || !h.Enabled || folder.Dir == "" {
		return func() *view.History { return nil }
	}
	cache := b.historyCache // what the last read left, or the build cache's
	if cache == nil {
		cache, b.in.HistoryCache = b.in.HistoryCache, nil
	}
	done := make(chan *view.History, 1)
	go func() { done <- b.readHistory(ctx, cfg, folder, env, pages, cache) }()
	return func() *view.History { return <-done }
}

// readHistory reads the history of pages for startHistory, with what an
// earlier read left. It runs beside PARSE: of the Builder, it sets only
// its history fields.
func (b *Builder) readHistory(ctx context.Context, cfg config.Config, folder content.Folder, env *parse.Env, pages []*content.Page, cache *githistory.Cache) *view.History {
	h := cfg.History
	var key string
	if !b.oneOff { // a one-off build reads history once: no HEAD to compare
		key = fmt.Sprintf("%s|%s|%+v|%d", gitrepo.Head(ctx, folder.Dir), folder.Dir, h, len(pages))
		if b.history != nil && b.historyKey == key {
			return b.history
		}
	}
	opts := githistory.Options{Now: b.in.Now, MaxCommits: h.MaxCommits, Vocabulary: env.Opts.Vocabulary}
	if h.Since != "" {
		opts.Since, _ = time.Parse(time.DateOnly, h.Since) // checked by config
	}
	itemsKey := parse.ItemsKey(cfg) + "\x00" + b.in.Version + "\x00"
	opts.ItemsKey = func(path string) string { return itemsKey + summary.HistoryPathKey(path) }
	opts.Cache = cache
	paths := make([]string, len(pages))
	hashes := make(map[string][32]byte, len(pages))
	for i, p := range pages {
		paths[i] = p.Path
		hashes[p.Path] = p.Hash // LOAD's: the bytes history would read
	}
	opts.Hash = func(path string) ([32]byte, bool) { h, ok := hashes[path]; return h, ok }
	read := githistory.Read(ctx, folder.Dir, paths, summary.HistoryItems(env.Parser, env.Opts), opts)
	out := &view.History{Files: read.Files, Off: read.Off, Shallow: read.Shallow, Commits: read.Commits, Weeks: h.Weeks, IdleWeeks: h.IdleWeeks}
	if read.Cache != nil {
		b.historyCache = read.Cache
	}
	if !b.oneOff && ctx.Err() == nil {
		b.history, b.historyKey = out, key
	}
	return out
}

// HistoryCache is what this build's history read leaves for the next
// build's Input.HistoryCache (githistory.WriteCache keeps it); nil when the
// build read no history.
func (res *Result) HistoryCache() *githistory.Cache { return res.historyCache }

// historyNote is what the build must say of history, once: why it is
// off, or that it starts where a shallow clone was cut; "" when there is
// nothing to say.
func historyNote(h *view.History) string {
	switch {
	case h == nil:
		return ""
	case h.Off != "":
		return h.Off
	case h.Shallow:
		return "history: a shallow clone: dates before its first commit are unknown; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in GitHub Actions)"
	}
	return ""
}
