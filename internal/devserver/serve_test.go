package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestEditReloads(t *testing.T) {
	h := startServer(t, nil, nil)
	h.mustContain("a/", 200, "<h1>alpha</h1>")

	h.write("content/a.md", "alpha, edited")
	h.expect("reload")
	body := h.mustContain("a/", 200, "<h1>alpha, edited</h1>")
	if !strings.Contains(body, `<script src="../_milepost/live.js"`) {
		t.Errorf("page lacks the live-reload script: %s", body)
	}
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, []string{"content/a.md"}) {
		t.Errorf("changed = %q", got)
	}
	if log := h.log.String(); !strings.Contains(log, "pages in ") || !strings.Contains(log, "— content/a.md") {
		t.Errorf("terminal line missing:\n%s", log)
	}
}

// TestEditorSaves replays how editors save a file: each must come out as
// one change of the real file, whatever temporary and backup files it made.
func TestEditorSaves(t *testing.T) {
	const text = "alpha, saved"
	saves := []struct {
		name string
		save func(h *harness)
	}{
		{"write in place", func(h *harness) {
			h.write("content/a.md", text)
		}},
		{"temp file renamed over", func(h *harness) {
			h.write("content/a.md.tmp", text)
			h.rename("content/a.md.tmp", "content/a.md")
		}},
		{"vim, backupcopy=no", func(h *harness) {
			h.write("content/4913", "")
			h.remove("content/4913")
			h.write("content/.a.md.swp", "swap")
			h.rename("content/a.md", "content/a.md~")
			h.write("content/a.md", text)
			h.remove("content/a.md~")
		}},
		{"emacs", func(h *harness) {
			h.write("content/#a.md#", "autosave")
			h.write("content/.#a.md", "lock")
			h.rename("content/a.md", "content/a.md~")
			h.write("content/a.md", text)
			h.remove("content/#a.md#")
			h.remove("content/.#a.md")
		}},
		{"JetBrains safe write", func(h *harness) {
			h.write("content/a.md___jb_tmp___", text)
			h.rename("content/a.md", "content/a.md___jb_old___")
			h.rename("content/a.md___jb_tmp___", "content/a.md")
			h.remove("content/a.md___jb_old___")
		}},
		{"gedit", func(h *harness) {
			h.write("content/.goutputstream-X1Y2Z3", text)
			h.rename("content/.goutputstream-X1Y2Z3", "content/a.md")
		}},
	}
	for _, tt := range saves {
		t.Run(tt.name, func(t *testing.T) {
			// A wide window: a loaded machine may pause between two steps.
			h := startServer(t, nil, func(o *Options, _ *Server) { o.Quiet = 100 * time.Millisecond })
			tt.save(h)
			h.expect("reload")
			h.mustContain("a/", 200, text)
			if got := h.b.lastChanged(); !reflect.DeepEqual(got, []string{"content/a.md"}) {
				t.Errorf("changed = %q, want the real file only", got)
			}
		})
	}
}

func TestNewFolderIsWatched(t *testing.T) {
	h := startServer(t, nil, nil)
	if err := os.Mkdir(h.path("content/new"), 0o755); err != nil {
		t.Fatal(err)
	}
	h.write("content/new/c.md", "gamma")
	h.expect("reload")
	h.mustContain("new/c/", 200, "gamma")

	// Once added, the folder's own events arrive.
	h.write("content/new/c.md", "gamma, edited")
	h.expect("reload")
	h.mustContain("new/c/", 200, "gamma, edited")
}

func TestTreeMovedInIsScanned(t *testing.T) {
	// A whole tree appears at once: its files sent no events of their own.
	h := startServer(t, nil, nil)
	outside := t.TempDir()
	writeFile(t, outside, "tree/d.md", "delta")
	writeFile(t, outside, "tree/deeper/e.md", "epsilon")
	if err := os.Rename(outside+"/tree", h.path("content/tree")); err != nil {
		t.Fatal(err)
	}
	h.expect("reload")
	h.mustContain("tree/d/", 200, "delta")
	h.mustContain("tree/deeper/e/", 200, "epsilon")
	want := []string{"content/tree/d.md", "content/tree/deeper/e.md"}
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, want) {
		t.Errorf("changed = %q, want %q", got, want)
	}
	h.write("content/tree/deeper/e.md", "epsilon, edited")
	h.expect("reload")
	h.mustContain("tree/deeper/e/", 200, "epsilon, edited")
}

