package devserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// servedSite is a server holding a fixed build, no Run needed. JSON files
// are deferred, as the real builder defers status.json.
func servedSite(files map[string]string, overlay string) *Server {
	s := New(nil, Options{})
	built := make(map[string][]byte, len(files))
	deferred := map[string]func() []byte{}
	for name, text := range files {
		if strings.HasSuffix(name, ".json") {
			deferred[name] = func() []byte { return []byte(text) }
			continue
		}
		built[name] = []byte(text)
	}
	s.state.Store(&siteState{files: built, deferred: deferred, gen: 7, overlay: overlay})
	return s
}

// A deferred file is made when it is asked for, and not before.
func TestDeferredFileIsMadeOnRequest(t *testing.T) {
	s := New(nil, Options{})
	made := 0
	s.state.Store(&siteState{
		files:    map[string][]byte{"index.html": []byte("<html><body>home</body></html>")},
		deferred: map[string]func() []byte{"status.json": func() []byte { made++; return []byte(`{"n":1}`) }},
	})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, localRequest("GET", "/"))
	if made != 0 {
		t.Fatalf("serving the home page made status.json %d times", made)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, localRequest("GET", "/status.json"))
	if made != 1 || rec.Code != 200 || rec.Body.String() != `{"n":1}` {
		t.Errorf("GET /status.json: made %d times, %d %q", made, rec.Code, rec.Body.String())
	}
}

var handlerSite = map[string]string{
	"index.html":                "<html><body>home</body></html>",
	"milestones/x/index.html":   "<html><BODY>x</BODY></html>",
	"milestones/a b/index.html": "<html><body>spaced</body></html>",
	"style.css":                 "body{}",
	"app.js":                    "1",
	"badge.svg":                 "<svg/>",
	"status.json":               "{}",
	"feed.xml":                  "<feed/>",
	"logo.png":                  "\x89PNG\r\n\x1a\n",
	"no-body.html":              "<p>fragment",
	"404.html":                  "<html><body>missing</body></html>",
}

func TestHandler(t *testing.T) {
	s := servedSite(handlerSite, "")
	tests := []struct {
		method, target string
		status         int
		ctype          string
		location       string
		bodyHas        string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "", "home"},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "", "home"},
		{"GET", "/milestones/x/", 200, "text/html; charset=utf-8", "", "x"},
		{"GET", "/milestones/x/index.html", 200, "text/html; charset=utf-8", "", "x"},
		{"GET", "/milestones/x", 302, "", "./x/", ""},
		{"GET", "/milestones/x?a=1", 302, "", "./x/?a=1", ""},
		{"GET", "/milestones/a%20b", 302, "", "./a%20b/", ""},
		{"GET", "/milestones/a%20b/", 200, "text/html; charset=utf-8", "", "spaced"},
		{"GET", "/style.css", 200, "text/css; charset=utf-8", "", "body{}"},
		{"GET", "/app.js", 200, "text/javascript; charset=utf-8", "", "1"},
		{"GET", "/badge.svg", 200, "image/svg+xml", "", "<svg/>"},
		{"GET", "/status.json", 200, "application/json", "", "{}"},
		{"GET", "/feed.xml", 200, "application/xml", "", "<feed/>"},
		{"GET", "/logo.png", 200, "image/png", "", "PNG"},
		{"GET", "/missing", 404, "text/html; charset=utf-8", "", "missing"},
		{"GET", "/milestones/", 404, "text/html; charset=utf-8", "", "missing"},
		{"HEAD", "/", 200, "text/html; charset=utf-8", "", ""},
		{"POST", "/", 405, "", "", ""},
		{"PUT", "/style.css", 405, "", "", ""},
		{"DELETE", "/", 405, "", "", ""},
		{"OPTIONS", "/", 405, "", "", ""},
		{"POST", "/_milepost/events", 405, "", "", ""},
		{"GET", "/_milepost/live.js", 200, "text/javascript; charset=utf-8", "", "EventSource"},
		{"GET", "/_milepost/other", 404, "", "", ""},
		{"HEAD", "/_milepost/events", 200, "text/event-stream; charset=utf-8", "", ""},
		// Path escapes, plain and encoded.
		{"GET", "/../etc/passwd", 400, "", "", ""},
		{"GET", "/%2e%2e/etc/passwd", 400, "", "", ""},
		{"GET", "/milestones/%2E%2E/%2E%2E/secret", 400, "", "", ""},
		{"GET", "/milestones/..%2f..%2fsecret", 400, "", "", ""},
		{"GET", "/./index.html", 400, "", "", ""},
		{"GET", "/milestones\\..\\..\\secret", 400, "", "", ""},
		{"GET", "/milestones%5c..%5csecret", 400, "", "", ""},
		{"GET", "/index.html%00.css", 400, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, localRequest(tt.method, tt.target))
			res := w.Result()
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d (%s)", res.StatusCode, tt.status, w.Body)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
			if got := res.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if !strings.Contains(w.Body.String(), tt.bodyHas) {
				t.Errorf("body %q lacks %q", w.Body, tt.bodyHas)
			}
			if tt.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", res.Header.Get("Allow"))
			}
			if tt.method == "HEAD" && w.Body.Len() != 0 {
				t.Errorf("HEAD has a body")
			}
			if tt.status == 200 && res.Header.Get("Cache-Control") != "no-cache" {
				t.Errorf("Cache-Control = %q", res.Header.Get("Cache-Control"))
			}
		})
	}
}

