// Runs axe-core and the theme's behaviour checks in headless Chromium
// (Debian's, through playwright-core), and takes the screenshots.
// Usage: node browser.mjs CHROMIUM SHOTS_DIR name=SITE_DIR...
import { chromium } from "playwright-core";
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [executablePath, shots, ...sites] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

// The pages every check visits: home, the first milestone, tracker and
// runbook the site's status.json lists, the broken-links page, and, when
// the site names owners, the index of people and the first person's page.
function pagesOf(dir) {
  const status = JSON.parse(readFileSync(path.join(dir, "status.json"), "utf8"));
  const pages = [["home", ""]];
  for (const kind of ["milestone", "tracker", "runbook"]) {
    const p = status.pages.find((p) => p.kind === kind);
    if (p) pages.push([kind, p.url]);
  }
  pages.push(["broken-links", "broken-links/"]);
  if (existsSync(path.join(dir, "people", "index.html"))) {
    pages.push(["people", "people/"]);
    const first = readFileSync(path.join(dir, "people", "index.html"), "utf8").match(/href="\.\.\/people\/([^"\/]+)\/(?:index\.html)?"/);
    if (first) pages.push(["person", "people/" + first[1] + "/"]);
  }
  return pages;
}

const fileURL = (dir, url) => pathToFileURL(path.join(dir, url, "index.html")).href;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
let failures = 0;
const fail = (msg) => { failures++; console.log("FAIL " + msg); };

async function open(url, { colorScheme = "light", width = 1280, height = 900, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width, height }, deviceScaleFactor: 1, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  // Console errors count until axe is injected: axe itself tries to read
  // the stylesheets with XMLHttpRequest, which file:// refuses.
  page.on("pageerror", (e) => problems.push("script error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error" && !page.axeInjected) problems.push("console error: " + m.text()); });
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push("request leaves the site: " + r.url()); });
  await page.goto(url, { waitUntil: "load" });
  return { page, context, problems };
}

async function axe(page) {
  page.axeInjected = true;
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(" ") }));
  });
}

let axeRuns = 0, serious = 0, minor = 0;
for (const spec of sites) {
  const [name, dir] = spec.split("=");
  for (const [label, url] of pagesOf(dir)) {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context, problems } = await open(fileURL(dir, url), { colorScheme });
      const violations = await axe(page);
      axeRuns++;
      for (const v of violations) {
        const bad = v.impact === "serious" || v.impact === "critical";
        if (bad) serious++; else minor++;
        const line = `axe ${name} ${label} ${colorScheme}: ${v.impact} ${v.id} (${v.nodes}×) ${v.help} at ${v.target}`;
        if (bad) fail(line); else console.log("note " + line);
      }
      problems.forEach((p) => fail(`${name} ${label} ${colorScheme}: ${p}`));
      await context.close();
    }
    for (const [width, height, scheme] of [[375, 812, "light"], [1280, 900, "light"], [1280, 900, "dark"]]) {
      const { page, context } = await open(fileURL(dir, url), { colorScheme: scheme, width, height });
      await page.screenshot({ path: path.join(shots, `${name}-${label}-${width}${scheme === "dark" ? "-dark" : ""}.png`) });
      await context.close();
    }
  }
  await behaviour(name, dir);
  await badges(name, dir);
}
console.log(`axe: ${axeRuns} page runs, ${serious} serious or critical violations, ${minor} minor or moderate`);
await browser.close();
process.exit(failures ? 1 : 0);

// badges opens every badge of the site as an image, as a README would
// embed it (a minified SVG that lost its namespace would not decode).
async function badges(name, dir) {
  const status = JSON.parse(readFileSync(path.join(dir, "status.json"), "utf8"));
  const urls = ["badge.svg", ...status.folders.map((f) => f.url + "badge.svg")];
  for (const p of status.pages) {
    if (!p.url) continue;
    urls.push(p.url + "badge.svg");
    // Section badges are opt-in (badges.sections): check those the build wrote.
    for (const s of p.sections) {
      const u = p.url + "badges/" + s.id + ".svg";
      if (s.counts.total > 0 && existsSync(path.join(dir, u))) urls.push(u);
    }
  }
  const { page, context } = await open(pathToFileURL(path.join(dir, "index.html")).href);
  const broken = await page.evaluate(async (srcs) => {
    const bad = [];
    for (const src of srcs) {
      const img = new Image();
      img.src = src;
      try { await img.decode(); } catch (e) { bad.push(src); continue; }
      if (!img.naturalWidth || img.naturalHeight !== 20) bad.push(src + " (" + img.naturalWidth + "×" + img.naturalHeight + ")");
    }
    return bad;
  }, urls.map((u) => pathToFileURL(path.join(dir, u)).href));
  broken.forEach((b) => fail(`${name} badge does not open as a 20 px image: ${b}`));
  console.log(`badges ${name}: ${urls.length} opened as images, ${broken.length} failed`);
  await context.close();
}