func TestDeleteFile(t *testing.T) {
	h := startServer(t, nil, nil)
	if err := os.Remove(h.path("content/a.md")); err != nil {
		t.Fatal(err)
	}
	h.expect("reload")
	h.mustContain("a/", 404, "not here")
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, []string{"content/a.md"}) {
		t.Errorf("changed = %q", got)
	}
}

func TestRenameFolder(t *testing.T) {
	h := startServer(t, nil, nil)
	if err := os.Rename(h.path("content/sub"), h.path("content/moved")); err != nil {
		t.Fatal(err)
	}
	h.expect("reload")
	h.mustContain("moved/b/", 200, "beta")
	h.mustContain("sub/b/", 404, "not here")
	if got, want := h.b.lastChanged(), []string{"content/moved/b.md", "content/sub/b.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("changed = %q, want %q", got, want)
	}
	h.write("content/moved/b.md", "beta, edited") // the moved folder is watched
	h.expect("reload")
	h.mustContain("moved/b/", 200, "beta, edited")
}

func TestEditorLitterIgnored(t *testing.T) {
	h := startServer(t, nil, nil)
	before := h.b.buildCount()
	for _, rel := range []string{
		"content/.a.md.swp", "content/.a.md.swx", "content/4913", "content/a.md~",
		"content/#a.md#", "content/.#a.md", "content/a.md___jb_tmp___", "content/a.md___jb_old___",
		"content/.DS_Store", "content/.goutputstream-ABC123", "content/.git/index", "static/.hidden/x.css",
		"public/index.html", "README.md",
	} {
		h.write(rel, "litter")
	}
	h.expectNone(300 * time.Millisecond)
	if got := h.b.buildCount(); got != before {
		t.Errorf("%d builds for editor litter", got-before)
	}
}

func TestTransientFileAloneBuildsNothing(t *testing.T) {
	h := startServer(t, nil, nil)
	before := h.b.buildCount()
	h.write("content/scratch.tmp", "x")
	os.Remove(h.path("content/scratch.tmp"))
	h.expectNone(200 * time.Millisecond)
	if got := h.b.buildCount(); got != before {
		t.Errorf("%d builds for a file created and removed within one batch", got-before)
	}
}

func TestBuildErrorShowsOverlayAndKeepsSite(t *testing.T) {
	h := startServer(t, nil, nil)
	h.write("content/a.md", "line one\n  BROKEN here\nline three")
	ev := h.expect("error")
	for _, want := range []string{"content/a.md:2:3", "&lt;BROKEN&gt; is not a key", `class="mp-mark"`, "BROKEN here"} {
		if !strings.Contains(ev.data, want) {
			t.Errorf("error event lacks %q:\n%s", want, ev.data)
		}
	}
	if strings.Contains(ev.data, "<BROKEN>") {
		t.Error("the message is not escaped")
	}
	// The last good site is still served, with the overlay on every page.
	body := h.mustContain("a/", 200, "<h1>alpha</h1>")
	if !strings.Contains(body, `id="milepost-overlay"`) {
		t.Error("page served during the error lacks the overlay")
	}
	h.mustContain("nope/", 404, `id="milepost-overlay"`)
	if got, _ := h.get("style.css"); got != 200 {
		t.Errorf("style.css = %d", got)
	}
	log := h.log.String()
	if !strings.Contains(log, "build failed in") || !strings.Contains(log, "content/a.md:2:3: error:") || !strings.Contains(log, ">    2 |   BROKEN here") {
		t.Errorf("terminal lacks the diagnostic:\n%s", log)
	}

	// A second stream connecting now is told about the error at once.
	late := h.openEvents(t.Context())
	if ev := nextFrom(t, late, nil); ev.name != "hello" {
		t.Fatalf("late stream: %q", ev.name)
	}
	if ev := nextFrom(t, late, nil); ev.name != "error" {
		t.Fatalf("late stream: %q, want error", ev.name)
	}

	h.write("content/a.md", "alpha, fixed")
	h.expect("reload")
	body = h.mustContain("a/", 200, "alpha, fixed")
	if strings.Contains(body, "milepost-overlay") {
		t.Error("overlay still shown after the fix")
	}
}

