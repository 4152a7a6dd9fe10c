package devserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Server serves a site from memory and rebuilds it as its sources change.
type Server struct {
	builder Builder
	opts    Options
	nonce   string // differs between runs: a page from an earlier run reloads
	hub     *hub
	state   atomic.Pointer[siteState]
	logMu   sync.Mutex
	hosts   hostSet // the names a request's Host header may give

	timeouts timeouts

	// Seams for tests.
	newWatcher func() (*fsnotify.Watcher, error)
	heartbeat  time.Duration
}

// siteState is what requests see: the last good build, its generation and
// the error overlay of the last build when it failed.
type siteState struct {
	files    map[string][]byte // nil until a build succeeds
	deferred map[string]func() []byte
	gen      uint64 // bumped when the output changed or an error cleared
	overlay  string // pre-rendered HTML, "" when the last build succeeded
}

// New returns a server for the site b builds. Nothing happens until Run.
func New(b Builder, o Options) *Server {
	var nonce [4]byte
	_, _ = rand.Read(nonce[:])
	s := &Server{
		builder:    b,
		opts:       o.withDefaults(),
		nonce:      hex.EncodeToString(nonce[:]),
		hub:        newHub(),
		newWatcher: fsnotify.NewWatcher,
		heartbeat:  15 * time.Second,
		timeouts:   defaultTimeouts,
	}
	s.hosts = allowedHosts(s.opts.Bind, s.opts.AllowHosts)
	s.state.Store(&siteState{})
	return s
}

// Handler serves the current site; Run uses it, tests may call it directly.
func (s *Server) Handler() http.Handler { return s }

// siteID names the build a page comes from (see the "hello" event).
func (s *Server) siteID(st *siteState) string {
	return s.nonce + "-" + strconv.FormatUint(st.gen, 10)
}

// Run watches the sources, builds the site once, listens, calls ready with
// the URL and then serves and rebuilds until ctx is done. A failing first
// build does not stop it: the browser shows the error until it is fixed.
// On return, the listener, the event streams, the watcher and the build
// loop have all stopped. Run is meant to be called once per Server.
func (s *Server) Run(ctx context.Context, ready func(url string)) error {
	sc, err := newScope(s.opts.Root, s.opts.Watch)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	changes := make(chan changeSet)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel() // runs before wg.Wait

	// Watch before the first build, so edits made while it runs are seen.
	s.startWatching(ctx, sc, changes, &wg)

	s.rebuild(ctx, changeSet{first: time.Now()}, true)
	if ctx.Err() != nil {
		return nil // stopped during the first build
	}

	ln, err := s.listen()
	if err != nil {
		return err
	}
	url := "http://" + displayAddr(ln.Addr()) + "/"
	s.logf("serving %s", url)
	if ready != nil {
		ready(url)
	}

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.timeouts.readHeader,
		ReadTimeout:       s.timeouts.read,
		WriteTimeout:      s.timeouts.write,
		IdleTimeout:       s.timeouts.idle,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

loop:
	for {
		select {
		case cs := <-changes:
			s.rebuild(ctx, cs, false)
		case err := <-serveErr:
			s.hub.close()
			return fmt.Errorf("serve: %w", err)
		case <-ctx.Done():
			break loop
		}
	}
	s.hub.close() // event streams return, so Shutdown need not wait for them
	shutdownCtx, stop := context.WithTimeout(context.Background(), 3*time.Second)
	defer stop()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
	}
	<-serveErr
	return nil
}

// timeouts bound how long a connection may hold the server: a client that
// sends its headers slowly, a request or an answer that does not move, a
// keep-alive connection left idle. The event stream moves the write
// deadline forward before each write (serveEvents), so these never cut it.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

var defaultTimeouts = timeouts{
	readHeader: 10 * time.Second,
	read:       30 * time.Second,
	write:      60 * time.Second,
	idle:       60 * time.Second,
}

// startWatching starts the fsnotify watcher, or the poller when Options.Poll
// asks for it or fsnotify cannot start; a watcher that fails later (a new
// folder past the inotify limit) hands over to the poller.
func (s *Server) startWatching(ctx context.Context, sc scope, out chan<- changeSet, wg *sync.WaitGroup) {
	g := newGatherer(sc.root, s.opts.Quiet, out)
	var nw *notifyWatcher
	var p *poller
	if s.opts.Poll > 0 {
		p = newPoller(sc, s.opts.Poll)
	} else {
		var err error
		if nw, err = startNotify(sc, s.newWatcher, s.logf); err != nil {
			s.logf("cannot watch files (%v); polling every %v instead", err, fallbackPoll)
			p = newPoller(sc, fallbackPoll)
		}
	}
	// Both took their first look before the first build starts.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer g.stop()
		if nw != nil {
			err := nw.run(ctx, g)
			if err == nil || ctx.Err() != nil {
				return
			}
			s.logf("watch: %v; polling every %v instead", err, fallbackPoll)
			p = newPoller(sc, fallbackPoll)
			g.known = nil
			g.pending.addAll(time.Now()) // whatever changed since the watcher failed
			g.noted()
		}
		p.run(ctx, g)
	}()
}

// listen binds Bind:Port, trying the next ports when it is busy.
func (s *Server) listen() (net.Listener, error) {
	if ip := net.ParseIP(s.opts.Bind); (ip == nil || !ip.IsLoopback()) && s.opts.Bind != "localhost" {
		s.logf("warning: listening on %s: anyone who can reach this machine can read the site", s.opts.Bind)
	}
	if s.opts.Port < 0 {
		return net.Listen("tcp", net.JoinHostPort(s.opts.Bind, "0"))
	}
	var lastErr error
	for port := s.opts.Port; port < s.opts.Port+portAttempts && port <= 65535; port++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(s.opts.Bind, strconv.Itoa(port)))
		if err == nil {
			if port != s.opts.Port {
				s.logf("port %d is busy, using %d", s.opts.Port, port)
			}
			return ln, nil
		}
		lastErr = err
		if !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	return nil, fmt.Errorf("listen: %w", lastErr)
}

// displayAddr is the address to print: a wildcard bind is reached through
// the loopback address.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, strconv.Itoa(tcp.Port))
}

// logf writes one terminal line; the build loop and the watcher both log.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}
