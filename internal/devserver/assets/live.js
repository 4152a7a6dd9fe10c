// milepost serve: live reload. Loaded through a path relative to the page;
// finds its event stream next to itself, so it works under any sub-path.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var here = new URL(".", me.src);     // …/_milepost/
  var root = new URL("..", here);      // the site root
  var site = me.getAttribute("data-milepost-site");
  var key = "milepost-scroll:" + location.pathname;

  try {
    var saved = sessionStorage.getItem(key);
    if (saved) {
      sessionStorage.removeItem(key);
      var xy = saved.split(",");
      var restore = function () { window.scrollTo(+xy[0], +xy[1]); };
      if (document.readyState === "complete") restore();
      else window.addEventListener("load", restore);
    }
  } catch (e) {}

  function reload() {
    try { sessionStorage.setItem(key, window.scrollX + "," + window.scrollY); } catch (e) {}
    location.reload();
  }

  function showOverlay(html) {
    var old = document.getElementById("milepost-overlay");
    if (old) old.remove();
    if (html) document.body.insertAdjacentHTML("beforeend", html);
  }

  document.addEventListener("click", function (e) {
    var close = e.target.closest && e.target.closest("#milepost-overlay .mp-close");
    if (close) showOverlay("");
  });

  function swapStylesheets(paths) {
    var want = paths.map(function (p) { return new URL(p, root).pathname; });
    var links = [].slice.call(document.querySelectorAll('link[rel~="stylesheet"]'));
    var hit = links.filter(function (l) { return want.indexOf(new URL(l.href).pathname) >= 0; });
    (hit.length ? hit : links).forEach(function (l) {
      var u = new URL(l.href);
      u.searchParams.set("milepost", Date.now());
      l.href = u.href;
    });
  }

  var es = new EventSource(new URL("events", here));
  es.addEventListener("hello", function (e) {
    if (e.data !== site) reload();  // built again while this page was away
  });
  es.addEventListener("reload", reload);
  es.addEventListener("css", function (e) {
    var msg = JSON.parse(e.data);
    site = msg.site;
    swapStylesheets(msg.paths);
  });
  es.addEventListener("error", function (e) {
    if (typeof e.data === "string") showOverlay(e.data); // not a connection error
  });
})();
