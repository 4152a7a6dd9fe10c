// milepost: small progressive enhancements. Everything works without it.
(function () {
  "use strict";
  var root = document.documentElement;
  var key = "milepost-theme";
  try { var saved = localStorage.getItem(key); if (saved) root.setAttribute("data-theme", saved); } catch (e) {}
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector(".theme-toggle");
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var dark = root.getAttribute("data-theme") === "dark" ||
          (!root.getAttribute("data-theme") && matchMedia("(prefers-color-scheme: dark)").matches);
        var next = dark ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { localStorage.setItem(key, next); } catch (e) {}
      });
    }
    // "N days ago" after absolute dates, computed here so page bytes never change by day.
    var now = Date.now();
    document.querySelectorAll("time[data-age]").forEach(function (t) {
      var d = Date.parse(t.getAttribute("datetime"));
      if (isNaN(d)) return;
      var days = Math.floor((now - d) / 86400000);
      if (days < 0) return;
      var s = document.createElement("span");
      s.className = "age";
      s.textContent = " (" + (days === 0 ? "today" : days === 1 ? "1 day ago" : days + " days ago") + ")";
      t.after(s);
    });
  });
})();
