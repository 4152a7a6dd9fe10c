// milepost: small progressive enhancements. Every page reads fine without
// them: dark mode toggle, "N days ago" after dates, copy buttons on code
// blocks, a checklist mode for runbooks, and search.
(function () {
  "use strict";
  var root = document.documentElement;
  var themeKey = "milepost-theme";
  function load(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function save(k, v) { try { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); } catch (e) {} }
  var saved = load(themeKey);
  if (saved) root.setAttribute("data-theme", saved);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  }

  function themeToggle() {
    var b = document.querySelector(".theme-toggle");
    if (!b) return;
    var show = function () { b.setAttribute("aria-pressed", String(isDark())); };
    b.hidden = false;
    show();
    b.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      save(themeKey, next);
      show();
    });
  }

  // Ages are computed here, so page bytes never change from day to day.
  function ages() {
    var now = Date.now();
    document.querySelectorAll("time[data-age]").forEach(function (t) {
      var d = Date.parse(t.getAttribute("datetime"));
      var days = Math.floor((now - d) / 864e5);
      if (isNaN(days) || days < 0) return;
      t.after(el("span", "age", " (" + (days === 0 ? "today" : days === 1 ? "1 day ago" : days + " days ago") + ")"));
    });
  }

  function copyButtons() {
    document.querySelectorAll(".doc-body pre").forEach(function (pre) {
      var b = el("button", "icon-button copy", "Copy");
      b.type = "button";
      b.setAttribute("aria-label", "Copy code to clipboard");
      b.addEventListener("click", function () {
        var code = pre.querySelector("code") || pre;
        var done = function (ok) { b.textContent = ok ? "Copied" : "Select and copy"; setTimeout(function () { b.textContent = "Copy"; }, 1500); };
        if (navigator.clipboard) navigator.clipboard.writeText(code.innerText).then(function () { done(true); }, function () { done(false); });
        else done(false);
      });
      pre.appendChild(b);
    });
  }

  // Checklist mode: a runbook's checkboxes become tickable; ticks stay in
  // this browser (localStorage), never in the source.
  function checklist() {
    var doc = document.querySelector(".doc-runbook");
    if (!doc) return;
    var boxes = doc.querySelectorAll(".doc-body .task-box");
    if (!boxes.length) return;
    var key = "milepost-checklist:" + doc.getAttribute("data-path");
    var ticks = {};
    try { ticks = JSON.parse(load(key) || "{}"); } catch (e) {}
    var original = [];
    var bar = el("div", "checklist-bar");
    var toggle = el("button", "icon-button", "Use as checklist");
    var reset = el("button", "icon-button", "Reset ticks");
    var status = el("span", "where");
    status.setAttribute("aria-live", "polite");
    toggle.type = reset.type = "button";
    toggle.setAttribute("aria-pressed", "false");
    reset.hidden = true;
    bar.append(toggle, reset, status);
    doc.querySelector(".doc-body").prepend(bar);
    function count() {
      var n = 0;
      boxes.forEach(function (b) { if (b.checked) n++; });
      status.textContent = n + " of " + boxes.length + " ticked in this browser";
    }
    function on(enable) {
      toggle.setAttribute("aria-pressed", String(enable));
      toggle.textContent = enable ? "Stop checklist" : "Use as checklist";
      reset.hidden = !enable;
      doc.classList.toggle("checklist-on", enable);
      boxes.forEach(function (b, i) {
        b.disabled = !enable;
        b.checked = enable ? !!ticks[i] : original[i];
      });
      if (enable) count(); else status.textContent = "";
      save(key + ":on", enable ? "1" : null);
    }
    boxes.forEach(function (b, i) {
      original[i] = b.checked;
      b.addEventListener("change", function () {
        if (b.checked) ticks[i] = 1; else delete ticks[i];
        save(key, JSON.stringify(ticks));
        count();
      });
    });
    toggle.addEventListener("click", function () { on(toggle.getAttribute("aria-pressed") !== "true"); });
    reset.addEventListener("click", function () { ticks = {}; save(key, null); on(true); });
    if (load(key + ":on")) on(true);
  }

  // Search over the index the build writes as search-index.js (a script,
  // so it also loads from file://, where fetching JSON is blocked).
  function search() {
    var box = document.querySelector(".search");
    if (!box) return;
    var input = box.querySelector("input"), list = box.querySelector("ol"), said = box.querySelector("p");
    var base = root.getAttribute("data-root") || "./";
    var fileLinks = root.hasAttribute("data-file-links");
    var index = null, loading = false;
    box.hidden = false;
    function href(u) {
      var h = u.split("#");
      if (fileLinks && (h[0] === "" || /\/$/.test(h[0]))) h[0] += "index.html";
      return base + h.join("#");
    }
    function need() {
      if (index || loading) return;
      loading = true;
      var s = document.createElement("script");
      s.src = base + "search-index.js";
      s.onload = function () { index = window.milepostSearch || { pages: [], entries: [] }; run(); };
      s.onerror = function () { said.textContent = "Search index missing"; };
      document.head.appendChild(s);
    }
    function run() {
      list.textContent = "";
      var q = input.value.trim().toLowerCase();
      if (!index || q.length < 2) { said.textContent = ""; return; }
      var words = q.split(/\s+/), hits = [];
      index.entries.forEach(function (e) {
        var page = index.pages[e[0]], text = e[2].toLowerCase(), where = (page[0] + " " + e[2]).toLowerCase();
        for (var i = 0; i < words.length; i++) if (where.indexOf(words[i]) < 0) return;
        var rank = { t: 0, h: 1, i: 2 }[e[1]] * 2 + (text.indexOf(words[0]) === 0 ? 0 : 1);
        hits.push([rank, e, page]);
      });
      hits.sort(function (a, b) { return a[0] - b[0]; });
      hits.slice(0, 20).forEach(function (h) {
        var e = h[1], page = h[2], a = el("a"), li = el("li");
        a.href = href(page[1] + (e[3] ? "#" + e[3] : ""));
        a.textContent = e[2];
        a.appendChild(el("small", "", (e[1] === "t" ? page[2] : (e[1] === "h" ? "section" : e[4] || "item") + " · " + page[0])));
        li.appendChild(a);
        list.appendChild(li);
      });
      said.textContent = hits.length ? hits.length + " results" : "No results";
      if (!hits.length) list.appendChild(el("li", "where", "No results"));
    }
    input.addEventListener("focus", need);
    input.addEventListener("input", function () { need(); run(); });
    box.addEventListener("keydown", function (ev) {
      var links = [].slice.call(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        var next = ev.key === "ArrowDown" ? i + 1 : i - 1;
        if (next < 0) input.focus(); else if (links[next]) links[next].focus();
      } else if (ev.key === "Escape") {
        input.value = ""; run(); input.focus();
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) { ev.preventDefault(); input.focus(); }
    });
    document.addEventListener("click", function (ev) { if (!box.contains(ev.target)) list.textContent = ""; });
  }

  // On narrow screens the outline sits above the text: start it folded.
  function foldOutline() {
    var toc = document.querySelector(".toc details");
    if (toc && matchMedia("(max-width: 62rem)").matches) toc.open = false;
  }

  // The outline marks the section being read.
  function scrollSpy() {
    var links = {}, current = null;
    document.querySelectorAll(".toc a[href^='#']").forEach(function (a) {
      links[decodeURIComponent(a.getAttribute("href").slice(1))] = a;
    });
    if (!window.IntersectionObserver || !Object.keys(links).length) return;
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting || !links[e.target.id]) return;
        if (current) current.removeAttribute("aria-current");
        current = links[e.target.id];
        current.setAttribute("aria-current", "location");
      });
    }, { rootMargin: "-10% 0px -75% 0px" });
    Object.keys(links).forEach(function (id) {
      var h = document.getElementById(id);
      if (h) seen.observe(h);
    });
  }

  // A link into a folded (completed) section opens it; browsers that
  // open <details> on fragment navigation do so already.
  function openFolds() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var t = id && document.getElementById(id); t; t = t.parentElement) {
      if (t.tagName === "DETAILS") t.open = true;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    openFolds();
    addEventListener("hashchange", openFolds);
    foldOutline();
    scrollSpy();
    themeToggle();
    ages();
    copyButtons();
    checklist();
    search();
  });
})();