func TestBuilderPanicIsABuildError(t *testing.T) {
	h := startServer(t, nil, nil)
	h.write("content/a.md", "PANIC")
	ev := h.expect("error")
	if !strings.Contains(ev.data, "the build panicked: toy builder: content/a.md") {
		t.Errorf("error event: %.300s", ev.data)
	}
	h.mustContain("a/", 200, "<h1>alpha</h1>")
	h.write("content/a.md", "alpha again")
	h.expect("reload")
	h.mustContain("a/", 200, "alpha again")
}

func TestFirstBuildFailingStillServes(t *testing.T) {
	h := startServer(t, map[string]string{"content/a.md": "BROKEN"}, nil)
	h.expect("error") // sent on connect
	h.mustContain("", 500, `id="milepost-overlay"`)
	h.mustContain("a/", 500, "content/a.md:1:1")
	h.write("content/a.md", "alpha")
	h.expect("reload")
	body := h.mustContain("a/", 200, "<h1>alpha</h1>")
	if strings.Contains(body, "milepost-overlay") {
		t.Error("overlay still shown after the fix")
	}
}

func TestCSSOnlyChange(t *testing.T) {
	h := startServer(t, nil, nil)
	h.write("static/style.css", "body{color:red}")
	ev := h.expect("css")
	var msg struct {
		Site  string
		Paths []string
	}
	if err := json.Unmarshal([]byte(ev.data), &msg); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(msg.Paths, []string{"style.css"}) || msg.Site == "" {
		t.Errorf("css event = %+v", msg)
	}
	h.mustContain("style.css", 200, "color:red")
}

func TestBatching(t *testing.T) {
	h := startServer(t, nil, func(o *Options, _ *Server) { o.Quiet = 150 * time.Millisecond })
	before := h.b.buildCount()
	var want []string
	for i := 0; i < 10; i++ {
		rel := "content/batch" + string(rune('0'+i)) + ".md"
		h.write(rel, "page")
		want = append(want, rel)
	}
	h.expect("reload")
	h.expectNone(300 * time.Millisecond)
	if got := h.b.buildCount() - before; got != 1 {
		t.Errorf("%d builds for 10 writes in one window, want 1", got)
	}
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, want) {
		t.Errorf("changed = %q, want %q", got, want)
	}
}

func TestIdenticalOutputSendsNothing(t *testing.T) {
	h := startServer(t, nil, nil)
	h.write("content/a.md", "alpha\n") // trimmed by the builder: same page
	h.expectNone(300 * time.Millisecond)
	if n := h.b.buildCount(); n != 2 {
		t.Errorf("%d builds, want the first and one rebuild", n)
	}
}

func TestPolling(t *testing.T) {
	h := startServer(t, nil, func(o *Options, _ *Server) { o.Poll = 30 * time.Millisecond })
	h.write("content/a.md", "alpha, polled")
	h.expect("reload")
	h.mustContain("a/", 200, "alpha, polled")
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, []string{"content/a.md"}) {
		t.Errorf("changed = %q", got)
	}
	if err := os.Remove(h.path("content/sub/b.md")); err != nil {
		t.Fatal(err)
	}
	h.expect("reload")
	h.mustContain("sub/b/", 404, "not here")
}

func TestFallsBackToPolling(t *testing.T) {
	h := startServer(t, nil, func(_ *Options, s *Server) {
		s.newWatcher = func() (*fsnotify.Watcher, error) { return nil, errors.New("inotify: too many instances") }
	})
	if log := h.log.String(); !strings.Contains(log, "too many instances") || !strings.Contains(log, "polling every") {
		t.Errorf("terminal does not say why it polls:\n%s", log)
	}
	h.write("content/a.md", "alpha, polled")
	h.expect("reload")
	h.mustContain("a/", 200, "alpha, polled")
}

func TestMissingEntriesArePickedUp(t *testing.T) {
	h := startServer(t, nil, nil) // templates/ does not exist
	h.write("templates/page.html", "<main>{{.}}</main>")
	h.expectNone(200 * time.Millisecond) // the toy builder ignores templates...
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, []string{"templates/page.html"}) {
		t.Errorf("changed = %q", got) // ...but it was told
	}
	h.write("templates/page.html", "<main>{{.}}</main>!")
	waitFor(t, func() bool { return len(h.b.lastChanged()) == 1 && h.b.buildCount() == 3 })

	// The watched folder goes away and comes back.
	if err := os.RemoveAll(h.path("static")); err != nil {
		t.Fatal(err)
	}
	h.expect("css") // only a stylesheet went
	h.write("static/style.css", "body{color:blue}")
	h.expect("css") // only a stylesheet came back
	h.mustContain("style.css", 200, "color:blue")
}