func TestHandlerInjectsIntoHTMLOnly(t *testing.T) {
	s := servedSite(handlerSite, "")
	tests := []struct {
		target string
		want   string // exact body
	}{
		{"/", `<html><body>home<script src="./_milepost/live.js" data-milepost-site="` + s.nonce + `-7"></script></body></html>`},
		{"/index.html", `<html><body>home<script src="./_milepost/live.js" data-milepost-site="` + s.nonce + `-7"></script></body></html>`},
		{"/milestones/x/", `<html><BODY>x<script src="../../_milepost/live.js" data-milepost-site="` + s.nonce + `-7"></script></BODY></html>`},
		{"/no-body.html", `<p>fragment<script src="./_milepost/live.js" data-milepost-site="` + s.nonce + `-7"></script>`},
		{"/a/b/c/missing", `<html><body>missing<script src="../../../_milepost/live.js" data-milepost-site="` + s.nonce + `-7"></script></body></html>`},
		{"/style.css", `body{}`},
		{"/badge.svg", `<svg/>`},
	}
	for _, tt := range tests {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, localRequest("GET", tt.target))
		if got := w.Body.String(); got != tt.want {
			t.Errorf("GET %s:\n got %s\nwant %s", tt.target, got, tt.want)
		}
	}
}

func TestHandlerOverlayWhileFailing(t *testing.T) {
	s := servedSite(handlerSite, `<div id="milepost-overlay">oops</div>`)
	for _, target := range []string{"/", "/milestones/x/", "/missing"} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, localRequest("GET", target))
		if !strings.Contains(w.Body.String(), `</script><div id="milepost-overlay">oops</div></`) {
			t.Errorf("GET %s lacks the overlay: %s", target, w.Body)
		}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, localRequest("GET", "/style.css"))
	if w.Body.String() != "body{}" {
		t.Errorf("overlay injected into CSS: %s", w.Body)
	}
}

func TestHandlerETag(t *testing.T) {
	s := servedSite(handlerSite, "")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, localRequest("GET", "/milestones/x/"))
	tag := w.Result().Header.Get("ETag")
	if tag == "" {
		t.Fatal("no ETag")
	}
	req := localRequest("GET", "/milestones/x/")
	req.Header.Set("If-None-Match", tag)
	w = httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusNotModified {
		t.Errorf("revalidation: %d, want 304", w.Code)
	}

	// The same file with an overlay is a different response.
	s.state.Store(&siteState{files: s.state.Load().files, gen: 7, overlay: "<div>x</div>"})
	w = httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		t.Errorf("after the overlay appeared: %d, want 200", w.Code)
	}
}

func TestRelativeRoot(t *testing.T) {
	tests := map[string]string{
		"/":                        "./",
		"/index.html":              "./",
		"/style.css":               "./",
		"/milestones/":             "../",
		"/milestones/x/":           "../../",
		"/milestones/x/index.html": "../../",
		"/a%2Fb/":                  "../", // an encoded slash is no folder to the browser
	}
	for in, want := range tests {
		if got := relativeRoot(in); got != want {
			t.Errorf("relativeRoot(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInjectBeforeBody(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<body>x</body>", "<body>xTAG</body>"},
		{"<body>x</BODY >", "<body>xTAG</BODY >"},
		{"<body>x</body><!-- </body> --></body>", "<body>x</body><!-- </body> -->TAG</body>"},
		{"x", "xTAG"},
		{"", "TAG"},
	}
	for _, tt := range tests {
		if got := string(injectBeforeBody([]byte(tt.page), "TAG")); got != tt.want {
			t.Errorf("injectBeforeBody(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}
