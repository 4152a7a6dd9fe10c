package devserver

import (
	"bytes"
	_ "embed"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

//go:embed assets/live.js
var liveScript []byte

// notFoundPage stands in for a site without 404.html.
const notFoundPage = "<!doctype html>\n<meta charset=utf-8>\n<title>404 page not found</title>\n<body>\n<h1>404 page not found</h1>\n</body>\n"

// failedPage is served for every page while no build has succeeded yet.
const failedPage = "<!doctype html>\n<meta charset=utf-8>\n<title>build failed</title>\n<body>\n<h1>The site did not build</h1>\n<p>Fix the error and this page reloads.</p>\n</body>\n"

// ServeHTTP serves the last good build and the live-reload endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allows(r.Host) {
		misdirected(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !safePath(p) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	switch {
	case p == liveScriptPath:
		s.serveBytes(w, r, "live.js", liveScript, http.StatusOK)
		return
	case p == eventsPath:
		s.serveEvents(w, r)
		return
	case strings.HasPrefix(p, reservedPrefix):
		http.NotFound(w, r)
		return
	}

	st := s.state.Load()
	if st.files == nil {
		s.serveBytes(w, r, "index.html", []byte(failedPage), http.StatusInternalServerError)
		return
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if body, ok := st.files[name]; ok {
		s.serveBytes(w, r, name, body, http.StatusOK)
		return
	}
	if make, ok := st.deferred[name]; ok {
		s.serveBytes(w, r, name, make(), http.StatusOK)
		return
	}
	if !strings.HasSuffix(p, "/") {
		if _, ok := st.files[name+"/index.html"]; ok {
			redirectToFolder(w, r)
			return
		}
	}
	if body, ok := st.files["404.html"]; ok {
		s.serveBytes(w, r, "404.html", body, http.StatusNotFound)
		return
	}
	s.serveBytes(w, r, "404.html", []byte(notFoundPage), http.StatusNotFound)
}

// safePath accepts only clean absolute paths: no "." or ".." segment (also
// when sent percent-encoded: r.URL.Path is decoded), no backslash, no NUL.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// redirectToFolder sends "/a/b" to "./b/" (relative, so it stays right
// behind a proxy that mounts the site under a sub-path).
func redirectToFolder(w http.ResponseWriter, r *http.Request) {
	target := "./" + url.PathEscape(path.Base(r.URL.Path)) + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusFound)
}

// serveBytes writes one file: HTML gets the live-reload tag (and the error
// overlay while a build is failing); every response carries an ETag and
// Cache-Control: no-cache so the browser revalidates on each load.
func (s *Server) serveBytes(w http.ResponseWriter, r *http.Request, name string, body []byte, status int) {
	ctype := contentType(name, body)
	if isHTML(ctype) {
		st := s.state.Load()
		body = injectBeforeBody(body, liveTag(r.URL.EscapedPath(), s.siteID(st), st.overlay))
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if status != http.StatusOK {
		h.Set("Content-Length", fmt.Sprint(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	h.Set("ETag", etag(body))
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
}

func etag(body []byte) string {
	f := fnv.New64a()
	f.Write(body)
	return fmt.Sprintf(`"%016x"`, f.Sum64())
}
