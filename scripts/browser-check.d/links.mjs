// Serves each site from the root and under /sub/ with a tiny static server
// and checks every internal link and fragment with linkinator.
// Usage: node links.mjs name=SITE_DIR...
import { LinkChecker } from "linkinator";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml", ".png": "image/png", ".txt": "text/plain" };

function serve(dir, mount) {
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!url.startsWith(mount)) { res.writeHead(404).end("outside the site"); return; }
    let file = path.join(dir, url.slice(mount.length));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) {
        if (!url.endsWith("/")) { res.writeHead(301, { location: url + "/" }).end(); return; }
        file = path.join(file, "index.html");
      }
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": types[".html"] }).end(await readFile(path.join(dir, "404.html")).catch(() => "not found"));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let broken = 0;
for (const spec of process.argv.slice(2)) {
  const [name, dir] = spec.split("=");
  for (const mount of ["/sub/", "/"]) {
    const server = await serve(path.resolve(dir), mount);
    const base = `http://127.0.0.1:${server.address().port}${mount}`;
    const checker = new LinkChecker();
    const result = await checker.check({
      path: base, recurse: true, checkFragments: true, concurrency: 20,
      linksToSkip: async (link) => !link.startsWith(base),
    });
    const bad = result.links.filter((l) => l.state === "BROKEN");
    broken += bad.length;
    console.log(`linkinator ${name} ${mount}: ${result.links.length} links, ${bad.length} broken`);
    for (const l of bad.slice(0, 30)) console.log(`  FAIL ${l.status} ${l.url} (from ${l.parent})${l.failureDetails ? " " + JSON.stringify(l.failureDetails).slice(0, 200) : ""}`);
    server.close();
  }
}
process.exit(broken ? 1 : 0);
