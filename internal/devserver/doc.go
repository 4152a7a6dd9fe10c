// Package devserver is the server behind `milepost serve`: it keeps the last
// good build of a site in memory, serves it over HTTP, watches the site's
// source files, rebuilds on change and tells open browsers to reload.
//
// In: a Builder (the build pipeline, called with the list of source files
// that changed) and Options (site root, paths to watch, address, polling).
//
// Out: HTTP responses and terminal lines. The server
//   - serves Result.Files from memory: "/a/b/" is a/b/index.html, "/a/b" is
//     redirected to "./b/" when a/b/index.html exists, misses get the site's
//     404.html with status 404; only GET and HEAD; no path with a ".."
//     segment, a backslash or a NUL byte is ever looked up;
//   - injects into every HTML response one <script> tag whose src is
//     relative to the page (so the site keeps working behind a reverse proxy
//     that mounts it under a sub-path, and on any port); the script opens an
//     EventSource next to itself under the reserved prefix /_milepost/;
//   - on a successful rebuild sends "reload", or "css" when only stylesheets
//     changed; on a failed one keeps the last good site, prints the
//     diagnostics with their source lines and sends "error" with a
//     pre-rendered, escaped overlay that is also injected into HTML
//     responses until a build succeeds again;
//   - watches with fsnotify (recursively, adding and dropping folders as they
//     come and go) or, with Options.Poll or when fsnotify cannot start, by
//     polling modification times and sizes; events are batched within a
//     quiet window and passed to the Builder as sorted, de-duplicated paths
//     relative to the root, editor litter and dot-files left out.
//
// It never writes to the disk: not the destination folder, not the sources.
// Builder.Build is only ever called from one goroutine at a time. Run returns
// once every goroutine it started has stopped.
package devserver