func TestConfigFileAtomicSave(t *testing.T) {
	h := startServer(t, nil, nil)
	before := h.b.buildCount()
	h.write("milepost.yaml.new", "title: changed\n")
	if err := os.Rename(h.path("milepost.yaml.new"), h.path("milepost.yaml")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return h.b.buildCount() > before })
	if got := h.b.lastChanged(); !reflect.DeepEqual(got, []string{"milepost.yaml"}) {
		t.Errorf("changed = %q", got)
	}
}

func TestStreamsEndAndNoGoroutineLeaks(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"fsnotify", 0}, {"poll", 30 * time.Millisecond}} {
		t.Run(mode.name, func(t *testing.T) {
			noLeaks(t, func(o *Options, _ *Server) { o.Poll = mode.poll })
		})
	}
}

func noLeaks(t *testing.T, tweak func(*Options, *Server)) {
	before := runtime.NumGoroutine()
	h := startServer(t, nil, tweak)
	// Streams whose own context never ends: shutdown must close them.
	extra := []<-chan event{h.openEvents(context.Background()), h.openEvents(context.Background())}
	for _, ch := range extra {
		if ev := nextFrom(t, ch, nil); ev.name != "hello" {
			t.Fatalf("got %q, want hello", ev.name)
		}
	}
	waitFor(t, func() bool { return h.s.hub.count() == 3 })
	h.write("content/a.md", "alpha, edited")
	h.expect("reload")
	for _, ch := range extra {
		if ev := nextFrom(t, ch, nil); ev.name != "reload" {
			t.Fatalf("got %q, want reload", ev.name)
		}
	}

	h.stop()
	for _, ch := range append(extra, h.events) {
		select {
		case _, open := <-ch:
			if open {
				t.Fatal("event after shutdown")
			}
		case <-time.After(eventWait):
			t.Fatal("event stream still open after shutdown")
		}
	}
	h.client.CloseIdleConnections()
	if got := settleGoroutines(before, 3*time.Second); got > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after shutdown:\n%s", before, got, buf[:runtime.Stack(buf, true)])
	}
}

func TestEventOverflowRebuildsEverything(t *testing.T) {
	var w *fsnotify.Watcher
	h := startServer(t, nil, func(_ *Options, s *Server) {
		s.newWatcher = func() (*fsnotify.Watcher, error) {
			var err error
			w, err = fsnotify.NewWatcher()
			return w, err
		}
	})
	before := h.b.buildCount()
	w.Errors <- fsnotify.ErrEventOverflow
	waitFor(t, func() bool { return h.b.buildCount() > before })
	if got := h.b.lastChanged(); got != nil {
		t.Errorf("changed = %q, want nil after lost events", got)
	}
	// Every folder is watched again.
	h.write("content/sub/b.md", "beta, after the overflow")
	h.expect("reload")
	h.mustContain("sub/b/", 200, "beta, after the overflow")
}

func TestDisconnectedClientIsRemoved(t *testing.T) {
	h := startServer(t, nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	ch := h.openEvents(ctx)
	nextFrom(t, ch, nil)
	waitFor(t, func() bool { return h.s.hub.count() == 2 })
	cancel()
	waitFor(t, func() bool { return h.s.hub.count() == 1 })
}

func TestHeartbeat(t *testing.T) {
	h := startServer(t, nil, func(_ *Options, s *Server) { s.heartbeat = 20 * time.Millisecond })
	req, _ := http.NewRequestWithContext(t.Context(), "GET", h.url+"_milepost/events", nil)
	resp, err := (&http.Client{Transport: h.client.Transport}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	for _, hdr := range [][2]string{{"Content-Type", "text/event-stream; charset=utf-8"}, {"Cache-Control", "no-cache"}} {
		if got := resp.Header.Get(hdr[0]); got != hdr[1] {
			t.Errorf("%s = %q, want %q", hdr[0], got, hdr[1])
		}
	}
	r := bufio.NewReader(resp.Body)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if line == ": ping\n" {
			return
		}
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(eventWait)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// count is the number of connected streams.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}
