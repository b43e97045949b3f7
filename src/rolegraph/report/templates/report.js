(function () {
  "use strict";
  var toolbar = document.getElementById("toolbar");
  var box = document.getElementById("filter");
  var size = document.getElementById("size");
  var status = document.getElementById("filter-status");
  if (!toolbar || !box || !size) { return; }
  toolbar.hidden = false;
  function list(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function entry(el, attr) {
    return { el: el, roles: (el.getAttribute(attr) || "").split("\n") };
  }
  var items = list("main [data-roles]").map(function (el) { return entry(el, "data-roles"); });
  var groups = list("main [data-filter-group]").map(function (g) {
    return { el: g, members: list("[data-roles]", g) };
  });
  var nodes = list(".ladder-svg g.node").map(function (el) { return entry(el, "data-role"); });
  var sizes = list("section[data-size]");
  var findings = list("article.finding");
  var timer = null;

  var aliases = [];
  try { aliases = JSON.parse(box.getAttribute("data-aliases") || "[]"); } catch (e) { aliases = []; }
  function terms() {  // what was typed, plus the label of every role one of whose titles it matches
    var typed = box.value.toLowerCase().split(",").map(function (t) { return t.trim(); })
      .filter(function (t) { return t.length > 0; });
    var out = typed.slice();
    typed.forEach(function (t) {
      aliases.forEach(function (pair) { if (pair[0].indexOf(t) !== -1) { out.push(pair[1]); } });
    });
    return out;
  }
  function matches(roles, want) {
    if (want.length === 0) { return true; }
    for (var i = 0; i < want.length; i++) {
      for (var j = 0; j < roles.length; j++) {
        if (roles[j].indexOf(want[i]) !== -1) { return true; }
      }
    }
    return false;
  }
  function show(el, on) {
    if (el.hidden === on) { el.hidden = !on; }
  }
  function apply() {
    timer = null;
    var want = terms();
    items.forEach(function (it) { show(it.el, matches(it.roles, want)); });
    groups.forEach(function (g) {
      show(g.el, g.members.length === 0 || g.members.some(function (el) { return !el.hidden; }));
    });
    nodes.forEach(function (n) { n.el.classList.toggle("dim", !matches(n.roles, want)); });
    var chosen = size.value;
    sizes.forEach(function (s) { show(s, chosen === "all" || s.getAttribute("data-size") === chosen); });
    if (want.length === 0) {
      status.textContent = "";
    } else {
      var visible = findings.filter(function (f) { return !f.hidden; }).length;
      status.textContent = "Showing " + visible + " of " + findings.length + " disagreements";
    }
  }
  function later() {  // on a big page, wait for a pause in typing
    if (items.length <= 2000) { apply(); return; }
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(apply, 150);
  }
  box.addEventListener("input", later);
  size.addEventListener("change", apply);
  apply();
})();
