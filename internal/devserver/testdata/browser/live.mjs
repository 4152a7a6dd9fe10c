// Drives Chromium over the DevTools protocol through the live-reload script.
// Run by TestBrowser (browser_test.go), which passes:
//   CDP_PORT   Chromium's remote debugging port
//   SITE_URL   the site's URL as the browser sees it (behind a proxy, ends in /)
//   SITE_ROOT  the site folder on disk, to edit
// Prints "ok <check>" per passed check and exits 1 at the first failure.
import fs from "node:fs";
import path from "node:path";

const { CDP_PORT, SITE_URL, SITE_ROOT } = process.env;
const file = (rel) => path.join(SITE_ROOT, rel);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fail(check, detail) {
  console.log(`FAIL ${check}: ${detail}`);
  process.exit(1);
}

const targets = await (await fetch(`http://127.0.0.1:${CDP_PORT}/json/list`)).json();
const ws = new WebSocket(targets.find((t) => t.type === "page").webSocketDebuggerUrl);
await new Promise((r, j) => { ws.onopen = r; ws.onerror = j; });

let nextId = 0;
const replies = new Map();
let loads = 0;
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (replies.has(msg.id)) { replies.get(msg.id)(msg); replies.delete(msg.id); }
  if (msg.method === "Page.loadEventFired") loads++;
  if (msg.method === "Runtime.exceptionThrown") fail("no script errors", JSON.stringify(msg.params.exceptionDetails));
};
const send = (method, params = {}) => new Promise((r) => {
  const id = ++nextId;
  replies.set(id, r);
  ws.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expr) => (await send("Runtime.evaluate", { expression: expr, returnByValue: true })).result.result?.value;

// waitFor polls expr until it is true, for up to 10 s.
async function waitFor(check, expr) {
  for (const end = Date.now() + 10000; Date.now() < end; await sleep(20)) {
    if (await evaluate(expr)) return;
  }
  fail(check, `timed out waiting for ${expr}`);
}
async function waitLoads(check, n) {
  for (const end = Date.now() + 10000; Date.now() < end; await sleep(20)) {
    if (loads >= n) return;
  }
  fail(check, `no reload (${loads} loads, want ${n})`);
}

await send("Page.enable");
await send("Runtime.enable");
await send("Emulation.setDeviceMetricsOverride", { width: 800, height: 400, deviceScaleFactor: 1, mobile: false });
await send("Page.navigate", { url: SITE_URL + "a/" });
await waitLoads("first load", 1);
// The stream is open once the script has had its hello.
await waitFor("page loaded", "document.querySelector('h1') && document.querySelector('h1').textContent === 'alpha'");
await sleep(300);
console.log("ok page loads through the proxy");

await evaluate("window.scrollTo(0, 1500)");
await waitFor("scroll", "window.scrollY === 1500");
fs.writeFileSync(file("content/a.md"), "alpha, edited");
await waitLoads("edit reloads", 2);
await waitFor("edit shows", "document.querySelector('h1') && document.querySelector('h1').textContent === 'alpha, edited'");
console.log("ok an edit reloads the page");
await waitFor("scroll kept", "window.scrollY === 1500");
console.log("ok the reload keeps the scroll position");
await sleep(300);

let before = loads;
fs.writeFileSync(file("static/style.css"), "h1{height:5000px;outline:3px solid red}");
await waitFor("css applied", "getComputedStyle(document.querySelector('h1')).outlineStyle === 'solid'");
await sleep(300);
if (loads !== before) fail("css without reload", `${loads - before} reloads`);
if (!(await evaluate("document.querySelector('link[rel~=stylesheet]').href.includes('milepost=')"))) fail("css swap", "href not swapped");
console.log("ok a stylesheet edit swaps the stylesheet without a reload");

before = loads;
fs.writeFileSync(file("content/a.md"), "alpha\n  BROKEN");
await waitFor("overlay", "!!document.getElementById('milepost-overlay')");
if (!(await evaluate("document.getElementById('milepost-overlay').textContent.includes('content/a.md:2:3')"))) fail("overlay", "no file:line:col");
if (loads !== before) fail("overlay without reload", `${loads - before} reloads`);
console.log("ok a broken file shows the overlay");

await evaluate("document.querySelector('#milepost-overlay .mp-close').click()");
await waitFor("overlay closes", "!document.getElementById('milepost-overlay')");
console.log("ok the overlay's close button hides it");

await send("Page.reload");
await waitLoads("fresh load", before + 1);
await waitFor("overlay on fresh load", "!!document.getElementById('milepost-overlay')");
if (await evaluate("document.querySelector('h1').textContent") !== "alpha, edited") fail("last good site", "not served");
console.log("ok a fresh load shows the overlay over the last good page");
await sleep(300);

before = loads;
fs.writeFileSync(file("content/a.md"), "alpha, fixed");
await waitLoads("fix reloads", before + 1);
await waitFor("fixed", "document.querySelector('h1') && document.querySelector('h1').textContent === 'alpha, fixed' && !document.getElementById('milepost-overlay')");
console.log("ok fixing the file reloads and clears the overlay");
ws.close();
process.exit(0);
