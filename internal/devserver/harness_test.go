package devserver

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/milepost/milepost/internal/sseclient"
)

// eventWait bounds every wait for an event; the suite normally sees each
// one within tens of milliseconds.
const eventWait = 5 * time.Second

// harness is one running server over a temporary site, with an open event
// stream.
type harness struct {
	t      *testing.T
	root   string
	b      *diskBuilder
	s      *Server
	url    string
	client *http.Client
	events <-chan event
	log    *syncBuffer
	stop   func() // cancels Run and waits for it; idempotent
}

// syncBuffer is a bytes.Buffer the server's goroutines can write to while
// the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (sb *syncBuffer) Write(p []byte) (int, error) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.b.Write(p)
}

func (sb *syncBuffer) String() string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.b.String()
}

// initialSite is the site every integration test starts from.
var initialSite = map[string]string{
	"content/index.md":      "home",
	"content/a.md":          "alpha",
	"content/sub/b.md":      "beta",
	"static/style.css":      "body{color:black}",
	"milepost.yaml":         "title: test\n",
	"content/.git/HEAD":     "ref: refs/heads/main\n",
	"public/stale/out.html": "never read",
}

// startServer writes initialSite (plus extra), starts a server on a free
// port and waits for its first "hello". tweak may change the options and
// the server before Run.
func startServer(t *testing.T, extra map[string]string, tweak func(*Options, *Server)) *harness {
	t.Helper()
	root := t.TempDir()
	for rel, text := range initialSite {
		writeFile(t, root, rel, text)
	}
	for rel, text := range extra {
		writeFile(t, root, rel, text)
	}
	h := &harness{t: t, root: root, b: &diskBuilder{root: root}, log: &syncBuffer{}}
	opts := Options{
		Root:  root,
		Watch: []string{"content", "templates", "static", "milepost.yaml"},
		Port:  -1,
		Quiet: 20 * time.Millisecond,
		Log:   h.log,
	}
	h.s = New(h.b, opts)
	if tweak != nil {
		tweak(&h.s.opts, h.s)
	}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- h.s.Run(ctx, func(u string) { urls <- u }) }()
	var once sync.Once
	h.client = &http.Client{Transport: &http.Transport{}, Timeout: eventWait}
	h.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(eventWait):
				t.Errorf("Run did not return after cancel")
			}
			h.client.CloseIdleConnections()
		})
	}
	t.Cleanup(h.stop)
	select {
	case h.url = <-urls:
	case err := <-done:
		t.Fatalf("Run returned before ready: %v", err)
	case <-time.After(eventWait):
		t.Fatal("server not ready")
	}
	h.events = h.openEvents(ctx)
	if ev := h.next(); ev.name != "hello" {
		t.Fatalf("first event = %q, want hello", ev.name)
	}
	return h
}

// openEvents connects one more event stream (without the client timeout,
// which would cut a long-lived stream).
func (h *harness) openEvents(ctx context.Context) <-chan event {
	h.t.Helper()
	streamClient := &http.Client{Transport: h.client.Transport}
	es, err := sseclient.Open(ctx, streamClient, h.url+strings.TrimPrefix(eventsPath, "/"))
	if err != nil {
		h.t.Fatal(err)
	}
	events := make(chan event, 64)
	go func() {
		defer close(events)
		for ev := range es.Pump(ctx) {
			select {
			case events <- event{name: ev.Name, data: ev.Data}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return events
}

// next returns the next event, failing the test after eventWait with what
// the server saw, so a failure on a slow machine can be told from a lost
// watch.
func (h *harness) next() event {
	h.t.Helper()
	return nextFrom(h.t, h.events, func() string {
		return fmt.Sprintf("builds (changed lists): %q\nserver log:\n%s", h.b.allCalls(), h.log)
	})
}

// nextFrom returns the next event from events, failing the test after
// eventWait; seen, when set, says what the server did meanwhile.
func nextFrom(t *testing.T, events <-chan event, seen func() string) event {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("event stream closed")
		}
		return ev
	case <-time.After(eventWait):
		if seen != nil {
			t.Fatalf("no event within %v\n%s", eventWait, seen())
		}
		t.Fatalf("no event within %v", eventWait)
	}
	return event{}
}

// expect waits for the next event and checks its name.
func (h *harness) expect(name string) event {
	h.t.Helper()
	ev := h.next()
	if ev.name != name {
		h.t.Fatalf("event %q (%.80q), want %q", ev.name, ev.data, name)
	}
	return ev
}

// expectNone checks that no event arrives for d.
func (h *harness) expectNone(d time.Duration) {
	h.t.Helper()
	select {
	case ev := <-h.events:
		h.t.Fatalf("unexpected event %q (%.80q)", ev.name, ev.data)
	case <-time.After(d):
	}
}

func (h *harness) write(rel, text string) {
	h.t.Helper()
	writeFile(h.t, h.root, rel, text)
}

func (h *harness) rename(from, to string) {
	h.t.Helper()
	if err := os.Rename(h.path(from), h.path(to)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) remove(rel string) {
	h.t.Helper()
	if err := os.Remove(h.path(rel)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) path(rel string) string {
	return filepath.Join(h.root, filepath.FromSlash(rel))
}

// get fetches a URL path (without the leading slash) and returns the status
// and body.
func (h *harness) get(p string) (int, string) {
	h.t.Helper()
	resp, err := h.client.Get(h.url + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// mustContain fetches p and checks the status and that the body holds want.
func (h *harness) mustContain(p string, status int, want string) string {
	h.t.Helper()
	got, body := h.get(p)
	if got != status || !strings.Contains(body, want) {
		h.t.Fatalf("GET /%s = %d %.300q, want %d containing %q", p, got, body, status, want)
	}
	return body
}

func writeFile(t *testing.T, root, rel, text string) {
	t.Helper()
	name := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// settleGoroutines waits until at most n goroutines run, and reports the
// count it saw last.
func settleGoroutines(n int, within time.Duration) int {
	deadline := time.Now().Add(within)
	for {
		got := runtime.NumGoroutine()
		if got <= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
}
