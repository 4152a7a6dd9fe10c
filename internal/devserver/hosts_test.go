package devserver

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// localRequest is a request as a browser on this machine sends it.
func localRequest(method, target string) *http.Request {
	r := httptest.NewRequest(method, target, nil)
	r.Host = "127.0.0.1:1313"
	return r
}

// TestHostHeaderIsChecked: a page that rebinds its own name to 127.0.0.1
// must not read the site; the names the server listens on, and those the
// user allowed, are served.
func TestHostHeaderIsChecked(t *testing.T) {
	hostname, _ := os.Hostname()
	tests := []struct {
		bind, host string
		allow      []string
		want       int
	}{
		{"127.0.0.1", "127.0.0.1:1313", nil, 200},
		{"127.0.0.1", "localhost:1313", nil, 200},
		{"127.0.0.1", "LOCALHOST.", nil, 200},
		{"127.0.0.1", "[::1]:1313", nil, 200},
		{"127.0.0.1", "evil.example", nil, 421},
		{"127.0.0.1", "evil.example:1313", nil, 421},
		{"127.0.0.1", "127.0.0.1.evil.example", nil, 421},
		{"127.0.0.1", "", nil, 421},
		{"127.0.0.1", "status.test:1313", []string{"status.test"}, 200},
		{"127.0.0.1", hostname, nil, 421},
		{"192.0.2.7", "192.0.2.7:1313", nil, 200},
		{"0.0.0.0", hostname + ":1313", nil, 200},
		{"0.0.0.0", "evil.example", nil, 421},
		{"::", "[::1]:1313", nil, 200},
	}
	for _, tt := range tests {
		s := New(nil, Options{Bind: tt.bind, AllowHosts: tt.allow})
		s.state.Store(&siteState{files: map[string][]byte{"status.json": []byte("{}")}})
		r := httptest.NewRequest("GET", "/status.json", nil)
		r.Host = tt.host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != tt.want {
			t.Errorf("bind %s, Host %q, allowed %q: %d, want %d", tt.bind, tt.host, tt.allow, w.Code, tt.want)
		}
		if tt.want == 421 && strings.Contains(w.Body.String(), "{}") {
			t.Errorf("Host %q: the refusal carries the file", tt.host)
		}
	}
	if s := New(nil, Options{Bind: "0.0.0.0"}); !s.hosts.allows("127.0.0.1") {
		t.Error("a wildcard bind refuses the loopback address")
	} else if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if ipnet, ok := a.(*net.IPNet); ok && !s.hosts.allows(net.JoinHostPort(ipnet.IP.String(), "1313")) {
				t.Errorf("a wildcard bind refuses the machine's address %s", ipnet.IP)
			}
		}
	}
}

// TestTimeoutsSpareTheEventStream runs a server with timeouts of a few
// tens of milliseconds: an idle keep-alive connection and a client that
// never finishes its headers are closed, while an event stream lives on
// across many times every timeout.
func TestTimeoutsSpareTheEventStream(t *testing.T) {
	short := timeouts{readHeader: 50 * time.Millisecond, read: 50 * time.Millisecond, write: 50 * time.Millisecond, idle: 50 * time.Millisecond}
	h := startServer(t, nil, func(_ *Options, s *Server) {
		s.timeouts = short
		s.heartbeat = 20 * time.Millisecond
	})
	addr := strings.TrimSuffix(strings.TrimPrefix(h.url, "http://"), "/")

	// A client that never sends the end of its headers.
	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	if _, err := io.WriteString(slow, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); err != nil {
		t.Fatal(err)
	}
	// A keep-alive connection left idle after one request.
	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	if _, err := io.WriteString(idle, "GET /a/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(idle), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	for _, c := range []net.Conn{slow, idle} {
		_ = c.SetReadDeadline(time.Now().Add(eventWait))
		if _, err := io.Copy(io.Discard, c); err != nil {
			t.Errorf("the server did not close a connection it should have timed out: %v", err)
		}
	}

	// One event stream, read line by line for twenty times every
	// timeout: pings keep coming and the connection is never closed.
	req, _ := http.NewRequestWithContext(t.Context(), "GET", h.url+"_milepost/events", nil)
	stream, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	lines := bufio.NewReader(stream.Body)
	pings := 0
	for end := time.Now().Add(20 * short.write); time.Now().Before(end); {
		line, err := lines.ReadString('\n')
		if err != nil {
			t.Fatalf("the event stream ended after %d pings: %v", pings, err)
		}
		if line == ": ping\n" {
			pings++
		}
	}
	if pings < 5 {
		t.Errorf("%d pings in %v", pings, 20*short.write)
	}
}
