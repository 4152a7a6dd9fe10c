package devserver

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBrowser drives a real Chromium through testdata/browser/live.mjs: an
// edit reloads the page and keeps the scroll position, a stylesheet edit
// swaps the stylesheet without a reload, a broken file shows the overlay
// (also on a fresh load) and fixing it clears it. The site is reached
// through a reverse proxy that mounts it under /docs/, which is what the
// relative script path is for.
//
// It runs only with MILEPOST_BROWSER_TEST=1, and needs chromium (or
// google-chrome) and node ≥ 20 on the PATH.
func TestBrowser(t *testing.T) {
	if os.Getenv("MILEPOST_BROWSER_TEST") == "" {
		t.Skip("set MILEPOST_BROWSER_TEST=1 to drive a real browser")
	}
	chrome := firstOnPath("chromium", "chromium-browser", "google-chrome")
	node := firstOnPath("node")
	if chrome == "" || node == "" {
		t.Skip("needs chromium and node on the PATH")
	}
	h := startServer(t, map[string]string{"static/style.css": "h1{height:5000px}"}, nil)

	upstream, _ := url.Parse(h.url)
	mount := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(upstream)
		r.Out.URL.Path = strings.TrimPrefix(r.In.URL.Path, "/docs")
		r.Out.URL.RawPath = ""
	}}
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/docs/") {
			http.NotFound(w, r) // only the mount reaches the server
			return
		}
		mount.ServeHTTP(w, r)
	}))
	defer proxy.Close()

	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	profile := t.TempDir()
	browser := exec.CommandContext(ctx, chrome, "--headless=new", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--remote-debugging-port=0", "--user-data-dir="+profile, "about:blank")
	if err := browser.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		browser.Process.Kill()
		browser.Wait()
	}()
	port := devtoolsPort(t, profile)

	script := exec.CommandContext(ctx, node, "--experimental-websocket", filepath.Join("testdata", "browser", "live.mjs"))
	script.Env = append(os.Environ(), "CDP_PORT="+port, "SITE_URL="+proxy.URL+"/docs/", "SITE_ROOT="+h.root)
	out, err := script.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("browser checks failed: %v", err)
	}
}

func firstOnPath(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// devtoolsPort reads the port Chromium chose from DevToolsActivePort.
func devtoolsPort(t *testing.T, profile string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(filepath.Join(profile, "DevToolsActivePort"))
		if port, _, ok := strings.Cut(string(data), "\n"); err == nil && ok {
			if resp, err := http.Get("http://127.0.0.1:" + port + "/json/version"); err == nil {
				resp.Body.Close()
				return port
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("chromium did not open its debugging port")
	return ""
}
