(function () {
  "use strict";
  var toolbar = document.getElementById("toolbar");
  var box = document.getElementById("filter");
  var size = document.getElementById("size");
  var status = document.getElementById("filter-status");
  if (!toolbar || !box || !size) { return; }
  toolbar.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll("main [data-roles]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("main [data-filter-group]"));
  var nodes = Array.prototype.slice.call(document.querySelectorAll(".ladder-svg g.node"));
  var sizes = Array.prototype.slice.call(document.querySelectorAll("section[data-size]"));
  var findings = document.querySelectorAll("article.finding").length;

  function terms() {
    return box.value.toLowerCase().split(",").map(function (t) { return t.trim(); })
      .filter(function (t) { return t.length > 0; });
  }
  function matches(text, want) {
    if (want.length === 0) { return true; }
    var roles = text.split("|");
    return want.some(function (t) {
      return roles.some(function (r) { return r.indexOf(t) !== -1; });
    });
  }
  function apply() {
    var want = terms();
    items.forEach(function (el) { el.hidden = !matches(el.getAttribute("data-roles") || "", want); });
    groups.forEach(function (g) {
      var inner = g.querySelectorAll("[data-roles]");
      var shown = Array.prototype.some.call(inner, function (el) { return !el.hidden; });
      g.hidden = inner.length > 0 && !shown;
    });
    nodes.forEach(function (n) {
      var on = want.length === 0 || matches(n.getAttribute("data-role") || "", want);
      n.classList.toggle("dim", !on);
    });
    var chosen = size.value;
    sizes.forEach(function (s) { s.hidden = chosen !== "all" && s.getAttribute("data-size") !== chosen; });
    if (want.length === 0) {
      status.textContent = "";
    } else {
      var visible = document.querySelectorAll("article.finding:not([hidden])").length;
      status.textContent = "Showing " + visible + " of " + findings + " disagreements";
    }
  }
  box.addEventListener("input", apply);
  size.addEventListener("change", apply);
  apply();
})();
