package devserver

import (
	"strings"
)

// The reserved URL prefix for the server's own files. A site file under
// _milepost/ is shadowed while serving.
const (
	reservedPrefix = "/_milepost/"
	liveScriptPath = reservedPrefix + "live.js"
	eventsPath     = reservedPrefix + "events"
)

// relativeRoot returns the relative path from the folder of a request path
// (as the browser sent it, still escaped) back to the site root: "./" for
// "/" and "/index.html", "../../" for "/milestones/x/" and
// "/milestones/x/index.html".
//
// The injected script is loaded through this path, and finds its event
// stream next to itself. Nothing absolute is ever written into a page, so
// the live reload keeps working when a reverse proxy mounts the server
// under a sub-path (/docs/ → /), on any host and any port.
func relativeRoot(escapedPath string) string {
	depth := strings.Count(escapedPath, "/") - 1
	if depth <= 0 {
		return "./"
	}
	return strings.Repeat("../", depth)
}

// liveTag is the markup injected into an HTML response: the live-reload
// script, told which build the page comes from, and the error overlay while
// a build is failing.
func liveTag(escapedPath, siteID, overlay string) string {
	return `<script src="` + relativeRoot(escapedPath) + strings.TrimPrefix(liveScriptPath, "/") +
		`" data-milepost-site="` + siteID + `"></script>` + overlay
}

// injectBeforeBody inserts tag before the last </body> (any letter case) or,
// when there is none, at the end.
func injectBeforeBody(page []byte, tag string) []byte {
	at := lastIndexFold(page, "</body")
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex with ASCII case folding, for a lower-case
// needle, without copying the page.
func lastIndexFold(s []byte, lowerNeedle string) int {
	n := len(lowerNeedle)
	for i := len(s) - n; i >= 0; i-- {
		match := true
		for j := 0; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lowerNeedle[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
