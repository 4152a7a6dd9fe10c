package devserver

import (
	"net"
	"net/http"
	"os"
	"strings"
)

// A page on any web site can make a browser send requests to
// 127.0.0.1:1313 under a name it controls, rebinding that name to the
// loopback address (DNS rebinding), and then read the answers: the served
// site, drafts included. Such requests carry the attacker's name in their
// Host header, so the server answers only requests naming it by an
// address it listens on (or a name the user allowed with --allow-host) and
// refuses the others with 421 Misdirected Request.

// hostSet is the set of names a request's Host header may give (lower
// case, without port or brackets).
type hostSet map[string]bool

// allowedHosts is the set for a server bound to bind: the loopback names,
// the bind address itself, and for a wildcard bind (0.0.0.0, ::), which
// anyone on the network may reach, the machine's addresses and host name;
// plus extra, the names the user allowed.
func allowedHosts(bind string, extra []string) hostSet {
	h := hostSet{}
	for _, name := range []string{"localhost", "127.0.0.1", "::1", bind} {
		h.add(name)
	}
	if ip := net.ParseIP(strings.Trim(bind, "[]")); bind == "" || (ip != nil && ip.IsUnspecified()) {
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if ipnet, ok := a.(*net.IPNet); ok {
					h.add(ipnet.IP.String())
				}
			}
		}
		if name, err := os.Hostname(); err == nil {
			h.add(name)
			h.add(name + ".local") // how phones on the same network find it (mDNS)
			if short, _, found := strings.Cut(name, "."); found {
				h.add(short)
			}
		}
	}
	for _, name := range extra {
		h.add(name)
	}
	return h
}

func (h hostSet) add(name string) {
	if name = normalHost(name); name != "" {
		h[name] = true
	}
}

// normalHost is name without port, brackets, trailing dot or upper case.
func normalHost(name string) string {
	if host, _, err := net.SplitHostPort(name); err == nil {
		name = host
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	if i := strings.IndexByte(name, '%'); i >= 0 { // an IPv6 zone
		name = name[:i]
	}
	return strings.ToLower(name)
}

// allows reports whether a request with this Host header is for us.
func (h hostSet) allows(host string) bool { return h[normalHost(host)] }

// misdirected answers a request for a name the server does not serve.
func misdirected(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "milepost serve does not answer to the name "+quoteHost(r.Host)+
		"; start it with --allow-host NAME to allow it", http.StatusMisdirectedRequest)
}

// quoteHost shows a Host header safely in a plain-text error.
func quoteHost(host string) string {
	if len(host) > 100 {
		host = host[:100] + "…"
	}
	return "\"" + strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, host) + "\""
}
