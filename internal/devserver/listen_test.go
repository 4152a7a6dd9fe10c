package devserver

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

func TestBusyPortTakesTheNext(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	if port > 65535-portAttempts {
		t.Skip("busy port too close to the top of the range")
	}
	h := startServer(t, nil, func(o *Options, _ *Server) { o.Port = port })
	if strings.Contains(h.url, ":"+strconv.Itoa(port)+"/") {
		t.Errorf("served on the busy port: %s", h.url)
	}
	if !strings.Contains(h.log.String(), "port "+strconv.Itoa(port)+" is busy") {
		t.Errorf("terminal does not say the port was busy:\n%s", h.log)
	}
	h.mustContain("a/", 200, "alpha")
}

func TestLoopbackByDefault(t *testing.T) {
	h := startServer(t, nil, nil)
	if !strings.HasPrefix(h.url, "http://127.0.0.1:") {
		t.Errorf("url = %s", h.url)
	}
	if strings.Contains(h.log.String(), "warning") {
		t.Errorf("warning on loopback:\n%s", h.log)
	}
	if !strings.Contains(h.log.String(), "serving "+h.url) {
		t.Errorf("URL not printed:\n%s", h.log)
	}
}

func TestWildcardBindWarns(t *testing.T) {
	h := startServer(t, nil, func(o *Options, _ *Server) { o.Bind = "0.0.0.0" })
	if !strings.Contains(h.log.String(), "warning: listening on 0.0.0.0") {
		t.Errorf("no warning:\n%s", h.log)
	}
	if !strings.HasPrefix(h.url, "http://127.0.0.1:") {
		t.Errorf("url = %s, want the loopback address to open", h.url)
	}
}
