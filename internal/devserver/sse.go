package devserver

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// event is one Server-Sent Event: "reload", "css", "error" or "hello".
type event struct {
	name string
	data string
}

// writeTo writes the event in the text/event-stream format; multi-line data
// becomes one "data:" line per line.
func (ev event) writeTo(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "event: %s\n", ev.name)
	data := strings.ReplaceAll(ev.data, "\r", "")
	for _, line := range strings.Split(data, "\n") {
		fmt.Fprintf(&b, "data: %s\n", line)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// clientBuffer is how many events may wait for a slow client. A client that
// falls further behind is disconnected; its browser reconnects and catches
// up through the "hello" event.
const clientBuffer = 16

// hub fans events out to the connected event streams.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	closed  bool
	done    chan struct{} // closed by close: every stream returns
}

func newHub() *hub {
	return &hub{clients: make(map[chan event]struct{}), done: make(chan struct{})}
}

// subscribe registers a new stream; ok is false after close.
func (h *hub) subscribe() (ch chan event, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch = make(chan event, clientBuffer)
	h.clients[ch] = struct{}{}
	return ch, true
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[ch]; ok {
		delete(h.clients, ch)
		close(ch)
	}
}

// broadcast queues ev for every stream without ever blocking.
func (h *hub) broadcast(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- ev:
		default:
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// close ends every stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.done)
	for ch := range h.clients {
		delete(h.clients, ch)
		close(ch)
	}
}

// serveEvents is the event stream handler. It greets the client with the
// current site id (a page whose id differs reloads, so nothing is missed
// across reconnects) and the error overlay when a build is failing, then
// forwards events with a comment line every heartbeat so proxies keep the
// connection open.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	ch, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(ch)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	// The stream lives as long as the page: each write gets the server's
	// write timeout from when it starts, not from the request's arrival.
	extend := func() { _ = rc.SetWriteDeadline(time.Now().Add(s.timeouts.write)) }
	extend()

	st := s.state.Load()
	if _, err := io.WriteString(w, "retry: 1000\n\n"); err != nil {
		return
	}
	if err := (event{name: "hello", data: s.siteID(st)}).writeTo(w); err != nil {
		return
	}
	if st.overlay != "" {
		if err := (event{name: "error", data: st.overlay}).writeTo(w); err != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}

	beat := time.NewTicker(s.heartbeat)
	defer beat.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			extend()
			err = ev.writeTo(w)
		case <-beat.C:
			extend()
			_, err = io.WriteString(w, ": ping\n\n")
		}
		if err != nil || rc.Flush() != nil {
			return
		}
	}
}