// behaviour checks what the theme's script promises, from file://.
async function behaviour(name, dir) {
  const pages = pagesOf(dir);
  const { page, context, problems } = await open(fileURL(dir, ""));
  // Search: the index loads from file:// and finds the first page's title.
  const status = JSON.parse(readFileSync(path.join(dir, "status.json"), "utf8"));
  const word = (status.pages.find((p) => p.url) || { title: "" }).title.split(/\s+/)[0];
  if (word.length >= 2) {
    await page.fill("#search-input", word);
    try {
      await page.waitForSelector(".search-results a", { timeout: 5000 });
      const hits = await page.locator(".search-results a").count();
      console.log(`search ${name}: "${word}" → ${hits} results`);
      await page.keyboard.press("ArrowDown");
      const focused = await page.evaluate(() => document.activeElement.closest(".search-results") !== null);
      if (!focused) fail(`search ${name}: ArrowDown does not move into the results`);
    } catch (e) {
      fail(`search ${name}: no results for "${word}" (${e.message.split("\n")[0]})`);
    }
  }
  // Dark mode toggle.
  await page.click(".theme-toggle");
  if ((await page.getAttribute("html", "data-theme")) !== "dark") fail(`${name}: the theme toggle does not switch to dark`);
  problems.forEach((p) => fail(`${name} home: ${p}`));
  await context.close();
  // JavaScript off: the page still reads (progress, text), and nothing that
  // needs the script (search box, theme toggle) is shown.
  for (const [label, url] of pages) {
    const { page, context } = await open(fileURL(dir, url), { javaScriptEnabled: false });
    const visible = await page.evaluate(() => {
      const shown = (sel) => { const e = document.querySelector(sel); return !!e && e.offsetParent !== null; };
      return { main: shown("main h1"), search: shown(".search"), toggle: shown(".theme-toggle") };
    });
    if (!visible.main || visible.search || visible.toggle) fail(`${name} ${label} without JavaScript: ${JSON.stringify(visible)}`);
    await context.close();
  }
  // Print: no site chrome on paper; external links show their address.
  {
    const { page, context } = await open(fileURL(dir, (pages.find(([l]) => l === "runbook") || pages[0])[1]));
    await page.emulateMedia({ media: "print" });
    const header = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).display);
    if (header !== "none") fail(`${name}: the site header prints`);
    await context.close();
  }
  // Runbook: copy buttons on every code block, checklist mode when it has boxes.
  const runbook = pages.find(([label]) => label === "runbook");
  if (runbook) {
    const { page, context, problems } = await open(fileURL(dir, runbook[1]));
    const blocks = await page.locator(".doc-body pre").count();
    const buttons = await page.locator(".doc-body pre .copy").count();
    if (blocks !== buttons) fail(`${name} runbook: ${blocks} code blocks but ${buttons} copy buttons`);
    const boxes = await page.locator(".doc-body .task-box").count();
    if (boxes > 0) {
      await page.click("text=Use as checklist");
      await page.locator(".doc-body .task-box").first().check();
      await page.reload();
      const kept = await page.locator(".doc-body .task-box").first().isChecked();
      if (!kept) fail(`${name} runbook: a checklist tick is not kept across a reload`);
      await page.click("text=Reset ticks");
      if (await page.locator(".doc-body .task-box").first().isChecked()) fail(`${name} runbook: reset leaves a tick`);
    }
    console.log(`runbook ${name}: ${blocks} code blocks with copy buttons, ${boxes} checklist boxes`);
    problems.forEach((p) => fail(`${name} runbook: ${p}`));
    await context.close();
  }
}
